package io.github.surveyreport.core.internal.stats;

/**
 * Least squares by an updating orthogonal factorization: Gentleman's square-root-free Givens
 * rotations in the form of Miller's AS 274 ({@code X = Q·D^½·R̄}, R̄ unit upper triangular),
 * one row at a time, O(k²) memory, never forming X'X.
 *
 * <p>Why our own and not Commons Math's {@code MillerUpdatingRegression}: (1) merging two
 * accumulators needs weighted row inclusion (the other's factor enters as k rows
 * {@code e_i + r̄_i} with weights {@code d_i}), which that class does not expose; (2) the
 * factor is held in double-double (about 32 digits). NIST's Filip (10th-degree polynomial,
 * VIFs around 1e16) loses nearly all digits in double-precision updating factorizations, and
 * exactly collinear terms become distinguishable from merely ill-conditioned ones only with
 * the extra precision (1 - R²ⱼ ≈ 1e-32 from rounding versus ≥ 1e-17 for Filip). The cost is
 * a few tens of nanoseconds per row for a handful of predictors (see the benchmark in the
 * tests), which is affordable next to the co-moment update.
 *
 * <p>Column 0 is the intercept (a column of ones); the response is carried as column k.
 * The double-double arithmetic is written out inline in {@link #include} because it is the
 * per-row hot path and must not allocate.
 */
final class RegressionAccumulator {

    private final int k;
    private final int[] predictorIndex;
    private final int dependentIndex;
    private long n;
    private final double[] dH;
    private final double[] dL;
    /** R̄ above the diagonal, packed by rows: row i holds columns i+1..k-1. */
    private final double[] rH;
    private final double[] rL;
    private final double[] tH;
    private final double[] tL;
    private double sseH;
    private double sseL;
    private final double[] xH;
    private final double[] xL;

    /**
     * @param predictorIndex indices of the predictors in the variable vector given to
     *                       {@link #add(double[])}
     * @param dependentIndex index of the dependent variable
     */
    RegressionAccumulator(int[] predictorIndex, int dependentIndex) {
        this.predictorIndex = predictorIndex.clone();
        this.dependentIndex = dependentIndex;
        this.k = predictorIndex.length + 1;
        dH = new double[k];
        dL = new double[k];
        rH = new double[k * (k - 1) / 2];
        rL = new double[k * (k - 1) / 2];
        tH = new double[k];
        tL = new double[k];
        xH = new double[k];
        xL = new double[k];
    }

    int parameters() {
        return k;
    }

    long count() {
        return n;
    }

    /** Adds one observation taken from the variable vector. */
    void add(double[] vars) {
        final double[] xh = xH;
        final double[] xl = xL;
        xh[0] = 1.0;
        xl[0] = 0.0;
        for (int j = 1; j < k; j++) {
            xh[j] = vars[predictorIndex[j - 1]];
            xl[j] = 0.0;
        }
        include(1.0, 0.0, 0, vars[dependentIndex], 0.0);
        n++;
    }

    /** Adds {@code other}'s observations (order is irrelevant for least squares). */
    void merge(RegressionAccumulator other) {
        if (other.k != k) {
            throw new IllegalArgumentException("incompatible regression accumulators");
        }
        // other's data are equivalent to the k weighted rows d_i·(e_i + r̄_i | θ̄_i) plus its SSE
        int pos = 0;
        for (int i = 0; i < k; i++) {
            java.util.Arrays.fill(xH, 0.0);
            java.util.Arrays.fill(xL, 0.0);
            xH[i] = 1.0;
            for (int j = i + 1; j < k; j++, pos++) {
                xH[j] = other.rH[pos];
                xL[j] = other.rL[pos];
            }
            if (other.dH[i] != 0.0) {
                include(other.dH[i], other.dL[i], i, other.tH[i], other.tL[i]);
            }
        }
        DoubleDouble sse = new DoubleDouble(sseH, sseL).add(new DoubleDouble(other.sseH, other.sseL));
        sseH = sse.hi;
        sseL = sse.lo;
        n += other.n;
    }

