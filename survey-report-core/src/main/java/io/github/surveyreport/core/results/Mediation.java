package io.github.surveyreport.core.results;

import java.util.List;

/**
 * A mediation model as Hayes' PROCESS model 4 (parallel mediators), estimated by OLS with
 * t tests; indirect effects with a percentile bootstrap.
 *
 * @param x                  the independent term
 * @param y                  the dependent term
 * @param mediators          the mediators
 * @param covariates         the covariates, entered in every equation
 * @param n                  rows (the listwise sample)
 * @param a                  per mediator: x → mediator, with the covariates
 * @param b                  per mediator: mediator → y, controlling for x, the other mediators and
 *                           the covariates
 * @param total              x → y with the covariates only (c)
 * @param direct             x → y controlling for the mediators and covariates (c′)
 * @param indirect           per mediator: aᵢ·bᵢ with its bootstrap standard error and interval
 * @param totalIndirect      the sum of the indirect effects
 * @param proportionMediated total indirect / total effect (the effect ratio, 中介效应占比);
 *                           {@code null} when the total effect is 0
 * @param distinctRows       distinct rows of (x, mediators, covariates, y) the bootstrap
 *                           resampled the counts of
 */
public record Mediation(String x, String y, List<String> mediators, List<String> covariates, long n,
                        List<MediatorPath> a, List<MediatorPath> b, PathEstimate total, PathEstimate direct,
                        List<IndirectEffect> indirect, BootstrapEstimate totalIndirect, Double proportionMediated,
                        long distinctRows) {
    public Mediation {
        mediators = List.copyOf(mediators);
        covariates = List.copyOf(covariates);
        a = List.copyOf(a);
        b = List.copyOf(b);
        indirect = List.copyOf(indirect);
    }

    /**
     * An OLS coefficient with its t test and 95% interval.
     *
     * @param b             the unstandardized coefficient
     * @param standardError its standard error
     * @param t             b / standardError
     * @param p             two-sided p value
     * @param lower         lower end of the 95% interval
     * @param upper         upper end of the 95% interval
     */
    public record PathEstimate(double b, double standardError, Double t, Double p, Double lower, Double upper) {
    }

    /** A path of one mediator ({@code a} or {@code b}), as {@link PathEstimate}. */
    public record MediatorPath(String mediator, double b, double standardError, Double t, Double p, Double lower,
                               Double upper) {
    }

    /**
     * An indirect effect through one mediator.
     *
     * @param mediator           the mediator
     * @param effect             aᵢ·bᵢ in the sample
     * @param bootStandardError  the standard deviation of the bootstrap estimates
     * @param lower              percentile interval's lower end (R's quantile type 6)
     * @param upper              its upper end
     */
    public record IndirectEffect(String mediator, double effect, double bootStandardError, double lower,
                                 double upper) {
    }

    /** The total indirect effect, as {@link IndirectEffect}. */
    public record BootstrapEstimate(double effect, double bootStandardError, double lower, double upper) {
    }
}
