package io.github.surveyreport.core.results;

import java.util.List;

/**
 * Frequencies of one demographic column over the analysed sample. For a multi-select column
 * each option counts the respondents who chose it, so percentages may add up past 100.
 *
 * @param column     the data column
 * @param label      its display text
 * @param multiple   whether answers are multi-select
 * @param categories the answers, in the study's {@code order} or by count, descending
 * @param missing    analysed respondents who left the column empty
 */
public record ProfileTable(String column, String label, boolean multiple, List<Category> categories, long missing) {
    public ProfileTable {
        categories = List.copyOf(categories);
    }

    /**
     * @param value   the answer
     * @param count   respondents who gave it
     * @param percent {@code 100 * count / n} of the analysed sample
     */
    public record Category(String value, long count, double percent) {
    }
}
