package io.github.surveyreport.core.results;

/**
 * Common-method-bias checks over all construct items.
 *
 * @param harmanFirstFactorVariance Harman's single-factor test: the first eigenvalue of the
 *                                  items' correlation matrix divided by the number of items
 *                                  (the share of variance of the first unrotated component)
 * @param harmanFactors             number of eigenvalues above 1
 * @param oneFactor                 fit of a CFA with every construct item on one factor;
 *                                  {@code null} unless the study asks for {@code cfa}, or when
 *                                  that CFA did not converge
 * @param deltaChiSquare            χ² of the one-factor model minus χ² of the measurement model
 * @param deltaDf                   the difference of their degrees of freedom
 * @param deltaP                    upper-tail probability of Δχ² with Δdf degrees of freedom;
 *                                  the deltas are {@code null} without both fits, when Δdf is
 *                                  not positive, or when the two models do not analyse the same
 *                                  items (a single-item construct is outside the measurement
 *                                  model), as then they are not nested
 */
public record CommonMethod(
        double harmanFirstFactorVariance,
        int harmanFactors,
        OneFactor oneFactor,
        Double deltaChiSquare,
        Integer deltaDf,
        Double deltaP) {

    /**
     * Fit of the one-factor model (definitions as in {@link CfaFit}).
     *
     * @param chiSquare χ²
     * @param df        degrees of freedom
     * @param p         p of χ²; {@code null} when df is 0
     * @param rmsea     RMSEA
     * @param cfi       CFI
     * @param tli       TLI
     * @param srmr      SRMR
     */
    public record OneFactor(double chiSquare, int df, Double p, double rmsea, Double cfi, Double tli, double srmr) {
    }
}
