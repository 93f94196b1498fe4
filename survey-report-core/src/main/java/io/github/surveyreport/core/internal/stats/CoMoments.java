package io.github.surveyreport.core.internal.stats;

/**
 * Streaming means, centered cross-products and (optionally) third and fourth central moments
 * of a fixed set of variables, plus min and max.
 *
 * <p>Updates are Welford's (one row) and Chan et al.'s / Pébay's (merge of two samples), which
 * stay accurate when means are large relative to the spread, unlike raw power sums. The
 * cross-product matrix is stored as its upper triangle, one array per row (row i uses
 * columns i..p-1), so one row costs p(p+1)/2 multiply-adds and no allocation. One array per
 * row and not one packed array: HotSpot's C2 vectorizes the row update {@code c[i][j] += f·d[j]}
 * (SIMD, about twice as fast) but not the same loop over a packed array at an offset; the
 * arithmetic, and so every result, is the same.
 *
 * <p>The means reported are not Welford's running means but compensated sums Σx (a two-sum
 * cascade: the sum and its rounding error, exact for sums of integers below 2⁵³) divided by n.
 * A running mean carries an error of about √n·ε·|x̄| (3e-13 for a mean of 4 over a million
 * rows), and an effect that is a difference of nearly equal means (a dummy's coefficient, a
 * group difference of 0.001) loses that much relative to its size: 1e-10 and worse, where the
 * compensated sum keeps it near ε whatever the number of rows and however the rows are split and
 * merged. The running means stay for the co-moment updates, whose results do not depend on
 * them to first order.
 */
final class CoMoments {

    private final int p;
    private final boolean higher;
    private long n;
    private final double[] mean;
    /** Σx as an unevaluated sum sumHi + sumLo (the running rounding error of the two-sum cascade). */
    private final double[] sumHi;
    private final double[] sumLo;
    /** Upper triangle of Σ (x_i - mean_i)(x_j - mean_j): m2[i][j] for j >= i. */
    private final double[][] m2;
    private final double[] m3;
    private final double[] m4;
    /** Copy of M2's diagonal for the higher-moment update. */
    private final double[] m2diag;
    private final double[] min;
    private final double[] max;
    /** Per-row scratch (deviation from the old mean), kept to avoid allocation. */
    private final double[] delta;

