package io.github.surveyreport.spark;

import io.github.surveyreport.core.SurveyAccumulator;
import io.github.surveyreport.core.study.Study;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import scala.Tuple2;

import java.util.Iterator;
import java.util.List;

/**
 * Accumulates one partition's rows into one state, keyed by the partition's index (the order
 * in which the states merge). Runs on the executors; holds the study and the column names only.
 */
final class AccumulatePartition implements Function2<Integer, Iterator<Row>, Iterator<Tuple2<Long, byte[]>>> {
    private static final long serialVersionUID = 1L;

    private final Study study;
    private final List<String> columns;
    private final String dataName;

    AccumulatePartition(Study study, List<String> columns, String dataName) {
        this.study = study;
        this.columns = List.copyOf(columns);
        this.dataName = dataName;
    }

    @Override
    public Iterator<Tuple2<Long, byte[]>> call(Integer partition, Iterator<Row> rows) {
        SurveyAccumulator accumulator = SurveyAccumulator.create(study, columns, dataName, "partition " + partition);
        Object[] cells = new Object[columns.size()];
        while (rows.hasNext()) {
            Row row = rows.next();
            for (int i = 0; i < cells.length; i++) {
                cells[i] = row.get(i); // String, boxed number, BigDecimal, Boolean, date or null
            }
            accumulator.add(cells);
        }
        return List.of(new Tuple2<>((long) partition, accumulator.toBytes())).iterator();
    }
}
