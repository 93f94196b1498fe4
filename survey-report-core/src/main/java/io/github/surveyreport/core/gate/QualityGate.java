package io.github.surveyreport.core.gate;

import io.github.surveyreport.core.report.NumberFormats;
import io.github.surveyreport.core.results.Check;
import io.github.surveyreport.core.results.Efa;
import io.github.surveyreport.core.results.Factorability;
import io.github.surveyreport.core.results.HypothesisResult;
import io.github.surveyreport.core.results.ItemTotal;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.results.ScaleReliability;
import io.github.surveyreport.core.study.Construct;
import io.github.surveyreport.core.study.Hypothesis;
import io.github.surveyreport.core.study.Study;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a study's results with the gate's {@link Thresholds}: one {@link Check} per
 * construct, item, regression term, regression and hypothesis checked, each with a message a
 * researcher can act on, e.g. {@code Reliability of PO (政策扶持力度): Cronbach's alpha .612 is below
 * the minimum .70 (minAlpha)}.
 */
public final class QualityGate {
    /** Statistics bounded by 1 (alpha, r, loadings, KMO) are written without a leading zero. */
    private static final int BOUNDED = 0;
    /** Other statistics (VIF) keep the leading zero and two decimals. */
    private static final int UNBOUNDED = 1;
    private static final NumberFormats FORMAT = new NumberFormats(3);

    private final Thresholds thresholds;

