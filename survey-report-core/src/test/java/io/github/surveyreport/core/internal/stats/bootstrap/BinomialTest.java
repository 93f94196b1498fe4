package io.github.surveyreport.core.internal.stats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Binomial#draw}: chi-square goodness of fit against the exact pmf (Commons Math's
 * {@code BinomialDistribution.probability}, Loader's saddle-point form), with cells of expected
 * count below 5 pooled into the tails. Seeded, so deterministic; each case must have a
 * goodness-of-fit p above 1e-4 (a correct sampler fails that with probability 1e-4 per case,
 * and with the fixed seeds the outcome is fixed).
 */
class BinomialTest {

    private static final int DRAWS = 200_000;

    @ParameterizedTest(name = "Binomial({0}, {1})")
    @CsvSource({
        "10, 0.3",        // inversion
        "1000, 0.001",    // inversion, n·p = 1
        "1000000, 0.37",  // BTRS, wide support
        "50, 0.99",       // symmetric: 50 − Binomial(50, 0.01)
        "40, 0.5",        // BTRS at n·p = 20
        "100, 0.1",       // BTRS at its limit n·p = 10
        "99, 0.1",        // inversion just below it
        "1000, 0.5",
        "5000, 0.997",    // symmetric BTRS: n·(1 − p) = 15
        "1000000000, 0.00000001", // huge n, inversion
    })
    void fitsTheExactDistribution(long n, double p) {
        SplittableRandom rng = new SplittableRandom(n * 31 + Double.hashCode(p));
        long[] sample = new long[DRAWS];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < DRAWS; i++) {
            long x = Binomial.draw(rng, n, p);
            assertThat(x).isBetween(0L, n);
            sample[i] = x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double pValue = chiSquareP(sample, n, p);
        System.out.printf("Binomial(%d, %s): goodness-of-fit p = %.4f%n", n, p, pValue);
        assertThat(pValue).isGreaterThan(1e-4);
    }

    /** Chi-square test over k in [lo, hi] with tail cells pooled so every expected count ≥ 5. */
    private static double chiSquareP(long[] sample, long n, double p) {
        int ni = (int) Math.min(n, Integer.MAX_VALUE);
        BinomialDistribution dist = new BinomialDistribution(null, ni, p);
        double mean = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        long lo = Math.max(0, (long) Math.floor(mean - 8 * sd - 10));
        long hi = Math.min(n, (long) Math.ceil(mean + 8 * sd + 10));
        int cells = (int) (hi - lo + 1);
        double[] expected = new double[cells];
        long[] observed = new long[cells];
        for (int i = 0; i < cells; i++) {
            expected[i] = DRAWS * dist.probability((int) (lo + i));
        }
        // fold the mass outside [lo, hi] into the end cells
        expected[0] += DRAWS * (lo > 0 ? dist.cumulativeProbability((int) lo - 1) : 0.0);
        expected[cells - 1] += DRAWS * (hi < n ? 1 - dist.cumulativeProbability((int) hi) : 0.0);
        for (long x : sample) {
            int i = (int) (Math.min(Math.max(x, lo), hi) - lo);
            observed[i]++;
        }
        // pool from each end until the expected count reaches 5
        double chi2 = 0;
        int df = -1;
        double e = 0;
        long o = 0;
        for (int i = 0; i < cells; i++) {
            e += expected[i];
            o += observed[i];
            double restExpected = 0;
            for (int j = i + 1; j < cells && restExpected < 5; j++) {
                restExpected += expected[j];
            }
            if (e >= 5 && restExpected >= 5) {
                chi2 += (o - e) * (o - e) / e;
                df++;
                e = 0;
                o = 0;
            }
        }
        chi2 += e > 0 ? (o - e) * (o - e) / e : 0;
        df++;
        return Gamma.regularizedGammaQ(df / 2.0, chi2 / 2.0);
    }

    @Test
    void edgeCases() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 100; i++) {
            assertThat(Binomial.draw(rng, 1000, 0.0)).isZero();
            assertThat(Binomial.draw(rng, 1000, 1.0)).isEqualTo(1000);
            assertThat(Binomial.draw(rng, 0, 0.4)).isZero();
            assertThat(Binomial.draw(rng, 1, 0.5)).isBetween(0L, 1L);
        }
    }

    @Test
    void hugeNHasTheRightMoments() {
        // n = 1e12: the acceptance test must not lose its exactness to log-gamma cancellation
        long n = 1_000_000_000_000L;
        for (double p : new double[] {0.3, 1e-11, 0.5, 0.9999}) {
            SplittableRandom rng = new SplittableRandom(Double.hashCode(p));
            int reps = 100_000;
            double mean = n * p;
            double sd = Math.sqrt(n * p * (1 - p));
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < reps; i++) {
                double z = (Binomial.draw(rng, n, p) - mean) / sd;
                s += z;
                s2 += z * z;
            }
            double zMean = s / reps;
            double zVar = s2 / reps - zMean * zMean;
            assertThat(Math.abs(zMean)).as("p %s mean", p).isLessThan(5 / Math.sqrt(reps));
            assertThat(Math.abs(zVar - 1)).as("p %s variance", p).isLessThan(5 * Math.sqrt(2.0 / reps) + 0.01);
        }
    }

    @Test
    void logFactorialRatioIsAccurateForHugeArguments() {
        // log(x!/y!) for y = x + 3: log((x+1)(x+2)(x+3)) exactly
        for (long x : new long[] {20, 1000, 123_456_789L, 999_999_999_999L}) {
            double exact = -(Math.log(x + 1.0) + Math.log(x + 2.0) + Math.log(x + 3.0));
            assertThat(Binomial.logFactorialRatio(x, x + 3)).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-12 * Math.abs(exact)));
        }
    }
}
