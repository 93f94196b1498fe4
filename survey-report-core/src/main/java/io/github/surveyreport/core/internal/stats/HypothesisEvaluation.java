package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.results.HypothesisResult;
import io.github.surveyreport.core.results.Mediation;
import io.github.surveyreport.core.results.Moderation;
import io.github.surveyreport.core.results.RegressionResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on each hypothesis, and whether the manuscript's claim about it holds:
 * <ul>
 *   <li>a path {@code from -> to} reads the coefficient of {@code from} in the (last) regression
 *       whose dependent is {@code to}: supported when p &lt; alpha and beta has the expected sign;</li>
 *   <li>an indirect effect {@code from -> via -> to}: supported when the bootstrap interval of the
 *       effect through {@code via} lies wholly on the expected side of 0;</li>
 *   <li>an interaction {@code from x via -> to}: the product term, as a path.</li>
 * </ul>
 */
final class HypothesisEvaluation {

    private HypothesisEvaluation() {
    }

    static List<HypothesisResult> evaluate(List<AnalysisLayout.HypothesisSpec> hypotheses,
                                           List<RegressionResult> regressions, List<Mediation> mediation,
                                           List<Moderation> moderation, double alpha) {
        List<HypothesisResult> out = new ArrayList<>(hypotheses.size());
        for (AnalysisLayout.HypothesisSpec h : hypotheses) {
            boolean positive = h.sign() == AnalysisLayout.Sign.POSITIVE;
            HypothesisResult result = switch (h.kind()) {
                case PATH -> {
                    RegressionResult.Coefficient c = find(h, regressions);
                    if (c == null) {
                        throw new AnalysisException(missingPath(h));
                    }
                    boolean signOk = positive ? c.beta() > 0 : c.beta() < 0;
                    boolean supported = c.p() != null && c.p() < alpha && signOk;
                    yield new HypothesisResult(h.id(), h.from(), h.to(), c.beta(), c.p(), supported, "path", null, c.b(),
                            c.lower(), c.upper(), h.expected(), supported == h.expected());
                }
                case INDIRECT -> {
                    Mediation.IndirectEffect e = indirect(h, mediation);
                    boolean supported = positive ? e.lower() > 0 : e.upper() < 0;
                    yield new HypothesisResult(h.id(), h.from(), h.to(), null, null, supported, "indirect", h.via(),
                            e.effect(), e.lower(), e.upper(), h.expected(), supported == h.expected());
                }
                case INTERACTION -> {
                    Mediation.PathEstimate e = interaction(h, moderation);
                    boolean signOk = positive ? e.b() > 0 : e.b() < 0;
                    boolean supported = e.p() != null && e.p() < alpha && signOk;
                    yield new HypothesisResult(h.id(), h.from(), h.to(), null, e.p(), supported, "interaction", h.via(),
                            e.b(), e.lower(), e.upper(), h.expected(), supported == h.expected());
                }
            };
            out.add(result);
        }
        return out;
    }

    static String missingPath(AnalysisLayout.HypothesisSpec h) {
        return "Hypothesis " + h.id() + " (" + h.from() + " -> " + h.to() + ") has no regression path: add a "
                + "regression '" + h.to() + " ~ " + h.from() + " + ...' or correct the hypothesis.";
    }

    private static RegressionResult.Coefficient find(AnalysisLayout.HypothesisSpec h, List<RegressionResult> regs) {
        RegressionResult.Coefficient found = null;
        for (RegressionResult r : regs) {
            if (r.dependent().equals(h.to())) {
                for (RegressionResult.Coefficient c : r.coefficients()) {
                    if (c.term().equals(h.from()) && c.beta() != null) {
                        found = c;
                        break;
                    }
                }
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Mediation.IndirectEffect indirect(AnalysisLayout.HypothesisSpec h, List<Mediation> mediation) {
        for (Mediation m : mediation) {
            if (m.x().equals(h.from()) && m.y().equals(h.to())) {
                for (Mediation.IndirectEffect e : m.indirect()) {
                    if (e.mediator().equals(h.via())) {
                        return e;
                    }
                }
            }
        }
        throw new AnalysisException("Hypothesis " + h.id() + " (" + h.from() + " -> " + h.via() + " -> " + h.to()
                + ") is in no mediation model: add mediation: [{x: " + h.from() + ", mediators: [" + h.via() + "], y: "
                + h.to() + "}] or correct the hypothesis.");
    }

    private static Mediation.PathEstimate interaction(AnalysisLayout.HypothesisSpec h, List<Moderation> moderation) {
        for (Moderation m : moderation) {
            boolean same = m.x().equals(h.from()) && m.moderator().equals(h.via())
                    || m.x().equals(h.via()) && m.moderator().equals(h.from());
            if (same && m.y().equals(h.to())) {
                return m.effects().interaction();
            }
        }
        throw new AnalysisException("Hypothesis " + h.id() + " (" + h.from() + " x " + h.via() + " -> " + h.to()
                + ") is in no moderation model: add moderation: [{x: " + h.from() + ", moderator: " + h.via() + ", y: "
                + h.to() + "}] or correct the hypothesis.");
    }
}
