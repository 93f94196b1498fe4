package io.github.surveyreport.core.results;

/**
 * How the indirect effects were bootstrapped, so that a reader (and a rerun) can reproduce them.
 *
 * @param samples    resamples drawn
 * @param seed       seed of the random number generator
 * @param confidence level of the intervals
 * @param method     {@code percentile} (intervals from the bootstrap distribution's quantiles,
 *                   R's type 6, as PROCESS)
 * @param resampling {@code rows}: each resample draws n rows with replacement, done exactly by
 *                   drawing multinomial counts of the distinct rows
 * @param generator  the random number generator and how resamples get their streams
 */
public record BootstrapRun(int samples, long seed, double confidence, String method, String resampling,
                           String generator) {
}
