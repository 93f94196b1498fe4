package io.github.surveyreport.core.study;

import java.util.Objects;

/**
 * The study file's {@code differences} entry: every construct score compared across the groups
 * of one column (two groups: Student's and Welch's t tests; three or more: one-way ANOVA,
 * Welch's F and a post hoc test), with Levene's test of equal variances.
 *
 * @param by      the grouping column; its missing values leave only this comparison
 * @param posthoc the post hoc method for three or more groups
 * @param where   where the study file declares it ({@code line 12, differences[1]}), or
 *                {@code null} when built in code
 */
public record GroupComparison(String by, PostHocMethod posthoc, String where) implements java.io.Serializable {
    public GroupComparison {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(posthoc, "posthoc");
    }

    /** A comparison with Tukey's post hoc test. */
    public GroupComparison(String by) {
        this(by, PostHocMethod.TUKEY, null);
    }

    /** Models are equal when they say the same; where the study file declares them does not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof GroupComparison o && java.util.Objects.equals(by, o.by) && java.util.Objects.equals(posthoc, o.posthoc);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(by, posthoc);
    }
}
