package io.github.surveyreport.core.internal.stats;

/**
 * The state of Miller's AS 274 updating factorization {@code X = Q·D^½·R̄} (R̄ unit upper
 * triangular, Gentleman's square-root-free Givens rotations) with the response carried along
 * as θ̄ and the residual sum of squares, stored as double-double (hi + lo arrays).
 *
 * <p>Rows can be rotated in either plain double ({@link #includeDouble}, lo parts untouched
 * and zero) or in double-double ({@link #includePrecise}); a factor built in double is a valid
 * double-double factor with zero lo parts, so upgrading is free. Column 0 is the intercept.
 */
final class GivensFactor {

    private final int k;
    final double[] dH;
    final double[] dL;
    /** R̄ above the diagonal, packed by rows: row i holds columns i+1..k-1. */
    final double[] rH;
    final double[] rL;
    final double[] tH;
    final double[] tL;
    double sseH;
    double sseL;
    long n;
    /** Row scratch (hi and lo parts), filled by the caller before an include. */
    final double[] xH;
    final double[] xL;
    /** Pivots not founded yet (d = 0): only then can rounding noise found a pivot, see {@link #noise}. */
    private int emptyPivots;

    /**
     * Relative size below which a reduced row's value at an empty pivot is rounding noise of
     * an exactly dependent row, for double and double-double rotations. A row that depends on
     * the rows before it (common among the first rows of a part of Likert data: few distinct
     * values) reduces to zero at the next empty pivot in exact arithmetic, but to about eps
     * times its size in floating point; founding a pivot on that noise (d ≈ eps², r̄ ≈ 1/eps)
     * ruins the double-double factor. Genuine values are far larger: the adaptive precision
     * keeps ill-conditioned designs (NIST Filip, reduced values around 1e-8 relative) in
     * double-double, where the noise is about 1e-32.
     */
    private static final double NOISE_DOUBLE = 1e-13;
    private static final double NOISE_PRECISE = 1e-26;

    GivensFactor(int k) {
        this.k = k;
        dH = new double[k];
        dL = new double[k];
        rH = new double[k * (k - 1) / 2];
        rL = new double[k * (k - 1) / 2];
        tH = new double[k];
        tL = new double[k];
        xH = new double[k];
        xL = new double[k];
        emptyPivots = k;
    }

    /** Writes the factor (every double as its bits). */
    void write(io.github.surveyreport.core.internal.state.StateOut out) {
        out.writeLong(n);
        out.writeInt(emptyPivots);
        out.writeDouble(sseH);
        out.writeDouble(sseL);
        for (double[] a : new double[][] {dH, dL, rH, rL, tH, tL}) {
            out.writeDoubles(a, 0, a.length);
        }
    }

    /** Reads what {@link #write} wrote into this (new) factor of the same size. */
    void read(io.github.surveyreport.core.internal.state.StateIn in) {
        n = in.readLong();
        emptyPivots = in.readInt();
        if (n < 0 || emptyPivots < 0 || emptyPivots > k) {
            throw new io.github.surveyreport.core.internal.state.StateFormatException("a regression factor's counts "
                    + n + " and " + emptyPivots + " are not possible");
        }
        sseH = in.readDouble();
        sseL = in.readDouble();
        for (double[] a : new double[][] {dH, dL, rH, rL, tH, tL}) {
            in.readDoubles(a, 0, a.length);
        }
    }

    /**
     * The noise threshold of the row in xH from column {@code start} for an empty pivot, or 0
     * once every pivot is founded (then nothing changes for the row).
     */
    private double noise(int start, double relative) {
        if (emptyPivots == 0) {
            return 0.0;
        }
        double scale = 0.0;
        for (int c = start; c < k; c++) {
            scale = Math.max(scale, Math.abs(xH[c]));
        }
        return relative * scale;
    }

    /**
     * Whether {@code xi}, the reduced value of a row at the empty pivot i, is rounding noise:
     * small against the row's size times the r̄ entries that were subtracted to reach it.
     */
    private boolean isNoise(double xi, int i, int start, double noise) {
        double factor = 1.0;
        for (int j = start; j < i; j++) {
            factor += Math.abs(rH[j * (2 * k - j - 1) / 2 + (i - j - 1)]);
        }
        return Math.abs(xi) <= noise * factor;
    }

