package io.github.surveyreport.core.internal.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Varimax rotation exactly as R's {@code stats::varimax(x, normalize = TRUE, eps = 1e-5)},
 * which psych 2.2.9's {@code principal(rotate = "varimax")} calls: Kaiser normalization of
 * the rows, then the SVD iteration T = UVᵀ of B = Xᵀ(Z³ - Z·diag(colSums(Z²))/p), stopped
 * when the criterion sum(singular values) grows by less than a factor 1 + eps (at most 1000
 * iterations). Following the same iteration and stopping rule, not just converging to the
 * same optimum, is what makes the loadings agree with R (and SPSS) to many digits, since
 * eps = 1e-5 stops well before full convergence.
 */
final class Varimax {

    static final double EPS = 1e-5;
    static final int MAX_ITERATIONS = 1000;

    private Varimax() {
    }

    /** Rotated copy of {@code loadings} (rows = items, columns = components). */
    static double[][] rotate(double[][] loadings) {
        int p = loadings.length;
        int nc = loadings[0].length;
        if (nc < 2) {
            return copy(loadings);
        }
        double[] sc = new double[p];
        double[][] x = new double[p][nc];
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (double v : loadings[i]) {
                s += v * v;
            }
            // an all-zero row cannot be normalized; leave it as it is (R would produce NaN)
            sc[i] = s > 0 ? Math.sqrt(s) : 1.0;
            for (int j = 0; j < nc; j++) {
                x[i][j] = loadings[i][j] / sc[i];
            }
        }
        RealMatrix xm = new Array2DRowRealMatrix(x, false);
        RealMatrix tt = identity(nc);
        double d = 0;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double[][] z = xm.multiply(tt).getData();
            double[] colSq = new double[nc];
            for (double[] row : z) {
                for (int j = 0; j < nc; j++) {
                    colSq[j] += row[j] * row[j];
                }
            }
            double[][] w = new double[p][nc];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < nc; j++) {
                    double zij = z[i][j];
                    w[i][j] = zij * zij * zij - zij * colSq[j] / p;
                }
            }
            RealMatrix b = xm.transpose().multiply(new Array2DRowRealMatrix(w, false));
            SingularValueDecomposition svd = new SingularValueDecomposition(b);
            tt = svd.getU().multiply(svd.getVT());
            double dPast = d;
            d = 0;
            for (double s : svd.getSingularValues()) {
                d += s;
            }
            if (d < dPast * (1 + EPS)) {
                break;
            }
        }
        double[][] z = xm.multiply(tt).getData();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < nc; j++) {
                z[i][j] *= sc[i];
            }
        }
        return z;
    }

    private static RealMatrix identity(int n) {
        RealMatrix m = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            m.setEntry(i, i, 1.0);
        }
        return m;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
