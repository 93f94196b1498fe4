package io.github.surveyreport.core.internal.stats.bootstrap;

import java.util.random.RandomGenerator;

/** TEMPORARY stub: replaced by the group-comparison branch (exact conditional binomials). */
public final class Multinomial {
    private Multinomial() {
    }

    public static void draw(RandomGenerator rng, long trials, long[] counts, long total, long[] out) {
        // stub: inversion by cumulative search per trial (slow, exact)
        java.util.Arrays.fill(out, 0);
        long[] cumulative = new long[counts.length];
        long s = 0;
        for (int i = 0; i < counts.length; i++) {
            s += counts[i];
            cumulative[i] = s;
        }
        for (long t = 0; t < trials; t++) {
            long u = rng.nextLong(total);
            int idx = java.util.Arrays.binarySearch(cumulative, u + 1);
            if (idx < 0) {
                idx = -idx - 1;
            }
            out[idx]++;
        }
    }
}
