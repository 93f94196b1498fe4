package io.github.surveyreport.benchmark;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.CfaSpec;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the measurement model costs: {@code SurveyAnalysis.run} of each study warm, alternately
 * without and with {@code cfa: {likelihood: wishart}} (the CFA, the one-factor model and the
 * RMSEA interval; ω and Harman run in both), RUNS pairs; prints the medians and the median of
 * the pairs' differences. The CFA works on the covariance matrix the one pass accumulates, so
 * its cost should not grow with the rows.
 *
 * <p>Usage: {@code MeasurementBench [--runs N] STUDY_DIR...} where each STUDY_DIR holds
 * {@code src/survey/study.yaml}.
 */
public final class MeasurementBench {
    private MeasurementBench() {
    }

    public static void main(String[] args) {
        BenchArgs parsed = BenchArgs.parse(args, 9);
        int runs = parsed.runs();
        List<Path> dirs = parsed.dirs();
        System.out.printf(Locale.ROOT, "%-28s %12s %10s %10s %12s %s%n", "study", "rows", "without s", "with s",
                "cfa adds ms", "chi2 / df / cfi");
        for (Path dir : dirs) {
            Study plain = StudyLoader.load(dir.resolve("src/survey/study.yaml"));
            Study withCfa = new Study(plain.studyFile(), plain.title(), plain.language(), plain.data(), plain.scale(),
                    plain.labels(), plain.recode(), plain.constructs(), plain.overallReliability(), plain.efaFactors(),
                    CfaSpec.DEFAULT, plain.regressions(), plain.hypotheses(), plain.significance(), plain.profile());
            PairedRuns pairs = PairedRuns.of(plain, withCfa, 3, runs);
            Results last = pairs.last();
            var fit = last.cfa().fit();
            System.out.printf(Locale.ROOT, "%-28s %12d %10.3f %10.3f %12.1f %.1f / %d / %.3f%n", dir.getFileName(),
                    last.sample().read(), pairs.without(), pairs.with(), 1000 * pairs.added(), fit.chiSquare(),
                    fit.df(), fit.cfi());
        }
    }

}
