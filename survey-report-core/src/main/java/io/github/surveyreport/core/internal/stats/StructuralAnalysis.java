package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.study.PostHocMethod;
import io.github.surveyreport.core.internal.stats.groups.ValueCounts;
import io.github.surveyreport.core.results.DifferenceTest;
import io.github.surveyreport.core.results.GroupDifferences;
import io.github.surveyreport.core.results.Mediation;
import io.github.surveyreport.core.results.Moderation;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.study.GroupComparison;
import io.github.surveyreport.core.study.MediationModel;
import io.github.surveyreport.core.study.ModerationModel;
import io.github.surveyreport.core.study.RegressionModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the structural analyses' results from a {@link StructuralAccumulator}: hierarchical
 * regressions, mediation (PROCESS model 4) and moderation (PROCESS model 1). Definitions are
 * those of {@code lm}, {@code anova} and {@code confint} in R and of Hayes' PROCESS.
 */
final class StructuralAnalysis {
    private final StructuralAccumulator acc;
    private final List<Map.Entry<List<String>, CoMoments>> cells;
    private final List<String> warnings;

    StructuralAnalysis(StructuralAccumulator acc, List<String> warnings) {
        this.acc = acc;
        this.cells = acc.sortedCells();
        this.warnings = warnings;
    }

    /** The categories of a categorical (cell) column in the analysed rows, reference first. */
    List<String> levels(String column) {
        int c = acc.layout.cellColumns().indexOf(column);
        Set<String> labels = new HashSet<>();
        for (Map.Entry<List<String>, CoMoments> cell : cells) {
            labels.add(cell.getKey().get(c));
        }
        return CategoryOrder.sort(labels, acc.layout.declaredOrder().get(column));
    }

    /** A hierarchical regression: one step per block. */
    RegressionResult regression(RegressionModel model) {
        List<DesignMoments.Column> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        List<RegressionResult.Step> steps = new ArrayList<>();
        LinearFit previous = null;
        for (List<String> block : model.blocks()) {
            for (String term : block) {
                terms.add(term);
                if (model.isCategorical(term)) {
                    List<String> levels = levels(term);
                    if (levels.size() < 2) {
                        throw new AnalysisException(where(model.where()) + "the categorical column " + term + " has "
                                + "one category (" + levels.get(0) + ") in the analysed rows, so it cannot be a term "
                                + "of " + model + ". Remove it from the regression.");
                    }
                    int c = acc.layout.cellColumns().indexOf(term);
                    for (String level : levels.subList(1, levels.size())) {
                        columns.add(DesignMoments.Column.dummy(c, level));
                        names.add(term + " = " + level);
                    }
                } else {
                    columns.add(DesignMoments.Column.numeric(acc.position(term)));
                    names.add(term);
                }
            }
            LinearFit fit = fit(columns, names, model.dependent(), model + located(model.where()));
            double previousR2 = previous == null ? 0 : previous.rSquared;
            int df1 = fit.k - (previous == null ? 0 : previous.k);
            double change = fit.rSquared - previousR2;
            Double fChange = fit.sse > 0 ? (change / df1) / ((1 - fit.rSquared) / fit.dfResidual) : null;
            Double pChange = fChange == null ? null : TailProbabilities.fUpper(Math.max(0, fChange), df1,
                    fit.dfResidual);
            steps.add(new RegressionResult.Step(terms, fit.rSquared, fit.adjustedRSquared(), fit.f(), fit.k,
                    fit.dfResidual, fit.p(), fit.fSquared(), change, fChange, df1, fit.dfResidual, pChange,
                    fit.coefficients()));
            previous = fit;
        }
        LinearFit last = previous;
        return new RegressionResult(model.dependent(), model.predictors(), last.n, Math.sqrt(last.rSquared),
                last.rSquared, last.adjustedRSquared(), Math.sqrt(last.mse), null, last.f(), last.k, last.dfResidual,
                last.p(), last.sst - last.sse, last.sse, last.sst, last.coefficients(), last.fSquared(), steps,
                "Durbin-Watson is computed for regressions of one block without categorical terms.");
    }

    private LinearFit fit(List<DesignMoments.Column> columns, List<String> names, String dependent, String model) {
        List<DesignMoments.Column> all = new ArrayList<>(columns);
        all.add(DesignMoments.Column.numeric(acc.position(dependent)));
        DesignMoments moments = new DesignMoments(cells, all);
        return NumericalFailure.guard("regression " + model, names,
                () -> new LinearFit(names, moments.n, moments.means, moments.crossProducts, model));
    }

