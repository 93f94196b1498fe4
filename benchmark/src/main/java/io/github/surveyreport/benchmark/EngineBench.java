package io.github.surveyreport.benchmark;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times {@code SurveyAnalysis.run(studyFile)} in-process, warm: for each study, warm-up runs
 * (at least 3 and at least 3 s in all, or one for very large files), then RUNS timed runs;
 * prints the median with rows/s and MB/s (MB = 10⁶ bytes of the data file).
 *
 * <p>Usage: {@code EngineBench [--runs N] STUDY_DIR...} where each STUDY_DIR holds
 * {@code src/survey/study.yaml}.
 */
public final class EngineBench {
    private EngineBench() {
    }

    public static void main(String[] args) throws IOException {
        BenchArgs parsed = BenchArgs.parse(args, 5);
        int runs = parsed.runs();
        List<Path> dirs = parsed.dirs();
        System.out.printf(Locale.ROOT, "# %s, %d cores, max heap %d MiB%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%-28s %12s %9s %10s %12s %10s %s%n", "study", "rows", "MB", "median s",
                "rows/s", "MB/s", "runs (s)");
        for (Path dir : dirs) {
            Path study = dir.resolve("src/survey/study.yaml");
            Path data = dir.resolve("src/survey/responses.csv");
            double mb = Files.size(data) / 1e6;
            // warm-up
            long warmStart = System.nanoTime();
            int warm = 0;
            long rows = 0;
            while (warm < 3 || System.nanoTime() - warmStart < 3_000_000_000L) {
                rows = SurveyAnalysis.run(study).sample().read();
                warm++;
                if (mb > 300 && warm >= 1) {
                    break;
                }
            }
            double[] seconds = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                Results results = SurveyAnalysis.run(study);
                seconds[r] = (System.nanoTime() - t0) / 1e9;
                if (results.sample().read() != rows) {
                    throw new IllegalStateException("runs disagree on the row count");
                }
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
            StringBuilder all = new StringBuilder();
            for (double s : seconds) {
                all.append(String.format(Locale.ROOT, "%.3f ", s));
            }
            System.out.printf(Locale.ROOT, "%-28s %12d %9.1f %10.3f %12.0f %10.1f %s%n", dir.getFileName(), rows, mb,
                    median, rows / median, mb / median, all.toString().trim());
        }
    }
}
