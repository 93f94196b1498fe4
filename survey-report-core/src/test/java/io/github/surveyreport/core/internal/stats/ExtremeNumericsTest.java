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
