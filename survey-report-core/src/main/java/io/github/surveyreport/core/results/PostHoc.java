package io.github.surveyreport.core.results;

import java.util.List;

/**
 * Post hoc pairwise comparisons of the group means, as SPSS prints them.
 *
 * @param method      {@code tukey}, {@code lsd}, {@code bonferroni} or {@code games-howell}
 * @param comparisons each pair of groups (a before b in group order)
 */
public record PostHoc(String method, List<Comparison> comparisons) {

    public PostHoc {
        comparisons = List.copyOf(comparisons);
    }

    /**
     * One pair of groups.
     *
     * @param a             the first group
     * @param b             the second group
     * @param difference    mean(a) − mean(b)
     * @param standardError standard error of the difference: √(MSE(1/nₐ + 1/n_b)), or
     *                      √(sₐ²/nₐ + s_b²/n_b) for Games–Howell; NaN (written as {@code null}) when undefined
     * @param p             the method's p value; NaN (written as {@code null}) when undefined
     * @param lower         lower end of the method's confidence interval; NaN (written as {@code null}) when undefined
     * @param upper         upper end of the method's confidence interval; NaN (written as {@code null}) when undefined
     */
    public record Comparison(String a, String b, double difference, double standardError, double p, double lower,
                             double upper) {
    }
}
