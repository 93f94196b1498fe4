package io.github.surveyreport.core.internal.stats.bootstrap;

import java.util.random.RandomGenerator;

/**
 * Exact multinomial variates by conditional binomials: cell i receives
 * Binomial(trials left, counts[i] / total left). A bootstrap over the distinct rows of a data set
 * draws how often each distinct row (with its count) appears in a resample this way, in time
 * proportional to the number of distinct rows rather than the number of cases.
 */
public final class Multinomial {

    private Multinomial() {
    }

    /**
     * Fills {@code out[i]} with a Multinomial(trials, counts[i] / total) draw; the entries sum to
     * {@code trials}.
     *
     * @param rng    the source of uniforms
     * @param trials number of trials, ≥ 0
     * @param counts non-negative cell weights
     * @param total  their sum (&gt; 0 when trials &gt; 0)
     * @param out    receives the draw; at least as long as {@code counts}
     */
    public static void draw(RandomGenerator rng, long trials, long[] counts, long total, long[] out) {
        if (trials < 0 || out.length < counts.length) {
            throw new IllegalArgumentException("trials " + trials + ", " + counts.length + " cells, out " + out.length);
        }
        long left = trials;
        long weight = total;
        for (int i = 0; i < counts.length; i++) {
            long c = counts[i];
            if (c < 0 || c > weight) {
                throw new IllegalArgumentException("counts do not sum to total " + total);
            }
            long x;
            if (left == 0 || c == 0) {
                x = 0;
            } else if (c == weight) {
                x = left;
            } else {
                x = Binomial.draw(rng, left, (double) c / (double) weight);
            }
            out[i] = x;
            left -= x;
            weight -= c;
        }
        if (left != 0 || weight != 0) {
            throw new IllegalArgumentException("counts do not sum to total " + total);
        }
    }
}
