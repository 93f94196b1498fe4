package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.internal.stats.bootstrap.Multinomial;
import io.github.surveyreport.core.study.BootstrapSpec;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The percentile bootstrap of a parallel mediation's indirect effects (PROCESS model 4).
 *
 * <p><b>Exact and cheap.</b> A resample of n rows drawn with replacement is, in distribution, a
 * multinomial draw of counts over the distinct rows with probabilities count/n. Each resample
 * therefore costs O(distinct rows), not O(n): a Likert study of a million respondents has a few
 * thousand distinct (x, m, y) rows. When more than one row in 16 is distinct (continuous data), drawing
 * n row indices is cheaper than a binomial per distinct row and is used instead: the cost is
 * then n per resample, as for any row bootstrap, and memory a table of the rows.
 *
 * <p><b>Deterministic.</b> Resamples are cut into fixed blocks of {@value #BLOCK}; the seed's
 * {@link SplittableRandom} splits one stream per block in block order, so every resample's
 * draw is the same whatever the number of threads that compute the blocks.
 */
final class MediationBootstrap {
    static final int BLOCK = 250;

    private MediationBootstrap() {
    }

    /**
     * @param table      distinct rows of (x, m₁..m_k, covariates, y) and their counts
     * @param mediators  k
     * @param spec       resamples and seed
     * @return per resample (rows) the k indirect effects a_i·b_i; a resample whose design is
     *         singular gives NaN
     */
    static double[][] indirectEffects(DistinctRows.Table table, int mediators, BootstrapSpec spec) {
        int samples = spec.samples();
        double[][] out = new double[samples][];
        int blocks = (samples + BLOCK - 1) / BLOCK;
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom[] streams = new SplittableRandom[blocks];
        for (int b = 0; b < blocks; b++) {
            streams[b] = root.split();
        }
        long n = table.total();
        double[][] rows = table.rows();
        int q = rows.length == 0 ? 0 : rows[0].length;
        // shift by the sample means: the weighted sums then stay small and accurate
        double[] shift = new double[q];
        for (int d = 0; d < rows.length; d++) {
            for (int j = 0; j < q; j++) {
                shift[j] += table.counts()[d] * rows[d][j];
            }
        }
        for (int j = 0; j < q; j++) {
            shift[j] /= n;
        }
        double[][] centred = new double[rows.length][q];
        for (int d = 0; d < rows.length; d++) {
            for (int j = 0; j < q; j++) {
                centred[d][j] = rows[d][j] - shift[j];
            }
        }
        // Many distinct rows (continuous data): n index draws (a few ns each) cost less than a
        // binomial (about 80 ns) per distinct row once rows exceed n/16. Both give the same
        // multinomial counts in distribution; the choice depends on the table only.
        int[] rowOfDraw = rows.length * 16L > n && n <= Integer.MAX_VALUE ? expand(table.counts(), (int) n) : null;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            long[] weights = new long[rows.length];
            double[] s1 = new double[q];
            double[][] s2 = new double[q][q];
            int end = Math.min(samples, (b + 1) * BLOCK);
            SplittableRandom stream = streams[b];
            for (int r = b * BLOCK; r < end; r++) {
                if (rowOfDraw != null) {
                    Arrays.fill(weights, 0);
                    for (int t = 0; t < rowOfDraw.length; t++) {
                        weights[rowOfDraw[stream.nextInt(rowOfDraw.length)]]++;
                    }
                } else {
                    Multinomial.draw(stream, n, table.counts(), n, weights);
                }
                out[r] = resample(centred, weights, n, mediators, s1, s2);
            }
        });
        return out;
    }

    /** The distinct row of each of the n original rows. */
    private static int[] expand(long[] counts, int n) {
        int[] rowOf = new int[n];
        int t = 0;
        for (int d = 0; d < counts.length; d++) {
            for (long c = 0; c < counts[d]; c++) {
                rowOf[t++] = d;
            }
        }
        return rowOf;
    }

    private static double[] resample(double[][] rows, long[] weights, long n, int k, double[] s1, double[][] s2) {
        int q = s1.length;
        Arrays.fill(s1, 0);
        for (double[] row : s2) {
            Arrays.fill(row, 0);
        }
        for (int d = 0; d < rows.length; d++) {
            long w = weights[d];
            if (w == 0) {
                continue;
            }
            double[] z = rows[d];
            for (int i = 0; i < q; i++) {
                double wz = w * z[i];
                s1[i] += wz;
                double[] si = s2[i];
                for (int j = 0; j <= i; j++) {
                    si[j] += wz * z[j];
                }
            }
        }
        double[][] c = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j <= i; j++) {
                c[i][j] = s2[i][j] - s1[i] * s1[j] / n;
                c[j][i] = c[i][j];
            }
        }
        // positions: 0 = x, 1..k = mediators, k+1..q-2 = covariates, q-1 = y
        int covariates = q - k - 2;
        int[] aDesign = new int[1 + covariates];
        aDesign[0] = 0;
        for (int i = 0; i < covariates; i++) {
            aDesign[1 + i] = k + 1 + i;
        }
        int[] bDesign = new int[q - 1];
        for (int i = 0; i < q - 1; i++) {
            bDesign[i] = i;
        }
        double[] bCoefficients = solve(c, bDesign, q - 1);
        double[] effects = new double[k];
        for (int m = 0; m < k; m++) {
            double[] a = solve(c, aDesign, 1 + m);
            effects[m] = a == null || bCoefficients == null ? Double.NaN : a[0] * bCoefficients[1 + m];
        }
        return effects;
    }

    /** Slopes of {@code y} on the design columns from the centred cross-products; null if singular. */
    static double[] solve(double[][] c, int[] design, int y) {
        int k = design.length;
        double[][] a = new double[k][k + 1];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = c[design[i]][design[j]];
            }
            a[i][k] = c[design[i]][y];
        }
        // Cholesky-free Gaussian elimination without pivoting: the matrix is symmetric positive definite
        for (int p = 0; p < k; p++) {
            double pivot = a[p][p];
            if (!(pivot > 1e-12 * Math.abs(c[design[p]][design[p]]))) {
                return null;
            }
            for (int i = p + 1; i < k; i++) {
                double f = a[i][p] / pivot;
                if (f != 0) {
                    for (int j = p; j <= k; j++) {
                        a[i][j] -= f * a[p][j];
                    }
                }
            }
        }
        double[] b = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = a[i][k];
            for (int j = i + 1; j < k; j++) {
                s -= a[i][j] * b[j];
            }
            b[i] = s / a[i][i];
        }
        return b;
    }

    /** R's {@code quantile(x, p, type = 6)} of sorted finite values. */
    static double quantile6(double[] sorted, double p) {
        int m = sorted.length;
        double h = (m + 1) * p;
        int lo = (int) Math.floor(h);
        if (lo < 1) {
            return sorted[0];
        }
        if (lo >= m) {
            return sorted[m - 1];
        }
        return sorted[lo - 1] + (h - lo) * (sorted[lo] - sorted[lo - 1]);
    }
}
