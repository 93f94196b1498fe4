package io.github.surveyreport.core.results;

import java.util.List;

/**
 * Three or more groups: one-way ANOVA, Welch's ANOVA and post hoc pairwise comparisons.
 *
 * @param outcome the outcome (construct id)
 * @param groups  the groups, in ascending order of their values
 * @param levene  Levene's test of equal variances (centred on the means)
 * @param anova   the one-way ANOVA
 * @param welch   Welch's ANOVA ({@code oneway.test(var.equal = FALSE)})
 * @param posthoc the pairwise comparisons
 */
public record AnovaTest(String outcome, List<GroupStatistics> groups, LeveneTest levene, OneWayAnova anova,
                        WelchAnova welch, PostHoc posthoc) implements DifferenceTest {

    public AnovaTest {
        groups = List.copyOf(groups);
    }

    /**
     * The one-way ANOVA.
     *
     * @param f          F = MS_between / MS_within; NaN (written as {@code null}) when undefined
     * @param df1        groups − 1
     * @param df2        cases − groups
     * @param p          upper-tail probability of F; NaN (written as {@code null}) when F is undefined
     * @param etaSquared η² = SS_between / SS_total; NaN (written as {@code null}) when SS_total is 0
     */
    public record OneWayAnova(double f, int df1, int df2, double p, double etaSquared) {
    }

    /**
     * Welch's ANOVA for unequal variances (R's {@code oneway.test}).
     *
     * @param f   Welch's F; NaN (written as {@code null}) when undefined (a group with n &lt; 2 or no variation)
     * @param df1 groups − 1
     * @param df2 the approximate denominator degrees of freedom; NaN (written as {@code null}) when undefined
     * @param p   upper-tail probability; NaN (written as {@code null}) when undefined
     */
    public record WelchAnova(double f, int df1, double df2, double p) {
    }
}
