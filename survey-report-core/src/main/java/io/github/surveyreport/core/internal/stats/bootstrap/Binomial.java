package io.github.surveyreport.core.internal.stats.bootstrap;

import java.util.random.RandomGenerator;

import org.apache.commons.math3.special.Gamma;

/**
 * Exact binomial variates. Sequential-search inversion when n·min(p, 1 − p) &lt; 10; otherwise
 * Hörmann's BTRS (transformed rejection with squeeze; W. Hörmann, "The generation of binomial
 * random variates", J. Statist. Comput. Simul. 46, 1993), whose acceptance test is exact. The
 * log-ratio of binomial probabilities in that test is evaluated from Stirling-series corrections
 * and {@code log1p}, without differences of huge log-gammas, so it stays exact for n up to 1e12
 * and beyond. For p &gt; 1/2 the variate is n minus one for 1 − p.
 */
public final class Binomial {

    /** Below this n·min(p, 1 − p) inversion is used (BTRS needs n·p ≥ 10). */
    static final double INVERSION_LIMIT = 10.0;

    private Binomial() {
    }

    /**
     * A Binomial(n, p) variate.
     *
     * @param rng the source of uniforms
     * @param n   trials, ≥ 0
     * @param p   success probability in [0, 1]
     */
    public static long draw(RandomGenerator rng, long n, double p) {
        if (n < 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Binomial(" + n + ", " + p + ")");
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        if (p > 0.5) {
            return n - drawLower(rng, n, 1.0 - p);
        }
        return drawLower(rng, n, p);
    }

    /** p ≤ 1/2. */
    private static long drawLower(RandomGenerator rng, long n, double p) {
        return n * p < INVERSION_LIMIT ? inversion(rng, n, p) : btrs(rng, n, p);
    }

    /** Sequential search from 0; n·p &lt; 10, so the search is short. */
    static long inversion(RandomGenerator rng, long n, double p) {
        double q = 1.0 - p;
        double ratio = p / q;
        double f0 = Math.exp(n * Math.log1p(-p));
        while (true) {
            double u = rng.nextDouble();
            double f = f0;
            long k = 0;
            // beyond 110 + 10·mean the remaining mass is far below 2^-53; restart on rounding leftovers
            long limit = Math.min(n, 110 + (long) (10 * n * p));
            while (u > f) {
                u -= f;
                if (k >= limit) {
                    k = -1;
                    break;
                }
                f *= ratio * (double) (n - k) / (double) (k + 1);
                k++;
            }
            if (k >= 0) {
                return k;
            }
        }
    }

    /** BTRS for n·p ≥ 10, p ≤ 1/2. */
    static long btrs(RandomGenerator rng, long n, double p) {
        double q = 1.0 - p;
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        double constant = Double.NaN; // δ(m + 1) + δ(n − m + 1), on the first slow acceptance test
        long m = (long) Math.floor((n + 1) * p);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            double kd = Math.floor((2 * a / us + b) * u + c);
            if (kd < 0 || kd > n) {
                continue;
            }
            long k = (long) kd;
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            double lv = Math.log(v * alpha / (a / (us * us) + b));
            if (constant != constant) {
                constant = stirling(m + 1.0) + stirling(n - m + 1.0);
            }
            // log[P(X = k) / P(X = m)] by Stirling's series with exact corrections δ; the
            // differences of the huge (z + ½) log(z + 1) terms are taken as log1p, so no
            // digits are lost even for n ≈ 1e12 (logRatio below is the same in longer form)
            double d = (double) (k - m);
            double ratio = -(m + 0.5) * Math.log1p(d / (m + 1.0))
                    - (n - m + 0.5) * Math.log1p(-d / (n - m + 1.0))
                    + d * Math.log(p * (n - k + 1.0) / (q * (k + 1.0)))
                    + constant - stirling(k + 1.0) - stirling(n - k + 1.0);
            if (lv <= ratio) {
                return k;
            }
        }
    }

    /** log[P(X = k) / P(X = m)] for X ~ Binomial(n, p), lpq = log(p/q), without cancellation. */
    static double logRatio(long n, long k, long m, double lpq) {
        return logFactorialRatio(m, k) + logFactorialRatio(n - m, n - k) + (k - m) * lpq;
    }

    /** log(x!/y!) for x, y ≥ 0, accurate when x and y are huge and close. */
    static double logFactorialRatio(long x, long y) {
        if (x == y) {
            return 0.0;
        }
        if (x < 16 && y < 16) {
            return Gamma.logGamma(x + 1.0) - Gamma.logGamma(y + 1.0);
        }
        // log Γ(z + 1) = (z + ½) log(z + 1) − (z + 1) + ½ log 2π + δ(z + 1)
        double d = (double) (y - x);
        double main = -(x + 0.5) * Math.log1p(d / (x + 1.0)) - d * Math.log(y + 1.0) + d;
        return main + stirling(x + 1.0) - stirling(y + 1.0);
    }

    /** δ(z) = log Γ(z) − [(z − ½) log z − z + ½ log 2π]. */
    static double stirling(double z) {
        if (z >= 16) {
            double r = 1 / z;
            double r2 = r * r;
            return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
        }
        return Gamma.logGamma(z) - ((z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI));
    }
}
