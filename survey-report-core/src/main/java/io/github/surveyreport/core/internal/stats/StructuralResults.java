package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.results.BootstrapRun;
import io.github.surveyreport.core.results.GroupDifferences;
import io.github.surveyreport.core.results.Mediation;
import io.github.surveyreport.core.results.Moderation;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.study.BootstrapSpec;
import io.github.surveyreport.core.study.RegressionModel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The structural analyses' results, each computed under its own numerical guard. */
record StructuralResults(List<GroupDifferences> differences, List<RegressionResult> regressions,
                         List<Mediation> mediation, List<Moderation> moderation, BootstrapRun bootstrap) {

    static final StructuralResults NONE = new StructuralResults(List.of(), List.of(), List.of(), List.of(), null);

    /** How the bootstrap draws its resamples, for the record in results.json. */
    static final String GENERATOR = "java.util.SplittableRandom(seed), split once per block of "
            + MediationBootstrap.BLOCK + " resamples in block order";

    /**
     * @param ordinary the single-block regressions' results, in study order of those regressions
     */
    static StructuralResults of(StructuralAnalysis analysis, AnalysisLayout layout, List<RegressionResult> ordinary) {
        StructuralLayout s = layout.structural();
        List<RegressionResult> regressions = new ArrayList<>();
        Iterator<RegressionResult> next = ordinary.iterator();
        for (RegressionModel model : s.regressions()) {
            regressions.add(model.hierarchical() ? analysis.regression(model) : next.next());
        }
        List<GroupDifferences> differences = new ArrayList<>();
        for (int i = 0; i < s.differences().size(); i++) {
            GroupDifferences d = analysis.differences(i);
            if (d != null) {
                differences.add(d);
            }
        }
        List<Mediation> mediation = new ArrayList<>();
        for (int i = 0; i < s.mediation().size(); i++) {
            mediation.add(analysis.mediation(i));
        }
        List<Moderation> moderation = new ArrayList<>();
        for (int i = 0; i < s.moderation().size(); i++) {
            moderation.add(analysis.moderation(i));
        }
        BootstrapSpec b = s.bootstrap();
        BootstrapRun run = mediation.isEmpty() ? null : new BootstrapRun(b.samples(), b.seed(), b.confidence(),
                "percentile", "rows", GENERATOR);
        return new StructuralResults(differences, regressions, mediation, moderation, run);
    }
}
