package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.internal.stats.AnalysisLayout.ConstructSpec;
import io.github.surveyreport.core.results.Factorability;
import io.github.surveyreport.core.results.ScaleReliability;
import io.github.surveyreport.core.results.StatisticsResults;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Data at the edges of double precision (huge or tiny magnitudes, many items, fewer rows than
 * items) must end in results or in an {@link AnalysisException} that names the column and the
 * problem, never in a raw numerical library error or a misdiagnosis.
 */
class ExtremeNumericsTest {

    /** Continuous one-factor data: item = factor + noise·N(0,1), scaled. */
    private static double[][] oneFactor(int n, int items, double noise, double scale, long seed) {
        Random rnd = new Random(seed);
        double[][] rows = new double[n][items];
        for (double[] r : rows) {
            double f = rnd.nextGaussian();
            for (int i = 0; i < items; i++) {
                r[i] = (3 + f + noise * rnd.nextGaussian()) * scale;
            }
        }
        return rows;
    }

    private static List<String> names(int items) {
        List<String> names = new ArrayList<>(items);
        for (int i = 1; i <= items; i++) {
            names.add("q" + i);
        }
        return names;
    }

    private static AnalysisLayout oneConstruct(int items) {
        return new AnalysisLayout(names(items), List.of(new ConstructSpec("X", names(items))), List.of(), List.of(),
                null, 0.05);
    }

    private static StatisticsResults run(AnalysisLayout layout, double[][] rows) {
        StatisticsAccumulator acc = new StatisticsAccumulator(layout);
        for (double[] r : rows) {
            acc.add(r);
        }
        return acc.finish();
    }

