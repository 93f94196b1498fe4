package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.internal.stats.sem.MeasurementModel;
import io.github.surveyreport.core.internal.stats.sem.MlCfa;
import io.github.surveyreport.core.results.Cfa;
import io.github.surveyreport.core.results.CommonMethod;
import io.github.surveyreport.core.results.Correlations;
import io.github.surveyreport.core.results.Efa;
import io.github.surveyreport.core.results.Factorability;
import io.github.surveyreport.core.results.HypothesisResult;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.results.Reliability;
import io.github.surveyreport.core.results.ScaleReliability;
import io.github.surveyreport.core.results.StatisticsResults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One pass over the listwise-complete rows of a study, in memory independent of the number of
 * rows, mergeable for parallel or chunked passes. {@link #finish()} derives every result from
 * the accumulated state.
 *
 * <p>The variable vector is the analysed columns followed by the construct scores (mean of
 * the construct's items). It feeds: co-moments up to order 4 ({@link CoMoments}); one
 * {@link RegressionAccumulator} per regression; and per regression the co-moments of
 * row-to-row differences of (predictors, dependent) for Durbin–Watson, which needs file order:
 * hence the first and last row are kept so that {@link #merge} can add the difference across
 * the boundary.
 *
 * <p>Not thread-safe; use one accumulator per thread and merge them in file order.
 */
public final class StatisticsAccumulator {

    private final AnalysisLayout layout;
    private final int p;
    private final int v;
    private final int[][] constructItems;
    private final double[] constructInvSize;
    private final CoMoments moments;
    private final RegressionAccumulator[] regressions;
    private final int[][] regressionVars;
    private final CoMoments[] differences;
    private final double[] vars;
    private final double[] first;
    private final double[] last;
    private final double[] diff;
    /** The structural analyses' state, or null when the study has none. */
    private final StructuralAccumulator structural;
    private static final String[] NO_LABELS = new String[0];

    public StatisticsAccumulator(AnalysisLayout layout) {
        this.layout = layout;
        this.p = layout.columns().size();
        int c = layout.constructs().size();
        this.v = p + c;
        constructItems = new int[c][];
        constructInvSize = new double[c];
        for (int i = 0; i < c; i++) {
            List<String> items = layout.constructs().get(i).items();
            constructItems[i] = items.stream().mapToInt(layout.columns()::indexOf).toArray();
            constructInvSize[i] = 1.0 / items.size();
        }
        moments = new CoMoments(v, true);
        int r = layout.regressions().size();
        regressions = new RegressionAccumulator[r];
        regressionVars = new int[r][];
        differences = new CoMoments[r];
        int maxTerms = 0;
        for (int i = 0; i < r; i++) {
            AnalysisLayout.RegressionSpec spec = layout.regressions().get(i);
            int[] x = spec.predictors().stream().mapToInt(layout::variableIndex).toArray();
            int y = layout.variableIndex(spec.dependent());
            regressions[i] = new RegressionAccumulator(x, y);
            int[] all = new int[x.length + 1];
            System.arraycopy(x, 0, all, 0, x.length);
            all[x.length] = y;
            regressionVars[i] = all;
            differences[i] = new CoMoments(all.length, false);
            maxTerms = Math.max(maxTerms, all.length);
        }
        if (layout.structural() != null && !layout.structural().isEmpty()) {
            int[] scores = new int[c];
            for (int i = 0; i < c; i++) {
                scores[i] = p + i;
            }
            structural = new StructuralAccumulator(layout.structural(), layout::variableIndex, scores,
                    layout.constructs().stream().map(AnalysisLayout.ConstructSpec::id).toList());
        } else {
            structural = null;
        }
        vars = new double[v];
        first = new double[v];
        last = new double[v];
        diff = new double[maxTerms];
    }

    /**
     * Adds one complete (listwise) row: the values of {@code layout.columns()} in order, reverse
     * coding already applied. Does not allocate.
     */
    public void add(double[] row) {
        add(row, NO_LABELS);
    }

    /**
     * Adds one complete row with its categories: {@code labels} holds the row's category of each
     * of the structural layout's cell columns, then of each grouping column ({@code null} where
     * the row has no group).
     */
    public void add(double[] row, String[] labels) {
        if (row.length != p) {
            throw new IllegalArgumentException("expected " + p + " values, got " + row.length);
        }
        final double[] x = vars;
        System.arraycopy(row, 0, x, 0, p);
        for (int c = 0; c < constructItems.length; c++) {
            int[] idx = constructItems[c];
            double s = 0;
            for (int i : idx) {
                s += x[i];
            }
            x[p + c] = s * constructInvSize[c];
        }
        boolean firstRow = moments.count() == 0;
        moments.add(x);
        for (int r = 0; r < regressions.length; r++) {
            regressions[r].add(x);
            if (!firstRow) {
                int[] idx = regressionVars[r];
                for (int a = 0; a < idx.length; a++) {
                    diff[a] = x[idx[a]] - last[idx[a]];
                }
                differences[r].add(diff);
            }
        }
        if (regressions.length > 0) {
            if (firstRow) {
                System.arraycopy(x, 0, first, 0, v);
            }
            System.arraycopy(x, 0, last, 0, v);
        }
        if (structural != null) {
            structural.add(x, labels);
        }
    }

    /**
     * Adds {@code later}'s rows, which follow this accumulator's rows in file order (the order
     * matters for Durbin–Watson only). {@code later} is not modified.
     */
    public void merge(StatisticsAccumulator later) {
        if (later.layout != layout && !later.layout.equals(layout)) {
            throw new IllegalArgumentException("accumulators of different layouts cannot be merged");
        }
        if (later.count() == 0) {
            return;
        }
        boolean empty = count() == 0;
        for (int r = 0; r < regressions.length; r++) {
            if (!empty) {
                int[] idx = regressionVars[r];
                for (int a = 0; a < idx.length; a++) {
                    diff[a] = later.first[idx[a]] - last[idx[a]];
                }
                differences[r].add(diff);
            }
            differences[r].merge(later.differences[r]);
            regressions[r].merge(later.regressions[r]);
        }
        moments.merge(later.moments);
        if (structural != null) {
            structural.merge(later.structural);
        }
        if (empty) {
            System.arraycopy(later.first, 0, first, 0, v);
        }
        System.arraycopy(later.last, 0, last, 0, v);
    }

    /**
     * Writes the accumulated state (see {@code SurveyAccumulator#toBytes}): co-moments,
     * regressions, Durbin–Watson differences, first and last row, structural state.
     */
    public void write(io.github.surveyreport.core.internal.state.StateOut out) {
        moments.write(out);
        out.writeInt(regressions.length);
        for (int r = 0; r < regressions.length; r++) {
            regressions[r].write(out);
            differences[r].write(out);
        }
        out.writeDoubles(first);
        out.writeDoubles(last);
        out.writeBoolean(structural != null);
        if (structural != null) {
            structural.write(out);
        }
    }

    /** Reads what {@link #write} wrote into this new accumulator of the same layout. */
    public void read(io.github.surveyreport.core.internal.state.StateIn in) {
        moments.read(in);
        in.expect(in.readInt(), regressions.length);
        for (int r = 0; r < regressions.length; r++) {
            regressions[r].read(in);
            differences[r].read(in);
        }
        in.readDoublesInto(first);
        in.readDoublesInto(last);
        in.expect(in.readBoolean() ? 1 : 0, structural != null ? 1 : 0);
        if (structural != null) {
            structural.read(in);
        }
    }

    /** Number of rows added (including merged ones). */
    public long count() {
        return moments.count();
    }

    /**
     * Computes all results from the accumulated state (which it leaves unchanged).
     *
     * @throws AnalysisException if an analysis cannot be carried out on this sample (too few
     *                           rows, a constant column, values whose magnitude double precision
     *                           cannot handle, collinear regression terms, more components
     *                           requested than items, or a numerical failure inside one analysis);
     *                           the message names the analysis or column and says what to change
     */
    public StatisticsResults finish() {
        long n = count();
        if (n < 2) {
            throw new AnalysisException("The analysis needs at least 2 complete rows (rows with a value in every "
                    + "analysed column), but " + (n == 0 ? "there are none" : "there is only 1") + ".");
        }
        checkVariances(n);
        List<String> warnings = new ArrayList<>();

        // Each analysis runs under its own guard so that a numerical failure names it and its columns.
        List<String> items = layout.constructItems();
        Reliability reliability = null;
        Factorability factorability = null;
        Efa efa = null;
        Cfa cfa = null;
        CommonMethod commonMethod = null;
        if (items.size() >= 2) {
            int[] idx = items.stream().mapToInt(layout.columns()::indexOf).toArray();
            // with a single construct the overall scale is that construct: warn once; and if its items
            // are in column order the two results are identical, so compute it once (the SMC's
            // eigen decomposition and inverse cost seconds for hundreds of items)
            boolean overallIsTheConstruct = constructItems.length == 1
                    && layout.constructs().get(0).items().equals(items);
            List<String> overallWarnings = constructItems.length > 1 ? warnings : new ArrayList<>();
            // the overall scale only when the study asks for it (reliability.overall, default true)
            ScaleReliability overall = overallIsTheConstruct || !layout.overallReliability() ? null
                    : scale("all construct items", items, idx, overallWarnings);
            Map<String, ScaleReliability> perConstruct = new LinkedHashMap<>();
            for (int c = 0; c < constructItems.length; c++) {
                AnalysisLayout.ConstructSpec spec = layout.constructs().get(c);
                if (spec.items().size() >= 2) {
                    perConstruct.put(spec.id(), scale("construct '" + spec.id() + "'", spec.items(),
                            constructItems[c], warnings));
                }
            }
            // the measurement model works on the items' covariance matrix alone: its cost does not grow with n
            List<MeasurementModel.Construct> specs = new ArrayList<>();
            layout.constructs().forEach(spec -> specs.add(new MeasurementModel.Construct(spec.id(), spec.items())));
            MeasurementModel measurement = new MeasurementModel(items, moments.covariance(idx), n, specs,
                    MlCfa.MAX_ITERATIONS);
            Map<String, MeasurementModel.Omega> omegas = NumericalFailure.guard("one-factor CFA for McDonald's omega "
                    + "of the constructs", items, () -> measurement.omegas(warnings));
            omegas.forEach((id, omega) -> perConstruct.put(id, perConstruct.get(id).withOmega(omega.value(),
                    omega.note())));
            if (overallIsTheConstruct && layout.overallReliability()) {
                overall = perConstruct.get(layout.constructs().get(0).id());
            }
            reliability = new Reliability(overall, perConstruct);
            double[][] r = moments.correlation(idx);
            SymmetricEigen eigen = NumericalFailure.guard("eigen decomposition of the construct items' correlation "
                    + "matrix (for KMO, Bartlett's test and principal components)", items, () -> new SymmetricEigen(r));
            factorability = NumericalFailure.guard("KMO and Bartlett's test of the construct items", items,
                    () -> FactorabilityAnalysis.analyse(items, r, eigen, n));
            Map<String, List<String>> constructItemsById = new LinkedHashMap<>();
            for (AnalysisLayout.ConstructSpec spec : layout.constructs()) {
                constructItemsById.put(spec.id(), spec.items());
            }
            efa = NumericalFailure.guard("principal components analysis of the construct items", items,
                    () -> PrincipalComponents.analyse(items, constructItemsById, eigen, layout.efaFactors(), warnings));
            if (layout.cfa() != null) {
                cfa = NumericalFailure.guard("confirmatory factor analysis of the constructs", items,
                        () -> measurement.cfa(layout.cfa(), warnings));
            }
            Cfa measured = cfa;
            commonMethod = NumericalFailure.guard("common-method check (Harman's single factor, one-factor CFA) of the "
                    + "construct items", items, () -> measurement.commonMethod(layout.cfa(), eigen.values, measured,
                    warnings));
        } else if (layout.cfa() != null) {
            warnings.add("The CFA (cfa) needs a construct with at least two items; the study has none, so no CFA "
                    + "was estimated.");
        }

        Correlations correlations = null;
        int c = layout.constructs().size();
        if (c >= 2) {
            int[] idx = new int[c];
            List<String> ids = new ArrayList<>(c);
            for (int i = 0; i < c; i++) {
                idx[i] = p + i;
                ids.add(layout.constructs().get(i).id());
            }
            correlations = NumericalFailure.guard("correlation analysis of the construct scores", ids,
                    () -> CorrelationAnalysis.analyse(ids, moments.correlation(idx), n));
        }

        List<RegressionResult> ordinary = new ArrayList<>(regressions.length);
        for (int r = 0; r < regressions.length; r++) {
            int[] all = regressionVars[r];
            int[] x = java.util.Arrays.copyOf(all, all.length - 1);
            AnalysisLayout.RegressionSpec spec = layout.regressions().get(r);
            List<String> terms = new ArrayList<>(spec.predictors());
            terms.add(0, spec.dependent());
            RegressionAccumulator acc = regressions[r];
            CoMoments diffs = differences[r];
            ordinary.add(NumericalFailure.guard("regression " + spec.dependent() + " ~ "
                    + String.join(" + ", spec.predictors()), terms,
                    () -> RegressionAnalysis.analyse(spec, acc.factor(), moments, x, all[all.length - 1], diffs)));
        }
        StructuralResults s = structural == null ? StructuralResults.NONE
                : StructuralResults.of(new StructuralAnalysis(structural, warnings), layout, ordinary);
        List<RegressionResult> regs = structural == null ? ordinary : s.regressions();
        List<HypothesisResult> hypotheses = HypothesisEvaluation.evaluate(layout.hypotheses(), regs, s.mediation(),
                s.moderation(), layout.significance());
        return new StatisticsResults(reliability, factorability, efa, cfa, commonMethod, correlations,
                DescriptiveAnalysis.analyse(layout, moments), s.differences(), regs, s.mediation(), s.moderation(),
                s.bootstrap(), hypotheses, warnings);
    }

    private ScaleReliability scale(String name, List<String> items, int[] idx, List<String> warnings) {
        double[] means = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            means[i] = moments.mean(idx[i]);
        }
        return NumericalFailure.guard("reliability analysis (Cronbach's alpha) of " + name, items,
                () -> ReliabilityAnalysis.analyse(name, items, means, moments.covariance(idx), count(), warnings));
    }

    /**
     * How far above {@code n·Double.MIN_NORMAL} the sums Σd² and Σd⁴ must be for
     * {@link #checkVariances}. {@link CoMoments} accumulates in plain double (Welford / Pébay
     * updates; only the regression factor uses double-double): an update whose terms fall below
     * {@code MIN_NORMAL} is subnormal and loses up to one subnormal spacing, 4.9e-324,
     * absolutely. Over n rows that is about n·4.9e-324, which stays below the ordinary double
     * rounding of the sum (2.2e-16 relative) only if the sum exceeds n·4.9e-324/2.2e-16 =
     * n·MIN_NORMAL; the factor 4 covers the few operations per update. In terms of the data:
     * a standard deviation below about 1e-77 (whose fourth powers underflow) is rejected, one
     * above it is analysed at full precision.
     */
    private static final double UNDERFLOW_MARGIN = 4.0;

    /**
     * Below this spread relative to the mean, a variable varies only in its last digits (double
     * has about 16): for a construct score that is rounding of an exactly constant mean of items.
     */
    private static final double RELATIVE_SPREAD = 1e-13;

    /**
     * Every analysis divides by standard deviations and sums squares and fourth powers of
     * deviations, so each variable must have a spread that double precision represents: not
     * zero (a constant variable has no correlation with anything), not overflowing (values
     * like 1e308, whose squares are infinite), not underflowing (values like 1e-200, whose
     * squares are 0, which would look constant although the values differ) and not below the
     * precision of the values themselves (1e20 + 1e4, which differs from 1e20 only in the last
     * digit). Each case has its own message; "the same value" is said only when minimum and
     * maximum are equal.
     */
    private void checkVariances(long n) {
        double floor = UNDERFLOW_MARGIN * n * Double.MIN_NORMAL;
        for (int i = 0; i < v; i++) {
            double mean = moments.mean(i);
            double sumSq = moments.comoment(i, i);
            double var = sumSq / (n - 1);
            // first, and exact at any magnitude (the moments of a constant 1e300 are NaN: Pébay's
            // first-row update multiplies an overflowing square by n - 1 = 0)
            if (moments.min(i) == moments.max(i)) {
                throw constant(i, n);
            }
            if (!(Double.isFinite(mean) && Double.isFinite(sumSq) && Double.isFinite(moments.m3(i))
                    && Double.isFinite(moments.m4(i)))) {
                throw new AnalysisException(variable(i) + " has values too large in magnitude for double-precision "
                        + "statistics (" + range(i) + "): their squares or fourth powers exceed the largest double "
                        + "(about 1.8E308), so variances, correlations and kurtosis cannot be computed. Rescale "
                        + "the column (for example, change its unit) or check the data for a wrong value.");
            }
            if (!(sumSq >= floor) || !(moments.m4(i) >= floor)) {
                throw new AnalysisException(variable(i) + " has values too small in magnitude for "
                        + "double-precision statistics (" + range(i) + "): the squares and fourth powers of their "
                        + "differences fall below the smallest normal double (about 2.2E-308), so the variance, "
                        + "correlations and kurtosis would be rounding noise although the values differ. Rescale "
                        + "the column (for example, change its unit so that typical values are near 1).");
            }
            double scale = Math.max(Math.abs(mean), Double.MIN_NORMAL);
            if (!(Math.sqrt(var) > RELATIVE_SPREAD * scale)) {
                if (i >= p) {
                    throw constant(i, n);
                }
                throw new AnalysisException(variable(i) + " varies too little relative to the size of its values ("
                        + range(i) + ", mean " + format(mean) + "): the differences are below " + RELATIVE_SPREAD
                        + " of the values, at the limit of double precision (about 16 significant digits), so "
                        + "its variance and correlations would be rounding noise. Subtract a constant from the "
                        + "column (for example, its typical value) or check the data.");
            }
        }
        // Each |Σ d_i d_j| is at most √(Σd_i² Σd_j²), finite after the loop; checked all the same
        // because an infinite co-moment would make the correlations NaN.
        for (int i = 0; i < v; i++) {
            for (int j = i + 1; j < v; j++) {
                if (!Double.isFinite(moments.comoment(i, j))) {
                    throw new AnalysisException("The co-moment of " + shortName(i) + " and " + shortName(j)
                            + " is too large in magnitude for double-precision statistics. Rescale the columns "
                            + "(for example, change their unit) or check the data for a wrong value.");
                }
            }
        }
    }

    private AnalysisException constant(int i, long n) {
        String value = format(moments.mean(i));
        if (i < p) {
            return new AnalysisException("The column '" + layout.columns().get(i) + "' has the same value ("
                    + value + ") in all " + n + " analysed rows (zero variance), so correlations, "
                    + "reliability and regressions involving it are undefined. Remove it from the study "
                    + "or check the data.");
        }
        AnalysisLayout.ConstructSpec spec = layout.constructs().get(i - p);
        return new AnalysisException("The score of construct '" + spec.id() + "' (mean of "
                + String.join(", ", spec.items()) + ") is the same (" + value + ") in all " + n
                + " analysed rows (zero variance). Check the items and their reverse coding.");
    }

    /** "The column 'x'" or "The score of construct 'X' (mean of a, b)". */
    private String variable(int i) {
        if (i < p) {
            return "The column '" + layout.columns().get(i) + "'";
        }
        AnalysisLayout.ConstructSpec spec = layout.constructs().get(i - p);
        return "The score of construct '" + spec.id() + "' (mean of " + String.join(", ", spec.items()) + ")";
    }

    /** "column 'x'" or "the score of construct 'X'". */
    private String shortName(int i) {
        return i < p ? "column '" + layout.columns().get(i) + "'"
                : "the score of construct '" + layout.constructs().get(i - p).id() + "'";
    }

    private String range(int i) {
        return "values from " + format(moments.min(i)) + " to " + format(moments.max(i));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
