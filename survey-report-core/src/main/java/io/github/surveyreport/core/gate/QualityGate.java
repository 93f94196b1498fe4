package io.github.surveyreport.core.gate;

import io.github.surveyreport.core.results.Check;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import java.util.List;

/**
 * Compares a study's results with the gate's {@link Thresholds}: each {@link GateRule} that is
 * on adds one {@link Check} per construct, item, regression term, regression or hypothesis it
 * checks, each with a message a researcher can act on, e.g. {@code Reliability of PO (政策扶持力度):
 * Cronbach's alpha .612 is below the minimum .70 (minAlpha)}.
 */
public final class QualityGate {
    private final Thresholds thresholds;

    public QualityGate(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The checks, in a fixed order: reliability, factorability, loadings, regressions, hypotheses. */
    public List<Check> evaluate(Study study, Results results) {
        Evaluation evaluation = new Evaluation(study, results, thresholds);
        for (GateRule rule : GateRule.values()) {
            if (thresholds.isOn(rule)) {
                rule.check(evaluation);
            }
        }
        return evaluation.checks();
    }
}
