package io.github.surveyreport.benchmark;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;

/**
 * A study analysed warm, alternately without and with an extra analysis, so that both runs of
 * a pair see the same machine: the medians of each and of the pairs' differences (seconds).
 *
 * @param without median time without
 * @param with    median time with
 * @param added   median of the pairs' differences
 * @param last    the results of the last run with
 */
record PairedRuns(double without, double with, double added, Results last) {

    static PairedRuns of(Study plain, Study extended, int warmups, int runs) {
        Results last = null;
        for (int w = 0; w < warmups; w++) {
            SurveyAnalysis.run(plain);
            last = SurveyAnalysis.run(extended);
        }
        double[] without = new double[runs];
        double[] with = new double[runs];
        double[] diff = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            SurveyAnalysis.run(plain);
            long t1 = System.nanoTime();
            last = SurveyAnalysis.run(extended);
            long t2 = System.nanoTime();
            without[r] = (t1 - t0) / 1e9;
            with[r] = (t2 - t1) / 1e9;
            diff[r] = with[r] - without[r];
        }
        return new PairedRuns(BenchArgs.median(without), BenchArgs.median(with), BenchArgs.median(diff), last);
    }
}
