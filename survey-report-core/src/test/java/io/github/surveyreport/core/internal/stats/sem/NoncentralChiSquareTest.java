package io.github.surveyreport.core.internal.stats.sem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The noncentral chi-square against R 4.2.2's {@code pchisq(x, df, ncp)} (printed with 17
 * digits; R's own accuracy for these arguments is about 1e-14 absolute, so the tolerance is
 * 1e-12 relative where the value is not tiny, and 1e-9 relative in the far tails, where the
 * reference is the Poisson sum evaluated term by term in mpmath 1.3.0 at 50–60 digits).
 */
class NoncentralChiSquareTest {

    private static void assertRelative(double actual, double expected, double rel) {
        assertThat(Math.abs(actual - expected)).as("%s vs %s", actual, expected)
                .isLessThanOrEqualTo(rel * Math.abs(expected));
    }

    @Test
    void lowerTailMatchesR() {
        // pchisq(50, 24, ncp = 10)
        assertRelative(NoncentralChiSquare.cdf(50, 24, 10), 0.94367210641151611, 1e-12);
        // pchisq(3, 5, ncp = 0.5): the mode of the Poisson weights is 0
        assertRelative(NoncentralChiSquare.cdf(3, 5, 0.5), 0.25692939942804688, 1e-12);
        // pchisq(1e-3, 2, ncp = 3)
        assertRelative(NoncentralChiSquare.cdf(1e-3, 2, 3), 0.00011157902164214684, 1e-11);
        // pchisq(4163.75747430608, 265, ncp = 4000): the size of bfi's CFA (about 2000 Poisson terms)
        assertRelative(NoncentralChiSquare.cdf(4163.75747430608, 265, 4000), 0.216360069886182, 1e-11);
        // pchisq(20, 3, ncp = 200): far lower tail, where the terms far below the Poisson mode
        // dominate (mpmath at 50 digits: 6.2489561359047869652e-23)
        assertRelative(NoncentralChiSquare.cdf(20, 3, 200), 6.2489561359047869652e-23, 1e-9);
    }

    @Test
    void upperTailMatchesRWithoutCancellation() {
        // pchisq(85.3055217699732, 24, ncp = 301 * 24 * 0.05^2, lower.tail = FALSE): hs1939's pclose
        assertRelative(NoncentralChiSquare.upper(85.3055217699732, 24, 301 * 24 * 0.0025),
                0.00066123677805179297, 1e-11);
        // pchisq(200, 10, ncp = 150, lower.tail = FALSE)
        assertRelative(NoncentralChiSquare.upper(200, 10, 150), 0.060236794683652617, 1e-12);
        // pchisq(300, 265, ncp = 2, lower.tail = FALSE)
        assertRelative(NoncentralChiSquare.upper(300, 265, 2), 0.081253858231694079, 1e-12);
        // 1 - cdf would be 0. R's pchisq(500, 3, ncp = 10, lower.tail = FALSE) prints 2.82e-82, but
        // its pnchisq guarantees only about 1e-12 absolute in the upper tail: the Poisson sum taken
        // term by term to j = 600 in mpmath 1.3.0 at 60 digits gives 1.3524745079315490398e-81
        // (the largest term is at j = 35, far from the Poisson mode 5)
        assertRelative(NoncentralChiSquare.upper(500, 3, 10), 1.3524745079315490398e-81, 1e-9);
    }

    @Test
    void centralCaseIsTheChiSquare() {
        // pchisq(30, 36) = 1 - 0.74885875207536885905 (mpmath, see TailProbabilitiesTest)
        assertRelative(NoncentralChiSquare.upper(30, 36, 0), 0.74885875207536885905, 1e-12);
        assertThat(NoncentralChiSquare.cdf(0, 5, 3)).isZero();
        assertThat(NoncentralChiSquare.upper(0, 5, 3)).isEqualTo(1.0);
    }

    @Test
    void noncentralityInvertsTheCdf() {
        // R: uniroot(function(l) pchisq(85.3055217699732, 24, ncp = l) - 0.95, c(0, 85.31), tol = 1e-13)
        double lower = NoncentralChiSquare.noncentrality(85.3055217699732, 24, 0.95, 0, 85.3055217699732);
        assertRelative(lower, 36.846740393901953, 1e-10);
        // ... - 0.05, c(0, 4 * 85.31)
        double upper = NoncentralChiSquare.noncentrality(85.3055217699732, 24, 0.05, 0, 4 * 85.3055217699732);
        assertRelative(upper, 93.35352350155118, 1e-10);
    }
}
