package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.results.Factorability;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KMO and per-item MSA from the anti-image correlations (psych {@code KMO}), the determinant
 * and Bartlett's test of sphericity (psych {@code cortest.bartlett}). All need R⁻¹ or ln|R|,
 * so for a singular R they are reported as null with a reason instead of NaN or infinity.
 *
 * <p>ln|R| is taken from the LU factorization (Σ ln|u_ii|, as R's
 * {@code determinant(logarithm = TRUE)}), not as the logarithm of the determinant: with many
 * items |R| is a product of hundreds of factors below 1 and underflows to 0 (300 items that
 * correlate about 0.9 give |R| ≈ e^-900, while the smallest double is e^-745) although R is
 * far from singular, and ln 0 would make Bartlett's chi-square infinite.
 */
final class FactorabilityAnalysis {

    private FactorabilityAnalysis() {
    }

    static Factorability analyse(List<String> items, double[][] r, SymmetricEigen eigen, long n) {
        int p = items.size();
        if (n <= p) {
            // rank(R) <= n - 1 < p: singular whatever the items are, so "a duplicate item" would mislead
            return new Factorability(null, null, 0.0, null,
                    "The sample has " + n + " complete rows for " + p + " items: the correlation matrix of "
                            + p + " items is singular (determinant 0) whenever there are not more complete rows "
                            + "than items, so the anti-image (KMO, MSA) and Bartlett's test are undefined. They "
                            + "need at least " + (p + 1) + " complete rows: collect more responses or analyse "
                            + "fewer items.");
        }
        if (eigen.singular()) {
            return new Factorability(null, null, 0.0, null,
                    "The correlation matrix of the construct items is singular (determinant 0): at least one item "
                            + "is a duplicate or a linear combination of other items, so the anti-image (KMO, MSA) "
                            + "and Bartlett's test are undefined. Remove the redundant item.");
        }
        // singularity is decided above, by the eigenvalues; the LU's own absolute pivot threshold
        // (1e-11 by default) would refuse matrices that pass that test
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(r, true), 0.0);
        // may underflow to 0 for many items; reported as it is, but never used for ln|R|
        double det = lu.getDeterminant();
        double lnDet = logDeterminant(lu);
        if (!Double.isFinite(lnDet)) {
            // cannot happen after the eigenvalue test (R is positive definite); kept so that
            // rounding can never turn into an infinite chi-square
            return new Factorability(null, null, det, null,
                    "The correlation matrix of the construct items is not numerically positive definite, so "
                            + "the anti-image (KMO, MSA) and Bartlett's test are undefined. Check the items for "
                            + "near-duplicates.");
        }
        RealMatrix q = lu.getSolver().getInverse();
        double sumR2 = 0;
        double sumQ2 = 0;
        Map<String, Double> msa = new LinkedHashMap<>();
        for (int i = 0; i < p; i++) {
            double ri = 0;
            double qi = 0;
            for (int j = 0; j < p; j++) {
                if (i != j) {
                    ri += r[i][j] * r[i][j];
                    double qij = q.getEntry(i, j);
                    qi += qij * qij / (q.getEntry(i, i) * q.getEntry(j, j));
                }
            }
            msa.put(items.get(i), ri / (ri + qi));
            sumR2 += ri;
            sumQ2 += qi;
        }
        double chi = -(n - 1 - (2.0 * p + 5) / 6) * lnDet;
        int df = p * (p - 1) / 2;
        return new Factorability(sumR2 / (sumR2 + sumQ2), msa, det,
                new Factorability.Bartlett(chi, df, TailProbabilities.chiSquareUpper(chi, df)), null);
    }

    /**
     * ln|A| from the factorization PA = LU: Σ ln|u_ii| (L has a unit diagonal), which does not
     * underflow where Π u_ii does.
     *
     * @return ln|A|, or NaN if A is singular or its determinant is not positive
     */
    static double logDeterminant(LUDecomposition lu) {
        if (!lu.getSolver().isNonSingular()) {
            return Double.NaN;
        }
        RealMatrix u = lu.getU();
        int[] pivot = lu.getPivot();
        int k = pivot.length;
        // sign of the permutation: (-1)^(k - number of cycles)
        boolean[] seen = new boolean[k];
        int cycles = 0;
        for (int i = 0; i < k; i++) {
            if (!seen[i]) {
                cycles++;
                for (int j = i; !seen[j]; j = pivot[j]) {
                    seen[j] = true;
                }
            }
        }
        boolean negative = (k - cycles) % 2 != 0;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double uii = u.getEntry(i, i);
            negative ^= uii < 0;
            sum += Math.log(Math.abs(uii));
        }
        return negative ? Double.NaN : sum;
    }
}
