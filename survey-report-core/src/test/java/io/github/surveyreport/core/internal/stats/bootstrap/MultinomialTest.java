package io.github.surveyreport.core.internal.stats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link Multinomial#draw}: sums, per-cell means and variances, edge cases, and a timing printout. */
class MultinomialTest {

    @Test
    void cellsHaveMultinomialMoments() {
        SplittableRandom rng = new SplittableRandom(42);
        long[] counts = {1, 0, 5, 17, 300, 2, 0, 1000, 64, 3};
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        long trials = 1392;
        int reps = 50_000;
        double[] sum = new double[counts.length];
        double[] sum2 = new double[counts.length];
        long[] out = new long[counts.length];
        for (int r = 0; r < reps; r++) {
            Multinomial.draw(rng, trials, counts, total, out);
            long s = 0;
            for (int i = 0; i < counts.length; i++) {
                s += out[i];
                sum[i] += out[i];
                sum2[i] += (double) out[i] * out[i];
            }
            assertThat(s).isEqualTo(trials);
        }
        for (int i = 0; i < counts.length; i++) {
            double pi = (double) counts[i] / total;
            double mean = trials * pi;
            double var = trials * pi * (1 - pi);
            double m = sum[i] / reps;
            double v = sum2[i] / reps - m * m;
            if (counts[i] == 0) {
                assertThat(sum[i]).isZero();
                continue;
            }
            assertThat(Math.abs(m - mean)).as("cell %d mean %s vs %s", i, m, mean).isLessThan(5 * Math.sqrt(var / reps));
            // var of the sample variance ≈ 2σ⁴/reps for near-normal cells, plus the excess kurtosis term
            double kurt = (1 - 6 * pi * (1 - pi)) / var;
            double sdVar = var * Math.sqrt((2 + kurt) / reps);
            assertThat(Math.abs(v - var)).as("cell %d variance %s vs %s", i, v, var).isLessThan(5 * sdVar + 1e-12);
        }
    }

    @Test
    void edgeCases() {
        SplittableRandom rng = new SplittableRandom(1);
        long[] out = new long[3];
        Multinomial.draw(rng, 0, new long[] {1, 2, 3}, 6, out);
        assertThat(out).containsExactly(0, 0, 0);
        Multinomial.draw(rng, 10, new long[] {0, 5, 0}, 5, out);
        assertThat(out).containsExactly(0, 10, 0);
        assertThatThrownBy(() -> Multinomial.draw(rng, 10, new long[] {1, 2, 3}, 7, new long[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timing() {
        SplittableRandom rng = new SplittableRandom(2026);
        int cells = 2000;
        long[] counts = new long[cells];
        long total = 0;
        for (int i = 0; i < cells; i++) {
            counts[i] = 1 + rng.nextInt(1000);
            total += counts[i];
        }
        long trials = 1_000_000;
        long[] out = new long[cells];
        for (int i = 0; i < 3000; i++) { // warm-up
            Multinomial.draw(rng, trials, counts, total, out);
        }
        int reps = 3000;
        long t0 = System.nanoTime();
        long check = 0;
        for (int i = 0; i < reps; i++) {
            Multinomial.draw(rng, trials, counts, total, out);
            check += out[i % cells];
        }
        double ms = (System.nanoTime() - t0) / 1e6 / reps;
        System.out.printf("Multinomial over %d cells, %d trials: %.4f ms per draw (checksum %d)%n", cells, trials, ms, check);
        assertThat(ms).as("generous bound; the target is 0.1 ms").isLessThan(50);
    }
}
