package io.github.surveyreport.core.results;

import java.util.List;

/**
 * One OLS regression with intercept (SPSS Regression: Model Summary, ANOVA, Coefficients).
 *
 * @param dependent               the dependent term (construct id or column)
 * @param predictors              the predictor terms, in study order
 * @param n                       number of rows
 * @param r                       multiple correlation
 * @param rSquared                R²
 * @param adjustedRSquared        adjusted R²
 * @param standardErrorOfEstimate residual standard deviation, sqrt(SSE / dfResidual)
 * @param durbinWatson            Durbin-Watson statistic of the residuals in file order;
 *                                {@code null} if the fit is exact (SSE = 0)
 * @param f                       F statistic; {@code null} if the fit is exact
 * @param dfRegression            number of predictors
 * @param dfResidual              n - number of predictors - 1
 * @param p                       upper-tail probability of {@code f}; {@code null} if the fit
 *                                is exact
 * @param sumOfSquaresRegression  regression sum of squares
 * @param sumOfSquaresResidual    residual sum of squares
 * @param sumOfSquaresTotal       total (corrected) sum of squares
 * @param coefficients            the intercept {@code "(Intercept)"} first, then one per predictor
 *                                (a categorical predictor has one per category but the first,
 *                                named {@code column = value})
 * @param fSquared                Cohen's f² = R² / (1 − R²); {@code null} for an exact fit
 * @param steps                   the steps of a hierarchical regression (one per block), or
 *                                {@code null} for an ordinary regression; the last step is the
 *                                model above
 * @param note                    why a value of this block is {@code null}, else {@code null}
 */
public record RegressionResult(
        String dependent,
        List<String> predictors,
        long n,
        double r,
        double rSquared,
        double adjustedRSquared,
        double standardErrorOfEstimate,
        Double durbinWatson,
        Double f,
        int dfRegression,
        int dfResidual,
        Double p,
        double sumOfSquaresRegression,
        double sumOfSquaresResidual,
        double sumOfSquaresTotal,
        List<Coefficient> coefficients,
        Double fSquared,
        List<Step> steps,
        String note) {

    /** The term name of the intercept in {@link #coefficients}. */
    public static final String INTERCEPT = "(Intercept)";

    public RegressionResult {
        predictors = List.copyOf(predictors);
        coefficients = List.copyOf(coefficients);
        steps = steps == null ? null : List.copyOf(steps);
    }

    /**
     * One step of a hierarchical regression: the model with the terms of the blocks so far, and
     * the change from the previous step ({@code anova(previous, step)} in R; the first step is
     * compared with the intercept-only model).
     *
     * @param terms            the model's terms so far, as the study names them
     * @param rSquared         R²
     * @param adjustedRSquared adjusted R²
     * @param f                the model's F; {@code null} if the fit is exact
     * @param dfRegression     its numerator df (coefficients but the intercept)
     * @param dfResidual       its denominator df
     * @param p                its p value
     * @param fSquared         Cohen's f² = R² / (1 − R²)
     * @param rSquaredChange   ΔR² from the previous step
     * @param fChange          F of the change
     * @param df1              coefficients added by this step
     * @param df2              residual df of this step
     * @param pChange          p of the change
     * @param coefficients     the coefficient table of this step
     */
    public record Step(List<String> terms, double rSquared, double adjustedRSquared, Double f, int dfRegression,
                       int dfResidual, Double p, Double fSquared, double rSquaredChange, Double fChange, int df1,
                       int df2, Double pChange, List<Coefficient> coefficients) {
        public Step {
            terms = List.copyOf(terms);
            coefficients = List.copyOf(coefficients);
        }
    }

    /**
     * One row of SPSS's Coefficients table.
     *
     * @param term          {@code "(Intercept)"} or a predictor term
     * @param b             unstandardized coefficient
     * @param standardError its standard error
     * @param t             b / standardError; {@code null} if the standard error is 0
     * @param p             two-sided p value of {@code t}; {@code null} if {@code t} is
     * @param lower         lower end of the 95% confidence interval of {@code b}
     * @param upper         upper end of the 95% confidence interval of {@code b}
     * @param beta          standardized coefficient b·sd(x)/sd(y); {@code null} for the intercept
     * @param vif           variance inflation factor 1/(1 - R²ⱼ); {@code null} for the intercept
     * @param tolerance     1/vif; {@code null} for the intercept
     */
    public record Coefficient(String term, double b, double standardError, Double t, Double p, Double lower,
                              Double upper, Double beta, Double vif, Double tolerance) {
    }
}
