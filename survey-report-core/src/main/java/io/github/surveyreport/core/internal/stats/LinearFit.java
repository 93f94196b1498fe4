package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.results.RegressionResult;

import java.util.ArrayList;
import java.util.List;

/**
 * An OLS fit with intercept from the means and the centred cross-product matrix of the design
 * columns and the dependent variable, as the structural analyses (hierarchical regression,
 * mediation, moderation, their bootstrap) need it: every quantity R's {@code lm} and
 * {@code confint} report, and the covariance matrix of the slopes for conditional effects.
 *
 * <p>Solved by a Cholesky factorization of the centred cross-products in double precision.
 * Centring removes the intercept's ill-conditioning, so the error is about eps times the
 * condition number of the predictors' correlation matrix: for survey designs (VIFs below
 * 10, up to 100) about 1e-14 relative. The engine's single-block regressions use the
 * double-double updating factorization instead, which NIST's hardest designs need.
 */
final class LinearFit {

    /** Below this 1 − R²ⱼ a design column is taken to be a combination of the ones before it. */
    static final double COLLINEARITY_TOLERANCE = 1e-10;

    final List<String> terms;
    final long n;
    final int k;
    /** Slopes, in design column order. */
    final double[] slopes;
    final double intercept;
    /** Covariance matrix of the slopes: MSE·C⁻¹. */
    final double[][] slopeCovariance;
    final double interceptVariance;
    final double sse;
    final double sst;
    final double rSquared;
    final int dfResidual;
    final double mse;
    private final double[] sd;
    private final double sdY;
    private final double[][] inverse;
    private final double[] diagonal;

    /**
     * @param terms the design columns' names (coefficient names)
     * @param n     rows
     * @param means means of the design columns, then of the dependent
     * @param c     centred cross-products Σ(z − z̄)(z − z̄)ᵀ of (design columns, dependent)
     * @param model the model's name for messages
     */
    LinearFit(List<String> terms, long n, double[] means, double[][] c, String model) {
        this.terms = List.copyOf(terms);
        this.n = n;
        this.k = terms.size();
        if (n <= k + 1) {
            throw new AnalysisException("The model " + model + " has " + (k + 1) + " coefficients but only " + n
                    + " complete rows; it needs at least " + (k + 2) + ".");
        }
        int y = k;
        double[][] l = new double[k][k];
        diagonal = new double[k];
        for (int j = 0; j < k; j++) {
            diagonal[j] = c[j][j];
            if (!(c[j][j] > 0)) {
                throw new AnalysisException("The model " + model + " has a constant term '" + terms.get(j)
                        + "' in the analysed sample, so its effect cannot be estimated. Remove it from the model.");
            }
        }
        // Cholesky C = L Lᵀ; the pivot ratio l_jj² / c_jj is 1 − R²ⱼ of column j on the ones before it
        for (int j = 0; j < k; j++) {
            double s = c[j][j];
            for (int m = 0; m < j; m++) {
                s -= l[j][m] * l[j][m];
            }
            if (!(s > COLLINEARITY_TOLERANCE * c[j][j])) {
                throw new AnalysisException("The model " + model + " has collinear terms: '" + terms.get(j) + "' is "
                        + "(almost) a linear combination of " + String.join(", ", terms.subList(0, j).stream()
                        .map(t -> "'" + t + "'").toList()) + " in the analysed sample, so their effects cannot be "
                        + "separated. Remove one of them.");
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < k; i++) {
                double t = c[i][j];
                for (int m = 0; m < j; m++) {
                    t -= l[i][m] * l[j][m];
                }
                l[i][j] = t / l[j][j];
            }
        }
        inverse = choleskyInverse(l);
        slopes = new double[k];
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += inverse[i][j] * c[j][y];
            }
            slopes[i] = s;
        }
        double fitted = 0;
        for (int i = 0; i < k; i++) {
            fitted += slopes[i] * c[i][y];
        }
        sst = c[y][y];
        sse = Math.max(0, sst - fitted);
        rSquared = sst > 0 ? fitted / sst : 0;
        dfResidual = (int) (n - k - 1);
        mse = sse / dfResidual;
        double b0 = means[y];
        for (int i = 0; i < k; i++) {
            b0 -= slopes[i] * means[i];
        }
        intercept = b0;
        slopeCovariance = new double[k][k];
        double quad = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                slopeCovariance[i][j] = mse * inverse[i][j];
                quad += means[i] * inverse[i][j] * means[j];
            }
        }
        interceptVariance = mse * (1.0 / n + quad);
        sd = new double[k];
        for (int i = 0; i < k; i++) {
            sd[i] = Math.sqrt(c[i][i] / (n - 1));
        }
        sdY = Math.sqrt(sst / (n - 1));
    }

    private static double[][] choleskyInverse(double[][] l) {
        int k = l.length;
        double[][] linv = new double[k][k];
        for (int i = 0; i < k; i++) {
            linv[i][i] = 1 / l[i][i];
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int m = j; m < i; m++) {
                    s -= l[i][m] * linv[m][j];
                }
                linv[i][j] = s / l[i][i];
            }
        }
        double[][] inv = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int m = i; m < k; m++) {
                    s += linv[m][i] * linv[m][j];
                }
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }
        return inv;
    }

    double adjustedRSquared() {
        return 1 - (1 - rSquared) * (n - 1) / dfResidual;
    }

    /** The model's F, or {@code null} for an exact fit. */
    Double f() {
        return sse > 0 ? ((sst - sse) / k) / mse : null;
    }

    Double p() {
        Double f = f();
        return f == null ? null : TailProbabilities.fUpper(f, k, dfResidual);
    }

    Double fSquared() {
        return rSquared < 1 ? rSquared / (1 - rSquared) : null;
    }

    double standardError(int i) {
        return Math.sqrt(slopeCovariance[i][i]);
    }

    /** Half the width of the {@code confidence} interval for a standard error {@code se}. */
    double halfWidth(double se, double confidence) {
        return StudentQuantile.twoSided(1 - confidence, dfResidual) * se;
    }

    /** The coefficient table (intercept first) with t tests, 95% intervals, beta, VIF and tolerance. */
    List<RegressionResult.Coefficient> coefficients() {
        double tCrit = StudentQuantile.twoSided(0.05, dfResidual);
        List<RegressionResult.Coefficient> out = new ArrayList<>(k + 1);
        double seIntercept = Math.sqrt(interceptVariance);
        out.add(coefficient(RegressionResult.INTERCEPT, intercept, seIntercept, tCrit, null, null));
        for (int i = 0; i < k; i++) {
            double vif = inverse[i][i] * diagonal[i];
            out.add(coefficient(terms.get(i), slopes[i], standardError(i), tCrit, slopes[i] * sd[i] / sdY, vif));
        }
        return out;
    }

    private RegressionResult.Coefficient coefficient(String term, double b, double se, double tCrit, Double beta,
                                                     Double vif) {
        Double t = se > 0 ? b / se : null;
        Double p = t == null ? null : TailProbabilities.studentTwoSided(t, dfResidual);
        return new RegressionResult.Coefficient(term, b, se, t, p, b - tCrit * se, b + tCrit * se, beta, vif,
                vif == null ? null : 1 / vif);
    }
}
