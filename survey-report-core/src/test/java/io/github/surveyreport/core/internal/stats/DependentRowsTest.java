package io.github.surveyreport.core.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * A part of the rows (a chunk of a parallel pass, or the start of a file) whose first rows
 * are linearly dependent, as Likert answers often are: the dependent row's rounding noise at
 * an empty pivot must not found a pivot. Every split into two merged parts must give the
 * regression of one pass.
 */
class DependentRowsTest {

    @Test
    void everySplitGivesTheOnePassRegression() {
        List<String> columns = List.of("y", "x1", "x2", "x3", "x4");
        AnalysisLayout layout = new AnalysisLayout(columns, List.of(),
                List.of(new AnalysisLayout.RegressionSpec("y", List.of("x1", "x2", "x3", "x4"))), List.of(), null, 0.05);
        Random random = new Random(3);
        int n = 385;
        double[][] rows = new double[n][5];
        double[] y = new double[n];
        double[][] x = new double[n][4];
        for (int r = 0; r < n; r++) {
            for (int i = 1; i < 5; i++) {
                rows[r][i] = 1 + random.nextInt(5);
                x[r][i - 1] = rows[r][i];
            }
            rows[r][0] = Math.round(0.3 * (rows[r][1] + rows[r][2] + rows[r][3] + rows[r][4]) + random.nextGaussian());
            y[r] = rows[r][0];
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double r2 = ols.calculateRSquared();
        for (int cut = 1; cut < n; cut++) {
            StatisticsAccumulator a = new StatisticsAccumulator(layout);
            StatisticsAccumulator b = new StatisticsAccumulator(layout);
            for (int r = 0; r < n; r++) {
                (r < cut ? a : b).add(rows[r]);
            }
            a.merge(b);
            assertThat(a.finish().regressions().get(0).rSquared()).as("split at " + cut).isCloseTo(r2, within(1e-12));
        }
    }
}
