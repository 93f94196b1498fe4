package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.internal.stats.AnalysisLayout.ConstructSpec;
import io.github.surveyreport.core.internal.stats.AnalysisLayout.RegressionSpec;
import io.github.surveyreport.core.results.ItemTotal;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.results.ScaleReliability;
import io.github.surveyreport.core.results.StatisticsResults;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Data that real studies produce and that must give sensible results or actionable errors. */
class AwkwardDataTest {

    /** Likert-like data: every item = round(3 + factor + noise), clamped to 1..5. */
    private static double[][] likert(int n, int items, long seed) {
        Random rnd = new Random(seed);
        double[][] rows = new double[n][items];
        for (double[] r : rows) {
            double f = rnd.nextGaussian();
            for (int i = 0; i < items; i++) {
                r[i] = Math.max(1, Math.min(5, Math.round(3 + f + rnd.nextGaussian())));
            }
        }
        return rows;
    }

    private static StatisticsResults run(AnalysisLayout layout, double[][] rows) {
        StatisticsAccumulator acc = new StatisticsAccumulator(layout);
        for (double[] r : rows) {
            acc.add(r);
        }
        return acc.finish();
    }

    private static AnalysisLayout layout(List<String> columns, List<ConstructSpec> constructs,
                                         List<RegressionSpec> regressions, Integer efa) {
        return new AnalysisLayout(columns, constructs, regressions, List.of(), efa, 0.05);
    }

    @Test
    void twoItemConstructHasNoAlphaIfDeletedAndSmcIsRSquared() {
        double[][] rows = likert(200, 5, 1);
        StatisticsResults res = run(layout(List.of("a1", "a2", "a3", "b1", "b2"),
                List.of(new ConstructSpec("A", List.of("a1", "a2", "a3")), new ConstructSpec("B", List.of("b1", "b2"))),
                List.of(), 2), rows);
        ScaleReliability b = res.reliability().constructs().get("B");
        double r = res.correlations() == null ? 0 : pearson(rows, 3, 4);
        for (ItemTotal it : b.itemTotal()) {
            assertThat(it.alphaIfDeleted()).isNull();
            assertThat(it.squaredMultipleCorrelation()).isCloseTo(r * r, within(1e-12));
            // with two items the corrected item-total correlation is r itself
            assertThat(it.correctedItemTotalCorrelation()).isCloseTo(r, within(1e-12));
        }
        // standardized alpha of two items is the Spearman-Brown formula 2r/(1+r)
        assertThat(b.standardizedAlpha()).isCloseTo(2 * r / (1 + r), within(1e-12));
    }

    @Test
    void oneItemConstructIsARegressionTermWithoutReliabilityBlock() {
        double[][] rows = likert(150, 4, 2);
        StatisticsResults res = run(layout(List.of("a1", "a2", "a3", "s1"),
                List.of(new ConstructSpec("A", List.of("a1", "a2", "a3")), new ConstructSpec("S", List.of("s1"))),
                List.of(new RegressionSpec("A", List.of("S"))), null), rows);
        assertThat(res.reliability().constructs()).containsOnlyKeys("A");
        RegressionResult reg = res.regressions().get(0);
        assertThat(reg.coefficients()).extracting(RegressionResult.Coefficient::term).containsExactly("(Intercept)", "S");
        // simple regression: beta equals the correlation of the scores, VIF 1
        assertThat(reg.coefficients().get(1).beta()).isCloseTo(res.correlations().r().get(0).get(1), within(1e-12));
        assertThat(reg.coefficients().get(1).vif()).isCloseTo(1.0, within(1e-12));
        assertThat(res.descriptives().constructs().get(1).mean()).isCloseTo(res.descriptives().items().get(3).mean(),
                within(1e-15));
    }

    @Test
    void negativeAlphaIsReportedWithAWarningNamingTheItems() {
        double[][] rows = likert(300, 3, 3);
        for (double[] r : rows) {
            r[2] = 6 - r[2]; // item c coded the wrong way round
            r[1] = 6 - r[1];
        }
        StatisticsResults res = run(layout(List.of("a", "b", "c"),
                List.of(new ConstructSpec("X", List.of("a", "b", "c"))), List.of(), 1), rows);
        double alpha = res.reliability().constructs().get("X").alpha();
        assertThat(alpha).isNegative();
        assertThat(res.warnings()).anySatisfy(w -> assertThat(w).contains("construct 'X'").contains("negative")
                .contains("a").contains("reverse"));
    }

    @Test
    void kr20ForDichotomousItems() {
        // Hand computation (KR-20 = k/(k-1)·(1 - Σ p·q / σ²_total), population variances):
        // p = (.7, .6, .6, .3), Σpq = 9/10, σ²_total = 44/25, KR-20 = 4/3·(1 - (9/10)/(44/25)) = 43/66
        double[][] rows = {
            {1, 1, 1, 0}, {1, 1, 0, 0}, {1, 0, 1, 1}, {0, 0, 0, 0}, {1, 1, 1, 1},
            {0, 1, 0, 0}, {1, 1, 1, 0}, {0, 0, 1, 0}, {1, 1, 1, 1}, {1, 0, 0, 0}};
        StatisticsResults res = run(layout(List.of("q1", "q2", "q3", "q4"),
                List.of(new ConstructSpec("K", List.of("q1", "q2", "q3", "q4"))), List.of(), 1), rows);
        assertThat(res.reliability().constructs().get("K").alpha()).isCloseTo(43.0 / 66.0, within(1e-14));
        assertThat(res.reliability().overall().alpha()).isCloseTo(43.0 / 66.0, within(1e-14));
    }

