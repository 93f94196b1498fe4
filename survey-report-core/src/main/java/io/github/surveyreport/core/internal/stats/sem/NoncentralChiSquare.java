package io.github.surveyreport.core.internal.stats.sem;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * The noncentral chi-square distribution, which Commons Math lacks: needed for the RMSEA's
 * confidence interval and its test of close fit.
 *
 * <p>With {@code μ = ncp/2} and {@code y = x/2}, X ~ χ²(df, ncp) is the Poisson(μ) mixture of
 * central χ²(df + 2j), so P(X ≤ x) = Σ_j w_j·P(df/2 + j, y) with Poisson weights w_j and P the
 * regularized lower incomplete gamma function (the series R's {@code pnchisq} sums; Johnson,
 * Kotz &amp; Balakrishnan 1995, ch. 29), and likewise the upper tail with Q = 1 − P.
 *
 * <p>The sum runs over every j whose weight is within 1e-300 of the weight at the Poisson mode
 * (about ±38√μ around it), so that a far tail keeps its relative accuracy even where terms far
 * from the mode dominate. Each central term is not computed afresh: with
 * d_j = y^(a+j)·e^(−y)/Γ(a + j + 1), a = df/2, the exact identities P_j = P_(j+1) + d_j and
 * Q_(j+1) = Q_j + d_j give every P from the one at the top of the range downwards and every Q
 * from the one at the bottom upwards, adding positive terms only (no cancellation), so one
 * evaluation costs O(√μ) arithmetic and two incomplete gamma functions. That matters because
 * χ² grows with the sample size for a misfitting model, and the RMSEA interval needs a few
 * dozen evaluations at noncentralities up to 4χ². d_j comes from its neighbour by the ratio
 * y/(a + j), re-anchored in log space every {@value #ANCHOR} terms (and after an underflow).
 */
public final class NoncentralChiSquare {

    /** Weights below this fraction of the mode's are left out: their terms are below any double. */
    private static final double NEGLIGIBLE = 1e-300;

    /**
     * For the root search in {@link #noncentrality} the cdf is near .05 or .95 and needs absolute
     * accuracy only: weights below 1e-20 of the mode's (about ±9.5√μ) change it by less than that.
     */
    private static final double NEGLIGIBLE_FOR_ROOTS = 1e-20;

    /** Terms between recomputations of d_j from logarithms. */
    private static final int ANCHOR = 32;

    private NoncentralChiSquare() {
    }

    /** P(X ≤ x) for X ~ χ²(df, ncp). */
    public static double cdf(double x, double df, double ncp) {
        return tails(x, df, ncp, NEGLIGIBLE)[0];
    }

    /** P(X &gt; x) for X ~ χ²(df, ncp), computed directly (not as 1 − cdf). */
    public static double upper(double x, double df, double ncp) {
        return tails(x, df, ncp, NEGLIGIBLE)[1];
    }

    /** {lower, upper} tail at x. */
    private static double[] tails(double x, double df, double ncp, double negligible) {
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
        // the range of j: weights fall monotonically away from the mode
        long lo = mode;
        for (double w = 1; lo > 0; lo--) {
            w *= lo / mu;
            if (w < negligible) {
                break;
            }
        }
        long hi = mode;
        for (double w = 1; ; hi++) {
            w *= mu / (hi + 1);
            if (w < negligible) {
                break;
            }
        }
        int terms = (int) (hi - lo + 1);
        // Poisson weights relative to the mode's (normalised by their sum below)
        double[] w = new double[terms];
        int m0 = (int) (mode - lo);
        w[m0] = 1;
        for (int t = m0 + 1; t < terms; t++) {
            w[t] = w[t - 1] * mu / (lo + t);
        }
        for (int t = m0 - 1; t >= 0; t--) {
            w[t] = w[t + 1] * (lo + t + 1) / mu;
        }
        // d_j for j = lo .. hi - 1
        double[] d = new double[Math.max(terms - 1, 0)];
        double logY = Math.log(y);
        double dj = 0;
        for (int t = 0; t < d.length; t++) {
            double b = a + lo + t;
            if (t % ANCHOR == 0 || dj == 0) {
                dj = Math.exp(b * logY - y - Gamma.logGamma(b + 1));
            } else {
                dj *= y / b;
            }
            d[t] = dj;
        }
        double lower = 0;
        double upper = 0;
        double total = 0;
        double p = Gamma.regularizedGammaP(a + hi, y);
        for (int t = terms - 1; t >= 0; t--) {
            if (t < terms - 1) {
                p += d[t];
            }
            lower += w[t] * p;
            total += w[t];
        }
        double q = Gamma.regularizedGammaQ(a + lo, y);
        for (int t = 0; t < terms; t++) {
            if (t > 0) {
                q += d[t - 1];
            }
            upper += w[t] * q;
        }
        return new double[] {Math.min(1, lower / total), Math.min(1, upper / total)};
    }

    /**
     * The noncentrality λ ≥ 0 at which P(X ≤ x) = {@code probability} for X ~ χ²(df, λ): the
     * cdf falls strictly from its central value as λ grows, so the root is unique when
     * {@code cdf(x, df, 0) > probability}. The bracket [lo, hi] must contain it.
     */
    public static double noncentrality(double x, double df, double probability, double lo, double hi) {
        BrentSolver solver = new BrentSolver(1e-15, 1e-13 * Math.max(1, hi), 1e-17);
        return solver.solve(10_000, lambda -> tails(x, df, lambda, NEGLIGIBLE_FOR_ROOTS)[0] - probability, lo, hi);
    }
}
