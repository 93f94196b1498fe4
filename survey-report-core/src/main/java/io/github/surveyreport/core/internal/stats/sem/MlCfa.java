package io.github.surveyreport.core.internal.stats.sem;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.Arrays;

/**
 * Maximum-likelihood confirmatory factor analysis of a covariance matrix S: Σ = ΛΦΛ' + Θ with
 * Θ diagonal, Φ free (factors correlated), and the first item of each factor its marker
 * (loading fixed to 1, as lavaan and AMOS). It minimises
 * F_ML = ln|Σ| + tr(SΣ⁻¹) − ln|S| − p by Fisher scoring: the gradient and the expected
 * information are analytic, each step is halved until F decreases, and the iteration stops
 * when no parameter changes by more than {@value #TOLERANCE} (on the correlation scale, below).
 * Standard errors come from the inverse expected information at the estimate, scaled by the
 * sample size the χ² uses (lavaan's default {@code information = "expected"}).
 *
 * <p>The fit runs on the correlation-scaled matrix D⁻¹SD⁻¹ (D = diag(√s_ii)) and the estimates
 * are scaled back: ML with marker scaling is scale-equivariant, so this is the same optimum and
 * the same χ², while the Fisher steps see parameters of order one whatever the data's units.
 *
 * <p>The cost depends on p (items) and m (factors) only, never on the number of rows: about
 * (p + 2m)²·p for the inner products and q³/3 for the q × q information per iteration.
 *
 * <p>Derivatives: each free parameter a enters Σ as Σ_a = c(xy' + yx') with vectors x, y among
 * the unit vectors e_i, the columns u_k of ΛΦ and the columns λ_k of Λ (a loading λ_ik:
 * x = e_i, y = u_k, c = 1; an error variance θ_i: x = y = e_i, c = ½; a factor covariance φ_kl:
 * x = λ_k, y = λ_l, c = 1, or ½ when k = l). With A = Σ⁻¹ and G = A(Σ − S)A the gradient is
 * ∂F/∂a = tr(GΣ_a) = 2c·x'Gy and the expected information is
 * tr(AΣ_aAΣ_b) = 2c_a c_b[(x_a'Ax_b)(y_a'Ay_b) + (x_a'Ay_b)(y_a'Ax_b)], so both need only the
 * inner products of those 2m + p vectors under A and G.
 */
public final class MlCfa {

    /** Iterations before the estimation is reported as not converged. */
    public static final int MAX_ITERATIONS = 500;

    /**
     * Convergence: the largest Fisher-scoring change of any parameter on the correlation scale.
     * Fisher scoring converges (at least) linearly, so the estimate is then within about this
     * of the optimum, far inside the 1e-5 relative agreement with lavaan the tests ask for.
     */
    static final double TOLERANCE = 1e-10;

    /** Step halvings before a step is given up. */
    private static final int MAX_HALVINGS = 40;

    /**
     * The information matrix counts as singular (the model not identified at this estimate)
     * when, scaled to unit diagonal, its smallest eigenvalue is below this fraction of the
     * largest: an identified model's scaled information has eigenvalues of order 1e-6 and above
     * even with weak loadings, an unidentified one about 1e-16.
     */
    static final double SINGULAR_INFORMATION = 1e-10;

    private static final int LOADING = 0;
    private static final int THETA = 1;
    private static final int PHI = 2;

    private final int p;
    private final int m;
    private final int[][] factors;
    private final double[] d;
    private final double[][] r;
    private final double logDetR;
    private final int q;
    private final int[] kind;
    private final int[] first;
    private final int[] second;
    private final int[] vx;
    private final int[] vy;
    private final double[] vc;

    /**
     * The estimate, on the scale of the input matrix.
     *
     * @param lambda        p × m loadings (markers 1, zero where an item does not load)
     * @param phi           m × m factor covariances
     * @param theta         p error variances
     * @param sigma         model-implied covariance matrix
     * @param fmin          F_ML at the estimate
     * @param iterations    Fisher-scoring iterations
     * @param converged     whether the last change was below {@link #TOLERANCE}
     * @param lastChange    largest parameter change of the last iteration (correlation scale)
     * @param parameters    number of free parameters
     * @param lambdaSe      standard errors of the loadings (NaN where fixed), or null if none
     * @param thetaSe       standard errors of the error variances, or null
     * @param phiSe         standard errors of the factor covariances, or null
     * @param nullDirection when the information is singular, for each free parameter its
     *                      weight in the (first) null direction, else null
     */
    public record Estimate(double[][] lambda, double[][] phi, double[] theta, double[][] sigma, double fmin,
                           int iterations, boolean converged, double lastChange, int parameters,
                           double[][] lambdaSe, double[] thetaSe, double[][] phiSe, double[] nullDirection) {
    }