    public QualityGate(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The checks, in a fixed order: reliability, factorability, loadings, regressions, hypotheses. */
    public List<Check> evaluate(Study study, Results results) {
        List<Check> checks = new ArrayList<>();
        reliability(study, results, checks);
        factorability(results.factorability(), checks);
        loadings(study, results.efa(), checks);
        regressions(results.regressions(), checks);
        hypotheses(study, results.hypotheses(), checks);
        return checks;
    }

    private void reliability(Study study, Results results, List<Check> checks) {
        if (results.reliability() == null) {
            return;
        }
        BigDecimal minAlpha = thresholds.minAlpha();
        BigDecimal minItemTotal = thresholds.minItemTotalCorrelation();
        for (Map.Entry<String, ScaleReliability> entry : results.reliability().constructs().entrySet()) {
            String id = entry.getKey();
            ScaleReliability scale = entry.getValue();
            if (minAlpha != null) {
                checks.add(atLeast("minAlpha", id, scale.alpha(), minAlpha,
                        "Reliability of " + named(study, id) + ": Cronbach's alpha %s", BOUNDED));
            }
            if (minItemTotal != null) {
                for (ItemTotal item : scale.itemTotal()) {
                    checks.add(atLeast("minItemTotalCorrelation", item.item(), item.correctedItemTotalCorrelation(),
                            minItemTotal, "Item " + named(study, item.item()) + " of " + id
                                    + ": corrected item-total correlation %s", BOUNDED));
                }
            }
        }
        ScaleReliability overall = results.reliability().overall();
        if (minAlpha != null && overall != null && study.constructs().size() > 1) {
            checks.add(atLeast("minAlpha", "overall", overall.alpha(), minAlpha,
                    "Reliability of all " + overall.items().size() + " construct items: Cronbach's alpha %s", BOUNDED));
        }
    }

    private void factorability(Factorability factorability, List<Check> checks) {
        if (factorability == null) {
            return;
        }
        String why = factorability.reason() == null ? "" : " (" + factorability.reason() + ")";
        if (thresholds.minKmo() != null) {
            checks.add(factorability.kmo() == null
                    ? failed("minKmo", "KMO", thresholds.minKmo(), "Sampling adequacy: KMO could not be computed" + why
                            + " (minKmo)")
                    : atLeast("minKmo", "KMO", factorability.kmo(), thresholds.minKmo(),
                            "Sampling adequacy: KMO %s", BOUNDED));
        }
        if (thresholds.maxBartlettP() != null) {
            checks.add(factorability.bartlett() == null
                    ? failed("maxBartlettP", "Bartlett", thresholds.maxBartlettP(),
                            "Bartlett's test of sphericity could not be computed" + why + " (maxBartlettP)")
                    : pBelow("maxBartlettP", "Bartlett", factorability.bartlett().p(), thresholds.maxBartlettP(),
                            "Bartlett's test of sphericity"));
        }
    }

    private void loadings(Study study, Efa efa, List<Check> checks) {
        if (efa == null || (thresholds.minLoading() == null && thresholds.maxCrossLoading() == null)) {
            return;
        }
        ComponentAssignment assignment = ComponentAssignment.of(study, efa);
        for (Construct construct : study.constructs()) {
            int own = assignment.componentOf(construct.id());
            for (String item : construct.items()) {
                List<Double> row = efa.rotatedLoadings().get(item);
                if (row == null || own < 0) {
                    continue;
                }
                if (thresholds.minLoading() != null) {
                    checks.add(atLeast("minLoading", item, row.get(own), thresholds.minLoading(),
                            "Item " + named(study, item) + ": loading %s on the component of " + construct.id(),
                            BOUNDED));
                }
                if (thresholds.maxCrossLoading() != null) {
                    int worst = -1;
                    for (int k = 0; k < row.size(); k++) {
                        if (k != own && (worst < 0 || Math.abs(row.get(k)) > Math.abs(row.get(worst)))) {
                            worst = k;
                        }
                    }
                    if (worst >= 0) {
                        checks.add(atMost("maxCrossLoading", item, Math.abs(row.get(worst)), thresholds.maxCrossLoading(),
                                "Item " + named(study, item) + ": cross-loading %s on " + assignment.describe(worst),
                                BOUNDED));
                    }
                }
            }
        }
    }

    private void regressions(List<RegressionResult> regressions, List<Check> checks) {
        for (RegressionResult regression : regressions) {
            String model = regression.dependent() + " ~ " + String.join(" + ", regression.predictors());
            if (thresholds.maxModelP() != null) {
                checks.add(regression.p() == null
                        ? failed("maxModelP", model, thresholds.maxModelP(),
                                "Regression " + model + ": the F test could not be computed (maxModelP)")
                        : pBelow("maxModelP", model, regression.p(), thresholds.maxModelP(), "Regression " + model
                                + ": F test"));
            }
            if (thresholds.maxVif() != null) {
                for (RegressionResult.Coefficient coefficient : regression.coefficients()) {
                    if (coefficient.vif() != null) {
                        checks.add(atMost("maxVif", model + " : " + coefficient.term(), coefficient.vif(),
                                thresholds.maxVif(), "Regression " + model + ", term " + coefficient.term() + ": VIF %s",
                                UNBOUNDED));
                    }
                }
            }
        }
    }

    private void hypotheses(Study study, List<HypothesisResult> hypotheses, List<Check> checks) {
        if (!thresholds.requireSupportedHypotheses()) {
            return;
        }
        for (HypothesisResult result : hypotheses) {
            Hypothesis hypothesis = study.hypotheses().stream().filter(h -> h.id().equals(result.id())).findFirst()
                    .orElse(null);
            String expected = hypothesis == null ? "" : hypothesis.sign().name().toLowerCase(java.util.Locale.ROOT);
            String what = "Hypothesis " + result.id() + " (" + result.from() + " → " + result.to() + "): ";
            String stats = "β = " + FORMAT.bounded(result.beta()) + ", " + FORMAT.pText(result.p());
            String message = result.supported()
                    ? what + "supported (" + stats + ") (requireSupportedHypotheses)"
                    : what + "not supported (" + stats + "; expected a " + expected + " effect at p < "
                            + limit(BigDecimal.valueOf(study.significance())) + ") (requireSupportedHypotheses)";
            checks.add(new Check("requireSupportedHypotheses", result.id(), result.p(), study.significance(),
                    result.supported(), message));
        }
    }

    private static Check atLeast(String name, String subject, Double value, BigDecimal limit, String what, int kind) {
        return compare(name, subject, value, limit, what, kind, true);
    }

    private static Check atMost(String name, String subject, Double value, BigDecimal limit, String what, int kind) {
        return compare(name, subject, value, limit, what, kind, false);
    }

    /** {@code what} holds {@code %s} where the value goes, e.g. {@code Item O4: loading %s on ...}. */
    private static Check compare(String name, String subject, Double value, BigDecimal limit, String what, int kind,
                                 boolean minimum) {
        if (value == null) {
            return failed(name, subject, limit, String.format(what, "").replace("  ", " ").replace(" :", ":")
                    + " could not be computed (" + name + ")");
        }
        boolean passed = minimum ? value >= limit.doubleValue() : value <= limit.doubleValue();
        String verdict = minimum
                ? (passed ? " meets the minimum " : " is below the minimum ")
                : (passed ? " is within the maximum " : " is above the maximum ");
        return new Check(name, subject, value, limit.doubleValue(), passed,
                String.format(what, kind == BOUNDED ? FORMAT.bounded(value) : FORMAT.num(value, 2)) + verdict + limit(limit) + " (" + name + ")");
    }

    /** A p value must lie below its limit, as significance is conventionally judged. */
    private static Check pBelow(String name, String subject, double p, BigDecimal limit, String what) {
        boolean passed = p < limit.doubleValue();
        String verdict = passed ? " is below " : " is not below ";
        return new Check(name, subject, p, limit.doubleValue(), passed,
                what + ": " + FORMAT.pText(p) + verdict + limit(limit) + " (" + name + ")");
    }

    private static Check failed(String name, String subject, BigDecimal limit, String message) {
        return new Check(name, subject, null, limit.doubleValue(), false, message);
    }

    /** A configured limit as written, APA style: {@code 0.70 -> .70}, {@code 10 -> 10}. */
    private static String limit(BigDecimal limit) {
        String text = limit.toPlainString();
        return text.startsWith("0.") ? text.substring(1) : text;
    }

    private static String named(Study study, String name) {
        String label = study.label(name);
        return label.equals(name) ? name : name + " (" + label + ")";
    }
}