    private LinearFit fitNumeric(List<String> predictors, String dependent, String model) {
        List<DesignMoments.Column> columns = new ArrayList<>();
        for (String p : predictors) {
            columns.add(DesignMoments.Column.numeric(acc.position(p)));
        }
        return fit(columns, predictors, dependent, model);
    }

    /** A parallel mediation with its percentile bootstrap. */
    Mediation mediation(int index) {
        MediationModel m = acc.layout.mediation().get(index);
        String name = "mediation " + m + located(m.where());
        List<Mediation.MediatorPath> a = new ArrayList<>();
        for (String mediator : m.mediators()) {
            List<String> design = new ArrayList<>(List.of(m.x()));
            design.addAll(m.covariates());
            LinearFit fit = fitNumeric(design, mediator, name + " (" + mediator + " ~ " + String.join(" + ", design) + ")");
            Mediation.PathEstimate e = estimate(fit, 0);
            a.add(new Mediation.MediatorPath(mediator, e.b(), e.standardError(), e.t(), e.p(), e.lower(), e.upper()));
        }
        List<String> full = new ArrayList<>(List.of(m.x()));
        full.addAll(m.mediators());
        full.addAll(m.covariates());
        LinearFit outcome = fitNumeric(full, m.y(), name + " (" + m.y() + " ~ " + String.join(" + ", full) + ")");
        List<Mediation.MediatorPath> b = new ArrayList<>();
        for (int i = 0; i < m.mediators().size(); i++) {
            Mediation.PathEstimate e = estimate(outcome, 1 + i);
            b.add(new Mediation.MediatorPath(m.mediators().get(i), e.b(), e.standardError(), e.t(), e.p(), e.lower(),
                    e.upper()));
        }
        Mediation.PathEstimate direct = estimate(outcome, 0);
        List<String> totalDesign = new ArrayList<>(List.of(m.x()));
        totalDesign.addAll(m.covariates());
        LinearFit totalFit = fitNumeric(totalDesign, m.y(), name + " (total effect)");
        Mediation.PathEstimate total = estimate(totalFit, 0);

        DistinctRows.Table table = acc.mediationRows[index].sorted();
        int k = m.mediators().size();
        double[][] boots = MediationBootstrap.indirectEffects(table, k, acc.layout.bootstrap());
        double alpha = 1 - acc.layout.bootstrap().confidence();
        List<Mediation.IndirectEffect> indirect = new ArrayList<>();
        double[] totals = new double[boots.length];
        double pointTotal = 0;
        int failed = 0;
        for (int r = 0; r < boots.length; r++) {
            double s = 0;
            for (double v : boots[r]) {
                s += v;
            }
            totals[r] = s;
            if (!Double.isFinite(s)) {
                failed++;
            }
        }
        for (int i = 0; i < k; i++) {
            double point = a.get(i).b() * b.get(i).b();
            pointTotal += point;
            double[] column = new double[boots.length];
            for (int r = 0; r < boots.length; r++) {
                column[r] = boots[r][i];
            }
            double[] summary = summarize(column, alpha);
            indirect.add(new Mediation.IndirectEffect(m.mediators().get(i), point, summary[0], summary[1], summary[2]));
        }
        double[] summary = summarize(totals, alpha);
        if (failed > 0) {
            warnings.add("The bootstrap of the " + name + " left out " + failed + " of " + boots.length + " resamples "
                    + "whose design was singular (too few distinct rows); its intervals rest on the others.");
        }
        Mediation.BootstrapEstimate totalIndirect = new Mediation.BootstrapEstimate(pointTotal, summary[0], summary[1],
                summary[2]);
        Double proportion = total.b() != 0 ? pointTotal / total.b() : null;
        return new Mediation(m.x(), m.y(), m.mediators(), m.covariates(), outcome.n, a, b, total, direct, indirect,
                totalIndirect, proportion, table.rows().length);
    }

