package io.github.surveyreport.core.internal.stats.groups;

import io.github.surveyreport.core.study.PostHocMethod;
import io.github.surveyreport.core.results.AnovaTest;
import io.github.surveyreport.core.results.DifferenceTest;
import io.github.surveyreport.core.results.GroupStatistics;
import io.github.surveyreport.core.results.LeveneTest;
import io.github.surveyreport.core.results.PostHoc;
import io.github.surveyreport.core.results.TwoGroupTest;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Beta;

/**
 * Comparison of one outcome across groups, from each group's exact frequency table
 * ({@link ValueCounts}), as {@code golden_plus.R} defines it: Levene's test centred on the means
 * ({@code car::leveneTest(center = mean)}, SPSS), Student's and Welch's t for two groups,
 * one-way ANOVA with η², Welch's ANOVA ({@code oneway.test}) and post hoc comparisons for more.
 *
 * <p>Means and sums of squares are two-pass over the distinct values (the mean first, then
 * Σ count·(v − mean)²), so they are as accurate as the data allow whatever the values' offset.
 * Undefined statistics (a group of one, no variation) are NaN, which the results JSON writes as
 * {@code null}.
 */
public final class GroupComparison {

    private GroupComparison() {
    }

    /**
     * Compares one outcome across groups.
     *
     * @param outcome    the outcome's name (construct id)
     * @param labels     the group labels, in the order to report them
     * @param groups     each group's frequency table, same order as {@code labels}; each non-empty
     * @param method     the post hoc method for three or more groups
     * @param confidence level of the post hoc confidence intervals, e.g. 0.95
     * @return a {@link TwoGroupTest} for two groups, an {@link AnovaTest} for more
     */
    public static DifferenceTest compare(String outcome, List<String> labels, List<ValueCounts> groups,
                                         PostHocMethod method, double confidence) {
        int k = groups.size();
        if (k < 2 || labels.size() != k) {
            throw new IllegalArgumentException("need at least two groups and one label per group");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        // every statistic but the reported means is computed on values relative to a common
        // shift (a value of the data), so a large common offset costs no digits of the
        // differences between the means
        double shift = Double.NaN;
        for (ValueCounts g : groups) {
            if (g.distinct() > 0) {
                double[] v = g.sortedValues();
                shift = v[v.length / 2];
                break;
            }
        }
        Moments[] m = new Moments[k];
        List<GroupStatistics> stats = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            if (groups.get(i).count() == 0) {
                throw new IllegalArgumentException("group " + labels.get(i) + " is empty");
            }
            m[i] = new Moments(groups.get(i), shift);
            stats.add(new GroupStatistics(labels.get(i), m[i].n, shift + m[i].mean, Math.sqrt(m[i].variance())));
        }
        LeveneTest levene = levene(m);
        if (k == 2) {
            return new TwoGroupTest(outcome, stats, levene, studentT(m[0], m[1]), welchT(m[0], m[1]));
        }
        long total = 0;
        for (Moments g : m) {
            total += g.n;
        }
        double grand = 0;
        for (Moments g : m) {
            grand += g.n * g.mean;
        }
        grand /= total;
        double correction = 0;
        for (Moments g : m) {
            correction += g.n * (g.mean - grand);
        }
        grand += correction / total;
        double ssb = 0;
        double ssw = 0;
        for (Moments g : m) {
            double d = g.mean - grand;
            ssb += g.n * d * d;
            ssw += g.ss;
        }
        int df1 = k - 1;
        long df2 = total - k;
        double mse = ssw / df2;
        double f = (ssb / df1) / mse;
        AnovaTest.OneWayAnova anova = new AnovaTest.OneWayAnova(f, df1, (int) df2, fUpper(f, df1, df2),
                ssb / (ssb + ssw));
        return new AnovaTest(outcome, stats, levene, anova, welchAnova(m),
                postHoc(labels, m, method, confidence, mse, df2));
    }

