package io.github.surveyreport.core.results;

/**
 * The verdict on one hypothesis, and whether the manuscript's claim about it holds.
 *
 * <ul>
 *   <li>{@code path} {@code from -> to}: the coefficient of {@code from} in the regression whose
 *       dependent is {@code to}; supported when p &lt; alpha with the expected sign of beta.</li>
 *   <li>{@code indirect} {@code from -> via -> to}: the indirect effect through {@code via};
 *       supported when its bootstrap interval excludes 0 on the expected side.</li>
 *   <li>{@code interaction} {@code from x via -> to}: the product term of the moderation;
 *       supported when p &lt; alpha with the expected sign.</li>
 * </ul>
 *
 * @param id         hypothesis id
 * @param from       predictor term
 * @param to         dependent term
 * @param beta       standardized coefficient of a path; {@code null} for the other kinds
 * @param p          the p value of the test (path, interaction); {@code null} if undefined or for
 *                   an indirect effect (tested by its interval)
 * @param supported  whether the data support the hypothesis
 * @param kind       {@code path}, {@code indirect} or {@code interaction}
 * @param via        the mediator or moderator; {@code null} for a path
 * @param estimate   the unstandardized estimate: b of the path or product term, or the indirect
 *                   effect
 * @param lower      its interval's lower end (95% for b; the bootstrap level for an indirect effect)
 * @param upper      its interval's upper end
 * @param expected   what the manuscript reports: {@code true} supported, {@code false} not supported
 * @param claimHolds whether {@code supported} equals {@code expected}: the quality gate's check
 */
public record HypothesisResult(String id, String from, String to, Double beta, Double p, boolean supported,
                               String kind, String via, Double estimate, Double lower, Double upper, boolean expected,
                               boolean claimHolds) {

    /** The hypothesis as messages and prose write it: {@code A → B}, {@code A → M → B}, {@code A × W → B}. */
    public String path() {
        return path(kind, from, via, to);
    }

    /** {@link #path()} of any names (display labels, say) for a hypothesis of this {@code kind}. */
    public static String path(String kind, String from, String via, String to) {
        return switch (kind) {
            case "indirect" -> from + " → " + via + " → " + to;
            case "interaction" -> from + " × " + via + " → " + to;
            default -> from + " → " + to;
        };
    }

    /** A path hypothesis the manuscript reports as supported (the first version's verdict). */
    public HypothesisResult(String id, String from, String to, double beta, Double p, boolean supported) {
        this(id, from, to, beta, p, supported, "path", null, null, null, null, true, supported);
    }
}
