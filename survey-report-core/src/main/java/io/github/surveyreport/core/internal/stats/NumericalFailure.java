package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.AnalysisException;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.MathRuntimeException;

import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a numerical failure inside one analysis (Commons Math not converging, a singular
 * matrix its solver refuses, an {@link ArithmeticException}) into an {@link AnalysisException}
 * that names the analysis and its columns. The input checks in
 * {@link StatisticsAccumulator#finish()} are meant to make such failures impossible; this is
 * the net under them, so that an embedder never sees a library exception without a column name.
 *
 * <p>Only the library's runtime exceptions are translated. {@link Error}s pass through (they
 * are not input problems), and so does every {@link AnalysisException} an analysis throws itself.
 */
final class NumericalFailure {

    /** Columns named in a message before the rest are only counted. */
    static final int NAMED_COLUMNS = 10;

    private NumericalFailure() {
    }

    /**
     * Runs one analysis.
     *
     * @param analysis what is computed, as the message should name it ("principal components
     *                 analysis of the construct items", "regression y ~ x")
     * @param columns  the columns (or construct scores) the analysis uses
     * @param body     the analysis
     * @throws AnalysisException if {@code body} fails numerically; the cause is the library's exception
     */
    static <T> T guard(String analysis, List<String> columns, Supplier<T> body) {
        try {
            return body.get();
        } catch (MathIllegalStateException | MathIllegalArgumentException | MathRuntimeException
                 | ArithmeticException e) {
            throw new AnalysisException("The " + analysis + " failed numerically (" + e.getMessage() + ") on "
                    + describe(columns) + ". This happens with extreme values or with items that are nearly "
                    + "copies of each other; check these columns for outliers, wrong units or data-entry errors, "
                    + "or analyse fewer items.", e);
        }
    }

    /** 'a', 'b', 'c' — or the first {@value #NAMED_COLUMNS} and a count, for long lists. */
    static String describe(List<String> columns) {
        int shown = Math.min(columns.size(), NAMED_COLUMNS);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : ", ").append('\'').append(columns.get(i)).append('\'');
        }
        if (shown < columns.size()) {
            s.append(" and ").append(columns.size() - shown).append(" more (").append(columns.size())
                    .append(" in all)");
        }
        return s.toString();
    }
}
