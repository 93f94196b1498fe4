package io.github.surveyreport.core.results;

import java.util.List;

/**
 * Descriptive statistics as SPSS Descriptives computes them: SD with n - 1, skewness G1 and
 * excess kurtosis G2 with the small-sample correction.
 *
 * @param items      every analysed column: construct items in study order, then the other
 *                   regression columns
 * @param constructs every construct score (mean of its items after reverse coding);
 *                   {@code null} if the study has no constructs
 */
public record Descriptives(List<ItemDescriptives> items, List<ConstructDescriptives> constructs) {

    public Descriptives {
        items = List.copyOf(items);
        constructs = constructs == null ? null : List.copyOf(constructs);
    }

    /**
     * Descriptives of one analysed column.
     *
     * @param item     column name
     * @param n        number of (listwise complete) rows
     * @param mean     mean
     * @param sd       standard deviation (n - 1); {@code null} if n &lt; 2
     * @param min      smallest value
     * @param max      largest value
     * @param skewness SPSS skewness G1; {@code null} if n &lt; 3
     * @param kurtosis SPSS excess kurtosis G2; {@code null} if n &lt; 4
     */
    public record ItemDescriptives(String item, long n, double mean, Double sd, double min, double max,
                                   Double skewness, Double kurtosis) {
    }

    /**
     * Descriptives of one construct score; components as in {@link ItemDescriptives}.
     *
     * @param id       construct id
     * @param n        number of rows
     * @param mean     mean
     * @param sd       standard deviation (n - 1); {@code null} if n &lt; 2
     * @param min      smallest value
     * @param max      largest value
     * @param skewness SPSS skewness G1; {@code null} if n &lt; 3
     * @param kurtosis SPSS excess kurtosis G2; {@code null} if n &lt; 4
     */
    public record ConstructDescriptives(String id, long n, double mean, Double sd, double min, double max,
                                        Double skewness, Double kurtosis) {
    }
}