    /** Boot SE (sd with n − 1), and the percentile interval (type 6) of the finite values. */
    private static double[] summarize(double[] values, double alpha) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length < 2) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double mean = 0;
        for (double v : finite) {
            mean += v;
        }
        mean /= finite.length;
        double ss = 0;
        for (double v : finite) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {Math.sqrt(ss / (finite.length - 1)), MediationBootstrap.quantile6(finite, alpha / 2),
                MediationBootstrap.quantile6(finite, 1 - alpha / 2)};
    }

    private static Mediation.PathEstimate estimate(LinearFit fit, int i) {
        double b = fit.slopes[i];
        double se = fit.standardError(i);
        Double t = se > 0 ? b / se : null;
        Double p = t == null ? null : TailProbabilities.studentTwoSided(t, fit.dfResidual);
        double h = fit.halfWidth(se, 0.95);
        return new Mediation.PathEstimate(b, se, t, p, b - h, b + h);
    }

    /** A moderation (PROCESS model 1, no centring). */
    Moderation moderation(int index) {
        ModerationModel m = acc.layout.moderation().get(index);
        String name = "moderation " + m + located(m.where());
        List<DesignMoments.Column> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        columns.add(DesignMoments.Column.numeric(acc.position(m.x())));
        names.add(m.x());
        double[] at;
        double wMin;
        double wMax;
        String product = m.x() + " × " + m.moderator();
        if (m.categorical()) {
            List<String> levels = levels(m.moderator());
            if (levels.size() != 2) {
                throw new AnalysisException(where(m.where()) + "the moderator " + m.moderator() + " is categorical with "
                        + levels.size() + " categories (" + String.join(", ", levels) + ") in the analysed rows; a "
                        + "categorical moderator needs exactly two (PROCESS model 1 with a dichotomous W). Use a "
                        + "numeric moderator or compare the groups with differences: instead.");
            }
            int c = acc.layout.cellColumns().indexOf(m.moderator());
            columns.add(DesignMoments.Column.dummy(c, levels.get(1)));
            names.add(m.moderator() + " = " + levels.get(1));
            columns.add(new DesignMoments.Column(acc.position(m.x()), c, levels.get(1)));
            names.add(product);
            at = new double[] {0, 1};
            wMin = 0;
            wMax = 1;
        } else {
            int w = acc.position(m.moderator());
            columns.add(DesignMoments.Column.numeric(w));
            names.add(m.moderator());
            columns.add(DesignMoments.Column.numeric(acc.productPosition[index]));
            names.add(product);
            DesignMoments wMoments = new DesignMoments(cells, List.of(DesignMoments.Column.numeric(w)));
            double mean = wMoments.means[0];
            double sd = Math.sqrt(wMoments.crossProducts[0][0] / (wMoments.n - 1));
            at = new double[] {mean - sd, mean, mean + sd};
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Map.Entry<List<String>, CoMoments> cell : cells) {
                lo = Math.min(lo, cell.getValue().min(w));
                hi = Math.max(hi, cell.getValue().max(w));
            }
            wMin = lo;
            wMax = hi;
        }
        List<DesignMoments.Column> reducedColumns = new ArrayList<>(columns.subList(0, 2));
        List<String> reducedNames = new ArrayList<>(names.subList(0, 2));
        for (String covariate : m.covariates()) {
            columns.add(DesignMoments.Column.numeric(acc.position(covariate)));
            names.add(covariate);
            reducedColumns.add(DesignMoments.Column.numeric(acc.position(covariate)));
            reducedNames.add(covariate);
        }
        LinearFit fit = fit(columns, names, m.y(), name);
        LinearFit reduced = fit(reducedColumns, reducedNames, m.y(), name + " without the product term");
        // One added term: the F change is the product's t² and ΔR² = F·(1 − R²)/df, which is
        // algebraically R² − R²(reduced) but free of that difference's cancellation (it loses
        // about log10(R²/ΔR²) digits, 2–3 for a typical interaction).
        double tProduct = fit.slopes[2] / fit.standardError(2);
        Double fChange = fit.sse > 0 ? tProduct * tProduct : null;
        double change = fChange != null ? fChange * (1 - fit.rSquared) / fit.dfResidual
                : fit.rSquared - reduced.rSquared;
        Double pChange = fChange == null ? null : TailProbabilities.fUpper(Math.max(0, fChange), 1, fit.dfResidual);
        double tCrit = StudentQuantile.twoSided(0.05, fit.dfResidual);
        List<Moderation.SimpleSlope> slopes = new ArrayList<>();
        for (double w : at) {
            double effect = fit.slopes[0] + fit.slopes[2] * w;
            double var = fit.slopeCovariance[0][0] + 2 * w * fit.slopeCovariance[0][2]
                    + w * w * fit.slopeCovariance[2][2];
            double se = Math.sqrt(var);
            double t = effect / se;
            slopes.add(new Moderation.SimpleSlope(w, effect, se, t, TailProbabilities.studentTwoSided(t,
                    fit.dfResidual), effect - tCrit * se, effect + tCrit * se));
        }
        List<Double> jn = m.categorical() ? List.of() : johnsonNeyman(fit, acc.layout.significance(), wMin, wMax);
        Moderation.Effects effects = new Moderation.Effects(estimate(fit, 0), estimate(fit, 1), estimate(fit, 2));
        return new Moderation(m.x(), m.moderator(), m.y(), m.covariates(), fit.n, fit.rSquared, fit.f(), fit.k,
                fit.dfResidual, fit.p(), fit.coefficients(), effects, change, fChange, 1, fit.dfResidual, pChange, slopes,
                jn, wMin, wMax);
    }

    /**
     * The moderator values where (b₁ + b₃w)² = t²·Var(b₁ + b₃w), i.e. where the conditional
     * effect's p equals alpha: the roots of a quadratic, kept within the observed range.
     */
    private static List<Double> johnsonNeyman(LinearFit fit, double alpha, double min, double max) {
        double t2 = Math.pow(StudentQuantile.twoSided(alpha, fit.dfResidual), 2);
        double b1 = fit.slopes[0];
        double b3 = fit.slopes[2];
        double[][] v = fit.slopeCovariance;
        double qa = b3 * b3 - t2 * v[2][2];
        double qb = 2 * (b1 * b3 - t2 * v[0][2]);
        double qc = b1 * b1 - t2 * v[0][0];
        List<Double> roots = new ArrayList<>();
        if (qa == 0) {
            if (qb != 0) {
                roots.add(-qc / qb);
            }
        } else {
            double disc = qb * qb - 4 * qa * qc;
            if (disc >= 0) {
                // the numerically stable pair of roots
                double q = -0.5 * (qb + Math.copySign(Math.sqrt(disc), qb));
                roots.add(q / qa);
                if (q != 0) {
                    roots.add(qc / q);
                }
            }
        }
        Set<Double> inRange = new LinkedHashSet<>();
        roots.stream().filter(r -> r >= min && r <= max).sorted().forEach(inRange::add);
        return new ArrayList<>(inRange);
    }

    /**
     * The comparison of every construct score across the groups of one column; groups of one
     * row are left out with a warning (a group needs a variance). {@code null} never: fewer than
     * two usable groups is an error naming the study file's entry.
     */
    GroupDifferences differences(int index) {
        GroupComparison d = acc.layout.differences().get(index);
        int g = acc.layout.groupColumns().indexOf(d.by());
        Map<String, ValueCounts[]> byLabel = acc.groups.get(g);
        List<String> labels = CategoryOrder.sort(byLabel.keySet(), acc.layout.declaredOrder().get(d.by()));
        List<String> kept = new ArrayList<>();
        List<String> single = new ArrayList<>();
        for (String label : labels) {
            (byLabel.get(label)[0].count() < 2 ? single : kept).add(label);
        }
        if (kept.size() < 2) {
            String found = labels.isEmpty() ? "no groups (every analysed row lacks a value)"
                    : labels.size() == 1 ? "one group (" + labels.get(0) + ")"
                    : "only " + kept.size() + " group" + (kept.size() == 1 ? "" : "s") + " with two or more rows ("
                    + String.join(", ", labels) + ")";
            throw new AnalysisException(where(d.where()) + "the column " + d.by() + " has " + found + " in the "
                    + "analysed rows; comparing groups needs at least two groups of two or more rows. Remove the "
                    + "entry or check the column.");
        }
        if (!single.isEmpty()) {
            warnings.add((d.where() == null ? "" : "Study file " + d.where() + ": ") + "the group" + (single.size() == 1
                    ? " " : "s ") + String.join(", ", single) + " of " + d.by() + (single.size() == 1 ? " has" : " have")
                    + " one row only and " + (single.size() == 1 ? "was" : "were") + " left out of the comparison "
                    + "(a group needs two rows for a variance).");
        }
        PostHocMethod method = d.posthoc();
        List<DifferenceTest> tests = new ArrayList<>();
        long n = 0;
        for (String label : kept) {
            n += byLabel.get(label)[0].count();
        }
        for (int o = 0; o < acc.outcomes.length; o++) {
            List<ValueCounts> groups = new ArrayList<>();
            for (String label : kept) {
                groups.add(byLabel.get(label)[o]);
            }
            String outcome = acc.outcomeNames.get(o);
            tests.add(NumericalFailure.guard("group comparison of " + outcome + " by " + d.by(), List.of(outcome, d.by()),
                    () -> io.github.surveyreport.core.internal.stats.groups.GroupComparison.compare(outcome, kept,
                            groups, method, 0.95)));
        }
        Map<String, String> valueLabels = acc.layout.valueLabels().getOrDefault(d.by(), Map.of());
        Map<String, String> groupLabels = new java.util.LinkedHashMap<>();
        for (String label : kept) {
            if (valueLabels.containsKey(label)) {
                groupLabels.put(label, valueLabels.get(label));
            }
        }
        return new GroupDifferences(d.by(), n, tests, groupLabels);
    }

    /** {@code " (study file line 12, regressions[2])"}, so a model's numerical problem leads to its entry. */
    private static String located(String where) {
        return where == null ? "" : " (study file " + where + ")";
    }

    private static String where(String where) {
        return where == null ? "" : "Study file " + where + ": ";
    }
}
