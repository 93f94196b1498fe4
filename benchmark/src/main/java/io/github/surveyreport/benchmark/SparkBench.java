package io.github.surveyreport.benchmark;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import io.github.surveyreport.spark.SparkSurveyAnalysis;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The Spark engine in local mode (issue 17): for each generated 17-item study, with the
 * structural analyses of {@link StructuralBench} (two comparisons, a hierarchical regression, a
 * 5,000-resample mediation, a moderation), the wall time of {@code SparkSurveyAnalysis.run} on
 * the rows cached in memory in 1, 2 and 8 partitions (the analysis, without reading the file),
 * and of the whole "read the CSV with Spark, analyse" in the file's own partitions; beside it,
 * the core's single pass over the same file, warm. Medians of {@code --runs}.
 *
 * <p>Usage: {@code SparkBench [--runs N] STUDY_DIR...}, run with Spark's {@code --add-opens}
 * (see benchmark/run.sh).
 */
public final class SparkBench {
    private SparkBench() {
    }

    public static void main(String[] args) {
        BenchArgs parsed = BenchArgs.parse(args, 3);
        int threads = Runtime.getRuntime().availableProcessors();
        SparkSession spark = SparkSession.builder().master("local[" + threads + "]").appName("SparkBench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        System.out.println("| rows | partitions | Spark, cached rows s | Spark, read CSV + analyse s | core, file s |");
        System.out.println("|---:|---:|---:|---:|---:|");
        try {
            for (Path dir : parsed.dirs()) {
                Study study = StructuralBench.withStructuralAnalyses(
                        StudyLoader.load(dir.resolve("src/survey/study.yaml")));
                String csv = study.data().file().toString();
                double core = median(parsed.runs(), () -> SurveyAnalysis.run(study));
                Dataset<Row> file = spark.read().option("header", "true").csv(csv);
                double whole = median(parsed.runs(), () -> SparkSurveyAnalysis.run(study,
                        spark.read().option("header", "true").csv(csv)));
                long rows = 0;
                for (int partitions : new int[] {1, 2, 8}) {
                    Dataset<Row> cached = file.repartition(partitions).cache();
                    rows = cached.count();
                    double time = median(parsed.runs(), () -> SparkSurveyAnalysis.run(study, cached));
                    System.out.printf(Locale.ROOT, "| %,d | %d | %.2f | %s | %s |%n", rows, partitions, time,
                            partitions == 1 ? String.format(Locale.ROOT, "%.2f (%d)", whole,
                                    file.rdd().getNumPartitions()) : "",
                            partitions == 1 ? String.format(Locale.ROOT, "%.2f", core) : "");
                    cached.unpersist(true);
                }
            }
        } finally {
            spark.stop();
        }
    }

    /** The median wall time of {@code runs} runs after one warm-up run. */
    private static double median(int runs, Runnable run) {
        run.run();
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run();
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        return BenchArgs.median(times);
    }
}
