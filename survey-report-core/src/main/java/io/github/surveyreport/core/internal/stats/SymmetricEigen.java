package io.github.surveyreport.core.internal.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Eigen decomposition of a symmetric matrix with eigenvalues sorted largest first (as R's
 * {@code eigen(symmetric = TRUE)}), and the singularity test shared by the analyses that
 * need R⁻¹.
 */
final class SymmetricEigen {

    /**
     * A correlation matrix counts as singular when its smallest eigenvalue is below this
     * fraction of the largest: duplicated or collinear items give about 1e-16, and anything
     * below 1e-12 makes R⁻¹ (anti-image, SMC) meaningless noise anyway.
     */
    static final double SINGULARITY_TOLERANCE = 1e-12;

    final double[] values;
    /** vectors[i][j] = component i of eigenvector j. */
    final double[][] vectors;

    SymmetricEigen(double[][] a) {
        int p = a.length;
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(a, true));
        double[] raw = e.getRealEigenvalues();
        Integer[] order = new Integer[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> raw[i]).reversed());
        values = new double[p];
        vectors = new double[p][p];
        for (int j = 0; j < p; j++) {
            values[j] = raw[order[j]];
            RealVector v = e.getEigenvector(order[j]);
            for (int i = 0; i < p; i++) {
                vectors[i][j] = v.getEntry(i);
            }
        }
    }

    boolean singular() {
        return !(values[values.length - 1] > SINGULARITY_TOLERANCE * values[0]);
    }
}
