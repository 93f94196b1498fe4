package io.github.surveyreport.core.internal.stats;

/**
 * Least squares for one regression by an updating orthogonal factorization (Miller's AS 274,
 * see {@link GivensFactor}), one row at a time, O(k²) memory, never forming X'X; mergeable.
 *
 * <p><b>Why our own and not Commons Math's {@code MillerUpdatingRegression}:</b> (1) merging
 * needs weighted row inclusion (the other's factor enters as k rows {@code e_i + r̄_i} with
 * weights {@code d_i}), which that class does not expose; (2) some designs need more than
 * double precision: NIST's Filip (10th-degree polynomial, VIFs around 1e16) loses almost all
 * digits in a double-precision updating factorization, and only with extra precision can
 * exactly collinear terms (1 - R²ⱼ ≈ 1e-32 from rounding) be told from merely ill-conditioned
 * ones (Filip: 1 - R²ⱼ ≥ 1e-17).
 *
 * <p><b>Adaptive precision.</b> Double-double rotations cost several times plain ones, and
 * survey regressions (a handful of weakly correlated predictors) never need them. For the
 * first {@value #PROBE_ROWS} rows both a double and a double-double factor are updated; then
 * the double-double factor's conditioning decides: if some predictor has 1 - R²ⱼ below
 * {@value #MIN_TOLERANCE} (VIF above 100) or a column's |mean|/sd exceeds
 * {@value #MAX_MEAN_OVER_SD}, the rest of the pass runs in double-double, otherwise in
 * double, and the other factor is dropped. The thresholds are strict on purpose (typical
 * survey VIFs are below 10 and |mean|/sd below 10): in double, AS 274's error grows roughly
 * like eps·VIF·(1 + residual term), e.g. NIST Wampler4 replicated 200 times (1 - R²ⱼ ≈ 3e-5)
 * gave only LRE 8.4 in double but 15 in double-double. Data sets with fewer rows than that are always
 * solved from the double-double factor. Conditioning that only appears after the probe rows
 * is the remaining (unusual) risk; the double path then still has AS 274's backward stability.
 */
final class RegressionAccumulator {

    /** Rows updated in both precisions before the precision is chosen. */
    static final int PROBE_ROWS = 1000;
    static final double MIN_TOLERANCE = 1e-2;
    static final double MAX_MEAN_OVER_SD = 100;

    private final int k;
    private final int[] predictorIndex;
    private final int dependentIndex;
    /** Double-precision factor; null once double-double was chosen. */
    private GivensFactor fast;
    /** Double-double factor; null once double was chosen. */
    private GivensFactor precise;

    /**
     * @param predictorIndex indices of the predictors in the variable vector given to
     *                       {@link #add(double[])}
     * @param dependentIndex index of the dependent variable
     */
    RegressionAccumulator(int[] predictorIndex, int dependentIndex) {
        this.predictorIndex = predictorIndex.clone();
        this.dependentIndex = dependentIndex;
        this.k = predictorIndex.length + 1;
        fast = new GivensFactor(k);
        precise = new GivensFactor(k);
    }

    long count() {
        return precise != null ? precise.n : fast.n;
    }

    /** Adds one observation taken from the variable vector. */
    void add(double[] vars) {
        final double y = vars[dependentIndex];
        if (fast != null) {
            final double[] xh = fast.xH;
            xh[0] = 1.0;
            for (int j = 1; j < k; j++) {
                xh[j] = vars[predictorIndex[j - 1]];
            }
            fast.includeDouble(y);
        }
        if (precise != null) {
            final double[] xh = precise.xH;
            final double[] xl = precise.xL;
            xh[0] = 1.0;
            xl[0] = 0.0;
            for (int j = 1; j < k; j++) {
                xh[j] = vars[predictorIndex[j - 1]];
                xl[j] = 0.0;
            }
            precise.includePrecise(1.0, 0.0, 0, y, 0.0);
            precise.n++;
            if (fast != null && precise.n == PROBE_ROWS) {
                choosePrecision();
            }
        }
    }

    private void choosePrecision() {
        double[] c = precise.conditioning();
        if (c[0] < MIN_TOLERANCE || c[1] > MAX_MEAN_OVER_SD) {
            fast = null;
        } else {
            precise = null;
        }
    }

    /** Adds {@code other}'s observations (their order is irrelevant for least squares). */
    void merge(RegressionAccumulator other) {
        if (other.k != k) {
            throw new IllegalArgumentException("incompatible regression accumulators");
        }
        if (other.count() == 0) {
            return;
        }
        boolean bothProbing = fast != null && precise != null && other.fast != null && other.precise != null;
        if (bothProbing) {
            fast.merge(other.fast, false);
            precise.merge(other.precise, true);
            if (precise.n >= PROBE_ROWS) {
                choosePrecision();
            }
        } else if (precise != null && other.precise != null && (fast == null || other.fast == null)) {
            // one side already chose double-double: continue in double-double
            fast = null;
            precise.merge(other.precise, true);
        } else if (other.fast != null && fast != null) {
            // one side chose double, the other has a double factor too
            precise = null;
            fast.merge(other.fast, false);
        } else if (fast != null) {
            // this side double only, other side double-double only: upgrade (lo parts are zero)
            precise = fast;
            fast = null;
            precise.merge(other.precise, true);
        } else {
            // this side double-double only, other side double only
            precise.merge(other.fast, true);
        }
    }

    /** Writes which factors exist and their state. */
    void write(io.github.surveyreport.core.internal.state.StateOut out) {
        out.writeBoolean(fast != null);
        if (fast != null) {
            fast.write(out);
        }
        out.writeBoolean(precise != null);
        if (precise != null) {
            precise.write(out);
        }
    }

    /** Reads what {@link #write} wrote into this new accumulator of the same regression. */
    void read(io.github.surveyreport.core.internal.state.StateIn in) {
        if (in.readBoolean()) {
            fast.read(in);
        } else {
            fast = null;
        }
        if (in.readBoolean()) {
            precise.read(in);
        } else {
            precise = null;
        }
        if (fast == null && precise == null) {
            throw new io.github.surveyreport.core.internal.state.StateFormatException("a regression has no factor");
        }
    }

    /** The factor to solve from: double-double when available. */
    GivensFactor.Factor factor() {
        return (precise != null ? precise : fast).factor();
    }
}