    @Test
    void singularCorrelationMatrixGivesNullsWithReasonNeverNaN() {
        double[][] base = likert(120, 4, 4);
        double[][] rows = new double[base.length][];
        for (int i = 0; i < base.length; i++) {
            rows[i] = Arrays.copyOf(base[i], 5);
            rows[i][4] = base[i][0]; // duplicated item
        }
        StatisticsResults res = run(layout(List.of("a", "b", "c", "d", "a_copy"),
                List.of(new ConstructSpec("X", List.of("a", "b", "c", "d", "a_copy"))), List.of(), null), rows);
        assertThat(res.factorability().kmo()).isNull();
        assertThat(res.factorability().msa()).isNull();
        assertThat(res.factorability().bartlett()).isNull();
        assertThat(res.factorability().determinant()).isEqualTo(0.0);
        assertThat(res.factorability().reason()).contains("singular");
        ScaleReliability x = res.reliability().constructs().get("X");
        assertThat(x.itemTotal()).allSatisfy(it -> assertThat(it.squaredMultipleCorrelation()).isNull());
        assertThat(x.note()).contains("singular");
        assertNoNaN(Json.tree(res));
    }

    @Test
    void collinearRegressionTermsAreNamed() {
        Random rnd = new Random(5);
        double[][] rows = new double[100][4];
        for (double[] r : rows) {
            r[1] = rnd.nextInt(5) + 1;
            r[2] = rnd.nextInt(5) + 1;
            r[3] = r[1] + r[2];
            r[0] = r[1] + rnd.nextGaussian();
        }
        AnalysisLayout l = layout(List.of("y", "x1", "x2", "x3"), List.of(),
                List.of(new RegressionSpec("y", List.of("x1", "x2", "x3"))), null);
        assertThatThrownBy(() -> run(l, rows)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("collinear").hasMessageContaining("'x1'").hasMessageContaining("'x2'")
                .hasMessageContaining("'x3'");
    }

    @Test
    void constructScoreNextToAllItsItemsIsCollinearDespiteRounding() {
        double[][] rows = likert(200, 4, 6);
        AnalysisLayout l = layout(List.of("a1", "a2", "a3", "y"),
                List.of(new ConstructSpec("A", List.of("a1", "a2", "a3"))),
                List.of(new RegressionSpec("y", List.of("a1", "a2", "a3", "A"))), 1);
        assertThatThrownBy(() -> run(l, rows)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("collinear").hasMessageContaining("'A'");
    }

    @Test
    void moreComponentsThanItemsIsAnError() {
        double[][] rows = likert(50, 3, 7);
        AnalysisLayout l = layout(List.of("a", "b", "c"), List.of(new ConstructSpec("X", List.of("a", "b", "c"))),
                List.of(), 4);
        assertThatThrownBy(() -> run(l, rows)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("efaFactors").hasMessageContaining("3 items");
    }

    @Test
    void zeroVarianceColumnIsNamed() {
        double[][] rows = likert(40, 3, 8);
        for (double[] r : rows) {
            r[1] = 4;
        }
        AnalysisLayout l = layout(List.of("a", "b", "c"), List.of(new ConstructSpec("X", List.of("a", "b", "c"))),
                List.of(), null);
        assertThatThrownBy(() -> run(l, rows)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("'b'").hasMessageContaining("zero variance");
    }

    @Test
    void smallSamplesLeaveShapeStatisticsNull() {
        AnalysisLayout l = layout(List.of("a", "b"), List.of(), List.of(), null);
        StatisticsResults three = run(l, new double[][] {{1, 2}, {2, 5}, {4, 4}});
        assertThat(three.descriptives().items().get(0).skewness()).isNotNull();
        assertThat(three.descriptives().items().get(0).kurtosis()).isNull();
        assertThat(three.reliability()).isNull();
        assertThat(three.descriptives().constructs()).isNull();
        assertThatThrownBy(() -> run(l, new double[][] {{1, 2}})).isInstanceOf(AnalysisException.class);
    }

    @Test
    void exactFitHasNullFAndDurbinWatson() {
        double[][] rows = new double[20][2];
        for (int i = 0; i < rows.length; i++) {
            rows[i][1] = i % 7;
            rows[i][0] = 2 + 3 * rows[i][1];
        }
        StatisticsResults res = run(layout(List.of("y", "x"), List.of(), List.of(new RegressionSpec("y", List.of("x"))),
                null), rows);
        RegressionResult r = res.regressions().get(0);
        assertThat(r.coefficients().get(1).b()).isCloseTo(3.0, within(1e-14));
        assertThat(r.rSquared()).isCloseTo(1.0, within(1e-15));
        assertNoNaN(Json.tree(res));
    }

    private static double pearson(double[][] rows, int i, int j) {
        double mi = 0;
        double mj = 0;
        for (double[] r : rows) {
            mi += r[i];
            mj += r[j];
        }
        mi /= rows.length;
        mj /= rows.length;
        double sij = 0;
        double sii = 0;
        double sjj = 0;
        for (double[] r : rows) {
            sij += (r[i] - mi) * (r[j] - mj);
            sii += (r[i] - mi) * (r[i] - mi);
            sjj += (r[j] - mj) * (r[j] - mj);
        }
        return sij / Math.sqrt(sii * sjj);
    }

    static void assertNoNaN(Object tree) {
        if (tree instanceof Map<?, ?> m) {
            m.values().forEach(AwkwardDataTest::assertNoNaN);
        } else if (tree instanceof List<?> l) {
            l.forEach(AwkwardDataTest::assertNoNaN);
        } else if (tree instanceof Double d) {
            assertThat(d).isFinite();
        }
    }
}
