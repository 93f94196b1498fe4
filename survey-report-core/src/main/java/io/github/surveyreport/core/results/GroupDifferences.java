package io.github.surveyreport.core.results;

import java.util.List;
import java.util.Map;

/**
 * Differences of the construct scores between the groups of one column ({@code differences}
 * entry of the study file).
 *
 * @param by    the grouping column
 * @param n     rows of the listwise sample with a value in {@code by} (the rows compared)
 * @param tests one test per construct score, in study order
 * @param groupLabels the data file's value labels of the groups (an SPSS file's {@code 1 = 男}),
 *              by group; empty when the file has none
 */
public record GroupDifferences(String by, long n, List<DifferenceTest> tests, Map<String, String> groupLabels) {

    public GroupDifferences {
        tests = List.copyOf(tests);
        groupLabels = groupLabels == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groupLabels));
    }

    /** Differences of groups without value labels. */
    public GroupDifferences(String by, long n, List<DifferenceTest> tests) {
        this(by, n, tests, Map.of());
    }

    /** The label of a group: its value label, else the group as the data show it. */
    public String label(String group) {
        return groupLabels.getOrDefault(group, group);
    }
}
