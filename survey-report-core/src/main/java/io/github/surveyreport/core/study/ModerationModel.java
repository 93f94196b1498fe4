package io.github.surveyreport.core.study;

import java.util.List;
import java.util.Objects;

/**
 * A moderation model as Hayes' PROCESS model 1, without centring: {@code y} on {@code x},
 * {@code moderator}, their product and the covariates; conditional effects of {@code x} at the
 * moderator's mean and ± one SD, and the Johnson–Neyman points.
 *
 * @param x           the focal predictor
 * @param moderator   the moderator; a column listed in {@code categorical} must have two
 *                    categories (coded 0 for the first, 1 for the second)
 * @param y           the dependent term
 * @param covariates  additional terms; may be empty
 * @param categorical whether the moderator is categorical (two categories)
 * @param where       where the study file declares it, or {@code null} when built in code
 */
public record ModerationModel(String x, String moderator, String y, List<String> covariates, boolean categorical,
                              String where) implements java.io.Serializable {
    public ModerationModel {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(y, "y");
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
    }

    /** A model with a numeric moderator. */
    public ModerationModel(String x, String moderator, String y, List<String> covariates) {
        this(x, moderator, y, covariates, false, null);
    }

    /** The model as the hypotheses write it, e.g. {@code PS x PO -> HD}. */
    @Override
    public String toString() {
        return x + " x " + moderator + " -> " + y;
    }

    /** Models are equal when they say the same; where the study file declares them does not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ModerationModel o && java.util.Objects.equals(x, o.x) && java.util.Objects.equals(moderator, o.moderator) && java.util.Objects.equals(y, o.y) && java.util.Objects.equals(covariates, o.covariates) && java.util.Objects.equals(categorical, o.categorical);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(x, moderator, y, covariates, categorical);
    }
}
