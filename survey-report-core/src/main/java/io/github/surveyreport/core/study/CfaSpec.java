package io.github.surveyreport.core.study;

import java.util.Objects;

/**
 * The study file's {@code cfa} section: a confirmatory factor analysis of the constructs (every
 * construct with two or more items a factor, factors correlated, the first item's loading fixed
 * to 1), and the one-factor comparison of the common-method check.
 *
 * @param likelihood how the covariance matrix and χ² are scaled
 */
public record CfaSpec(Likelihood likelihood) implements java.io.Serializable {

    /** {@code cfa: {likelihood: wishart}}, the default. */
    public static final CfaSpec DEFAULT = new CfaSpec(Likelihood.WISHART);

    public CfaSpec {
        Objects.requireNonNull(likelihood, "likelihood");
    }

    /** The likelihood of the ML estimation. */
    public enum Likelihood {
        /** Covariances divided by N − 1 and χ² = (N − 1)·F_ML, as AMOS (the default). */
        WISHART,
        /** Covariances divided by N and χ² = N·F_ML, as lavaan's default. */
        NORMAL
    }
}
