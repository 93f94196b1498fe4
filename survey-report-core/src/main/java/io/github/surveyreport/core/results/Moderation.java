package io.github.surveyreport.core.results;

import java.util.List;

/**
 * A moderation model as Hayes' PROCESS model 1 (no centring): {@code y} on {@code x}, the
 * moderator W, their product and the covariates.
 *
 * @param x              the focal predictor
 * @param moderator      the moderator
 * @param y              the dependent term
 * @param covariates     the covariates
 * @param n              rows
 * @param rSquared       R² of the model
 * @param f              the model's F
 * @param dfRegression   its numerator df
 * @param dfResidual     its denominator df
 * @param p              its p value
 * @param coefficients   the whole coefficient table (intercept, x, W, x·W, covariates)
 * @param effects        the coefficients of x, W and the product
 * @param rSquaredChange ΔR² of the product term
 * @param fChange        its F
 * @param df1            1
 * @param df2            the residual df
 * @param pChange        its p (equal to the product term's t test)
 * @param simpleSlopes   the conditional effect of x at W = mean − SD, mean, mean + SD (SD with
 *                       n − 1), or at the two categories of a categorical moderator
 * @param johnsonNeyman  the values of W within its observed range at which the conditional
 *                       effect's two-sided p equals the significance level (.05), ascending;
 *                       empty when there are none (or the moderator is categorical)
 * @param moderatorMin   the smallest observed W
 * @param moderatorMax   the largest observed W
 */
public record Moderation(String x, String moderator, String y, List<String> covariates, long n, double rSquared,
                         Double f, int dfRegression, int dfResidual, Double p,
                         List<RegressionResult.Coefficient> coefficients, Effects effects, double rSquaredChange,
                         Double fChange, int df1, int df2, Double pChange, List<SimpleSlope> simpleSlopes,
                         List<Double> johnsonNeyman, double moderatorMin, double moderatorMax) {
    public Moderation {
        covariates = List.copyOf(covariates);
        coefficients = List.copyOf(coefficients);
        simpleSlopes = List.copyOf(simpleSlopes);
        johnsonNeyman = List.copyOf(johnsonNeyman);
    }

    /** The coefficients of x, the moderator and their product. */
    public record Effects(Mediation.PathEstimate x, Mediation.PathEstimate moderator,
                          Mediation.PathEstimate interaction) {
    }

    /**
     * The effect of x at one value of the moderator: b_x + b_xw·w.
     *
     * @param moderatorValue w
     * @param effect         the conditional effect
     * @param standardError  its standard error
     * @param t              effect / standardError
     * @param p              two-sided p
     * @param lower          95% interval's lower end
     * @param upper          its upper end
     */
    public record SimpleSlope(double moderatorValue, double effect, double standardError, double t, double p,
                              double lower, double upper) {
    }
}
