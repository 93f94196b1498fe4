package io.github.surveyreport.core.internal.stats.groups;

import java.util.Locale;
import java.util.Optional;

/** The post hoc comparison of a one-way ANOVA, as the study file names it. */
public enum PostHocMethod {
    /** Tukey's HSD (Tukey–Kramer for unequal groups), studentized range with the ANOVA's MSE. */
    TUKEY("tukey"),
    /** Fisher's least significant difference: unadjusted t tests with the ANOVA's MSE. */
    LSD("lsd"),
    /** LSD with p × number of pairs (capped at 1) and intervals at α / pairs. */
    BONFERRONI("bonferroni"),
    /** Games–Howell: studentized range with each pair's own variances and Welch df. */
    GAMES_HOWELL("games-howell");

    private final String key;

    PostHocMethod(String key) {
        this.key = key;
    }

    /** The study-file and JSON name: {@code tukey}, {@code lsd}, {@code bonferroni}, {@code games-howell}. */
    public String key() {
        return key;
    }

    /** The method of a study-file name (case-insensitive, surrounding blanks ignored); empty if unknown. */
    public static Optional<PostHocMethod> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (PostHocMethod m : values()) {
            if (m.key.equals(wanted)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
