package io.github.surveyreport.core.results;

import java.util.List;

/**
 * Differences of the construct scores between the groups of one column ({@code differences}
 * entry of the study file).
 *
 * @param by    the grouping column
 * @param n     rows of the listwise sample with a value in {@code by} (the rows compared)
 * @param tests one test per construct score, in study order
 */
public record GroupDifferences(String by, long n, List<DifferenceTest> tests) {

    public GroupDifferences {
        tests = List.copyOf(tests);
    }
}
