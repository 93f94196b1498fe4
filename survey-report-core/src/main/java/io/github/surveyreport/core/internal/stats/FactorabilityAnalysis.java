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
 */
final class FactorabilityAnalysis {

    private FactorabilityAnalysis() {
    }

    static Factorability analyse(List<String> items, double[][] r, SymmetricEigen eigen, long n) {
        int p = items.size();
        if (eigen.singular()) {
            return new Factorability(null, null, 0.0, null,
                    "The correlation matrix of the construct items is singular (determinant 0): at least one item "
                            + "is a duplicate or a linear combination of other items, so the anti-image (KMO, MSA) "
                            + "and Bartlett's test are undefined. Remove the redundant item.");
        }
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(r, true));
        double det = lu.getDeterminant();
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
        double chi = -(n - 1 - (2.0 * p + 5) / 6) * Math.log(det);
        int df = p * (p - 1) / 2;
        return new Factorability(sumR2 / (sumR2 + sumQ2), msa, det,
                new Factorability.Bartlett(chi, df, TailProbabilities.chiSquareUpper(chi, df)), null);
    }
}
