package io.github.surveyreport.core.internal.stats.sem;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * The noncentral chi-square distribution, which Commons Math lacks: needed for the RMSEA's
 * confidence interval and its test of close fit.
 *
 * <p>With {@code μ = ncp/2}, X ~ χ²(df, ncp) is the Poisson(μ) mixture of central χ²(df + 2j),
 * so P(X ≤ x) = Σ_j Pois(j; μ) · P(df/2 + j, x/2) with P the regularized lower incomplete gamma
 * function (the series R's {@code pnchisq} sums, Johnson, Kotz &amp; Balakrishnan 1995, ch. 29).
 * The sum starts at the Poisson mode, where the weights are largest, and runs outwards in both
 * directions until the remaining terms are below 1e-17 of the smaller tail (so a far tail keeps
 * its relative accuracy: there the terms away from the mode dominate); the weights follow from
 * the mode's by the recurrences w(j+1) = w(j)·μ/(j+1) and w(j−1) = w(j)·j/μ. The lower and the
 * upper tail are summed separately from the central P and Q, so that neither is a difference
 * {@code 1 - cdf} when it is small.
 */
public final class NoncentralChiSquare {

    /** Relative weight below which the Poisson sum stops. */
    private static final double NEGLIGIBLE = 1e-17;

    private NoncentralChiSquare() {
    }

    /** P(X ≤ x) for X ~ χ²(df, ncp). */
    public static double cdf(double x, double df, double ncp) {
        return tails(x, df, ncp)[0];
    }

    /** P(X &gt; x) for X ~ χ²(df, ncp), computed directly (not as 1 − cdf). */
    public static double upper(double x, double df, double ncp) {
        return tails(x, df, ncp)[1];
    }

    /** {lower, upper} tail at x. */
    private static double[] tails(double x, double df, double ncp) {
        if (!(df > 0) || !(ncp >= 0) || Double.isNaN(x)) {
            throw new IllegalArgumentException("noncentral chi-square needs df > 0 and ncp >= 0, got df " + df
                    + ", ncp " + ncp + ", x " + x);
        }
        if (x <= 0) {
            return new double[] {0.0, 1.0};
        }
        if (Double.isInfinite(x)) {
            return new double[] {1.0, 0.0};
        }
        double a = df / 2;
        double y = x / 2;
        double mu = ncp / 2;
        if (mu == 0) {
            return new double[] {Gamma.regularizedGammaP(a, y), Gamma.regularizedGammaQ(a, y)};
        }
        long mode = (long) Math.floor(mu);
        double logWeight = -mu + mode * Math.log(mu) - Gamma.logGamma(mode + 1.0);
        double w0 = Math.exp(logWeight);
        double lower = 0;
        double upper = 0;
        double total = 0;
        // from the mode upwards; the weights beyond j fall at least geometrically with ratio
        // r = μ/(j+1) < 1, and every central P and Q is at most 1, so the rest of either tail is
        // below w·r/(1 − r): stop when that is negligible against the smaller tail (relative
        // accuracy for a small p value, not only absolute)
        double w = w0;
        for (long j = mode; ; j++) {
            lower += w * Gamma.regularizedGammaP(a + j, y);
            upper += w * Gamma.regularizedGammaQ(a + j, y);
            total += w;
            double ratio = mu / (j + 1);
            w *= ratio;
            if (w == 0 || ratio < 1 && w / (1 - ratio) < NEGLIGIBLE * Math.min(lower, upper)) {
                break;
            }
        }
        // from the mode downwards: the weights below j sum to less than w·(j/μ)/(1 − j/μ)
        w = w0;
        for (long j = mode - 1; j >= 0; j--) {
            w *= (j + 1) / mu;
            if (w == 0) {
                break;
            }
            lower += w * Gamma.regularizedGammaP(a + j, y);
            upper += w * Gamma.regularizedGammaQ(a + j, y);
            total += w;
            double ratio = j / mu;
            if (w * ratio / (1 - ratio) < NEGLIGIBLE * Math.min(lower, upper)) {
                break;
            }
        }
        // total is 1 up to the truncation; normalising removes the rounding of the weight recurrences
        return new double[] {lower / total, upper / total};
    }

    /**
     * The noncentrality λ ≥ 0 at which P(X ≤ x) = {@code probability} for X ~ χ²(df, λ): the
     * cdf falls strictly from its central value as λ grows, so the root is unique when
     * {@code cdf(x, df, 0) > probability}. The bracket [lo, hi] must contain it.
     */
    public static double noncentrality(double x, double df, double probability, double lo, double hi) {
        BrentSolver solver = new BrentSolver(1e-15, 1e-13 * Math.max(1, hi), 1e-17);
        return solver.solve(10_000, lambda -> cdf(x, df, lambda) - probability, lo, hi);
    }
}
