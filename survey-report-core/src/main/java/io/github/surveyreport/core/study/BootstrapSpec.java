package io.github.surveyreport.core.study;

/**
 * The study file's {@code bootstrap} section: how indirect effects are tested. Percentile
 * intervals from resampled rows; the same seed gives the same intervals, on any machine and
 * whatever the number of threads.
 *
 * @param samples    number of resamples, at least {@value #MIN_SAMPLES}
 * @param seed       seed of the random number generator
 * @param confidence level of the intervals, e.g. 0.95
 */
public record BootstrapSpec(int samples, long seed, double confidence) implements java.io.Serializable {

    /** The fewest resamples accepted: fewer make the interval's ends themselves noisy. */
    public static final int MIN_SAMPLES = 1000;

    /** 5,000 resamples (PROCESS's default), seed 20240101, 95% intervals. */
    public static final BootstrapSpec DEFAULT = new BootstrapSpec(5000, 20240101L, 0.95);

    public BootstrapSpec {
        if (samples < MIN_SAMPLES) {
            throw new IllegalArgumentException("bootstrap samples " + samples + " is below " + MIN_SAMPLES);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("bootstrap confidence " + confidence + " must lie between 0 and 1");
        }
    }
}