    @Test
    void hugeValueIsAnAnalysisErrorNamingTheColumn() {
        double[][] rows = oneFactor(100, 5, 1, 1, 1);
        rows[17][2] = 1e308;
        assertThatThrownBy(() -> run(oneConstruct(5), rows)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("'q3'").hasMessageContaining("too large").hasMessageContaining("1.0E308")
                .hasMessageNotContaining("'q1'");
    }

    @Test
    void hugeMagnitudeIsNotDiagnosedAsConstant() {
        double[][] rows = oneFactor(100, 4, 1, 1e200, 2);
        assertThatThrownBy(() -> run(oneConstruct(4), rows)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("'q1'").hasMessageContaining("too large")
                .hasMessageNotContaining("same value").hasMessageNotContaining("zero variance");
    }

    @Test
    void tinyMagnitudeIsNotDiagnosedAsConstant() {
        double[][] rows = oneFactor(100, 4, 1, 1e-200, 3);
        assertThatThrownBy(() -> run(oneConstruct(4), rows)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("'q1'").hasMessageContaining("too small").hasMessageContaining("Rescale")
                .hasMessageNotContaining("same value").hasMessageNotContaining("zero variance");
    }

    /** sd about 1e-100: the variance is representable but the fourth moments (kurtosis) underflow. */
    @Test
    void magnitudeWhoseFourthMomentsUnderflowIsNamed() {
        double[][] rows = oneFactor(100, 4, 1, 1e-100, 4);
        assertThatThrownBy(() -> run(oneConstruct(4), rows)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("'q1'").hasMessageContaining("too small");
    }

    /** Values that differ only in their last bits relative to their size are not "the same value". */
    @Test
    void spreadBelowThePrecisionOfTheMeanIsNotCalledConstant() {
        double[][] rows = oneFactor(60, 3, 1, 1, 5);
        for (int i = 0; i < rows.length; i++) {
            rows[i][1] = 1e20 + (i % 2) * 16384; // adjacent doubles near 1e20
        }
        assertThatThrownBy(() -> run(oneConstruct(3), rows)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("'q2'").hasMessageContaining("precision")
                .hasMessageNotContaining("same value");
    }

    /** Guard: the fix must keep the genuine diagnosis, also at extreme magnitudes. */
    @Test
    void genuinelyConstantColumnsAreStillConstant() {
        for (double value : new double[] {4, 1e-200, 1e300, -7.5e-310}) {
            double[][] rows = oneFactor(40, 3, 1, 1, 6);
            for (double[] r : rows) {
                r[1] = value;
            }
            assertThatThrownBy(() -> run(oneConstruct(3), rows)).isInstanceOf(AnalysisException.class)
                    .hasMessageContaining("'q2'").hasMessageContaining("same value")
                    .hasMessageContaining("zero variance");
        }
    }

    @Test
    void fewerRowsThanItemsIsASampleSizeProblemNotADuplicate() {
        double[][] rows = oneFactor(8, 10, 1, 1, 7);
        StatisticsResults res = run(oneConstruct(10), rows);
        Factorability f = res.factorability();
        assertThat(f.kmo()).isNull();
        assertThat(f.bartlett()).isNull();
        assertThat(f.reason()).contains("8 complete rows").contains("10 items").doesNotContain("duplicate");
        ScaleReliability x = res.reliability().constructs().get("X");
        assertThat(x.note()).contains("8 complete rows").contains("10 items").doesNotContain("duplicate");
        AwkwardDataTest.assertNoNaN(Json.tree(res));
    }

    @Test
    void rowsEqualToItemsIsStillASampleSizeProblem() {
        double[][] rows = oneFactor(6, 6, 1, 1, 8);
        Factorability f = run(oneConstruct(6), rows).factorability();
        assertThat(f.reason()).contains("6 complete rows").contains("6 items").doesNotContain("duplicate");
    }

    /**
     * 300 strongly correlated items: |R| is about e^-900, below the smallest double, although R is
     * far from singular. Bartlett's chi-square must be finite and use ln|R| from the factorization.
     */
    @Test
    void manyItemsGiveAFiniteBartlettChiSquareAlthoughTheDeterminantUnderflows() {
        int p = 300;
        int n = 400;
        double[][] rows = oneFactor(n, p, 0.3, 1, 9);
        AnalysisLayout layout = new AnalysisLayout(names(p), List.of(new ConstructSpec("X", names(p))), List.of(),
                List.of(), 1, 0.05);
        StatisticsResults res = run(layout, rows);
        Factorability f = res.factorability();
        assertThat(f.reason()).isNull();
        assertThat(f.determinant()).isEqualTo(0.0); // underflows legitimately
        assertThat(f.bartlett().chiSquare()).isFinite().isPositive();

        // independent check: ln|R| = Σ ln λ from the eigenvalues
        double[][] corr = correlation(rows);
        double lnDet = 0;
        for (double v : new SymmetricEigen(corr).values) {
            lnDet += Math.log(v);
        }
        assertThat(lnDet).isLessThan(-745); // e^lnDet is 0 in double
        double expected = -(n - 1 - (2.0 * p + 5) / 6) * lnDet;
        assertThat(f.bartlett().chiSquare()).isCloseTo(expected, within(1e-9 * expected));
        assertThat(f.bartlett().df()).isEqualTo(p * (p - 1) / 2);
        AwkwardDataTest.assertNoNaN(Json.tree(res));
    }

    @Test
    void logDeterminantFromTheFactorizationEqualsLogOfTheDeterminant() {
        double[][] r = correlation(oneFactor(50, 6, 1, 1, 10));
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(r, true), 0.0);
        double reference = Math.log(lu.getDeterminant());
        assertThat(FactorabilityAnalysis.logDeterminant(lu)).isCloseTo(reference, within(1e-12 * Math.abs(reference)));
    }

    @Test
    void numericalLibraryFailuresBecomeAnalysisErrorsNamingAnalysisAndColumns() {
        MaxCountExceededException raw = new MaxCountExceededException(30);
        assertThatThrownBy(() -> NumericalFailure.guard("principal components", List.of("a", "b"), () -> {
            throw raw;
        })).isInstanceOf(AnalysisException.class).hasMessageContaining("principal components")
                .hasMessageContaining("'a', 'b'").hasCause(raw);
        ArithmeticException arith = new ArithmeticException("/ by zero");
        assertThatThrownBy(() -> NumericalFailure.guard("varimax rotation", List.of("a"), () -> {
            throw arith;
        })).isInstanceOf(AnalysisException.class).hasMessageContaining("varimax").hasCause(arith);
        // errors are never hidden
        StackOverflowError error = new StackOverflowError();
        assertThatThrownBy(() -> NumericalFailure.guard("reliability", List.of("a"), () -> {
            throw error;
        })).isSameAs(error);
    }

    @Test
    void longColumnListsAreAbbreviatedInMessages() {
        assertThatThrownBy(() -> NumericalFailure.guard("principal components", names(40), () -> {
            throw new MaxCountExceededException(30);
        })).isInstanceOf(AnalysisException.class).hasMessageContaining("'q1'").hasMessageContaining("40 in all")
                .hasMessageNotContaining("'q40'");
    }

    private static double[][] correlation(double[][] rows) {
        int p = rows[0].length;
        CoMoments m = new CoMoments(p, false);
        for (double[] r : rows) {
            m.add(r);
        }
        int[] idx = new int[p];
        for (int i = 0; i < p; i++) {
            idx[i] = i;
        }
        return m.correlation(idx);
    }
}