    CoMoments(int p, boolean higherMoments) {
        this.p = p;
        this.higher = higherMoments;
        this.mean = new double[p];
        this.sumHi = new double[p];
        this.sumLo = new double[p];
        this.m2 = new double[p][p];
        this.m3 = higherMoments ? new double[p] : null;
        this.m4 = higherMoments ? new double[p] : null;
        this.m2diag = higherMoments ? new double[p] : null;
        this.min = new double[p];
        this.max = new double[p];
        this.delta = new double[p];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    int dimension() {
        return p;
    }

    long count() {
        return n;
    }

    /** Adds one row; {@code x} holds at least {@link #dimension()} values. */
    void add(double[] x) {
        final long n1 = n;
        final long nNew = ++n;
        final double invN = 1.0 / nNew;
        final double[] d = delta;
        final double[] mu = mean;
        final double[] sh = sumHi;
        final double[] sl = sumLo;
        for (int i = 0; i < p; i++) {
            double xi = x[i];
            double di = xi - mu[i];
            d[i] = di;
            mu[i] += di * invN;
            // two-sum: s + e == sh[i] + xi exactly
            double hi = sh[i];
            double s = hi + xi;
            double bp = s - hi;
            sl[i] += (hi - (s - bp)) + (xi - bp);
            sh[i] = s;
            if (xi < min[i]) {
                min[i] = xi;
            }
            if (xi > max[i]) {
                max[i] = xi;
            }
        }
        if (higher) {
            // Pébay (2008) one-point update; uses M2 and M3 before their own update. M2's
            // diagonal is kept separately as well so that this loop is a plain (vectorizable) sweep.
            final double a = (double) nNew * nNew - 3.0 * nNew + 3.0;
            final double b = nNew - 2.0;
            final double[] v2 = m2diag;
            final double[] v3 = m3;
            final double[] v4 = m4;
            for (int i = 0; i < p; i++) {
                double di = d[i];
                double dn = di * invN;
                double dn2 = dn * dn;
                double term1 = di * dn * n1;
                double m2i = v2[i];
                v4[i] += term1 * dn2 * a + 6.0 * dn2 * m2i - 4.0 * dn * v3[i];
                v3[i] += term1 * dn * b - 3.0 * dn * m2i;
                v2[i] = m2i + term1;
            }
        }
        // C_ij += d_i d_j (n-1)/n, symmetric: upper triangle only
        final double f = n1 * invN;
        final double[][] c = m2;
        for (int i = 0; i < p; i++) {
            final double fi = d[i] * f;
            final double[] ci = c[i];
            for (int j = i; j < p; j++) {
                ci[j] += fi * d[j];
            }
        }
    }

    /** Adds {@code other}'s sample to this one (Chan et al. 1979; Pébay 2008). */
    void merge(CoMoments other) {
        if (other.p != p || other.higher != higher) {
            throw new IllegalArgumentException("incompatible co-moments");
        }
        if (other.n == 0) {
            return;
        }
        if (n == 0) {
            copyFrom(other);
            return;
        }
        final double na = n;
        final double nb = other.n;
        final double nt = na + nb;
        final double[] d = delta;
        for (int i = 0; i < p; i++) {
            d[i] = other.mean[i] - mean[i];
        }
        if (higher) {
            for (int i = 0; i < p; i++) {
                double di = d[i];
                double m2a = m2[i][i];
                double m2b = other.m2[i][i];
                double m3a = m3[i];
                double m3b = other.m3[i];
                m4[i] += other.m4[i]
                        + di * di * di * di * na * nb * (na * na - na * nb + nb * nb) / (nt * nt * nt)
                        + 6.0 * di * di * (na * na * m2b + nb * nb * m2a) / (nt * nt)
                        + 4.0 * di * (na * m3b - nb * m3a) / nt;
                m3[i] += m3b + di * di * di * na * nb * (na - nb) / (nt * nt)
                        + 3.0 * di * (na * m2b - nb * m2a) / nt;
            }
        }
        final double f = na * nb / nt;
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                m2[i][j] += other.m2[i][j] + d[i] * d[j] * f;
            }
        }
        if (higher) {
            for (int i = 0; i < p; i++) {
                m2diag[i] = m2[i][i];
            }
        }
        for (int i = 0; i < p; i++) {
            mean[i] += d[i] * (nb / nt);
            double hi = sumHi[i];
            double x = other.sumHi[i];
            double s = hi + x;
            double bp = s - hi;
            sumLo[i] += other.sumLo[i] + ((hi - (s - bp)) + (x - bp));
            sumHi[i] = s;
            min[i] = Math.min(min[i], other.min[i]);
            max[i] = Math.max(max[i], other.max[i]);
        }
        n += other.n;
    }

    private void copyFrom(CoMoments o) {
        n = o.n;
        System.arraycopy(o.mean, 0, mean, 0, p);
        System.arraycopy(o.sumHi, 0, sumHi, 0, p);
        System.arraycopy(o.sumLo, 0, sumLo, 0, p);
        for (int i = 0; i < p; i++) {
            System.arraycopy(o.m2[i], 0, m2[i], 0, p);
        }
        System.arraycopy(o.min, 0, min, 0, p);
        System.arraycopy(o.max, 0, max, 0, p);
        if (higher) {
            System.arraycopy(o.m3, 0, m3, 0, p);
            System.arraycopy(o.m4, 0, m4, 0, p);
            System.arraycopy(o.m2diag, 0, m2diag, 0, p);
        }
    }

    /** Writes the state (every double as its bits: reading it back gives the same state). */
    void write(io.github.surveyreport.core.internal.state.StateOut out) {
        out.writeLong(n);
        out.writeDoubles(mean, 0, p);
        out.writeDoubles(sumHi, 0, p);
        out.writeDoubles(sumLo, 0, p);
        for (int i = 0; i < p; i++) {
            out.writeDoubles(m2[i], i, p);
        }
        if (higher) {
            out.writeDoubles(m3, 0, p);
            out.writeDoubles(m4, 0, p);
            out.writeDoubles(m2diag, 0, p);
        }
        out.writeDoubles(min, 0, p);
        out.writeDoubles(max, 0, p);
    }

    /** Reads what {@link #write} wrote into this (empty) instance of the same dimension. */
    void read(io.github.surveyreport.core.internal.state.StateIn in) {
        n = in.readLong();
        if (n < 0) {
            throw new io.github.surveyreport.core.internal.state.StateFormatException("a negative row count " + n);
        }
        in.readDoubles(mean, 0, p);
        in.readDoubles(sumHi, 0, p);
        in.readDoubles(sumLo, 0, p);
        for (int i = 0; i < p; i++) {
            in.readDoubles(m2[i], i, p);
        }
        if (higher) {
            in.readDoubles(m3, 0, p);
            in.readDoubles(m4, 0, p);
            in.readDoubles(m2diag, 0, p);
        }
        in.readDoubles(min, 0, p);
        in.readDoubles(max, 0, p);
    }

    /** The mean, from the compensated sum (see the class comment). */
    double mean(int i) {
        return n == 0 ? 0.0 : (sumHi[i] + sumLo[i]) / n;
    }

    double min(int i) {
        return min[i];
    }

    double max(int i) {
        return max[i];
    }

    /** Centered sum of cross-products Σ (x_i - x̄_i)(x_j - x̄_j). */
    double comoment(int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return m2[i][j];
    }

    /** Sample covariance (n - 1). */
    double covariance(int i, int j) {
        return comoment(i, j) / (n - 1);
    }

    /** Σ (x_i - x̄_i)³. */
    double m3(int i) {
        return m3[i];
    }

    /** Σ (x_i - x̄_i)⁴. */
    double m4(int i) {
        return m4[i];
    }

    /** Sample covariance matrix (n - 1) of the variables {@code idx}. */
    double[][] covariance(int[] idx) {
        int k = idx.length;
        double[][] c = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                c[a][b] = c[b][a] = covariance(idx[a], idx[b]);
            }
        }
        return c;
    }

    /** Pearson correlation matrix of the variables {@code idx}, unit diagonal. */
    double[][] correlation(int[] idx) {
        int k = idx.length;
        double[][] r = new double[k][k];
        for (int a = 0; a < k; a++) {
            r[a][a] = 1.0;
            for (int b = a + 1; b < k; b++) {
                double v = comoment(idx[a], idx[b])
                        / Math.sqrt(comoment(idx[a], idx[a]) * comoment(idx[b], idx[b]));
                // guard against |r| exceeding 1 by rounding
                v = Math.max(-1.0, Math.min(1.0, v));
                r[a][b] = r[b][a] = v;
            }
        }
        return r;
    }
}
