package io.github.surveyreport.core.results;

/**
 * The verdict on one directional hypothesis {@code from -> to}: the coefficient of
 * {@code from} in the regression whose dependent is {@code to}.
 *
 * @param id        hypothesis id
 * @param from      predictor term
 * @param to        dependent term
 * @param beta      standardized coefficient of {@code from}
 * @param p         its two-sided p value; {@code null} if undefined (exact fit)
 * @param supported {@code p < alpha} and the sign of {@code beta} is the expected one
 */
public record HypothesisResult(String id, String from, String to, double beta, Double p, boolean supported) {
}
