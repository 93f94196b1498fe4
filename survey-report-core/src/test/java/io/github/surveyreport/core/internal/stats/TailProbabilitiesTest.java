package io.github.surveyreport.core.internal.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tail probabilities keep relative accuracy far into the tail. Reference values computed with
 * mpmath 1.3.0 at 40 digits ({@code betainc(..., regularized=True)}, {@code gammainc}),
 * independent of Commons Math.
 */
class TailProbabilitiesTest {

    private static void assertRelative(double actual, double expected, double rel) {
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(rel * Math.abs(expected));
    }

    @Test
    void studentTailIsRelativelyAccurateNear1e300() {
        // mpmath: I_{2431/(2431+40²)}(2431/2, 1/2) = 2.8296964992464492286e-269
        assertRelative(TailProbabilities.studentTwoSided(40, 2431), 2.8296964992464492286e-269, 1e-9);
        assertRelative(TailProbabilities.studentTwoSided(-40, 2431), 2.8296964992464492286e-269, 1e-9);
        // mpmath: 0.031446844236608804249
        assertRelative(TailProbabilities.studentTwoSided(2.5, 10), 0.031446844236608804249, 1e-12);
    }

    @Test
    void chiSquareTail() {
        // mpmath: gammainc(18, 750, inf, regularized=True) = 4.1120190787429775425e-292
        assertRelative(TailProbabilities.chiSquareUpper(1500, 36), 4.1120190787429775425e-292, 1e-9);
        // mpmath: gammainc(18, 15, inf, regularized=True) = 0.74885875207536885905
        assertRelative(TailProbabilities.chiSquareUpper(30, 36), 0.74885875207536885905, 1e-12);
    }

    @Test
    void fTailUnderflowsToZeroNotNaN() {
        // mpmath: 1.658e-477, below the double range
        assertThat(TailProbabilities.fUpper(900, 4, 2431)).isCloseTo(0.0, within(1e-300));
        assertThat(TailProbabilities.fUpper(0, 4, 10)).isEqualTo(1.0);
    }
}
