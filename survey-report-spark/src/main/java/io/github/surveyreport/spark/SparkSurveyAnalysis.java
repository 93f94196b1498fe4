package io.github.surveyreport.spark;

import io.github.surveyreport.core.SurveyAccumulator;
import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The survey-report analysis of a Spark {@link Dataset}: each partition accumulates its rows
 * ({@link SurveyAccumulator}), the partitions' states merge in partition order, and the same
 * {@link Results} follow as {@code SurveyAnalysis} gives for a file with the same rows, so that
 * {@code ResultsJson}, the report formats and the quality gate work unchanged.
 *
 * <pre>{@code
 * Study study = StudyLoader.load(Path.of("study.yaml"));
 * Dataset<Row> responses = spark.read().parquet("s3://panel/responses/");
 * Results results = SparkSurveyAnalysis.run(study, responses);
 * ResultsJson.write(results, Path.of("results.json"));
 * }</pre>
 *
 * <ul>
 *   <li><b>Data.</b> The study's {@code data} section is used for its missing-value codes,
 *       {@code recode} and the decimal comma only; the rows are the Dataset's. Numeric columns
 *       are taken as numbers, string columns are read as a data file's cells are, booleans as
 *       their text, nulls are missing. Columns are found by name as in a file's header.</li>
 *   <li><b>Order.</b> The rows are in the order of the Dataset's partitions and, within a
 *       partition, its rows: only the Durbin–Watson statistic depends on it, and a Dataset read
 *       from one file in one partition gives the file's order.</li>
 *   <li><b>Jobs.</b> One Spark job reads the data: everything the analyses need, the bootstrap's
 *       distinct rows and Levene's frequency tables included, is in the partitions' states. With
 *       more than {@value #DEFAULT_FAN_IN} partitions the states first merge on the executors in
 *       groups of consecutive partitions (one shuffle per level); the driver merges at most
 *       {@value #DEFAULT_FAN_IN} states, so its memory does not grow with the rows or the
 *       partitions.</li>
 *   <li><b>Errors.</b> Problems in the rows (a value outside the scale, text that is no number)
 *       name the partition, the row within it and the column, and are reported together as a
 *       {@link SurveyReportException}, as a data file's are.</li>
 * </ul>
 */
public final class SparkSurveyAnalysis {
    /** Partition states merged in one group, on the executors and on the driver. */
    static final int DEFAULT_FAN_IN = 64;

    private SparkSurveyAnalysis() {
    }

    /** Analyses a Dataset's rows; messages and the provenance call the data {@code Dataset}. */
    public static Results run(Study study, Dataset<Row> data) {
        return run(study, data, "Dataset");
    }

    /**
     * Analyses a Dataset's rows.
     *
     * @param dataName what messages and the provenance call the data, e.g. {@code responses.parquet}
     * @throws SurveyReportException when a column the study uses is missing or of a type that
     *                               cannot hold answers, when rows have problems, or when an analysis
     *                               cannot be carried out on these rows
     */
    public static Results run(Study study, Dataset<Row> data, String dataName) {
        return run(study, data, dataName, DEFAULT_FAN_IN);
    }

    static Results run(Study study, Dataset<Row> data, String dataName, int fanIn) {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(dataName, "dataName");
        ColumnTypes.check(study, data.schema(), dataName);
        List<String> columns = Arrays.asList(data.columns());
        byte[] state;
        try {
            JavaRDD<Tuple2<Long, byte[]>> states = data.javaRDD()
                    .mapPartitionsWithIndex(new AccumulatePartition(study, columns, dataName), true);
            state = mergeInOrder(study, JavaPairRDD.fromJavaRDD(states), states.getNumPartitions(), fanIn);
        } catch (SurveyReportException e) {
            throw e;
        } catch (Exception e) { // Scala code throws SparkException without declaring it
            throw unwrap(e);
        }
        SurveyAccumulator all = state != null ? SurveyAccumulator.fromBytes(study, state)
                : SurveyAccumulator.create(study, columns, dataName, null); // a Dataset without partitions
        return all.finish();
    }

    /**
     * Merges one state per partition in partition order: levels of consecutive groups of
     * {@code fanIn} on the executors while there are more, then the rest on the driver.
     */
    private static byte[] mergeInOrder(Study study, JavaPairRDD<Long, byte[]> states, long partitions, int fanIn) {
        JavaPairRDD<Long, byte[]> level = states;
        long count = partitions;
        while (count > fanIn) {
            long groups = (count + fanIn - 1) / fanIn;
            level = level.mapToPair(new GroupOf(fanIn))
                    .groupByKey(new org.apache.spark.HashPartitioner((int) Math.min(groups, Integer.MAX_VALUE)))
                    .mapValues(new MergeGroup(study));
            count = groups;
        }
        List<Tuple2<Long, byte[]>> last = level.collect();
        return last.isEmpty() ? null : StateMerge.mergeIndexed(study, last);
    }

    /** The survey-report problem inside a failed Spark job, else a plain message naming the job's failure. */
    private static RuntimeException unwrap(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SurveyReportException s) {
                return s;
            }
        }
        return new SurveyReportException("the Spark job failed: " + e.getMessage(), e);
    }
}
