package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.results.HypothesisResult;
import io.github.surveyreport.core.results.RegressionResult;

import java.util.ArrayList;
import java.util.List;

/**
 * A hypothesis {@code from -> to} reads the coefficient of {@code from} in the regression whose
 * dependent is {@code to}; it is supported when p &lt; alpha and beta has the expected sign.
 */
final class HypothesisEvaluation {

    private HypothesisEvaluation() {
    }

    static List<HypothesisResult> evaluate(List<AnalysisLayout.HypothesisSpec> hypotheses,
                                           List<RegressionResult> regressions, double alpha) {
        List<HypothesisResult> out = new ArrayList<>(hypotheses.size());
        for (AnalysisLayout.HypothesisSpec h : hypotheses) {
            RegressionResult.Coefficient c = find(h, regressions);
            if (c == null) {
                throw new AnalysisException(missingPath(h));
            }
            boolean signOk = h.sign() == AnalysisLayout.Sign.POSITIVE ? c.beta() > 0 : c.beta() < 0;
            boolean supported = c.p() != null && c.p() < alpha && signOk;
            out.add(new HypothesisResult(h.id(), h.from(), h.to(), c.beta(), c.p(), supported));
        }
        return out;
    }

    static String missingPath(AnalysisLayout.HypothesisSpec h) {
        return "Hypothesis " + h.id() + " (" + h.from() + " -> " + h.to() + ") has no regression path: add a "
                + "regression '" + h.to() + " ~ " + h.from() + " + ...' or correct the hypothesis.";
    }

    private static RegressionResult.Coefficient find(AnalysisLayout.HypothesisSpec h, List<RegressionResult> regs) {
        for (RegressionResult r : regs) {
            if (r.dependent().equals(h.to())) {
                for (RegressionResult.Coefficient c : r.coefficients()) {
                    if (c.term().equals(h.from()) && c.beta() != null) {
                        return c;
                    }
                }
            }
        }
        return null;
    }
}
