package io.github.surveyreport.core.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.internal.stats.AnalysisLayout.ConstructSpec;
import io.github.surveyreport.core.internal.stats.sem.MeasurementModel;
import io.github.surveyreport.core.internal.stats.sem.MeasurementModel.Likelihood;
import io.github.surveyreport.core.results.Cfa;
import io.github.surveyreport.core.results.CfaLoading;
import io.github.surveyreport.core.results.StatisticsResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The measurement model's hard cases end in a clear outcome, never a silent number: a CFA that
 * does not converge reports no fit; a Heywood case is marked improper and names the item; an
 * unidentified model names the construct; a covariance matrix that is not positive definite is
 * an {@link AnalysisException} naming the items. The data are generated so that their sample
 * covariance matrix (divisor n − 1) is exactly the matrix given.
 */
class CfaHardCasesTest {

    /** Two correlated three-item factors (loadings .7, .6, .5 and .8, .7, .6; factor r = .3). */
    private static final double[][] WELL_FITTING = covariance(new double[][] {
            {.7, 0}, {.6, 0}, {.5, 0}, {0, .8}, {0, .7}, {0, .6}}, 0.3);

    @Test
    void nonConvergenceReportsNoFitAndSaysWhy() {
        MeasurementModel model = new MeasurementModel(names("a", 3, "b", 3), WELL_FITTING, 500,
                List.of(new MeasurementModel.Construct("A", List.of("a1", "a2", "a3")),
                        new MeasurementModel.Construct("B", List.of("b1", "b2", "b3"))), 2);
        List<String> warnings = new ArrayList<>();
        Cfa cfa = model.cfa(Likelihood.WISHART, warnings);
        assertThat(cfa.convergence().converged()).isFalse();
        assertThat(cfa.convergence().iterations()).isEqualTo(2);
        assertThat(cfa.fit()).isNull();
        assertThat(cfa.loadings()).allMatch(l -> l.standardError() == null);
        assertThat(warnings).anyMatch(w -> w.contains("did not converge in 2 iterations")
                && w.contains("changed a parameter by") && w.contains("fit indices are not reported"));

        // the same model with the normal iteration limit converges, and fits exactly
        Cfa converged = new MeasurementModel(names("a", 3, "b", 3), WELL_FITTING, 500,
                List.of(new MeasurementModel.Construct("A", List.of("a1", "a2", "a3")),
                        new MeasurementModel.Construct("B", List.of("b1", "b2", "b3"))), 500)
                .cfa(Likelihood.WISHART, new ArrayList<>());
        assertThat(converged.convergence().converged()).isTrue();
        assertThat(converged.convergence().proper()).isTrue();
        assertThat(converged.fit().chiSquare()).isLessThan(1e-8);
        assertThat(converged.loadings().get(1).standardized()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-8));
    }

    /**
     * a1 correlates .8 with a2 and a3, which correlate .5: a one-factor model needs a1's
     * standardized loading √(.8·.8/.5) = 1.13 and so a negative error variance.
     */
    @Test
    void heywoodCaseIsAnImproperSolutionNamingTheItem() {
        double[][] s = {
                {1, .8, .8, .1, .1, .1},
                {.8, 1, .5, .1, .1, .1},
                {.8, .5, 1, .1, .1, .1},
                {.1, .1, .1, 1, .5, .4},
                {.1, .1, .1, .5, 1, .4},
                {.1, .1, .1, .4, .4, 1}};
        StatisticsResults res = run(s, 400, List.of(construct("A", "a", 3), construct("B", "b", 3)));
        Cfa cfa = res.cfa();
        assertThat(cfa.convergence().converged()).isTrue();
        assertThat(cfa.convergence().proper()).isFalse();
        assertThat(cfa.convergence().problems()).anyMatch(p -> p.contains("item a1 has a negative error variance"));
        assertThat(cfa.convergence().problems()).anyMatch(p -> p.contains("standardized loading of a1 on A"));
        assertThat(cfa.loadings().get(0).standardized()).isGreaterThan(1);
        assertThat(res.warnings()).anyMatch(w -> w.contains("improper") && w.contains("a1"));
        // ω of A rests on the same improper one-factor solution: reported with a note
        assertThat(res.reliability().constructs().get("A").omega()).isNotNull();
        assertThat(res.reliability().constructs().get("A").note()).contains("a1").contains("Heywood");
    }

    @Test
    void aTwoItemConstructCorrelatedWithNothingIsNotIdentified() {
        double[][] s = {
                {1, .5, .5, 0, 0},
                {.5, 1, .5, 0, 0},
                {.5, .5, 1, 0, 0},
                {0, 0, 0, 1, .4},
                {0, 0, 0, .4, 1}};
        StatisticsResults res = run(s, 300, List.of(construct("A", "a", 3), construct("B", "b", 2)));
        Cfa cfa = res.cfa();
        assertThat(cfa.convergence().converged()).isTrue();
        assertThat(cfa.convergence().identified()).isFalse();
        assertThat(cfa.convergence().problems()).anyMatch(p -> p.contains("construct B") && p.contains("not identified"));
        assertThat(cfa.loadings()).extracting(CfaLoading::standardError).containsOnlyNulls();
        assertThat(res.warnings()).anyMatch(w -> w.contains("not identified") && w.contains("construct B"));
        // the minimum itself is unique: the model reproduces every covariance, χ² = 0
        assertThat(cfa.fit().chiSquare()).isLessThan(1e-8);
    }

    @Test
    void aSingleTwoItemFactorIsAnAnalysisErrorNamingTheConstruct() {
        double[][] s = {{1, .5}, {.5, 1}};
        assertThatThrownBy(() -> run(s, 100, List.of(construct("X", "x", 2))))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("not identified").hasMessageContaining("construct X (x1, x2)")
                .hasMessageContaining("two items");
    }

    @Test
    void aNonPositiveDefiniteCovarianceMatrixIsAnAnalysisErrorNamingTheItems() {
        Random rnd = new Random(11);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double f = rnd.nextGaussian();
            double a1 = f + rnd.nextGaussian();
            double a2 = f + rnd.nextGaussian();
            double b1 = f + rnd.nextGaussian();
            double b2 = f + rnd.nextGaussian();
            // a3 = a1 + a2: the items' covariance matrix is singular
            rows.add(new double[] {a1, a2, a1 + a2, b1, b2, f + rnd.nextGaussian()});
        }
        List<ConstructSpec> constructs = List.of(construct("A", "a", 3), construct("B", "b", 3));
        assertThatThrownBy(() -> run(rows, constructs, Likelihood.WISHART))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("not positive definite").hasMessageContaining("a1, a2, a3")
                .hasMessageNotContaining("b1");
        // without cfa the study still runs: ω of A is undefined, with the reason
        StatisticsResults res = run(rows, constructs, null);
        assertThat(res.reliability().constructs().get("A").omega()).isNull();
        assertThat(res.reliability().constructs().get("A").note()).contains("singular").contains("a1, a2, a3");
        assertThat(res.reliability().constructs().get("B").omega()).isNotNull();
        assertThat(res.cfa()).isNull();
        assertThat(res.commonMethod().oneFactor()).isNull();
    }

    /**
     * r12 = .5, r13 = .41, r23 = −.41: a one-factor model of three items needs λ1² = r12·r13/r23
     * &lt; 0, so ML has no optimum and the iteration runs away; ω is then not reported.
     */
    @Test
    void omegaWhoseOneFactorModelDoesNotConvergeIsNotReported() {
        double r = 1 / Math.sqrt(6);
        double[][] s = {{1, .5, r}, {.5, 1, -r}, {r, -r, 1}};
        StatisticsResults res = run(rowsWithCovariance(s, 200, 3), List.of(construct("B", "b", 3)), null);
        assertThat(res.reliability().constructs().get("B").omega()).isNull();
        assertThat(res.reliability().constructs().get("B").note()).contains("did not converge");
        assertThat(res.warnings()).anyMatch(w -> w.contains("omega of construct B did not converge in 500 iterations"));
    }

    /** One three-item factor has as many parameters as moments: a perfect fit and no test. */
    @Test
    void aJustIdentifiedModelFitsPerfectlyAndHasNoTest() {
        double[][] s = {{1, .5, .4}, {.5, 1, .3}, {.4, .3, 1}};
        StatisticsResults res = run(s, 150, List.of(construct("A", "a", 3)));
        var fit = res.cfa().fit();
        assertThat(fit.df()).isZero();
        assertThat(fit.chiSquare()).isLessThan(1e-10);
        assertThat(fit.p()).isNull();
        assertThat(fit.chiSquareDf()).isNull();
        assertThat(fit.pclose()).isNull();
        assertThat(fit.rmsea()).isZero();
        assertThat(fit.rmseaLower()).isZero();
        assertThat(fit.rmseaUpper()).isZero();
        assertThat(fit.cfi()).isEqualTo(1.0);
        assertThat(fit.tli()).isEqualTo(1.0);
        assertThat(fit.nfi()).isEqualTo(1.0);
        assertThat(fit.agfi()).isEqualTo(1.0);
        // λ*_1 = √(r12·r13/r23)
        assertThat(res.cfa().loadings().get(0).standardized())
                .isCloseTo(Math.sqrt(.5 * .4 / .3), org.assertj.core.data.Offset.offset(1e-8));
        // the one-factor model is the measurement model: no difference to test
        assertThat(res.commonMethod().deltaDf()).isNull();
        AwkwardDataTest.assertNoNaN(Json.tree(res));
    }

    @Test
    void singleItemConstructsStayOutOfTheCfaWithAWarning() {
        double[][] s = covariance(new double[][] {{.7, 0}, {.6, 0}, {.5, 0}, {0, .8}}, 0.3);
        StatisticsResults res = run(s, 300, List.of(construct("A", "a", 3), construct("B", "b", 1)));
        assertThat(res.cfa().loadings()).extracting(CfaLoading::item).containsExactly("a1", "a2", "a3");
        assertThat(res.warnings()).anyMatch(w -> w.contains("Construct B has a single item (b1)"));
        // the one-factor model has b1, the measurement model not: no χ² difference
        assertThat(res.commonMethod().oneFactor()).isNotNull();
        assertThat(res.commonMethod().deltaChiSquare()).isNull();
        assertThat(res.warnings()).anyMatch(w -> w.contains("not nested"));
    }

    // ---------------------------------------------------------------- helpers

    private static ConstructSpec construct(String id, String prefix, int items) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            names.add(prefix + i);
        }
        return new ConstructSpec(id, names);
    }

    private static List<String> names(String a, int na, String b, int nb) {
        List<String> names = new ArrayList<>(construct("A", a, na).items());
        names.addAll(construct("B", b, nb).items());
        return names;
    }

    /** ΛΦΛ' + Θ with standardized items (Θ = 1 − communality) and factor correlation r. */
    private static double[][] covariance(double[][] lambda, double r) {
        int p = lambda.length;
        double[][] s = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double v = 0;
                for (int k = 0; k < 2; k++) {
                    for (int l = 0; l < 2; l++) {
                        v += lambda[i][k] * lambda[j][l] * (k == l ? 1 : r);
                    }
                }
                s[i][j] = i == j ? 1 : v;
            }
        }
        return s;
    }

    private static StatisticsResults run(double[][] target, int n, List<ConstructSpec> constructs) {
        return run(rowsWithCovariance(target, n, 5), constructs, Likelihood.WISHART);
    }

    private static StatisticsResults run(List<double[]> rows, List<ConstructSpec> constructs, Likelihood cfa) {
        List<String> columns = new ArrayList<>();
        constructs.forEach(c -> columns.addAll(c.items()));
        AnalysisLayout layout = new AnalysisLayout(columns, constructs, List.of(), List.of(), null, 0.05, cfa);
        StatisticsAccumulator acc = new StatisticsAccumulator(layout);
        rows.forEach(acc::add);
        return acc.finish();
    }

    /** n rows whose sample covariance matrix (divisor n − 1) is exactly {@code target} (up to rounding). */
    private static List<double[]> rowsWithCovariance(double[][] target, int n, long seed) {
        int p = target.length;
        Random rnd = new Random(seed);
        double[][] z = new double[n][p];
        double[] mean = new double[p];
        for (double[] row : z) {
            for (int j = 0; j < p; j++) {
                row[j] = rnd.nextGaussian();
                mean[j] += row[j] / n;
            }
        }
        double[][] cov = new double[p][p];
        for (double[] row : z) {
            for (int j = 0; j < p; j++) {
                row[j] -= mean[j];
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    cov[i][j] += row[i] * row[j] / (n - 1);
                }
            }
        }
        // whiten with the sample's Cholesky factor, colour with the target's: cov(x) = L_t L_t'
        RealMatrix ls = new CholeskyDecomposition(new Array2DRowRealMatrix(cov)).getL();
        RealMatrix lt = new CholeskyDecomposition(new Array2DRowRealMatrix(target)).getL();
        RealMatrix transform = lt.multiply(org.apache.commons.math3.linear.MatrixUtils.inverse(ls));
        List<double[]> rows = new ArrayList<>();
        for (double[] row : z) {
            double[] x = transform.operate(row);
            for (int j = 0; j < p; j++) {
                x[j] += 3; // away from zero like questionnaire answers
            }
            rows.add(x);
        }
        return rows;
    }
}
