package io.github.surveyreport.core.internal.stats;

/**
 * An unevaluated sum {@code hi + lo} of two doubles (about 32 significant digits), for the
 * few places where double precision is not enough: solving the regression factorization of
 * ill-conditioned designs (NIST Filip). Immutable; used outside the per-row path, where the
 * arithmetic is written out inline instead (see {@link RegressionAccumulator}).
 *
 * <p>Algorithms: Dekker/Knuth two-sum, FMA two-product, accurate addition and one Newton
 * correction for division (Hida, Li and Bailey, "Library for double-double and quad-double
 * arithmetic", 2007).
 */
final class DoubleDouble {

    static final DoubleDouble ZERO = new DoubleDouble(0.0, 0.0);
    static final DoubleDouble ONE = new DoubleDouble(1.0, 0.0);

    final double hi;
    final double lo;

    DoubleDouble(double hi, double lo) {
        this.hi = hi;
        this.lo = lo;
    }

    static DoubleDouble of(double v) {
        return new DoubleDouble(v, 0.0);
    }

    double doubleValue() {
        return hi + lo;
    }

    DoubleDouble add(DoubleDouble b) {
        double s = hi + b.hi;
        double v = s - hi;
        double e1 = (hi - (s - v)) + (b.hi - v);
        double t = lo + b.lo;
        double w = t - lo;
        double e2 = (lo - (t - w)) + (b.lo - w);
        e1 += t;
        double h = s + e1;
        e1 = e1 - (h - s);
        e1 += e2;
        double rh = h + e1;
        return new DoubleDouble(rh, e1 - (rh - h));
    }

    DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    DoubleDouble subtract(DoubleDouble b) {
        return add(b.negate());
    }

    DoubleDouble multiply(DoubleDouble b) {
        double p = hi * b.hi;
        double e = Math.fma(hi, b.hi, -p) + (hi * b.lo + lo * b.hi);
        double rh = p + e;
        return new DoubleDouble(rh, e - (rh - p));
    }

    DoubleDouble divide(DoubleDouble b) {
        double q1 = hi / b.hi;
        double p = q1 * b.hi;
        double pe = Math.fma(q1, b.hi, -p);
        double r = ((hi - p) - pe) + lo - q1 * b.lo;
        double q2 = r / b.hi;
        double rh = q1 + q2;
        return new DoubleDouble(rh, q2 - (rh - q1));
    }

    DoubleDouble sqrt() {
        if (hi <= 0) {
            return ZERO;
        }
        double s = Math.sqrt(hi);
        // one Newton step: s + (a - s²) / (2s)
        double p = s * s;
        double pe = Math.fma(s, s, -p);
        double r = ((hi - p) - pe) + lo;
        double c = r / (2 * s);
        double rh = s + c;
        return new DoubleDouble(rh, c - (rh - s));
    }

    @Override
    public String toString() {
        return hi + "+" + lo;
    }
}
