package io.github.surveyreport.core.internal.stats.groups;

import org.apache.commons.math3.special.Erf;

/**
 * A fast upper tail of the standard normal, Q(z) = P(Z &gt; z), with relative accuracy near
 * 1e-15 over its whole range (down to underflow). The scaled complementary error function
 * erfcx(x) = exp(x²)·erfc(x) is smooth and slowly varying for x ≥ 0: on [0, 12] it is
 * interpolated piecewise (intervals of 1/2) at Chebyshev nodes, the node values taken once
 * from Commons Math's accurate but slow continued-fraction {@code Erf.erfc}; above 12 its
 * asymptotic series is used. The studentized range integrals call this hundreds of thousands
 * of times, which is why it exists.
 */
final class NormalTail {

    private static final double SPLIT = 12.0;
    private static final double STEP = 0.5;
    private static final int DEGREE = 21;
    private static final double[][] CHEB = new double[(int) (SPLIT / STEP)][];
    private static final double INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
    private static final double INV_SQRT2 = 1 / Math.sqrt(2.0);

    static {
        int n = DEGREE + 1;
        for (int j = 0; j < CHEB.length; j++) {
            double lo = j * STEP;
            double mid = lo + STEP / 2;
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                double x = mid + STEP / 2 * Math.cos(Math.PI * (i + 0.5) / n);
                f[i] = Math.exp(x * x) * Erf.erfc(x);
            }
            double[] c = new double[n];
            for (int k = 0; k < n; k++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += f[i] * Math.cos(Math.PI * k * (i + 0.5) / n);
                }
                c[k] = 2.0 * s / n;
            }
            c[0] /= 2;
            CHEB[j] = c;
        }
    }

    private NormalTail() {
    }

    /** Q(z) = P(Z &gt; z) for a standard normal Z. */
    static double upper(double z) {
        double x = z * INV_SQRT2;
        return x >= 0 ? 0.5 * erfc(x) : 1.0 - 0.5 * erfc(-x);
    }

    /** erfc(x) for x ≥ 0. */
    static double erfc(double x) {
        if (x >= 27.3) {
            return 0.0;
        }
        return erfcx(x) * Math.exp(-x * x);
    }

    /** exp(x²)·erfc(x) for x ≥ 0. */
    static double erfcx(double x) {
        if (x < SPLIT) {
            int j = (int) (x / STEP);
            double[] c = CHEB[j];
            double t = (x - (j * STEP + STEP / 2)) * (2 / STEP);
            // Clenshaw
            double b1 = 0;
            double b2 = 0;
            double t2 = 2 * t;
            for (int k = c.length - 1; k >= 1; k--) {
                double b0 = t2 * b1 - b2 + c[k];
                b2 = b1;
                b1 = b0;
            }
            return t * b1 - b2 + c[0];
        }
        // asymptotic series: (1/(x√π)) Σ (−1)^n (2n − 1)!! / (2x²)^n
        double r = 1 / (2 * x * x);
        double term = 1;
        double sum = 1;
        for (int n = 1; n <= 14; n++) {
            term *= -(2 * n - 1) * r;
            sum += term;
        }
        return sum * INV_SQRT_PI / x;
    }
}