    /**
     * AS 274 INCLUD in double-double: rotates the row (xH/xL from column {@code start}, response
     * y) with weight w into the factor. Uses r̄' = r̄ + s̄·x' (with x' = x - xᵢ·r̄), which is
     * equivalent to c̄·r̄ + s̄·x because c̄ + s̄·xᵢ = 1, and saves one product per element.
     */
    private void include(double wh, double wl, int start, double yh, double yl) {
        final double[] xh = xH;
        final double[] xl = xL;
        final double[] rh = rH;
        final double[] rl = rL;
        int pos = start * (2 * k - start - 1) / 2;
        for (int i = start; i < k; i++) {
            final double xih = xh[i];
            final double xil = xl[i];
            if (xih == 0.0) {
                pos += k - 1 - i;
                continue;
            }
            // wxi = w * xi
            double p = wh * xih;
            double e = Math.fma(wh, xih, -p) + (wh * xil + wl * xih);
            final double wxh = p + e;
            final double wxl = e - (wxh - p);
            // q = wxi * xi
            p = wxh * xih;
            e = Math.fma(wxh, xih, -p) + (wxh * xil + wxl * xih);
            double qh = p + e;
            double ql = e - (qh - p);
            // dpi = d_i + q (accurate addition)
            final double dih = dH[i];
            final double dil = dL[i];
            double s = dih + qh;
            double v = s - dih;
            double e1 = (dih - (s - v)) + (qh - v);
            double t = dil + ql;
            double ww = t - dil;
            double e2 = (dil - (t - ww)) + (ql - ww);
            e1 += t;
            double h = s + e1;
            e1 = e1 - (h - s);
            e1 += e2;
            final double dph = h + e1;
            final double dpl = e1 - (dph - h);
            dH[i] = dph;
            dL[i] = dpl;
            // cbar = d_i / dpi
            double q1 = dih / dph;
            p = q1 * dph;
            double r = ((dih - p) - Math.fma(q1, dph, -p)) + dil - q1 * dpl;
            double q2 = r / dph;
            final double cbh = q1 + q2;
            final double cbl = q2 - (cbh - q1);
            // sbar = wxi / dpi
            q1 = wxh / dph;
            p = q1 * dph;
            r = ((wxh - p) - Math.fma(q1, dph, -p)) + wxl - q1 * dpl;
            q2 = r / dph;
            final double sbh = q1 + q2;
            final double sbl = q2 - (sbh - q1);
            // w = cbar * w
            p = cbh * wh;
            e = Math.fma(cbh, wh, -p) + (cbh * wl + cbl * wh);
            wh = p + e;
            wl = e - (wh - p);
            for (int c = i + 1; c < k; c++, pos++) {
                // x_c -= xi * rbar
                final double rbh = rh[pos];
                final double rbl = rl[pos];
                p = xih * rbh;
                e = Math.fma(xih, rbh, -p) + (xih * rbl + xil * rbh);
                double mh = -(p + e);
                double ml = -(e - (-mh - p));
                double ah = xh[c];
                double al = xl[c];
                s = ah + mh;
                v = s - ah;
                e1 = (ah - (s - v)) + (mh - v);
                t = al + ml;
                ww = t - al;
                e2 = (al - (t - ww)) + (ml - ww);
                e1 += t;
                h = s + e1;
                e1 = e1 - (h - s);
                e1 += e2;
                final double nxh = h + e1;
                final double nxl = e1 - (nxh - h);
                xh[c] = nxh;
                xl[c] = nxl;
                // rbar += sbar * x_c
                p = sbh * nxh;
                e = Math.fma(sbh, nxh, -p) + (sbh * nxl + sbl * nxh);
                mh = p + e;
                ml = e - (mh - p);
                s = rbh + mh;
                v = s - rbh;
                e1 = (rbh - (s - v)) + (mh - v);
                t = rbl + ml;
                ww = t - rbl;
                e2 = (rbl - (t - ww)) + (ml - ww);
                e1 += t;
                h = s + e1;
                e1 = e1 - (h - s);
                e1 += e2;
                final double nrh = h + e1;
                rh[pos] = nrh;
                rl[pos] = e1 - (nrh - h);
            }
            // the response: y -= xi * theta_i; theta_i += sbar * y
            {
                final double thh = tH[i];
                final double thl = tL[i];
                p = xih * thh;
                e = Math.fma(xih, thh, -p) + (xih * thl + xil * thh);
                double mh = -(p + e);
                double ml = -(e - (-mh - p));
                s = yh + mh;
                v = s - yh;
                e1 = (yh - (s - v)) + (mh - v);
                t = yl + ml;
                ww = t - yl;
                e2 = (yl - (t - ww)) + (ml - ww);
                e1 += t;
                h = s + e1;
                e1 = e1 - (h - s);
                e1 += e2;
                yh = h + e1;
                yl = e1 - (yh - h);
                p = sbh * yh;
                e = Math.fma(sbh, yh, -p) + (sbh * yl + sbl * yh);
                mh = p + e;
                ml = e - (mh - p);
                s = thh + mh;
                v = s - thh;
                e1 = (thh - (s - v)) + (mh - v);
                t = thl + ml;
                ww = t - thl;
                e2 = (thl - (t - ww)) + (ml - ww);
                e1 += t;
                h = s + e1;
                e1 = e1 - (h - s);
                e1 += e2;
                final double nth = h + e1;
                tH[i] = nth;
                tL[i] = e1 - (nth - h);
            }
            if (wh == 0.0) {
                return; // the row is used up (first row reaching a new pivot)
            }
        }
        // sse += w * y * y
        if (yh != 0.0) {
            double p = wh * yh;
            double e = Math.fma(wh, yh, -p) + (wh * yl + wl * yh);
            double ah = p + e;
            double al = e - (ah - p);
            p = ah * yh;
            e = Math.fma(ah, yh, -p) + (ah * yl + al * yh);
            double bh = p + e;
            double bl = e - (bh - p);
            double s = sseH + bh;
            double v = s - sseH;
            double e1 = (sseH - (s - v)) + (bh - v);
            double t = sseL + bl;
            double ww = t - sseL;
            double e2 = (sseL - (t - ww)) + (bl - ww);
            e1 += t;
            double h = s + e1;
            e1 = e1 - (h - s);
            e1 += e2;
            sseH = h + e1;
            sseL = e1 - (sseH - h);
        }
    }

    /** The factor's state, for solving; a snapshot in double-double. */
    Factor factor() {
        DoubleDouble[] d = new DoubleDouble[k];
        DoubleDouble[] t = new DoubleDouble[k];
        DoubleDouble[][] rbar = new DoubleDouble[k][k];
        int pos = 0;
        for (int i = 0; i < k; i++) {
            d[i] = new DoubleDouble(dH[i], dL[i]);
            t[i] = new DoubleDouble(tH[i], tL[i]);
            rbar[i][i] = DoubleDouble.ONE;
            for (int j = 0; j < i; j++) {
                rbar[i][j] = DoubleDouble.ZERO;
            }
            for (int j = i + 1; j < k; j++, pos++) {
                rbar[i][j] = new DoubleDouble(rH[pos], rL[pos]);
            }
        }
        return new Factor(n, d, rbar, t, new DoubleDouble(sseH, sseL));
    }

    /**
     * {@code X'X = R̄'·D·R̄}, {@code X'y = R̄'·D·θ̄}, residual sum of squares {@code sse}.
     */
    record Factor(long n, DoubleDouble[] d, DoubleDouble[][] rbar, DoubleDouble[] theta, DoubleDouble sse) {
    }
}
