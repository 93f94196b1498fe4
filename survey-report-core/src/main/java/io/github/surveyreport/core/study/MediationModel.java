package io.github.surveyreport.core.study;

import java.util.List;
import java.util.Objects;

/**
 * A mediation model as Hayes' PROCESS model 4: {@code x} affects {@code y} directly and through
 * each mediator (several mediators are parallel), controlling for the covariates. Indirect
 * effects are tested with a percentile bootstrap (see {@link BootstrapSpec}).
 *
 * @param x          the independent term
 * @param mediators  the mediator terms, one or more
 * @param y          the dependent term
 * @param covariates terms entered in every equation; may be empty
 * @param where      where the study file declares it, or {@code null} when built in code
 */
public record MediationModel(String x, List<String> mediators, String y, List<String> covariates, String where)
        implements java.io.Serializable {
    public MediationModel {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        mediators = List.copyOf(mediators);
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
    }

    /** The model in arrow notation, e.g. {@code HR -> MA -> HD}. */
    @Override
    public String toString() {
        return x + " -> " + String.join(", ", mediators) + " -> " + y;
    }

    /** Models are equal when they say the same; where the study file declares them does not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MediationModel o && java.util.Objects.equals(x, o.x) && java.util.Objects.equals(mediators, o.mediators) && java.util.Objects.equals(y, o.y) && java.util.Objects.equals(covariates, o.covariates);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(x, mediators, y, covariates);
    }
}
