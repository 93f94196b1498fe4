package io.github.surveyreport.spark;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.data.CsvRowSource;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import io.github.surveyreport.core.testing.HenanExample;
import io.github.surveyreport.core.testing.ResultsAgreement;
import io.github.surveyreport.core.testing.ResultsCopies;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SparkSurveyAnalysis} against the engine's single-machine pass ({@link SurveyAnalysis},
 * what the Maven plugin runs) on the same rows, in Spark's local mode with two threads:
 * <ul>
 *   <li>the Chinese example (Henan, 392 rows; every analysis incl. a 5,000-resample bootstrap):
 *       in one partition in file order the same results.json, byte for byte apart from the
 *       provenance block, whether the columns are strings or inferred numbers; in 1, 2 and 7
 *       ordered partitions within 1e-12;</li>
 *   <li>one million generated respondents (TAM-like study: CFA, comparisons, hierarchical
 *       regression, mediation with bootstrap, moderation) in 1, 2 and 7 partitions: every
 *       closed-form number within 1e-12 of the single pass over the same rows written as a CSV
 *       file; the iterative CFA within 1e-9 (its χ² is n·F at the minimum of F, about 1e-4
 *       here, a value that loses four digits to cancellation; measured 5e-11);</li>
 *   <li>the merge's tree shape (fan-in 2, three shuffle levels, against the default) likewise.</li>
 * </ul>
 * The difference measure is {@link ResultsAgreement#difference}: relative above 1, absolute
 * below. A Dataset's partitions merge in a different order than the file's parallel chunks,
 * so only the one-partition case can be byte-identical.
 */
class SparkSurveyAnalysisTest {
    private static final long MILLION = 1_000_000;
    private static final double CLOSED_FORM = 1e-12;
    private static final double ITERATIVE = 1e-9;

    @TempDir
    static Path dir;

    private static Study henan;
    private static Path henanCsv;
    private static Results henanReference;
    private static Study tam;
    private static Results tamReference;

    private static SparkSession spark() {
        return LocalSpark.session();
    }

    @BeforeAll
    static void henan() {
        henanCsv = HenanExample.directory().resolve("responses.csv");
        henan = StudyLoader.load(HenanExample.directory().resolve("study.yaml"));
        henanReference = SurveyAnalysis.run(henan);
    }

    /** The million rows as a CSV file and the single pass over it, made once. */
    private static synchronized Results tamReference() throws IOException {
        if (tamReference == null) {
            Path folder = Files.createDirectories(dir.resolve("tam"));
            try (InputStream study = SparkSurveyAnalysisTest.class.getResourceAsStream("/tam-like/study.yaml")) {
                Files.copy(study, folder.resolve("study.yaml"));
            }
            TamLikeRows.writeCsv(folder.resolve("responses.csv"), MILLION);
            tam = StudyLoader.load(folder.resolve("study.yaml"));
            tamReference = SurveyAnalysis.run(tam);
        }
        return tamReference;
    }

    private static Dataset<Row> henanCsv(boolean inferTypes) {
        return spark().read().option("header", "true").option("inferSchema", String.valueOf(inferTypes))
                .csv(henanCsv.toString());
    }

    /** The Henan rows as text cells, in file order, in {@code partitions} consecutive slices. */
    private static Dataset<Row> henanInPartitions(int partitions, java.util.function.UnaryOperator<List<Object[]>> edit) {
        CsvRowSource source = CsvRowSource.of(henan.data());
        List<Object[]> cells = new ArrayList<>();
        source.forEachRow((line, row) -> cells.add(row.clone()));
        List<Row> rows = new ArrayList<>();
        edit.apply(cells).forEach(c -> rows.add(RowFactory.create(c)));
        List<StructField> fields = new ArrayList<>();
        source.header().forEach(name -> fields.add(DataTypes.createStructField(name, DataTypes.StringType, true)));
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark().sparkContext());
        return spark().createDataFrame(context.parallelize(rows, partitions), DataTypes.createStructType(fields));
    }

    private static Dataset<Row> tamRows(int partitions) {
        List<StructField> fields = new ArrayList<>();
        for (String column : TamLikeRows.COLUMNS) {
            boolean text = column.equals("gender") || column.equals("education");
            fields.add(DataTypes.createStructField(column, text ? DataTypes.StringType : DataTypes.IntegerType, true));
        }
        StructType schema = DataTypes.createStructType(fields);
        return spark().range(0, MILLION, 1, partitions)
                .map((MapFunction<Long, Row>) id -> RowFactory.create(TamLikeRows.row(id)), Encoders.row(schema));
    }

    @Test
    void henanInOnePartitionGivesThePluginsResultsJsonByteForByte() {
        Dataset<Row> text = henanCsv(false);
        assertThat(text.rdd().getNumPartitions()).isEqualTo(1);
        Results results = SparkSurveyAnalysis.run(henan, text, "responses.csv");
        assertThat(ResultsAgreement.jsonWithoutProvenance(results))
                .isEqualTo(ResultsAgreement.jsonWithoutProvenance(henanReference));
        assertThat(results.provenance().dataFile()).isEqualTo("responses.csv");

        Dataset<Row> typed = henanCsv(true);
        assertThat(typed.schema().apply("HR1").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(ResultsAgreement.jsonWithoutProvenance(SparkSurveyAnalysis.run(henan, typed)))
                .isEqualTo(ResultsAgreement.jsonWithoutProvenance(henanReference));
    }

    /**
     * The example's own GBK file read by Spark (encoding GB18030) against the plugin's pass over
     * it: the same results.json apart from the provenance and the plugin's note on how it
     * decoded the file's bytes, which Spark decoded as told.
     */
    @Test
    void theGbkFileReadBySparkGivesThePluginsResultsApartFromTheEncodingNote() {
        Path example = Path.of("..", "examples", "henan", "src", "survey");
        Study original = StudyLoader.load(example.resolve("study.yaml"));
        Results plugin = SurveyAnalysis.run(original);
        assertThat(plugin.warnings()).anyMatch(w -> w.contains("is not UTF-8; it was read as GB18030"));
        // Spark 4 reads CSV in the Unicode charsets and ISO-8859-1 only, unless told otherwise
        spark().conf().set("spark.sql.legacy.javaCharsets", "true");
        Results results;
        try {
            Dataset<Row> rows = spark().read().option("header", "true").option("encoding", "GB18030")
                    .csv(example.resolve("responses.csv").toString());
            results = SparkSurveyAnalysis.run(original, rows, "responses.csv");
        } finally {
            spark().conf().unset("spark.sql.legacy.javaCharsets");
        }
        Results withoutNote = ResultsCopies.with(plugin, java.util.Map.of("warnings",
                plugin.warnings().stream().filter(w -> !w.contains("is not UTF-8")).toList()));
        assertThat(ResultsAgreement.jsonWithoutProvenance(results))
                .isEqualTo(ResultsAgreement.jsonWithoutProvenance(withoutNote));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void henanInOrderedPartitionsAgreesWithinRounding(int partitions) {
        Dataset<Row> rows = henanInPartitions(partitions, cells -> cells);
        assertThat(rows.rdd().getNumPartitions()).isEqualTo(partitions);
        assertThat(ResultsAgreement.differences(SparkSurveyAnalysis.run(henan, rows), henanReference, CLOSED_FORM))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void aMillionRowsAgreeWithTheSinglePass(int partitions) throws IOException {
        Results reference = tamReference();
        long start = System.nanoTime();
        Results results = SparkSurveyAnalysis.run(tam, tamRows(partitions), "generated");
        System.out.printf("spark local[2], %d rows, %d partitions: %.1f s%n", MILLION, partitions,
                (System.nanoTime() - start) / 1e9);
        assertThat(results.sample().read()).isEqualTo(MILLION);
        assertThat(results.sample().excluded()).isEqualTo(reference.sample().excluded()).isPositive();
        assertThat(ResultsAgreement.differences(results, reference, CLOSED_FORM, ITERATIVE)).isEmpty();
    }

    @Test
    void theMergesTreeShapeDoesNotChangeTheNumbers() throws IOException {
        tamReference();
        Results wide = SparkSurveyAnalysis.run(tam, tamRows(7), "generated", SparkSurveyAnalysis.DEFAULT_FAN_IN);
        Results narrow = SparkSurveyAnalysis.run(tam, tamRows(7), "generated", 2);
        assertThat(ResultsAgreement.differences(narrow, wide, CLOSED_FORM, ITERATIVE)).isEmpty();
    }

    @Test
    void problemsNameThePartitionTheRowAndTheColumn() {
        Dataset<Row> rows = henanInPartitions(2, cells -> {
            int hr1 = 5;
            int ps1 = 8;
            cells.get(150)[hr1] = "6";
            cells.get(300)[ps1] = "abc";
            return cells;
        });
        assertThat(rows.columns()[5]).isEqualTo("HR1");
        assertThat(rows.columns()[8]).isEqualTo("PS1");
        assertThatThrownBy(() -> SparkSurveyAnalysis.run(henan, rows, "responses.parquet"))
                .isInstanceOf(SurveyReportException.class)
                .hasMessageContaining("responses.parquet partition 0 row 151, column HR1: '6' is outside the scale 1–5")
                .hasMessageContaining("responses.parquet partition 1 row 105, column PS1: 'abc' is not a number");
    }

    @Test
    void aMissingColumnOrOneOfAnUnusableTypeIsNamedBeforeAnyJob() {
        Dataset<Row> withoutHr1 = henanCsv(false).drop("HR1");
        assertThatThrownBy(() -> SparkSurveyAnalysis.run(henan, withoutHr1, "responses.parquet"))
                .isInstanceOf(SurveyReportException.class)
                .hasMessageContaining("the column 'HR1' is not in the header (the study file uses it as an item of "
                        + "construct HR)");
        Dataset<Row> array = henanCsv(false).withColumn("PS1", functions.array(functions.col("PS1")));
        assertThatThrownBy(() -> SparkSurveyAnalysis.run(henan, array, "responses.parquet"))
                .isInstanceOf(SurveyReportException.class)
                .hasMessageContaining("responses.parquet, column PS1: the column is of Spark type array<string>");
    }

    @Test
    void aDatasetWithoutRowsSaysSo() {
        Dataset<Row> empty = henanInPartitions(2, cells -> List.of());
        assertThatThrownBy(() -> SparkSurveyAnalysis.run(henan, empty, "responses.parquet"))
                .isInstanceOf(SurveyReportException.class)
                .hasMessage("responses.parquet: there are no rows (or only empty ones); the data need one row per "
                        + "respondent");
        Dataset<Row> none = spark().createDataFrame(List.of(), henanCsv(false).schema());
        assertThatThrownBy(() -> SparkSurveyAnalysis.run(henan, none, "responses.parquet"))
                .hasMessageContaining("there are no rows");
    }
}
