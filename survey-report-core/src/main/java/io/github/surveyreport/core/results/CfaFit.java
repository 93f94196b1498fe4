package io.github.surveyreport.core.results;

/**
 * Fit of a CFA as lavaan's {@code fitMeasures} defines each index (baseline: the independence
 * model with free variances; N below is the χ² multiplier, N or N − 1 by the likelihood).
 *
 * @param chiSquare   χ² = N·F_ML
 * @param df          degrees of freedom: p(p + 1)/2 moments minus free parameters
 * @param p           upper-tail probability of χ²; {@code null} when df is 0
 * @param chiSquareDf χ²/df; {@code null} when df is 0
 * @param rmsea       √max((χ²/N)/df − 1/N, 0); 0 when df is 0
 * @param rmseaLower  lower end of its 90% confidence interval (noncentral χ²)
 * @param rmseaUpper  upper end of its 90% confidence interval
 * @param pclose      p of the test of close fit, H₀: RMSEA ≤ .05 (lavaan's {@code rmsea.pvalue});
 *                    {@code null} when df is 0
 * @param cfi         comparative fit index
 * @param tli         Tucker–Lewis index (non-normed fit index)
 * @param srmr        standardized root mean square residual (lavaan's default, Bentler's: residual
 *                    covariances divided by the observed standard deviations, diagonal included)
 * @param gfi         goodness-of-fit index (LISREL's, with Σ̂⁻¹ as weight)
 * @param agfi        adjusted GFI, 1 − (p(p + 1)/2)/df·(1 − GFI)
 * @param nfi         normed fit index
 * @param ifi         incremental fit index (Bollen)
 * @param rmr         root mean square residual of the covariances, diagonal included
 */
public record CfaFit(
        double chiSquare,
        int df,
        Double p,
        Double chiSquareDf,
        double rmsea,
        Double rmseaLower,
        Double rmseaUpper,
        Double pclose,
        Double cfi,
        Double tli,
        double srmr,
        double gfi,
        Double agfi,
        Double nfi,
        Double ifi,
        double rmr) {
}
