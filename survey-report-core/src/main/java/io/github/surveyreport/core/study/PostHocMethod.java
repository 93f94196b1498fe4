package io.github.surveyreport.core.study;

import java.util.Locale;
import java.util.Optional;

/** The post hoc comparisons after a one-way ANOVA, as SPSS offers them and the study file names them. */
public enum PostHocMethod {
    /** Tukey's HSD (Tukey–Kramer for unequal groups): studentized range with the ANOVA's MSE; the default. */
    TUKEY("tukey"),
    /** Fisher's least significant difference: unadjusted t tests with the ANOVA's MSE. */
    LSD("lsd"),
    /** LSD with p × number of pairs (capped at 1) and intervals at α / pairs. */
    BONFERRONI("bonferroni"),
    /** Games–Howell: studentized range with each pair's own variances and Welch–Satterthwaite df. */
    GAMES_HOWELL("games-howell");

    private final String key;

    PostHocMethod(String key) {
        this.key = key;
    }

    /** The study file's and results.json's name: {@code tukey}, {@code lsd}, {@code bonferroni}, {@code games-howell}. */
    public String key() {
        return key;
    }

    /** The method of a study-file name (case-insensitive, blanks around it and {@code _} for {@code -} allowed); empty if unknown. */
    public static Optional<PostHocMethod> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (PostHocMethod method : values()) {
            if (method.key.equals(wanted)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
