package io.github.surveyreport.core.internal.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Critical values of Student's t for confidence intervals. Commons Math's inverse cumulative
 * probability stops at an absolute accuracy of 1e-9, which would leave the last digits of an
 * interval's ends to the solver; Newton steps on {@link TailProbabilities#studentTwoSided}
 * (accurate to the last digits) bring it to full double precision.
 */
final class StudentQuantile {

    private StudentQuantile() {
    }

    /** The t with P(|T| > t) = {@code alpha} for {@code df} degrees of freedom (t > 0). */
    static double twoSided(double alpha, double df) {
        double t = new TDistribution(null, df, 1e-9).inverseCumulativeProbability(1 - alpha / 2);
        double logC = Gamma.logGamma((df + 1) / 2) - Gamma.logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
        for (int i = 0; i < 6; i++) {
            double density = Math.exp(logC - (df + 1) / 2 * Math.log1p(t * t / df));
            double step = (TailProbabilities.studentTwoSided(t, df) - alpha) / (2 * density);
            t += step;
            if (Math.abs(step) <= 1e-16 * t) {
                break;
            }
        }
        return t;
    }
}