    /**
     * @param s       p × p covariance matrix, positive definite (see {@link #smallestEigen})
     * @param factors for each factor the indices of its items in s, its marker first; every
     *                factor has at least two items
     */
    public MlCfa(double[][] s, int[][] factors) {
        this.p = s.length;
        this.m = factors.length;
        this.factors = factors;
        d = new double[p];
        for (int i = 0; i < p; i++) {
            d[i] = Math.sqrt(s[i][i]);
        }
        r = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                r[i][j] = i == j ? 1.0 : s[i][j] / (d[i] * d[j]);
            }
        }
        double[][] chol = cholesky(r);
        if (chol == null) {
            throw new IllegalArgumentException("the covariance matrix is not positive definite");
        }
        logDetR = logDet(chol);

        int loadings = 0;
        for (int[] f : factors) {
            loadings += f.length - 1;
        }
        q = loadings + p + m * (m + 1) / 2;
        kind = new int[q];
        first = new int[q];
        second = new int[q];
        vx = new int[q];
        vy = new int[q];
        vc = new double[q];
        int a = 0;
        for (int k = 0; k < m; k++) {
            for (int j = 1; j < factors[k].length; j++) {
                set(a++, LOADING, factors[k][j], k, factors[k][j], p + k, 1.0);
            }
        }
        for (int i = 0; i < p; i++) {
            set(a++, THETA, i, i, i, i, 0.5);
        }
        for (int k = 0; k < m; k++) {
            for (int l = k; l < m; l++) {
                set(a++, PHI, k, l, p + m + k, p + m + l, k == l ? 0.5 : 1.0);
            }
        }
    }

    private void set(int a, int type, int i, int j, int x, int y, double c) {
        kind[a] = type;
        first[a] = i;
        second[a] = j;
        vx[a] = x;
        vy[a] = y;
        vc[a] = c;
    }

    /** Free parameters. */
    public int parameters() {
        return q;
    }

    /** Degrees of freedom: p(p + 1)/2 moments minus the free parameters. */
    public int degreesOfFreedom() {
        return p * (p + 1) / 2 - q;
    }

    /** ln|S| − Σ ln s_ii: ln of the determinant of the correlation matrix. */
    public double logDetCorrelation() {
        return logDetR;
    }

    /**
     * Estimates the model.
     *
     * @param sampleSize     the multiplier of the information (N for lavaan's normal
     *                       likelihood, N − 1 for Wishart)
     * @param standardErrors whether to compute standard errors (and check identification)
     * @param maxIterations  iterations before giving up ({@link #MAX_ITERATIONS})
     */
    public Estimate fit(double sampleSize, boolean standardErrors, int maxIterations) {
        double[] par = start();
        Eval cur = eval(par);
        if (cur == null) {
            throw new IllegalStateException("starting values do not give a positive definite Σ");
        }
        boolean converged = false;
        double change = Double.NaN;
        int iterations = 0;
        while (iterations < maxIterations) {
            iterations++;
            double[][] h = new double[q][q];
            double[] g = new double[q];
            derivatives(par, cur, h, g);
            double[] step = solve(h, g);
            change = 0;
            for (double v : step) {
                change = Math.max(change, Math.abs(v));
            }
            if (!Double.isFinite(change)) {
                break;
            }
            Eval next = null;
            double[] trial = new double[q];
            double alpha = 1;
            for (int halving = 0; halving <= MAX_HALVINGS; halving++) {
                for (int a = 0; a < q; a++) {
                    trial[a] = par[a] - alpha * step[a];
                }
                Eval e = eval(trial);
                // a decrease, allowing for the rounding of F itself once at the optimum
                if (e != null && e.f <= cur.f + 1e-13 * (1 + Math.abs(cur.f))) {
                    next = e;
                    break;
                }
                alpha /= 2;
            }
            if (next == null) {
                converged = change < TOLERANCE;
                break;
            }
            par = trial;
            cur = next;
            if (change < TOLERANCE) {
                converged = true;
                break;
            }
        }

        double[][] lambda = lambda(par);
        double[][] phi = phi(par);
        double[] theta = new double[p];
        for (int a = 0; a < q; a++) {
            if (kind[a] == THETA) {
                theta[first[a]] = par[a];
            }
        }
        // back to the input's scale: λ_ik·d_i/d_marker(k), φ_kl·d_mk·d_ml, θ_i·d_i²
        double[] unit = new double[q];
        for (int a = 0; a < q; a++) {
            unit[a] = switch (kind[a]) {
                case LOADING -> d[first[a]] / d[factors[second[a]][0]];
                case THETA -> d[first[a]] * d[first[a]];
                default -> d[factors[first[a]][0]] * d[factors[second[a]][0]];
            };
        }
        double[][] lambdaOut = new double[p][m];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < m; k++) {
                lambdaOut[i][k] = lambda[i][k] * d[i] / d[factors[k][0]];
            }
        }
        double[][] phiOut = new double[m][m];
        for (int k = 0; k < m; k++) {
            for (int l = 0; l < m; l++) {
                phiOut[k][l] = phi[k][l] * d[factors[k][0]] * d[factors[l][0]];
            }
        }
        double[] thetaOut = new double[p];
        for (int i = 0; i < p; i++) {
            thetaOut[i] = theta[i] * d[i] * d[i];
        }
        double[][] sigmaOut = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                sigmaOut[i][j] = cur.sigma[i][j] * d[i] * d[j];
            }
        }

        double[][] lambdaSe = null;
        double[] thetaSe = null;
        double[][] phiSe = null;
        double[] nullDirection = null;
        if (standardErrors) {
            double[][] h = new double[q][q];
            derivatives(par, cur, h, new double[q]);
            double[] scale = new double[q];
            for (int a = 0; a < q; a++) {
                scale[a] = 1 / Math.sqrt(h[a][a]);
            }
            double[][] scaled = new double[q][q];
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < q; b++) {
                    scaled[a][b] = h[a][b] * scale[a] * scale[b];
                }
            }
            EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(scaled, false));
            double[] values = eigen.getRealEigenvalues();
            int min = 0;
            int max = 0;
            for (int a = 1; a < q; a++) {
                min = values[a] < values[min] ? a : min;
                max = values[a] > values[max] ? a : max;
            }
            if (!(values[min] > SINGULAR_INFORMATION * values[max])) {
                nullDirection = new double[q];
                for (int a = 0; a < q; a++) {
                    nullDirection[a] = eigen.getEigenvector(min).getEntry(a) * scale[a];
                }
            } else {
                double[][] inverse = eigen.getSolver().getInverse().getData();
                lambdaSe = new double[p][m];
                for (double[] row : lambdaSe) {
                    Arrays.fill(row, Double.NaN);
                }
                thetaSe = new double[p];
                phiSe = new double[m][m];
                for (int a = 0; a < q; a++) {
                    // Cov = (n/2 · information)⁻¹ on the correlation scale, then back to the input's
                    double se = Math.sqrt(2 / sampleSize * inverse[a][a]) * scale[a] * unit[a];
                    switch (kind[a]) {
                        case LOADING -> lambdaSe[first[a]][second[a]] = se;
                        case THETA -> thetaSe[first[a]] = se;
                        default -> {
                            phiSe[first[a]][second[a]] = se;
                            phiSe[second[a]][first[a]] = se;
                        }
                    }
                }
            }
        }
        return new Estimate(lambdaOut, phiOut, thetaOut, sigmaOut, cur.f, iterations, converged, change, q,
                lambdaSe, thetaSe, phiSe, nullDirection);
    }

    /** What a free parameter is, for messages: {kind, first index, second index}. */
    int[] describe(int a) {
        return new int[] {kind[a], first[a], second[a]};
    }

    static boolean isLoading(int[] description) {
        return description[0] == LOADING;
    }

    static boolean isErrorVariance(int[] description) {
        return description[0] == THETA;
    }

    // ---------------------------------------------------------------- model pieces

    private double[][] lambda(double[] par) {
        double[][] lambda = new double[p][m];
        for (int k = 0; k < m; k++) {
            lambda[factors[k][0]][k] = 1.0;
        }
        for (int a = 0; a < q; a++) {
            if (kind[a] == LOADING) {
                lambda[first[a]][second[a]] = par[a];
            }
        }
        return lambda;
    }

    private double[][] phi(double[] par) {
        double[][] phi = new double[m][m];
        for (int a = 0; a < q; a++) {
            if (kind[a] == PHI) {
                phi[first[a]][second[a]] = par[a];
                phi[second[a]][first[a]] = par[a];
            }
        }
        return phi;
    }

    /** Σ, Σ⁻¹ and F at a parameter vector. */
    private record Eval(double[][] sigma, double[][] inverse, double f) {
    }

    /** Σ, its inverse and F, or null when Σ is not positive definite. */
    private Eval eval(double[] par) {
        double[][] lambda = lambda(par);
        double[][] phi = phi(par);
        double[][] lp = multiply(lambda, phi);
        double[][] sigma = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += lp[i][k] * lambda[j][k];
                }
                sigma[i][j] = s;
                sigma[j][i] = s;
            }
        }
        for (int a = 0; a < q; a++) {
            if (kind[a] == THETA) {
                sigma[first[a]][first[a]] += par[a];
            }
        }
        double[][] chol = cholesky(sigma);
        if (chol == null) {
            return null;
        }
        double[][] inverse = inverse(chol);
        double trace = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                trace += inverse[i][j] * r[j][i];
            }
        }
        double f = logDet(chol) + trace - logDetR - p;
        return Double.isFinite(f) ? new Eval(sigma, inverse, f) : null;
    }

    /** Fills the expected information (of F, i.e. tr(AΣ_aAΣ_b)) and the gradient of F. */
    private void derivatives(double[] par, Eval cur, double[][] h, double[] g) {
        double[][] a = cur.inverse;
        double[][] lambda = lambda(par);
        double[][] phi = phi(par);
        double[][] lp = multiply(lambda, phi);
        // W = [ΛΦ | Λ], p × 2m
        double[][] w = new double[p][2 * m];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < m; k++) {
                w[i][k] = lp[i][k];
                w[i][m + k] = lambda[i][k];
            }
        }
        // G = A(Σ − S)A = A − A S A
        double[][] as = multiply(a, r);
        double[][] asa = multiply(as, a);
        double[][] gm = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                gm[i][j] = a[i][j] - asa[i][j];
            }
        }
        Inner ia = new Inner(a, w);
        Inner ig = new Inner(gm, w);
        for (int x = 0; x < q; x++) {
            g[x] = 2 * vc[x] * ig.at(vx[x], vy[x]);
            for (int y = 0; y <= x; y++) {
                double v = 2 * vc[x] * vc[y] * (ia.at(vx[x], vx[y]) * ia.at(vy[x], vy[y])
                        + ia.at(vx[x], vy[y]) * ia.at(vy[x], vx[y]));
                h[x][y] = v;
                h[y][x] = v;
            }
        }
    }

    /** Inner products v_x'Mv_y of the vectors e_1..e_p, u_1..u_m, λ_1..λ_m under M. */
    private final class Inner {
        private final double[][] mat;
        private final double[][] mw;
        private final double[][] wmw;

        Inner(double[][] mat, double[][] w) {
            this.mat = mat;
            this.mw = multiply(mat, w);
            this.wmw = new double[2 * m][2 * m];
            for (int k = 0; k < 2 * m; k++) {
                for (int l = 0; l < 2 * m; l++) {
                    double s = 0;
                    for (int i = 0; i < p; i++) {
                        s += w[i][k] * mw[i][l];
                    }
                    wmw[k][l] = s;
                }
            }
        }

        double at(int x, int y) {
            if (x < p) {
                return y < p ? mat[x][y] : mw[x][y - p];
            }
            return y < p ? mw[y][x - p] : wmw[x - p][y - p];
        }
    }

    /**
     * The Fisher step H⁻¹g (subtracted from the parameters). H is first scaled to unit diagonal;
     * when a pivot of its Cholesky factor falls below {@link #SINGULAR_INFORMATION} (the model is
     * not identified at this point: some direction leaves Σ unchanged) the step is the
     * minimum-norm one, which does not move along that direction.
     */
    private double[] solve(double[][] h, double[] g) {
        double[] scale = new double[q];
        for (int a = 0; a < q; a++) {
            scale[a] = h[a][a] > 0 ? 1 / Math.sqrt(h[a][a]) : 1;
        }
        double[][] hs = new double[q][q];
        double[] gs = new double[q];
        for (int a = 0; a < q; a++) {
            gs[a] = g[a] * scale[a];
            for (int b = 0; b < q; b++) {
                hs[a][b] = h[a][b] * scale[a] * scale[b];
            }
        }
        double[] x;
        double[][] chol = cholesky(hs);
        boolean regular = chol != null;
        for (int a = 0; regular && a < q; a++) {
            regular = chol[a][a] * chol[a][a] > SINGULAR_INFORMATION;
        }
        if (regular) {
            x = cholSolve(chol, gs);
        } else {
            EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(hs, false));
            double[] values = eigen.getRealEigenvalues();
            double max = Arrays.stream(values).max().orElse(0);
            x = new double[q];
            for (int e = 0; e < q; e++) {
                if (values[e] > SINGULAR_INFORMATION * max) {
                    double[] v = eigen.getEigenvector(e).toArray();
                    double proj = 0;
                    for (int a = 0; a < q; a++) {
                        proj += v[a] * gs[a];
                    }
                    for (int a = 0; a < q; a++) {
                        x[a] += v[a] * proj / values[e];
                    }
                }
            }
        }
        for (int a = 0; a < q; a++) {
            x[a] *= scale[a];
        }
        return x;
    }

    /**
     * Starting values on the correlation scale: the marker's communality is its largest
     * absolute correlation within the factor (bounded to [.1, .95]) and is the factor variance;
     * the other loadings are r(item, marker)/φ_kk, the error variances what is left of 1
     * (bounded to [.05, .95]); factor covariances are the markers' correlations, shrunk
     * until Φ is positive definite.
     */
    private double[] start() {
        double[] par = new double[q];
        double[] variance = new double[m];
        for (int k = 0; k < m; k++) {
            int marker = factors[k][0];
            double h = 0;
            for (int j = 1; j < factors[k].length; j++) {
                h = Math.max(h, Math.abs(r[marker][factors[k][j]]));
            }
            variance[k] = Math.min(0.95, Math.max(0.1, h));
        }
        double[] explained = new double[p];
        for (int k = 0; k < m; k++) {
            explained[factors[k][0]] += variance[k];
        }
        for (int a = 0; a < q; a++) {
            if (kind[a] == LOADING) {
                int k = second[a];
                par[a] = r[first[a]][factors[k][0]] / variance[k];
                explained[first[a]] += par[a] * par[a] * variance[k];
            }
        }
        double shrink = 1;
        double[][] phi;
        do {
            phi = new double[m][m];
            for (int k = 0; k < m; k++) {
                for (int l = 0; l < m; l++) {
                    phi[k][l] = k == l ? variance[k]
                            : shrink * r[factors[k][0]][factors[l][0]] * Math.sqrt(variance[k] * variance[l]);
                }
            }
            shrink *= 0.8;
        } while (cholesky(phi) == null && shrink > 1e-6);
        for (int a = 0; a < q; a++) {
            if (kind[a] == THETA) {
                par[a] = Math.min(0.95, Math.max(0.05, 1 - explained[first[a]]));
            } else if (kind[a] == PHI) {
                par[a] = phi[first[a]][second[a]];
            }
        }
        return par;
    }

    // ---------------------------------------------------------------- dense linear algebra

    /** Lower Cholesky factor, or null if the matrix is not (numerically) positive definite. */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            if (!(s > 0)) {
                return null;
            }
            double diag = Math.sqrt(s);
            l[j][j] = diag;
            for (int i = j + 1; i < n; i++) {
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / diag;
            }
        }
        return l;
    }

    static double logDet(double[][] chol) {
        double s = 0;
        for (int i = 0; i < chol.length; i++) {
            s += Math.log(chol[i][i]);
        }
        return 2 * s;
    }

    private static double[] cholSolve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** (LL')⁻¹ from the Cholesky factor. */
    static double[][] inverse(double[][] l) {
        int n = l.length;
        // L⁻¹ by forward substitution, then (L⁻¹)'L⁻¹
        double[][] li = new double[n][n];
        for (int j = 0; j < n; j++) {
            li[j][j] = 1 / l[j][j];
            for (int i = j + 1; i < n; i++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[i][k] * li[k][j];
                }
                li[i][j] = s / l[i][i];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += li[k][i] * li[k][j];
                }
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }
        return inv;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int cols = inner == 0 ? 0 : b[0].length;
        double[][] c = new double[n][cols];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < cols; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    /**
     * The smallest eigenvalue of the correlation matrix of s relative to the largest, and its
     * eigenvector: a value at or below 1e-12 means S is not positive definite (some items are
     * linear combinations of others; the vector's large entries name them).
     */
    public static double[] smallestEigen(double[][] s, double[] vectorOut) {
        int n = s.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = s[i][j] / Math.sqrt(s[i][i] * s[j][j]);
            }
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(c, false));
        double[] values = e.getRealEigenvalues();
        int min = 0;
        int max = 0;
        for (int i = 1; i < n; i++) {
            min = values[i] < values[min] ? i : min;
            max = values[i] > values[max] ? i : max;
        }
        double[] v = e.getEigenvector(min).toArray();
        System.arraycopy(v, 0, vectorOut, 0, n);
        return new double[] {values[min], values[max]};
    }
}
