package io.github.surveyreport.core.study;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
public record GroupComparison(String by, PostHoc posthoc, String where) {
    public GroupComparison {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(posthoc, "posthoc");
    }

    /** A comparison with Tukey's post hoc test. */
    public GroupComparison(String by) {
        this(by, PostHoc.TUKEY, null);
    }

    /** Post hoc pairwise comparisons after a one-way ANOVA, as SPSS offers them. */
    public enum PostHoc {
        /** Tukey's HSD (Tukey–Kramer for unequal groups), the default. */
        TUKEY("tukey"),
        /** Fisher's least significant difference (unadjusted t tests with the pooled variance). */
        LSD("lsd"),
        /** t tests with the pooled variance, p multiplied by the number of pairs. */
        BONFERRONI("bonferroni"),
        /** Games–Howell: no equal-variance assumption, Welch–Satterthwaite df per pair. */
        GAMES_HOWELL("games-howell");

        private final String key;

        PostHoc(String key) {
            this.key = key;
        }

        /** The study file's and results.json's name of the method. */
        public String key() {
            return key;
        }

        /** The method of a study-file name, case-insensitive. */
        public static Optional<PostHoc> of(String name) {
            String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (PostHoc method : values()) {
                if (method.key.equals(wanted)) {
                    return Optional.of(method);
                }
            }
            return Optional.empty();
        }
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
