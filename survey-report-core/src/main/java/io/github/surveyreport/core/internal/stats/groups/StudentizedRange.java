package io.github.surveyreport.core.internal.stats.groups;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * The studentized range distribution: the range of {@code k} independent standard normal
 * variables divided by an independent √(χ²_df/df), as R's {@code ptukey}/{@code qtukey} with
 * {@code nranges = 1} (Copenhaver and Holland 1988: Gauss–Legendre quadrature of the range
 * distribution, then of that over the density of the scale).
 *
 * <p>Unlike R, the upper tail is integrated directly, never as 1 − cdf, so that small p values
 * keep their relative accuracy:
 * <pre>
 *   P(R &gt; w) = k ∫ φ(z) { Q(z)^(k−1) − [Q(z) − Q(z + w)]^(k−1) } dz ,   Q = 1 − Φ
 * </pre>
 * (the first term integrates to 1: it is the density of the minimum), with the difference of
 * powers evaluated as −Q^(k−1)·expm1((k−1)·log1p(−Q(z+w)/Q(z))). The outer integral runs over
 * t = log s, s = √(χ²_df/df), on a range found around the mode of the log integrand. As in R,
 * df &gt; 25000 is treated as infinite and df &lt; 2 is not supported (NaN).
 */
public final class StudentizedRange {

    /** Above this df the scale is taken as exactly 1 (R's {@code dlarg}). */
    static final double LARGE_DF = 25000.0;

    /**
     * Gauss–Legendre order per panel, both integrals: 16 agrees with independent adaptive
     * quadrature to 2e-11 relative; 12 only to 4e-10 (k = 20).
     */
    static final int ORDER = 16;
    private static final double[] GL_X = new double[ORDER];
    private static final double[] GL_W = new double[ORDER];

