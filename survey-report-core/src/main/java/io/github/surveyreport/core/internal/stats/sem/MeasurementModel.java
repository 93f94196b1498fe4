package io.github.surveyreport.core.internal.stats.sem;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.results.Cfa;
import io.github.surveyreport.core.results.CfaConvergence;
import io.github.surveyreport.core.results.CfaFit;
import io.github.surveyreport.core.results.CfaLoading;
import io.github.surveyreport.core.results.CommonMethod;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The measurement model of a study from the covariance matrix of its construct items: the CFA
 * with fit indices, loadings, CR/AVE, factor correlations and HTMT; McDonald's ω per construct;
 * and the common-method checks (Harman's single factor, the one-factor CFA). Definitions and
 * reference values: lavaan 0.6 {@code cfa()}/{@code fitMeasures}/{@code standardizedSolution},
 * semTools 0.5 {@code htmt} and {@code compRelSEM}, as the project's {@code golden_plus.R}
 * calls them.
 *
 * <p>Works on covariance matrices only, so its cost is independent of the number of rows.
 */
public final class MeasurementModel {

    /** The likelihood of the CFA: which divisor the covariance matrix has. */
    public enum Likelihood {
        /** Covariances divided by N − 1, χ² = (N − 1)·F_ML (AMOS). */
        WISHART,
        /** Covariances divided by N, χ² = N·F_ML (lavaan's default). */
        NORMAL
    }

    /** A construct: id and item names (reverse coding already applied to the data). */
    public record Construct(String id, List<String> items) {
    }

    /** ω of a construct, or why it is missing. */
    public record Omega(Double value, String note) {
    }

    /**
     * A correlation matrix counts as not positive definite when its smallest eigenvalue is at or
     * below this fraction of the largest (as {@code SymmetricEigen.SINGULARITY_TOLERANCE}).
     */
    private static final double SINGULAR = 1e-12;

    private final List<String> items;
    private final double[][] cov;
    private final long n;
    private final List<Construct> constructs;
    private final int maxIterations;

    /**
     * @param items         the construct items (each once)
     * @param cov           their covariance matrix with divisor N − 1
     * @param n             the number of rows
     * @param constructs    the constructs, in study order
     * @param maxIterations Fisher-scoring iterations before giving up ({@link MlCfa#MAX_ITERATIONS})
     */
    public MeasurementModel(List<String> items, double[][] cov, long n, List<Construct> constructs,
                            int maxIterations) {
        this.items = List.copyOf(items);
        this.cov = cov;
        this.n = n;
        this.constructs = List.copyOf(constructs);
        this.maxIterations = maxIterations;
    }

    /** McDonald's ω of every construct with three or more items, keyed by construct id in study order. */
    public Map<String, Omega> omegas(List<String> warnings) {
        Map<String, Omega> omega = new LinkedHashMap<>();
        for (Construct c : constructs) {
            if (c.items().size() >= 3) {
                omega.put(c.id(), omega(c, warnings));
            }
        }
        return omega;
    }

    /**
     * The CFA of every construct with two or more items.
     *
     * @param likelihood the CFA's likelihood
     * @param warnings   receives what a researcher should know (single-item constructs left out,
     *                   non-convergence, an improper or unidentified solution)
     * @return the CFA, or null when no construct has two items
     * @throws AnalysisException when the items' covariance matrix is not positive definite or the
     *                           model has fewer moments than parameters
     */
    public Cfa cfa(Likelihood likelihood, List<String> warnings) {
        List<Construct> factors = new ArrayList<>();
        for (Construct c : constructs) {
            if (c.items().size() >= 2) {
                factors.add(c);
            } else {
                warnings.add("Construct " + c.id() + " has a single item (" + c.items().get(0) + "), so it stays "
                        + "out of the CFA: a factor needs at least two items.");
            }
        }
        if (factors.isEmpty()) {
            warnings.add("The CFA (cfa) needs a construct with at least two items; the study has none, so no CFA "
                    + "was estimated.");
            return null;
        }
        Fitted measurement = fitModel(factors, likelihood, true, "the CFA of the measurement model");
        return cfaResult(factors, measurement, likelihood, warnings);
    }

    /**
     * Harman's single-factor test and, with a likelihood, the one-factor CFA of all construct
     * items and its χ² difference to the measurement model.
     *
     * @param likelihood  the CFA's likelihood, or null for Harman's test alone
     * @param eigenvalues eigenvalues of the items' correlation matrix, largest first
     * @param cfa         the measurement model's CFA, or null
     * @param warnings    receives what a researcher should know
     */
    public CommonMethod commonMethod(Likelihood likelihood, double[] eigenvalues, Cfa cfa, List<String> warnings) {
        CommonMethod.OneFactor one = null;
        if (likelihood != null && items.size() >= 3) {
            Fitted single = fitModel(List.of(new Construct("the common factor", items)), likelihood, false,
                    "the one-factor CFA of all construct items (Harman's test)");
            if (single.estimate.converged()) {
                CfaFit f = single.fit;
                one = new CommonMethod.OneFactor(f.chiSquare(), f.df(), f.p(), f.rmsea(), f.cfi(), f.tli(), f.srmr());
            } else {
                warnings.add("The one-factor CFA of all construct items (for the common-method comparison) did not "
                        + "converge in " + single.estimate.iterations() + " iterations (last change "
                        + format(single.estimate.lastChange()) + "), so its fit is not reported.");
            }
        } else if (likelihood != null) {
            warnings.add("The one-factor CFA of all construct items needs at least three items; the study has "
                    + items.size() + ", so it was not estimated.");
        }
        Double deltaChi = null;
        Integer deltaDf = null;
        Double deltaP = null;
        if (one != null && cfa != null && cfa.fit() != null) {
            Set<String> cfaItems = new LinkedHashSet<>();
            cfa.loadings().forEach(l -> cfaItems.add(l.item()));
            if (cfaItems.equals(new LinkedHashSet<>(items))) {
                int dd = one.df() - cfa.fit().df();
                if (dd > 0) {
                    deltaChi = one.chiSquare() - cfa.fit().chiSquare();
                    deltaDf = dd;
                    deltaP = Gamma.regularizedGammaQ(dd / 2.0, Math.max(deltaChi, 0) / 2);
                }
            } else {
                warnings.add("The chi-square difference between the one-factor model and the measurement model is "
                        + "not reported: single-item constructs are outside the measurement model, so the two models "
                        + "analyse different items and are not nested.");
            }
        }
        int kaiser = 0;
        for (double v : eigenvalues) {
            if (v > 1) {
                kaiser++;
            }
        }
        return new CommonMethod(eigenvalues[0] / eigenvalues.length, kaiser, one, deltaChi, deltaDf, deltaP);
    }

    // ---------------------------------------------------------------- ω

    /**
     * McDonald's ω from a one-factor ML CFA of the construct's items alone, with the
     * model-implied total variance: (Σλ)²ψ / ((Σλ)²ψ + Σθ) (semTools {@code compRelSEM},
     * {@code obs.var = FALSE}). The value does not depend on the covariance divisor.
     */
    private Omega omega(Construct c, List<String> warnings) {
        int[] idx = indices(c.items());
        double[][] s = sub(cov, idx);
        double[] vector = new double[idx.length];
        double[] extremes = MlCfa.smallestEigen(s, vector);
        if (!(extremes[0] > SINGULAR * extremes[1])) {
            return new Omega(null, "Omega is undefined because the items' covariance matrix is singular ("
                    + dependent(c.items(), vector) + " are linearly dependent).");
        }
        int[] all = new int[idx.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        MlCfa model = new MlCfa(s, new int[][] {all});
        MlCfa.Estimate e = model.fit(n - 1, false, maxIterations);
        if (!e.converged()) {
            warnings.add("The one-factor CFA for McDonald's omega of construct " + c.id() + " did not converge in "
                    + e.iterations() + " iterations (last change " + format(e.lastChange()) + "), so omega is not "
                    + "reported.");
            return new Omega(null, "Omega is not reported because its one-factor CFA did not converge.");
        }
        double sumLambda = 0;
        double sumTheta = 0;
        List<String> negative = new ArrayList<>();
        for (int i = 0; i < idx.length; i++) {
            sumLambda += e.lambda()[i][0];
            sumTheta += e.theta()[i];
            if (e.theta()[i] < 0) {
                negative.add(c.items().get(i));
            }
        }
        double common = sumLambda * sumLambda * e.phi()[0][0];
        double value = common / (common + sumTheta);
        if (!negative.isEmpty()) {
            String note = "Omega rests on an improper one-factor solution: " + String.join(", ", negative)
                    + (negative.size() == 1 ? " has" : " have") + " a negative error variance (a Heywood case).";
            warnings.add("McDonald's omega of construct " + c.id() + ": " + note);
            return new Omega(value, note);
        }
        return new Omega(value, null);
    }

    // ---------------------------------------------------------------- CFA

    /** A fitted model with its items and fit. */
    private record Fitted(List<String> items, int[][] factors, MlCfa model, MlCfa.Estimate estimate, CfaFit fit,
                          double[][] s) {
    }

    /**
     * Fits a model; {@code full} adds standard errors, the identification check and the RMSEA's
     * interval and pclose (the one-factor comparison reports none of them).
     */
    private Fitted fitModel(List<Construct> factors, Likelihood likelihood, boolean full, String what) {
        List<String> modelItems = new ArrayList<>();
        for (Construct c : factors) {
            for (String item : c.items()) {
                if (!modelItems.contains(item)) {
                    modelItems.add(item);
                }
            }
        }
        int[][] pattern = new int[factors.size()][];
        for (int k = 0; k < factors.size(); k++) {
            List<String> its = factors.get(k).items();
            pattern[k] = its.stream().mapToInt(modelItems::indexOf).toArray();
        }
        int[] idx = indices(modelItems);
        double[][] s = sub(cov, idx);
        if (likelihood == Likelihood.NORMAL) {
            for (double[] row : s) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= (n - 1) / (double) n;
                }
            }
        }
        double[] vector = new double[idx.length];
        double[] extremes = MlCfa.smallestEigen(s, vector);
        if (!(extremes[0] > SINGULAR * extremes[1])) {
            throw new AnalysisException("The covariance matrix of the items of " + what + " is not positive definite "
                    + "(smallest eigenvalue of their correlation matrix " + format(extremes[0]) + "): "
                    + dependent(modelItems, vector) + " are linearly dependent (an item duplicated, a sum of others, "
                    + "or more items than complete rows), so maximum likelihood is undefined. Remove one of them "
                    + "from its construct, or remove cfa from the study file.");
        }
        MlCfa model = new MlCfa(s, pattern);
        if (model.degreesOfFreedom() < 0) {
            String name = factors.size() == 1 ? "construct " + factors.get(0).id() + " (" + String.join(", ",
                    factors.get(0).items()) + ")" : "the model";
            throw new AnalysisException("The CFA is not identified: " + name + " has " + model.parameters()
                    + " free parameters but only " + (model.parameters() + model.degreesOfFreedom())
                    + " variances and covariances to fit them to"
                    + (factors.size() == 1 && factors.get(0).items().size() == 2
                    ? "; a factor with two items is identified only through its correlation with another factor. "
                    + "Give the construct a third item, add another construct, or remove cfa from the study file."
                    : ". Add items, or remove cfa from the study file."));
        }
        double multiplier = likelihood == Likelihood.NORMAL ? n : n - 1;
        MlCfa.Estimate e = model.fit(multiplier, full, maxIterations);
        CfaFit fit = e.converged()
                ? FitMeasures.of(s, e.sigma(), e.fmin(), model.degreesOfFreedom(), multiplier, model.logDetCorrelation(),
                full)
                : null;
        return new Fitted(modelItems, pattern, model, e, fit, s);
    }

    private Cfa cfaResult(List<Construct> factors, Fitted f, Likelihood likelihood, List<String> warnings) {
        MlCfa.Estimate e = f.estimate;
        int m = factors.size();
        List<String> problems = new ArrayList<>();
        List<String> heywood = new ArrayList<>();
        if (!e.converged()) {
            warnings.add("The CFA did not converge in " + e.iterations() + " iterations (the last step still changed "
                    + "a parameter by " + format(e.lastChange()) + "), so its fit indices are not reported and its "
                    + "estimates are not an optimum. Check constructs with two items, items with very weak "
                    + "loadings, and the sample size.");
        }
        boolean identified = e.nullDirection() == null;
        boolean seKnown = e.converged() && identified && e.lambdaSe() != null;
        if (e.converged() && !identified) {
            Set<String> involved = new LinkedHashSet<>();
            double max = 0;
            for (double v : e.nullDirection()) {
                max = Math.max(max, Math.abs(v));
            }
            for (int a = 0; a < e.nullDirection().length; a++) {
                if (Math.abs(e.nullDirection()[a]) > 0.1 * max) {
                    involved.add(constructOf(f.model.describe(a), factors, f.items));
                }
            }
            String problem = "the model is not identified at the estimate: the parameters of "
                    + String.join(", ", involved) + " are not determined by the data (a construct with two items that "
                    + "correlates with no other construct is the usual cause), so standard errors are not reported "
                    + "and its standardized loadings, CR and AVE are arbitrary";
            problems.add(problem);
            warnings.add("The CFA: " + problem + ". Give such a construct a third item.");
        }

        List<CfaLoading> loadings = new ArrayList<>();
        Map<String, Cfa.ConstructValidity> validity = new LinkedHashMap<>();
        double[][] phi = e.phi();
        for (int k = 0; k < m; k++) {
            Construct c = factors.get(k);
            if (!(phi[k][k] > 0)) {
                heywood.add("construct " + c.id() + " has a non-positive factor variance (" + format(phi[k][k]) + ")");
            }
            double sum = 0;
            double sumSq = 0;
            double sumError = 0;
            for (int j = 0; j < f.factors[k].length; j++) {
                int i = f.factors[k][j];
                String item = c.items().get(j);
                double est = e.lambda()[i][k];
                double std = est * Math.sqrt(phi[k][k]) / Math.sqrt(e.sigma()[i][i]);
                Double se = null;
                Double z = null;
                Double p = null;
                if (j > 0 && seKnown) {
                    se = e.lambdaSe()[i][k];
                    z = est / se;
                    p = Erf.erfc(Math.abs(z) / Math.sqrt(2));
                }
                loadings.add(new CfaLoading(c.id(), item, est, se, z, p, Double.isFinite(std) ? std : null));
                if (Math.abs(std) > 1) {
                    heywood.add("the standardized loading of " + item + " on " + c.id() + " is " + format(std)
                            + ", beyond 1");
                }
                sum += std;
                sumSq += std * std;
                sumError += 1 - std * std;
            }
            double ave = sumSq / f.factors[k].length;
            double cr = sum * sum / (sum * sum + sumError);
            if (Double.isFinite(cr) && Double.isFinite(ave) && ave >= 0) {
                validity.put(c.id(), new Cfa.ConstructValidity(cr, ave, Math.sqrt(ave)));
            }
        }
        for (int i = 0; i < f.items.size(); i++) {
            if (!(e.theta()[i] > 0)) {
                heywood.add("item " + f.items.get(i) + " has a " + (e.theta()[i] < 0 ? "negative" : "zero")
                        + " error variance (" + format(e.theta()[i]) + ")");
            }
        }
        Map<String, Map<String, Double>> correlations = new LinkedHashMap<>();
        for (int k = 0; k < m; k++) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (int l = 0; l < m; l++) {
                double rkl = k == l ? 1.0 : phi[k][l] / Math.sqrt(phi[k][k] * phi[l][l]);
                row.put(factors.get(l).id(), Double.isFinite(rkl) ? rkl : null);
                if (l > k && Math.abs(rkl) > 1) {
                    heywood.add("the correlation of " + factors.get(k).id() + " and " + factors.get(l).id() + " is "
                            + format(rkl) + ", beyond 1");
                }
            }
            correlations.put(factors.get(k).id(), row);
        }
        boolean proper = heywood.isEmpty();
        problems.addAll(heywood);
        if (!proper) {
            warnings.add("The CFA's solution is improper (a Heywood case): " + String.join("; ", heywood)
                    + ". Its CR, AVE and standardized loadings cannot be interpreted as they stand; common causes are "
                    + "constructs with two items, too few rows, or an item that is nearly a copy of another.");
        }

        double[][] r = correlation(f.s);
        Map<String, Map<String, Double>> htmt = htmt(factors, f, r, false);
        Map<String, Map<String, Double>> htmt2 = htmt(factors, f, r, true);
        CfaConvergence convergence = new CfaConvergence(e.converged(), e.iterations(), e.lastChange(), identified,
                proper, problems);
        return new Cfa(likelihood.name().toLowerCase(Locale.ROOT), n, f.fit, loadings, validity, correlations, htmt,
                htmt2, convergence);
    }

    /**
     * HTMT of every pair of factors from the absolute item correlations (semTools 0.5-6
     * {@code htmt}, {@code absolute = TRUE}): the mean heterotrait–heteromethod correlation over
     * the geometric mean of the two factors' mean monotrait–heteromethod correlations; with
     * {@code geometric} (HTMT2) every mean is geometric.
     */
    private static Map<String, Map<String, Double>> htmt(List<Construct> factors, Fitted f, double[][] r,
                                                          boolean geometric) {
        int m = factors.size();
        double[] within = new double[m];
        for (int k = 0; k < m; k++) {
            within[k] = mean(r, f.factors[k], f.factors[k], geometric);
        }
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        for (int k = 0; k < m; k++) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (int l = 0; l < m; l++) {
                if (l != k) {
                    double v = mean(r, f.factors[k], f.factors[l], geometric) / Math.sqrt(within[k] * within[l]);
                    row.put(factors.get(l).id(), Double.isFinite(v) ? v : null);
                }
            }
            result.put(factors.get(k).id(), row);
        }
        return result;
    }

    /** Mean (arithmetic or geometric) of |r_ij| over i in a, j in b, i ≠ j. */
    private static double mean(double[][] r, int[] a, int[] b, boolean geometric) {
        double sum = 0;
        int count = 0;
        for (int i : a) {
            for (int j : b) {
                if (i != j) {
                    double v = Math.abs(r[i][j]);
                    sum += geometric ? Math.log(v) : v;
                    count++;
                }
            }
        }
        return geometric ? Math.exp(sum / count) : sum / count;
    }

    // ---------------------------------------------------------------- helpers

    private static String constructOf(int[] description, List<Construct> factors, List<String> modelItems) {
        if (MlCfa.isLoading(description)) {
            return "construct " + factors.get(description[2]).id();
        }
        if (MlCfa.isErrorVariance(description)) {
            String item = modelItems.get(description[1]);
            for (Construct c : factors) {
                if (c.items().contains(item)) {
                    return "construct " + c.id();
                }
            }
            return "item " + item;
        }
        return description[1] == description[2] ? "construct " + factors.get(description[1]).id()
                : "the correlation of " + factors.get(description[1]).id() + " and " + factors.get(description[2]).id();
    }

    private int[] indices(List<String> names) {
        return names.stream().mapToInt(items::indexOf).toArray();
    }

    private static double[][] sub(double[][] c, int[] idx) {
        double[][] s = new double[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                s[i][j] = c[idx[i]][idx[j]];
            }
        }
        return s;
    }

    private static double[][] correlation(double[][] s) {
        int p = s.length;
        double[][] r = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                r[i][j] = i == j ? 1 : s[i][j] / Math.sqrt(s[i][i] * s[j][j]);
            }
        }
        return r;
    }

    /** The items with large weights in the eigenvector of the (near-)zero eigenvalue. */
    private static String dependent(List<String> names, double[] vector) {
        double max = 0;
        for (double v : vector) {
            max = Math.max(max, Math.abs(v));
        }
        List<String> involved = new ArrayList<>();
        for (int i = 0; i < vector.length; i++) {
            if (Math.abs(vector[i]) > 0.1 * max) {
                involved.add(names.get(i));
            }
        }
        return String.join(", ", involved);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
