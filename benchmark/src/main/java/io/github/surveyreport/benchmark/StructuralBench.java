package io.github.surveyreport.benchmark;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.data.RowSource;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.BootstrapSpec;
import io.github.surveyreport.core.study.DataSpec;
import io.github.surveyreport.core.study.GroupComparison;
import io.github.surveyreport.core.study.Language;
import io.github.surveyreport.core.study.MediationModel;
import io.github.surveyreport.core.study.ModerationModel;
import io.github.surveyreport.core.study.RegressionModel;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the structural analyses cost (issue 13): {@code SurveyAnalysis.run} of each generated
 * 17-item study warm, alternately as generated and with two group comparisons (性别: t tests;
 * 年龄, four groups: ANOVA and Tukey), a hierarchical regression with 性别 as a categorical
 * control, one mediation (HR → MA → HD, 5,000 resamples) and one moderation (PS × PO → HD);
 * prints the medians, the median of the pairs' differences and the mediation's distinct rows.
 * Then the bootstrap on continuous data, where every row is distinct: x, m, y standard normal
 * in memory, 10^4 and 10^5 rows, 5,000 resamples, once warm.
 *
 * <p>Usage: {@code StructuralBench [--runs N] STUDY_DIR...} (17-item studies from {@link Generate}).
 */
public final class StructuralBench {
    private StructuralBench() {
    }

    public static void main(String[] args) {
        BenchArgs parsed = BenchArgs.parse(args, 5);
        int runs = parsed.runs();
        List<Path> dirs = parsed.dirs();
        System.out.printf(Locale.ROOT, "%-28s %12s %10s %10s %14s %14s%n", "study", "rows", "without s", "with s",
                "structural ms", "distinct rows");
        for (Path dir : dirs) {
            Study plain = StudyLoader.load(dir.resolve("src/survey/study.yaml"));
            Study structural = withStructuralAnalyses(plain);
            PairedRuns pairs = PairedRuns.of(plain, structural, 2, runs);
            Results last = pairs.last();
            System.out.printf(Locale.ROOT, "%-28s %12d %10.3f %10.3f %14.1f %14d%n", dir.getFileName(),
                    last.sample().read(), pairs.without(), pairs.with(), 1000 * pairs.added(),
                    last.mediation().get(0).distinctRows());
        }
        System.out.printf(Locale.ROOT, "%-28s %12s %10s %14s%n", "continuous", "rows", "bootstrap s", "distinct rows");
        for (int rows : new int[] {10_000, 100_000}) {
            continuous(rows); // warm
            long t0 = System.nanoTime();
            Results r = continuous(rows);
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%-28s %12d %10.3f %14d%n", "continuous-" + rows, rows, (t1 - t0) / 1e9,
                    r.mediation().get(0).distinctRows());
        }
    }

    /** The generated study with the structural analyses of the benchmark added. */
    static Study withStructuralAnalyses(Study s) {
        List<RegressionModel> regressions = new ArrayList<>(s.regressions());
        regressions.add(new RegressionModel("HD", List.of(List.of("性别"), List.of("HR", "PS"), List.of("MA", "PO")),
                List.of("性别"), null));
        return new Study(s.studyFile(), s.title(), s.language(), s.data(), s.scale(), s.labels(), s.recode(),
                s.constructs(), s.overallReliability(), s.efaFactors(), s.cfa(), regressions,
                List.of(new GroupComparison("性别"), new GroupComparison("年龄")),
                List.of(new MediationModel("HR", List.of("MA"), "HD", List.of(), null)),
                List.of(new ModerationModel("PS", "PO", "HD", List.of())), BootstrapSpec.DEFAULT, s.hypotheses(),
                s.significance(), s.profile());
    }

    /** A mediation of continuous variables: every row distinct, so the bootstrap costs rows × resamples. */
    private static Results continuous(int rows) {
        SplittableRandom random = new SplittableRandom(5);
        List<String[]> data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            double x = random.nextGaussian();
            double m = 0.4 * x + random.nextGaussian();
            double y = 0.3 * m + 0.2 * x + random.nextGaussian();
            data.add(new String[] {Double.toString(x), Double.toString(m), Double.toString(y)});
        }
        Study study = new Study(null, null, Language.EN, DataSpec.of(Path.of("memory.csv")), null, Map.of(), Map.of(), List.of(),
                false, null, null, List.of(), List.of(), List.of(new MediationModel("x", List.of("m"), "y", List.of(),
                null)), List.of(), BootstrapSpec.DEFAULT, List.of(), Study.DEFAULT_SIGNIFICANCE, List.of());
        return SurveyAnalysis.run(study, RowSource.of("memory", List.of("x", "m", "y"), data));
    }

}
