package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.results.ItemTotal;
import io.github.surveyreport.core.results.ScaleReliability;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * SPSS Reliability (Cronbach's alpha, Item-Total Statistics) from the items' covariance
 * matrix: every "if item deleted" figure is a sub-sum of the covariance matrix, so no data
 * pass is needed. For dichotomous 0/1 items alpha equals KR-20.
 */
final class ReliabilityAnalysis {

    private ReliabilityAnalysis() {
    }

    /**
     * @param scale    scale name for warnings
     * @param items    item names
     * @param means    item means
     * @param cov      item covariance matrix (n - 1)
     * @param n        number of complete rows
     * @param warnings receives a warning if alpha is negative
     */
    static ScaleReliability analyse(String scale, List<String> items, double[] means, double[][] cov, long n,
                                    List<String> warnings) {
        int k = items.size();
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                r[i][j] = i == j ? 1.0 : cov[i][j] / Math.sqrt(cov[i][i] * cov[j][j]);
            }
        }
        double total = 0;
        double sumMeans = 0;
        double[] rowSum = new double[k];
        for (int i = 0; i < k; i++) {
            sumMeans += means[i];
            for (int j = 0; j < k; j++) {
                rowSum[i] += cov[i][j];
            }
            total += rowSum[i];
        }
        List<String> notes = new ArrayList<>();
        Double alpha = alpha(cov, null);
        if (alpha == null) {
            notes.add("Alpha is undefined because the sum score is constant in the sample.");
        }
        double sumR = 0;
        for (double[] row : r) {
            for (double v : row) {
                sumR += v;
            }
        }
        Double standardized = sumR > 0 ? k / (k - 1.0) * (1 - k / sumR) : null;

        // with n <= k rows the k items' correlation matrix is singular (rank <= n - 1) whatever the
        // items are; two items need only r (defined for n >= 2), not R⁻¹
        boolean tooFewRows = k > 2 && n <= k;
        double[] smc = tooFewRows ? null : squaredMultipleCorrelations(r);
        if (tooFewRows) {
            notes.add("Squared multiple correlations are undefined because the sample has " + n + " complete rows "
                    + "for " + k + " items: the items' correlation matrix is singular whenever there are not more "
                    + "complete rows than items.");
        } else if (smc == null) {
            notes.add("Squared multiple correlations are undefined because the items' correlation matrix is "
                    + "singular (an item is a duplicate or a linear combination of others).");
        }
        List<ItemTotal> rows = new ArrayList<>(k);
        List<String> negative = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            // rest = total - item: var(rest) = ΣC - 2·Σ_j C_ij + C_ii, cov(item, rest) = Σ_j C_ij - C_ii
            double varRest = total - 2 * rowSum[i] + cov[i][i];
            double covRest = rowSum[i] - cov[i][i];
            Double citc = varRest > 0 ? covRest / Math.sqrt(cov[i][i] * varRest) : null;
            if (citc != null && citc < 0) {
                negative.add(items.get(i));
            }
            Double alphaIfDeleted = k > 2 ? alpha(cov, i) : null;
            rows.add(new ItemTotal(items.get(i), sumMeans - means[i], varRest, citc,
                    smc == null ? null : smc[i], alphaIfDeleted));
        }
        if (alpha != null && alpha < 0) {
            warnings.add("Cronbach's alpha of " + scale + " is negative (" + String.format(java.util.Locale.ROOT,
                    "%.3f", alpha) + ")" + (negative.isEmpty() ? "" : "; the items " + String.join(", ", negative)
                    + " correlate negatively with the rest of the scale (negative corrected item-total correlation)")
                    + ". Check the item coding and which items are reverse-keyed.");
        }
        return new ScaleReliability(items, alpha, standardized, null, rows, notes.isEmpty() ? null : String.join(" ", notes));
    }

    /** Cronbach's alpha of the covariance matrix without item {@code skip} (null = all). */
    private static Double alpha(double[][] cov, Integer skip) {
        int k = cov.length - (skip == null ? 0 : 1);
        double trace = 0;
        double sum = 0;
        for (int i = 0; i < cov.length; i++) {
            if (skip != null && i == skip) {
                continue;
            }
            trace += cov[i][i];
            for (int j = 0; j < cov.length; j++) {
                if (skip == null || j != skip) {
                    sum += cov[i][j];
                }
            }
        }
        if (!(sum > 0)) {
            return null;
        }
        return k / (k - 1.0) * (1 - trace / sum);
    }

    /** 1 - 1/diag(R⁻¹), r² for two items; null if R is singular. */
    static double[] squaredMultipleCorrelations(double[][] r) {
        int k = r.length;
        if (k == 2) {
            double v = r[0][1] * r[0][1];
            return new double[] {v, v};
        }
        if (new SymmetricEigen(r).singular()) {
            return null;
        }
        // singularity is decided by the eigenvalues above, as for the anti-image; the LU's own
        // absolute pivot threshold (1e-11 by default) would throw on matrices that pass that test
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(r, true), 0.0).getSolver().getInverse();
        double[] smc = new double[k];
        for (int i = 0; i < k; i++) {
            smc[i] = 1 - 1 / inv.getEntry(i, i);
        }
        return smc;
    }
}
