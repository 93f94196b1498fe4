package io.github.surveyreport.core.results;

import java.util.List;

/**
 * Two groups: Student's t test with the pooled variance and Welch's t test.
 *
 * @param outcome the outcome (construct id)
 * @param groups  the two groups, in ascending order of their values
 * @param levene  Levene's test of equal variances (centred on the means)
 * @param t       Student's t test (pooled variance), first group minus second
 * @param welch   Welch's t test (unequal variances)
 */
public record TwoGroupTest(String outcome, List<GroupStatistics> groups, LeveneTest levene, StudentT t, WelchT welch)
        implements DifferenceTest {

    public TwoGroupTest {
        groups = List.copyOf(groups);
    }

    /**
     * Student's t test with the pooled variance.
     *
     * @param t              t statistic; NaN (written as {@code null}) when undefined (no variation)
     * @param df             n₁ + n₂ − 2
     * @param p              two-sided p value; NaN (written as {@code null}) when t is undefined
     * @param meanDifference mean of the first group minus mean of the second
     * @param cohenD         the mean difference divided by the pooled SD; NaN (written as {@code null}) when undefined
     */
    public record StudentT(double t, int df, double p, double meanDifference, double cohenD) {
    }

    /**
     * Welch's t test.
     *
     * @param t  t statistic; NaN (written as {@code null}) when undefined
     * @param df Welch–Satterthwaite degrees of freedom; NaN (written as {@code null}) when undefined
     * @param p  two-sided p value; NaN (written as {@code null}) when undefined
     */
    public record WelchT(double t, double df, double p) {
    }
}