    /**
     * n, mean and Σ(x − mean)² of one group, two-pass over its distinct values; the values and
     * the mean are relative to {@code shift}.
     */
    static final class Moments {
        final long n;
        final double mean;
        final double ss;
        final double[] values;
        final long[] counts;

        Moments(ValueCounts table, double shift) {
            double[] raw = table.sortedValues();
            double[] v = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                v[i] = raw[i] - shift;
            }
            long[] c = table.sortedCounts();
            values = v;
            counts = c;
            long total = 0;
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                total += c[i];
                sum += c[i] * v[i];
            }
            n = total;
            double mu = sum / total;
            double dev = 0;
            for (int i = 0; i < v.length; i++) {
                dev += c[i] * (v[i] - mu);
            }
            mu += dev / total;
            double s = 0;
            for (int i = 0; i < v.length; i++) {
                double d = v[i] - mu;
                s += c[i] * d * d;
            }
            mean = mu;
            ss = s;
        }

        double variance() {
            return n > 1 ? ss / (n - 1) : Double.NaN;
        }
    }

    /** Levene's test: the one-way ANOVA of |x − group mean|, exact from the frequency tables. */
    private static LeveneTest levene(Moments[] m) {
        int k = m.length;
        double[] dMean = new double[k];
        long total = 0;
        double grand = 0;
        for (int i = 0; i < k; i++) {
            double[] v = m[i].values;
            long[] c = m[i].counts;
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += c[j] * Math.abs(v[j] - m[i].mean);
            }
            double mu = s / m[i].n;
            double dev = 0;
            for (int j = 0; j < v.length; j++) {
                dev += c[j] * (Math.abs(v[j] - m[i].mean) - mu);
            }
            dMean[i] = mu + dev / m[i].n;
            total += m[i].n;
            grand += m[i].n * dMean[i];
        }
        grand /= total;
        double ssb = 0;
        double ssw = 0;
        for (int i = 0; i < k; i++) {
            double d = dMean[i] - grand;
            ssb += m[i].n * d * d;
            double[] v = m[i].values;
            long[] c = m[i].counts;
            for (int j = 0; j < v.length; j++) {
                double e = Math.abs(v[j] - m[i].mean) - dMean[i];
                ssw += c[j] * e * e;
            }
        }
        int df1 = k - 1;
        long df2 = total - k;
        double f = (ssb / df1) / (ssw / df2);
        return new LeveneTest(f, df1, (int) df2, fUpper(f, df1, df2));
    }

    private static TwoGroupTest.StudentT studentT(Moments a, Moments b) {
        long df = a.n + b.n - 2;
        double diff = a.mean - b.mean;
        double sp = Math.sqrt((a.ss + b.ss) / df);
        double t = diff / (sp * Math.sqrt(1.0 / a.n + 1.0 / b.n));
        return new TwoGroupTest.StudentT(t, (int) df, tTwoSided(t, df), diff, diff / sp);
    }

    private static TwoGroupTest.WelchT welchT(Moments a, Moments b) {
        double va = a.variance() / a.n;
        double vb = b.variance() / b.n;
        double se2 = va + vb;
        double t = (a.mean - b.mean) / Math.sqrt(se2);
        double df = se2 * se2 / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
        return new TwoGroupTest.WelchT(t, df, tTwoSided(t, df));
    }

    /** Welch's ANOVA as R's {@code oneway.test(var.equal = FALSE)}. */
    private static AnovaTest.WelchAnova welchAnova(Moments[] m) {
        int k = m.length;
        double[] w = new double[k];
        double sw = 0;
        double swm = 0;
        for (int i = 0; i < k; i++) {
            w[i] = m[i].n / m[i].variance();
            sw += w[i];
            swm += w[i] * m[i].mean;
        }
        double mw = swm / sw;
        double a = 0;
        double tmp = 0;
        for (int i = 0; i < k; i++) {
            double d = m[i].mean - mw;
            a += w[i] * d * d;
            double r = 1 - w[i] / sw;
            tmp += r * r / (m[i].n - 1);
        }
        a /= k - 1;
        tmp /= (double) k * k - 1;
        double f = a / (1 + 2 * (k - 2) * tmp);
        double df2 = 1 / (3 * tmp);
        return new AnovaTest.WelchAnova(f, k - 1, df2, fUpper(f, k - 1, df2));
    }

    private static PostHoc postHoc(List<String> labels, Moments[] m, PostHocMethod method, double confidence,
                                   double mse, long dfe) {
        int k = m.length;
        int pairs = k * (k - 1) / 2;
        double alpha = 1 - confidence;
        double commonCritical;
        switch (method) {
            case TUKEY:
                commonCritical = StudentizedRange.quantile(confidence, k, dfe) / Math.sqrt(2);
                break;
            case LSD:
                commonCritical = tQuantileUpper(alpha / 2, dfe);
                break;
            case BONFERRONI:
                commonCritical = tQuantileUpper(alpha / 2 / pairs, dfe);
                break;
            default:
                commonCritical = Double.NaN;
        }
        List<PostHoc.Comparison> out = new ArrayList<>(pairs);
        for (int i = 0; i < k - 1; i++) {
            for (int j = i + 1; j < k; j++) {
                Moments a = m[i];
                Moments b = m[j];
                double diff = a.mean - b.mean;
                double se;
                double p;
                double h;
                if (method == PostHocMethod.GAMES_HOWELL) {
                    double va = a.variance() / a.n;
                    double vb = b.variance() / b.n;
                    se = Math.sqrt(va + vb);
                    double df = (va + vb) * (va + vb) / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
                    p = StudentizedRange.upperTail(Math.abs(diff) / se * Math.sqrt(2), k, df);
                    h = StudentizedRange.quantile(confidence, k, df) / Math.sqrt(2) * se;
                } else {
                    se = Math.sqrt(mse * (1.0 / a.n + 1.0 / b.n));
                    double stat = Math.abs(diff) / se;
                    if (method == PostHocMethod.TUKEY) {
                        p = StudentizedRange.upperTail(stat * Math.sqrt(2), k, dfe);
                    } else {
                        p = tTwoSided(stat, dfe);
                        if (method == PostHocMethod.BONFERRONI) {
                            p = Math.min(1.0, p * pairs);
                        }
                    }
                    h = commonCritical * se;
                }
                out.add(new PostHoc.Comparison(labels.get(i), labels.get(j), diff, se, p, diff - h, diff + h));
            }
        }
        return new PostHoc(method.key(), out);
    }

    // --- tails computed directly (never 1 − cdf), as TailProbabilities in the stats package

    /** Two-sided p of Student's t: I_{df/(df+t²)}(df/2, 1/2). */
    static double tTwoSided(double t, double df) {
        if (Double.isNaN(t) || Double.isNaN(df) || df <= 0) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return Beta.regularizedBeta(df / (df + t * t), df / 2.0, 0.5);
    }

    /** P(F &gt; f) = I_{d2/(d2+d1 f)}(d2/2, d1/2). */
    static double fUpper(double f, double d1, double d2) {
        if (Double.isNaN(f) || Double.isNaN(d2) || d2 <= 0) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1.0;
        }
        if (Double.isInfinite(f)) {
            return 0.0;
        }
        return Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2.0, d1 / 2.0);
    }

    /** The t with P(T &gt; t) = upper (0 &lt; upper &lt; 1/2), by Brent on the log of the tail. */
    static double tQuantileUpper(double upper, double df) {
        if (!(upper > 0 && upper < 0.5) || !(df > 0)) {
            return upper == 0.5 ? 0.0 : Double.NaN;
        }
        double target = Math.log(2 * upper);
        double hi = 1;
        while (Math.log(tTwoSided(hi, df)) > target) {
            hi *= 2;
        }
        double lo = hi / 2;
        while (lo > 1e-300 && Math.log(tTwoSided(lo, df)) < target) {
            lo /= 2;
        }
        BrentSolver solver = new BrentSolver(1e-15, 1e-15 * hi, 1e-300);
        return solver.solve(500, x -> Math.log(tTwoSided(x, df)) - target, lo, Math.max(hi, lo * 2));
    }
}
