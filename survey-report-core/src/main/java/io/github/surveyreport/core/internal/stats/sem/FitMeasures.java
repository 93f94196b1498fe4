package io.github.surveyreport.core.internal.stats.sem;

import io.github.surveyreport.core.results.CfaFit;
import org.apache.commons.math3.special.Gamma;

/**
 * The fit indices of an ML CFA as lavaan 0.6's {@code fitMeasures} defines them (single group,
 * no mean structure, standard test). N is the χ² multiplier throughout (N for the normal
 * likelihood, N − 1 for Wishart), as lavaan's {@code lav_utils_get_ntotal}; the baseline is the
 * independence model (free variances, zero covariances), whose χ² is −N·ln|R| with
 * p(p − 1)/2 degrees of freedom.
 */
public final class FitMeasures {

    /** RMSEA of the close-fit hypothesis (lavaan's {@code rmsea.h0.closefit}). */
    private static final double CLOSE_FIT = 0.05;

    /** The 90% interval of the RMSEA, lavaan's {@code rmsea.ci.level}. */
    private static final double CI_LEVEL = 0.90;

    /**
     * Tolerance of R's {@code isTRUE(all.equal(x, 0))}, which lavaan uses for "the baseline
     * and the model both fit perfectly" (CFI = 1) and a zero IFI denominator.
     */
    private static final double ALL_EQUAL = 1.5e-8;

    private FitMeasures() {
    }

    /**
     * @param s                 the analysed covariance matrix (divisor N or N − 1)
     * @param sigma             the model-implied covariance matrix at the estimate
     * @param fmin              F_ML at the estimate
     * @param df                the model's degrees of freedom
     * @param n                 the χ² multiplier (N or N − 1)
     * @param logDetCorrelation ln|R| of the analysed items (from {@link MlCfa#logDetCorrelation()})
     * @param interval          whether to compute the RMSEA's interval and pclose (noncentral
     *                          χ², the costly part); else they are {@code null}
     */
    public static CfaFit of(double[][] s, double[][] sigma, double fmin, int df, double n, double logDetCorrelation,
                            boolean interval) {
        int p = s.length;
        // F_ML ≥ 0; a just-identified model reaches 0 up to rounding
        double chi = Math.max(0, n * fmin);
        double chiB = Math.max(0, -n * logDetCorrelation);
        int dfB = p * (p - 1) / 2;

        Double pValue = df > 0 ? Gamma.regularizedGammaQ(df / 2.0, chi / 2) : null;
        double rmsea = df > 0 ? Math.sqrt(Math.max((chi / n) / df - 1 / n, 0)) : 0;
        double[] ci = interval ? rmseaInterval(chi, df, n) : null;
        Double pclose = interval && df > 0 ? NoncentralChiSquare.upper(chi, df, n * df * CLOSE_FIT * CLOSE_FIT) : null;

        // CFI: 1 − max(χ² − df, 0)/max(χ² − df, χ²_B − df_B, 0)
        double t1 = Math.max(chi - df, 0);
        double t2 = Math.max(Math.max(chi - df, chiB - dfB), 0);
        Double cfi = Math.abs(t1) < ALL_EQUAL && Math.abs(t2) < ALL_EQUAL ? 1.0 : finite(1 - t1 / t2);
        // TLI (lavaan ≥ 0.5-21): 1 − ((χ² − df)·df_B)/((χ²_B − df_B)·df), no truncation
        double u1 = (chi - df) * dfB;
        double u2 = (chiB - dfB) * df;
        Double tli = df > 0 && Math.abs(u2) > 0 ? finite(1 - u1 / u2) : 1.0;
        Double nfi;
        if (df > dfB || Math.abs(chiB) < ALL_EQUAL) {
            nfi = null;
        } else {
            nfi = df > 0 ? finite((chiB - chi) / chiB) : 1.0;
        }
        Double ifi;
        double i2 = chiB - df;
        if (i2 < 0) {
            ifi = 1.0;
        } else if (Math.abs(i2) < ALL_EQUAL) {
            ifi = null;
        } else {
            ifi = finite((chiB - chi) / i2);
        }

        // residuals: SRMR divides by the observed standard deviations (Bentler's, lavaan's default
        // "srmr" without mean structure); both average over the p(p + 1)/2 elements incl. the diagonal
        double sumStd = 0;
        double sumRaw = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double res = s[i][j] - sigma[i][j];
                double std = res / Math.sqrt(s[i][i] * s[j][j]);
                sumRaw += res * res;
                sumStd += std * std;
            }
        }
        int elements = p * (p + 1) / 2;
        double srmr = Math.sqrt(sumStd / elements);
        double rmr = Math.sqrt(sumRaw / elements);

        // GFI (LISREL) with the weight Σ̂⁻¹: 1 − tr((Σ̂⁻¹S − I)²)/tr((Σ̂⁻¹S)²)
        double[][] chol = MlCfa.cholesky(sigma);
        double[][] as = MlCfa.multiply(MlCfa.inverse(chol), s);
        double num = 0;
        double den = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double a = as[i][j] - (i == j ? 1 : 0);
                double b = as[j][i] - (i == j ? 1 : 0);
                num += a * b;
                den += as[i][j] * as[j][i];
            }
        }
        double gfi = 1 - num / den;
        Double agfi = df > 0 ? finite(1 - (double) elements / df * (1 - gfi)) : 1.0;

        return new CfaFit(chi, df, pValue, df > 0 ? chi / df : null, rmsea, ci == null ? null : ci[0],
                ci == null ? null : ci[1], pclose, cfi, tli, srmr,
                gfi, agfi, nfi, ifi, rmr);
    }

    /**
     * lavaan's {@code lav_fit_rmsea_ci}: the noncentralities λ at which χ² is the 95th and the
     * 5th percentile, √(λ/(N·df)). As in lavaan, a bound is 0 when df &lt; 1 or χ² lies below
     * that percentile of the central distribution, and the upper bound is searched up to
     * max(N, 4χ²) (0 if it lies beyond). lavaan finds the roots with {@code uniroot}'s default
     * tolerance (about 1e-4 in λ, i.e. 1e-6 relative in the bounds here); these are exact.
     */
    static double[] rmseaInterval(double chi, int df, double n) {
        double upperPercentile = 1 - (1 - CI_LEVEL) / 2;
        double lowerPercentile = (1 - CI_LEVEL) / 2;
        double lower = 0;
        double upper = 0;
        if (df >= 1) {
            double central = NoncentralChiSquare.cdf(chi, df, 0);
            if (central > upperPercentile) {
                double lambda = NoncentralChiSquare.noncentrality(chi, df, upperPercentile, 0, chi);
                lower = Math.sqrt(lambda / (n * df));
            }
            double limit = Math.max(n, 4 * chi);
            if (central > lowerPercentile && NoncentralChiSquare.cdf(chi, df, limit) < lowerPercentile) {
                double lambda = NoncentralChiSquare.noncentrality(chi, df, lowerPercentile, 0, limit);
                upper = Math.sqrt(lambda / (n * df));
            }
        }
        return new double[] {lower, upper};
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
