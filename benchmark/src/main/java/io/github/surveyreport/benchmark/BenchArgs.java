package io.github.surveyreport.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The benchmarks' command line, {@code [--runs N] STUDY_DIR...}, and their median. */
record BenchArgs(int runs, List<Path> dirs) {

    static BenchArgs parse(String[] args, int defaultRuns) {
        int runs = defaultRuns;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else {
                dirs.add(Path.of(args[i]));
            }
        }
        return new BenchArgs(runs, List.copyOf(dirs));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