    /**
     * AS 274 INCLUD in plain double for the row in {@code xH} (weight 1, response y), in
     * Miller's original form: d' = d + w·xᵢ², c̄ = d/d', s̄ = w·xᵢ/d', x' = x - xᵢ·r̄,
     * r̄' = c̄·r̄ + s̄·x.
     */
    void includeDouble(double y) {
        includeWeightedDouble(1.0, 0, y);
        n++;
    }

    /** Rotates {@code other}'s data in: the k weighted rows d_i·(e_i + r̄_i | θ̄_i), plus its SSE. */
    void merge(GivensFactor other, boolean precise) {
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
                if (precise) {
                    includePrecise(other.dH[i], other.dL[i], i, other.tH[i], other.tL[i]);
                } else {
                    includeWeightedDouble(other.dH[i], i, other.tH[i]);
                }
            }
        }
        DoubleDouble sse = new DoubleDouble(sseH, sseL).add(new DoubleDouble(other.sseH, other.sseL));
        sseH = sse.hi;
        sseL = sse.lo;
        n += other.n;
    }

    /**
     * Rotates the row in {@code xH} (from column {@code start}, response y) with weight w into the
     * factor, in plain double; a new observation has w = 1 and start = 0, a merged factor row its
     * d_i and i.
     */
    private void includeWeightedDouble(double w, int start, double y) {
        final double[] xh = xH;
        final double[] d = dH;
        final double[] r = rH;
        final double[] t = tH;
        int pos = start * (2 * k - start - 1) / 2;
        final double noise = noise(start, NOISE_DOUBLE);
        for (int i = start; i < k; i++) {
            final double xi = xh[i];
            if (xi == 0.0) {
                pos += k - 1 - i;
                continue;
            }
            final double di = d[i];
            if (di == 0.0) {
                if (isNoise(xi, i, start, noise)) {
                    xh[i] = 0.0;
                    pos += k - 1 - i;
                    continue;
                }
                emptyPivots--;
            }
            final double wxi = w * xi;
            final double dpi = di + wxi * xi;
            final double inv = 1.0 / dpi;
            final double cbar = di * inv;
            final double sbar = wxi * inv;
            w *= cbar;
            d[i] = dpi;
            for (int c = i + 1; c < k; c++, pos++) {
                final double xk = xh[c];
                xh[c] = xk - xi * r[pos];
                r[pos] = cbar * r[pos] + sbar * xk;
            }
            final double yk = y;
            y = yk - xi * t[i];
            t[i] = cbar * t[i] + sbar * yk;
            if (w == 0.0) {
                return; // the row is used up (first row reaching a new pivot)
            }
        }
        sseH += w * y * y;
    }

    /**
     * AS 274 INCLUD in double-double: rotates the row (xH/xL from column {@code start}, response
     * y) with weight w into the factor. Per pivot i with d' = d + w·xᵢ²: s̄ = w·xᵢ/d',
     * w ← w·d/d', then for every later column x' = x - xᵢ·r̄ and r̄' = r̄ + s̄·x' (equivalent to
     * AS 274's c̄·r̄ + s̄·x because c̄ + s̄·xᵢ = 1; one product less per element).
     *
     * <p>Additions use the "sloppy" double-double sum (error ≤ ~u²·(|a| + |b|)) rather than the
     * accurate one: a Givens update only needs errors small relative to the operands to stay
     * backward stable, and u² ≈ 1e-32 is far below the 1e-16 rounding of the data themselves
     * (NIST Filip reaches the LRE that exact arithmetic on the double inputs gives). It halves
     * the per-row cost.
     */
    void includePrecise(double wh, double wl, int start, double yh, double yl) {
        final double[] xh = xH;
        final double[] xl = xL;
        final double[] rh = rH;
        final double[] rl = rL;
        int pos = start * (2 * k - start - 1) / 2;
        final double noise = noise(start, NOISE_PRECISE);
        for (int i = start; i < k; i++) {
            final double xih = xh[i];
            final double xil = xl[i];
            if (xih == 0.0) {
                pos += k - 1 - i;
                continue;
            }
            if (dH[i] == 0.0 && dL[i] == 0.0) {
                if (isNoise(xih, i, start, noise)) {
                    xh[i] = 0.0;
                    xl[i] = 0.0;
                    pos += k - 1 - i;
                    continue;
                }
                emptyPivots--;
            }
            double p;
            double e;
            double s;
            double v;
            // wxi = w * xi
            p = wh * xih;
            e = Math.fma(wh, xih, -p) + (wh * xil + wl * xih);
            final double wxh = p + e;
            final double wxl = e - (wxh - p);
            // q = wxi * xi
            p = wxh * xih;
            e = Math.fma(wxh, xih, -p) + (wxh * xil + wxl * xih);
            final double qh = p + e;
            final double ql = e - (qh - p);
            // d' = d + q
            final double dih = dH[i];
            final double dil = dL[i];
            s = dih + qh;
            v = s - dih;
            e = ((dih - (s - v)) + (qh - v)) + (dil + ql);
            final double dph = s + e;
            final double dpl = e - (dph - s);
            dH[i] = dph;
            dL[i] = dpl;
            // inv = 1/d' (one Newton correction of the double reciprocal)
            final double i1 = 1.0 / dph;
            final double corr = i1 * (Math.fma(-i1, dph, 1.0) - i1 * dpl);
            final double invh = i1 + corr;
            final double invl = corr - (invh - i1);
            // sbar = wxi * inv
            p = wxh * invh;
            e = Math.fma(wxh, invh, -p) + (wxh * invl + wxl * invh);
            final double sbh = p + e;
            final double sbl = e - (sbh - p);
            // w = w * d * inv
            p = wh * dih;
            e = Math.fma(wh, dih, -p) + (wh * dil + wl * dih);
            double th = p + e;
            double tl = e - (th - p);
            p = th * invh;
            e = Math.fma(th, invh, -p) + (th * invl + tl * invh);
            wh = p + e;
            wl = e - (wh - p);
            for (int c = i + 1; c < k; c++, pos++) {
                // x_c -= xi * rbar
                final double rbh = rh[pos];
                final double rbl = rl[pos];
                p = xih * rbh;
                e = Math.fma(xih, rbh, -p) + (xih * rbl + xil * rbh);
                final double ah = xh[c];
                s = ah - p;
                v = s - ah;
                e = ((ah - (s - v)) + (-p - v)) + (xl[c] - e);
                final double nxh = s + e;
                final double nxl = e - (nxh - s);
                xh[c] = nxh;
                xl[c] = nxl;
                // rbar += sbar * x_c
                p = sbh * nxh;
                e = Math.fma(sbh, nxh, -p) + (sbh * nxl + sbl * nxh);
                s = rbh + p;
                v = s - rbh;
                e = ((rbh - (s - v)) + (p - v)) + (rbl + e);
                final double nrh = s + e;
                rh[pos] = nrh;
                rl[pos] = e - (nrh - s);
            }
            // the response: y -= xi * theta_i; theta_i += sbar * y
            final double thh = tH[i];
            final double thl = tL[i];
            p = xih * thh;
            e = Math.fma(xih, thh, -p) + (xih * thl + xil * thh);
            s = yh - p;
            v = s - yh;
            e = ((yh - (s - v)) + (-p - v)) + (yl - e);
            yh = s + e;
            yl = e - (yh - s);
            p = sbh * yh;
            e = Math.fma(sbh, yh, -p) + (sbh * yl + sbl * yh);
            s = thh + p;
            v = s - thh;
            e = ((thh - (s - v)) + (p - v)) + (thl + e);
            final double nth = s + e;
            tH[i] = nth;
            tL[i] = e - (nth - s);
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

    /**
     * The smallest 1 - R²ⱼ of a predictor on the intercept and the predictors before it
     * (d_j over its centered sum of squares Σ_{i=1..j} d_i·r̄_ij²), and the largest |mean|/sd
     * of any column including the response: how much a double-precision factorization
     * would lose on these data.
     */
    double[] conditioning() {
        double minRatio = 1.0;
        double maxMeanOverSd = 0.0;
        double df = Math.max(1, n - 1);
        for (int j = 1; j < k; j++) {
            double ss = 0;
            for (int i = 1; i <= j; i++) {
                double rij = i == j ? 1.0 : rH[i * (2 * k - i - 1) / 2 + (j - i - 1)];
                ss += dH[i] * rij * rij;
            }
            if (ss > 0) {
                minRatio = Math.min(minRatio, dH[j] / ss);
                double mean = rH[j - 1];
                maxMeanOverSd = Math.max(maxMeanOverSd, Math.abs(mean) / Math.sqrt(ss / df));
            }
        }
        double ssY = sseH;
        for (int i = 1; i < k; i++) {
            ssY += dH[i] * tH[i] * tH[i];
        }
        if (ssY > 0) {
            maxMeanOverSd = Math.max(maxMeanOverSd, Math.abs(tH[0]) / Math.sqrt(ssY / df));
        }
        return new double[] {minRatio, maxMeanOverSd};
    }

    /** Snapshot of the factor in double-double, for solving. */
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
