package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.results.RegressionResult.Coefficient;

import java.util.ArrayList;
import java.util.List;

/**
 * OLS results (SPSS Regression / R {@code lm} + {@code car::vif}) from the double-double
 * factor of {@link RegressionAccumulator}, the co-moments (standard deviations for beta and
 * VIF) and the co-moments of first differences (Durbin–Watson).
 */
final class RegressionAnalysis {

    /**
     * A predictor is declared collinear when 1 - R²ⱼ (of it on the terms before it) is below
     * this. Exact collinearity shows up as about 1e-32 (rounding of, e.g., a construct score
     * next to its items), while NIST Filip, the hardest legitimate design we must fit, has
     * 1 - R²ⱼ ≥ 1e-17.
     */
    static final double COLLINEARITY_TOLERANCE = 1e-20;

    private RegressionAnalysis() {
    }

    /**
     * @param spec       the regression
     * @param factor     its factor
     * @param moments    co-moments of the variable vector
     * @param xIdx       predictor indices in the variable vector
     * @param yIdx       dependent index
     * @param diffs      co-moments of the row-to-row differences of (predictors..., dependent)
     */
    static RegressionResult analyse(AnalysisLayout.RegressionSpec spec, GivensFactor.Factor factor,
                                    CoMoments moments, int[] xIdx, int yIdx, CoMoments diffs) {
        final int k = xIdx.length + 1;
        final long n = factor.n();
        final String model = spec.dependent() + " ~ " + String.join(" + ", spec.predictors());
        if (n <= k) {
            throw new AnalysisException("The regression " + model + " has " + k + " coefficients but only " + n
                    + " complete rows; it needs at least " + (k + 1) + ".");
        }
        DoubleDouble[] d = factor.d();
        DoubleDouble[][] r = factor.rbar();
        DoubleDouble[] theta = factor.theta();
        checkCollinearity(spec, model, d, r, moments, xIdx);

        // b = R̄⁻¹ θ̄ (back substitution)
        DoubleDouble[] b = new DoubleDouble[k];
        for (int i = k - 1; i >= 0; i--) {
            DoubleDouble s = theta[i];
            for (int j = i + 1; j < k; j++) {
                s = s.subtract(r[i][j].multiply(b[j]));
            }
            b[i] = s;
        }
        // (X'X)⁻¹ = R̄⁻¹ D⁻¹ R̄⁻ᵀ; we need its diagonal. U = R̄⁻¹ is unit upper triangular.
        DoubleDouble[][] u = new DoubleDouble[k][k];
        for (int i = k - 1; i >= 0; i--) {
            u[i][i] = DoubleDouble.ONE;
            for (int j = i + 1; j < k; j++) {
                DoubleDouble s = DoubleDouble.ZERO;
                for (int m = i + 1; m <= j; m++) {
                    s = s.add(r[i][m].multiply(u[m][j]));
                }
                u[i][j] = s.negate();
            }
        }
        double[] xtxInvDiag = new double[k];
        for (int i = 0; i < k; i++) {
            DoubleDouble s = DoubleDouble.ZERO;
            for (int j = i; j < k; j++) {
                s = s.add(u[i][j].multiply(u[i][j]).divide(d[j]));
            }
            xtxInvDiag[i] = s.doubleValue();
        }

        DoubleDouble ssrDD = DoubleDouble.ZERO;
        for (int j = 1; j < k; j++) {
            ssrDD = ssrDD.add(d[j].multiply(theta[j]).multiply(theta[j]));
        }
        DoubleDouble sseDD = factor.sse();
        DoubleDouble sstDD = ssrDD.add(sseDD);
        double ssr = ssrDD.doubleValue();
        double sse = sseDD.doubleValue();
        double sst = sstDD.doubleValue();
        int dfReg = k - 1;
        int dfRes = (int) (n - k);
        double rSquared = ssrDD.divide(sstDD).doubleValue();
        double adj = 1.0 - sseDD.divide(sstDD).doubleValue() * (n - 1) / dfRes;
        double mse = sse / dfRes;
        double sigma = Math.sqrt(mse);
        boolean exact = sse <= 0.0;
        String note = exact ? "The fit is exact (residual sum of squares 0), so F, its p value, t, p and "
                + "Durbin-Watson are undefined." : null;
        Double f = exact ? null : (ssr / dfReg) / mse;
        Double p = exact ? null : TailProbabilities.fUpper(f, dfReg, dfRes);

        double sdY = Math.sqrt(moments.covariance(yIdx, yIdx));
        double tCrit = exact ? 0 : StudentQuantile.twoSided(0.05, dfRes);
        List<Coefficient> coefficients = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double bi = b[i].doubleValue();
            double se = sigma * Math.sqrt(xtxInvDiag[i]);
            Double t = se > 0 ? bi / se : null;
            Double pt = t == null ? null : TailProbabilities.studentTwoSided(t, dfRes);
            if (i == 0) {
                coefficients.add(new Coefficient(RegressionResult.INTERCEPT, bi, se, t, pt, lower(bi, se, tCrit, exact),
                        upper(bi, se, tCrit, exact), null, null, null));
            } else {
                int v = xIdx[i - 1];
                double beta = bi * Math.sqrt(moments.covariance(v, v)) / sdY;
                // VIF_j = 1/(1 - R²_j) = [(X'X)⁻¹]_jj · Σ(x_j - x̄_j)², as car::vif for numeric terms
                double vif = xtxInvDiag[i] * moments.comoment(v, v);
                coefficients.add(new Coefficient(spec.predictors().get(i - 1), bi, se, t, pt, lower(bi, se, tCrit, exact),
                        upper(bi, se, tCrit, exact), beta, vif, 1.0 / vif));
            }
        }
        Double dw = exact ? null : durbinWatson(b, diffs, sse);
        return new RegressionResult(spec.dependent(), spec.predictors(), n, Math.sqrt(rSquared), rSquared, adj,
                sigma, dw, f, dfReg, dfRes, p, ssr, sse, sst, coefficients, rSquared < 1 ? rSquared / (1 - rSquared) : null, null, note);
    }

    /** The 95% interval's ends (as R's {@code confint}); {@code null} for an exact fit. */
    private static Double lower(double b, double se, double tCrit, boolean exact) {
        return exact ? null : b - tCrit * se;
    }

    private static Double upper(double b, double se, double tCrit, boolean exact) {
        return exact ? null : b + tCrit * se;
    }

    /**
     * Σ(e_t - e_{t-1})² / SSE with e = y - Xb: the residual differences are v'Δz with
     * v = (-b₁..-b_{k-1}, 1) and Δz the differences of (x, y); the intercept cancels.
     */
    private static Double durbinWatson(DoubleDouble[] b, CoMoments diffs, double sse) {
        long m = diffs.count();
        if (m == 0) {
            return null;
        }
        int q = diffs.dimension();
        double[] v = new double[q];
        for (int i = 0; i < q - 1; i++) {
            v[i] = -b[i + 1].doubleValue();
        }
        v[q - 1] = 1.0;
        double quad = 0.0;
        double meanPart = 0.0;
        for (int i = 0; i < q; i++) {
            meanPart += v[i] * diffs.mean(i);
            for (int j = 0; j < q; j++) {
                quad += v[i] * v[j] * diffs.comoment(i, j);
            }
        }
        double sumSq = quad + m * meanPart * meanPart;
        return Math.max(0.0, sumSq) / sse;
    }

    private static void checkCollinearity(AnalysisLayout.RegressionSpec spec, String model, DoubleDouble[] d,
                                          DoubleDouble[][] r, CoMoments moments, int[] xIdx) {
        int k = d.length;
        for (int j = 1; j < k; j++) {
            double ss = moments.comoment(xIdx[j - 1], xIdx[j - 1]);
            double ratio = d[j].doubleValue() / ss;
            if (!(ratio > COLLINEARITY_TOLERANCE)) {
                // which earlier terms is it a combination of? solve R̄[0..j-1] c = r̄[.., j]
                DoubleDouble[] c = new DoubleDouble[j];
                for (int i = j - 1; i >= 0; i--) {
                    DoubleDouble s = r[i][j];
                    for (int m = i + 1; m < j; m++) {
                        s = s.subtract(r[i][m].multiply(c[m]));
                    }
                    c[i] = s;
                }
                double sdJ = Math.sqrt(ss);
                List<String> involved = new ArrayList<>();
                for (int i = 1; i < j; i++) {
                    double sdI = Math.sqrt(moments.comoment(xIdx[i - 1], xIdx[i - 1]));
                    if (Math.abs(c[i].doubleValue()) * sdI > 1e-6 * sdJ) {
                        involved.add("'" + spec.predictors().get(i - 1) + "'");
                    }
                }
                String term = "'" + spec.predictors().get(j - 1) + "'";
                String detail = involved.isEmpty()
                        ? term + " is constant"
                        : term + " is a linear combination of " + String.join(", ", involved);
                List<String> all = new ArrayList<>(involved);
                all.add(term);
                throw new AnalysisException("The regression " + model + " has collinear predictors "
                        + String.join(", ", all) + " (" + detail + " in the analysed sample), so their effects "
                        + "cannot be separated. Remove one of them from the regression or combine them.");
            }
        }
    }
}
