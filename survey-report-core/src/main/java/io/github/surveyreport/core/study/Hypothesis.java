package io.github.surveyreport.core.study;

import java.util.Objects;

/**
 * A directed hypothesis {@code from -> to}, tested by the coefficient of {@code from} in the
 * regression whose dependent term is {@code to}.
 *
 * @param id   e.g. {@code H1}
 * @param from the predictor term
 * @param to   the dependent term
 * @param sign the expected sign of the effect
 * @param text the hypothesis as stated in the paper, or {@code null}
 */
public record Hypothesis(String id, String from, String to, Sign sign, String text) {
    public Hypothesis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(sign, "sign");
    }

    /** The expected direction of an effect. */
    public enum Sign {
        POSITIVE,
        NEGATIVE
    }
}
