package io.github.surveyreport.spark;

import io.github.surveyreport.core.SurveyAccumulator;
import io.github.surveyreport.core.data.Columns;
import io.github.surveyreport.core.data.DataFileException;
import io.github.surveyreport.core.study.ProfileColumn;
import io.github.surveyreport.core.study.Study;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks, before any job runs, that the Dataset has every column the study uses, of a type that
 * can hold its answers: numbers or text for analysed columns (items, terms); also booleans,
 * dates and timestamps (read as their text) for categories, groups and profile columns.
 */
final class ColumnTypes {
    private ColumnTypes() {
    }

    static void check(Study study, StructType schema, String dataName) {
        List<String> problems = new ArrayList<>(SurveyAccumulator.create(study, Arrays.asList(schema.fieldNames()),
                dataName, null).columnProblems());
        Set<String> analysed = new LinkedHashSet<>(study.analysedColumns());
        Set<String> labels = new LinkedHashSet<>(study.categoricalColumns());
        labels.addAll(study.groupingColumns());
        study.profile().stream().map(ProfileColumn::column).forEach(labels::add);
        for (StructField field : schema.fields()) {
            String name = Columns.normalize(field.name());
            DataType type = field.dataType();
            boolean number = type instanceof NumericType;
            boolean text = type instanceof StringType;
            if (contains(analysed, name) && !number && !text) {
                problems.add(dataName + ", column " + field.name() + ": the column is of Spark type "
                        + type.simpleString() + ", but the study analyses it (an item or a model term); give it a "
                        + "numeric or string column, e.g. with .withColumn(\"" + field.name() + "\", col(\""
                        + field.name() + "\").cast(\"double\"))");
            } else if (contains(labels, name) && !number && !text && !(type instanceof BooleanType)
                    && !(type instanceof DateType) && !(type instanceof TimestampType)
                    && !(type instanceof TimestampNTZType)) {
                problems.add(dataName + ", column " + field.name() + ": the column is of Spark type "
                        + type.simpleString() + ", but the study reads categories from it; give it a string, numeric "
                        + "or boolean column");
            }
        }
        if (!problems.isEmpty()) {
            throw new DataFileException(null, problems, false);
        }
    }

    private static boolean contains(Set<String> studyColumns, String normalizedName) {
        for (String column : studyColumns) {
            if (Columns.normalize(column).equals(normalizedName)) {
                return true;
            }
        }
        return false;
    }
}
