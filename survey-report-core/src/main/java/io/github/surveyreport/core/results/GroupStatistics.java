package io.github.surveyreport.core.results;

/**
 * Descriptives of the outcome in one group.
 *
 * @param group the group's value as text (numbers as R prints them: {@code 1}, {@code 2.5})
 * @param n     cases in the group
 * @param mean  mean of the outcome
 * @param sd    sample standard deviation (n − 1); NaN (written as {@code null}) when n &lt; 2
 */
public record GroupStatistics(String group, long n, double mean, double sd) {
}