    static {
        // Gauss–Legendre nodes and weights on [-1, 1], by Newton iteration on P_n
        int n = ORDER;
        for (int i = 0; i < n; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = x;
                for (int j = 2; j <= n; j++) {
                    double p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            GL_X[i] = x;
            GL_W[i] = 2 / ((1 - x * x) * dp * dp);
        }
    }

    /** The range integrand is negligible (relative 1e-16) farther than this from z = −w/2. */
    private static final double INNER_HALF_WIDTH = 8.5;
    /** Width of the inner panels, on a fixed grid of z. */
    static final double PANEL = 2.0;
    /** The outer integration stops where the log integrand is this far below its maximum. */
    private static final double OUTER_DROP = 34.0;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private StudentizedRange() {
    }

    /**
     * P(Q &gt; q), R's {@code ptukey(q, k, df, lower.tail = FALSE)}.
     *
     * @param q  the studentized range
     * @param k  number of means, at least 2
     * @param df degrees of freedom of the variance estimate (may be non-integer); at least 2,
     *           {@code Double.POSITIVE_INFINITY} for a known variance
     * @return the upper-tail probability, NaN for invalid arguments
     */
    public static double upperTail(double q, int k, double df) {
        if (Double.isNaN(q) || Double.isNaN(df) || k < 2 || df < 2) {
            return Double.NaN;
        }
        if (q <= 0) {
            return 1.0;
        }
        if (q == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        if (df > LARGE_DF) {
            return rangeUpper(q, k);
        }
        return outer(q, k, df);
    }

    /** P(Q ≤ q), R's {@code ptukey(q, k, df)}. */
    public static double cdf(double q, int k, double df) {
        return 1.0 - upperTail(q, k, df);
    }

    /**
     * The quantile, R's {@code qtukey(p, k, df)}: the q with P(Q ≤ q) = p, to about 1e-12
     * relative (R's own secant iteration stops at an absolute step of 1e-4, so R's values differ
     * from the exact root by up to a few 1e-8 relative).
     */
    public static double quantile(double p, int k, double df) {
        if (Double.isNaN(p) || p < 0 || p > 1 || k < 2 || Double.isNaN(df) || df < 2) {
            return Double.NaN;
        }
        if (p == 0) {
            return 0.0;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double target = Math.log1p(-p); // log of the upper tail wanted
        double lo = 0.0;
        double hi = 1.0;
        while (Math.log(upperTail(hi, k, df)) > target) {
            lo = hi;
            hi *= 2;
            if (hi > 1e6) {
                return Double.POSITIVE_INFINITY;
            }
        }
        if (lo == 0.0) {
            lo = hi / 2;
            while (lo > 1e-12 && Math.log(upperTail(lo, k, df)) < target) {
                hi = lo;
                lo /= 2;
            }
        }
        BrentSolver solver = new BrentSolver(1e-13, 1e-14 * hi, 1e-300);
        return solver.solve(500, x -> Math.log(upperTail(x, k, df)) - target, lo, hi);
    }

    /** P(R &gt; w) for the range R of k standard normals (infinite df). */
    static double rangeUpper(double w, int k) {
        return new Range(k).upper(w);
    }

    /**
     * The range integral of one k, with the factors that do not depend on w, Q(z)^(k−1)·φ(z) and
     * Q(z), cached per node: the z panels lie on a fixed grid (width {@link #PANEL}) so that the
     * many w of one outer integral share their nodes.
     */
    static final class Range {
        private static final int OFFSET = 128;
        final int k;
        final int m;
        private final double[][] weight = new double[OFFSET + 8][];
        private final double[][] tail = new double[OFFSET + 8][];

        Range(int k) {
            this.k = k;
            this.m = k - 1;
        }

        double upper(double w) {
            if (w <= 0) {
                return 1.0;
            }
            double centre = -0.5 * w;
            int jLo = (int) Math.floor((centre - INNER_HALF_WIDTH) / PANEL);
            int jHi = (int) Math.ceil((centre + INNER_HALF_WIDTH) / PANEL);
            double half = 0.5 * PANEL;
            double sum = 0;
            for (int j = jLo; j < jHi; j++) {
                double[] wt;
                double[] a;
                int slot = j + OFFSET;
                if (slot >= 0 && slot < weight.length && weight[slot] != null) {
                    wt = weight[slot];
                    a = tail[slot];
                } else {
                    wt = new double[ORDER];
                    a = new double[ORDER];
                    double mid = (j + 0.5) * PANEL;
                    for (int i = 0; i < ORDER; i++) {
                        double z = mid + half * GL_X[i];
                        a[i] = upperNormal(z);
                        // GL weight × φ(z)·√(2π) × Q(z)^m
                        wt[i] = a[i] > 0 ? GL_W[i] * Math.exp(m * Math.log(a[i]) - 0.5 * z * z) : 0.0;
                    }
                    if (slot >= 0 && slot < weight.length) {
                        weight[slot] = wt;
                        tail[slot] = a;
                    }
                }
                double mid = (j + 0.5) * PANEL;
                double part = 0;
                for (int i = 0; i < ORDER; i++) {
                    if (wt[i] != 0.0) {
                        double c = upperNormal(mid + half * GL_X[i] + w);
                        // Q^m − (Q − c)^m = −Q^m·expm1(m·log1p(−c/Q))
                        part -= wt[i] * Math.expm1(m * Math.log1p(-Math.min(c / a[i], 1.0)));
                    }
                }
                sum += part * half;
            }
            double result = k * sum / Math.sqrt(2 * Math.PI);
            return Math.min(result, 1.0);
        }
    }

    /** Q(z) = P(Z &gt; z), relatively accurate in the upper tail. */
    static double upperNormal(double z) {
        return NormalTail.upper(z);
    }

    // --- outer integral over t = log s, s = sqrt(chi2_df / df)

    private static double outer(double q, int k, double df) {
        double x = 0.5 * df;
        double logNorm = 0.5 * Math.log(x) - LOG_SQRT_2PI + Math.log(2.0) - stirlingCorrection(x);
        Outer h = new Outer(q, new Range(k), df, logNorm);
        double width = 1.0 / Math.sqrt(2 * df);
        // the mode lies in (-0.5 log(1 + q²/(2 df)), 0]: golden-section search for it
        double a = -0.5 * Math.log1p(q * q / (2 * df)) - 3.0 - 6 * width;
        double b = 0.5 * width;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double hc = h.log(c);
        double hd = h.log(d);
        while (b - a > 0.05 * width) {
            if (hc > hd) {
                b = d;
                d = c;
                hd = hc;
                c = b - g * (b - a);
                hc = h.log(c);
            } else {
                a = c;
                c = d;
                hc = hd;
                d = a + g * (b - a);
                hd = h.log(d);
            }
        }
        double mode = hc > hd ? c : d;
        double top = Math.max(hc, hd);
        if (top == Double.NEGATIVE_INFINITY) {
            return 0.0;
        }
        // local scale from the curvature of the log integrand at the mode
        double step = 0.25 * width;
        double curv = -(h.log(mode + step) - 2 * top + h.log(mode - step)) / (step * step);
        double sigma = curv > 0 ? Math.min(1.0 / Math.sqrt(curv), 1.0) : width;
        double panel = 2 * sigma;
        double left = mode;
        for (int i = 0; i < 400 && h.log(left) > top - OUTER_DROP; i++) {
            left -= panel;
        }
        double right = mode;
        for (int i = 0; i < 400 && h.log(right) > top - OUTER_DROP; i++) {
            right += panel;
        }
        int panels = (int) Math.round((right - left) / panel);
        double sum = 0;
        for (int j = 0; j < panels; j++) {
            double mid = left + (j + 0.5) * panel;
            double part = 0;
            for (int i = 0; i < GL_X.length; i++) {
                double t = mid + sigma * GL_X[i];
                part += GL_W[i] * Math.exp(h.log(t) - top);
            }
            sum += part * sigma;
        }
        return Math.min(1.0, Math.exp(top) * sum);
    }

    private static final class Outer {
        final double q;
        final Range range;
        final double df;
        final double logNorm;

        Outer(double q, Range range, double df, double logNorm) {
            this.q = q;
            this.range = range;
            this.df = df;
            this.logNorm = logNorm;
        }

        /** log of (density of t = log s) × P(R &gt; q s). */
        double log(double t) {
            double logDensity = logNorm - df * (0.5 * Math.expm1(2 * t) - t);
            if (logDensity == Double.NEGATIVE_INFINITY) {
                return logDensity;
            }
            double u = range.upper(q * Math.exp(t));
            return u > 0 ? logDensity + Math.log(u) : Double.NEGATIVE_INFINITY;
        }
    }

    /** δ(x) = log Γ(x) − [(x − ½) log x − x + ½ log 2π], evaluated without cancellation. */
    static double stirlingCorrection(double x) {
        if (x >= 15) {
            double r = 1 / x;
            double r2 = r * r;
            return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
        }
        return Gamma.logGamma(x) - ((x - 0.5) * Math.log(x) - x + LOG_SQRT_2PI);
    }
}
