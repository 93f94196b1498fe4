package io.github.surveyreport.core.results;

/**
 * Levene's test of equal variances, centred on the group means (SPSS;
 * {@code car::leveneTest(center = mean)}): the one-way ANOVA of |x − mean of its group|.
 *
 * @param f   F statistic; NaN (written as {@code null}) when undefined (no variation within the groups)
 * @param df1 groups − 1
 * @param df2 cases − groups
 * @param p   upper-tail probability of F; NaN (written as {@code null}) when F is undefined
 */
public record LeveneTest(double f, int df1, int df2, double p) {
}
