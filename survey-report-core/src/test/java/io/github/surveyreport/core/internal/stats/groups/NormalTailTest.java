package io.github.surveyreport.core.internal.stats.groups;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * {@link NormalTail} against Commons Math's continued-fraction erfc (whose own relative error is
 * about 1e-15 near 0 and grows to about 1e-13 in the far tail: 3e-13 here) and against R's pnorm
 * (1e-14 relative, 1e-12 at z = 37 where R's argument rounding dominates).
 */
class NormalTailTest {

    @Test
    void matchesCommonsMathToNearFullPrecision() {
        double worst = 0;
        for (double x = 0; x < 27; x += 0.00731) {
            double exact = Erf.erfc(x);
            if (exact < Double.MIN_NORMAL) {
                break;
            }
            double rel = Math.abs(NormalTail.erfc(x) - exact) / exact;
            worst = Math.max(worst, rel);
        }
        System.out.printf("erfc: worst relative difference %.3g%n", worst);
        assertThat(worst).isLessThan(3e-13);
    }

    @Test
    void upperTailOfTheNormal() {
        // R 4.2.2: pnorm(c(-3, 0, 1.5, 10, 37), lower.tail = FALSE)
        assertThat(NormalTail.upper(-3)).isCloseTo(0.9986501019683699, org.assertj.core.data.Offset.offset(1e-16));
        assertThat(NormalTail.upper(0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(5e-15));
        assertThat(Math.abs(NormalTail.upper(1.5) / 0.06680720126885807 - 1)).isLessThan(1e-14);
        assertThat(Math.abs(NormalTail.upper(10) / 7.619853024160527e-24 - 1)).isLessThan(1e-14);
        assertThat(Math.abs(NormalTail.upper(37) / 5.725571222524e-300 - 1)).isLessThan(1e-12);
    }
}
