package io.github.surveyreport.core.results;

/**
 * One quality check of the gate: a statistic of one subject (construct, item, regression or
 * hypothesis) compared with its limit.
 *
 * @param name    the threshold's name, e.g. {@code minAlpha}
 * @param subject what was checked, e.g. {@code PO}, {@code PO3}, {@code HD ~ HR + PS}, {@code H1}
 * @param value   the statistic, or {@code null} when it could not be computed
 * @param limit   the limit it was compared with ({@code null} for a yes/no check)
 * @param passed  whether the check passed
 * @param message the check in words, e.g. {@code Reliability of PO (政策扶持力度): Cronbach's alpha .612 is
 *                below the minimum .70 (minAlpha)}
 */
public record Check(String name, String subject, Double value, Double limit, boolean passed, String message) {
}
