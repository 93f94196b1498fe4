package io.github.surveyreport.core.study;

import java.util.Objects;

/**
 * A directed hypothesis and the claim the manuscript makes about it. Three kinds:
 * <ul>
 *   <li>{@link Kind#PATH} {@code from -> to}: the coefficient of {@code from} in the regression
 *       whose dependent term is {@code to};</li>
 *   <li>{@link Kind#INDIRECT} {@code from -> via -> to}: the indirect effect through mediator
 *       {@code via} in the mediation of {@code from} on {@code to}, supported when its bootstrap
 *       interval excludes 0 on the expected side;</li>
 *   <li>{@link Kind#INTERACTION} {@code from x via -> to}: the product term of the moderation
 *       of {@code from} by {@code via} on {@code to}.</li>
 * </ul>
 *
 * @param id       e.g. {@code H1}
 * @param kind     what the hypothesis is tested by
 * @param from     the predictor term (x)
 * @param via      the mediator (indirect) or moderator (interaction); {@code null} for a path
 * @param to       the dependent term
 * @param sign     the expected sign of the effect
 * @param expected what the manuscript reports: {@code true} for supported (the default),
 *                 {@code false} for not supported; the quality gate checks that claim
 * @param text     the hypothesis as stated in the paper, or {@code null}
 */
public record Hypothesis(String id, Kind kind, String from, String via, String to, Sign sign, boolean expected,
                         String text) implements java.io.Serializable {
    public Hypothesis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(sign, "sign");
        if ((kind == Kind.PATH) != (via == null)) {
            throw new IllegalArgumentException("a " + kind + " hypothesis " + (via == null ? "needs" : "has no") + " via");
        }
    }

    /** A path hypothesis the paper reports as supported. */
    public Hypothesis(String id, String from, String to, Sign sign, String text) {
        this(id, Kind.PATH, from, null, to, sign, true, text);
    }

    /** The hypothesis in the study file's notation: {@code A -> B}, {@code A -> M -> B}, {@code A x W -> B}. */
    public String notation() {
        return switch (kind) {
            case PATH -> from + " -> " + to;
            case INDIRECT -> from + " -> " + via + " -> " + to;
            case INTERACTION -> from + " x " + via + " -> " + to;
        };
    }

    /** The expected direction of an effect. */
    public enum Sign {
        POSITIVE,
        NEGATIVE
    }

    /** Which analysis tests the hypothesis. */
    public enum Kind {
        /** A regression coefficient. */
        PATH,
        /** An indirect effect of a mediation. */
        INDIRECT,
        /** The product term of a moderation. */
        INTERACTION
    }
}
