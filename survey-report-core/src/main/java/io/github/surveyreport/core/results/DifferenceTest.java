package io.github.surveyreport.core.results;

import java.util.List;

/**
 * The comparison of one outcome across the groups of a column: a {@link TwoGroupTest} for two
 * groups, an {@link AnovaTest} for more.
 */
public sealed interface DifferenceTest permits TwoGroupTest, AnovaTest {

    /** The outcome (construct id). */
    String outcome();

    /** Per-group descriptives, groups in ascending order of their values. */
    List<GroupStatistics> groups();

    /** Levene's test of equal variances, centred on the group means. */
    LeveneTest levene();
}
