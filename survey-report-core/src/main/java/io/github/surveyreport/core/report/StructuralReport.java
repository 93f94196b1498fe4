package io.github.surveyreport.core.report;

import static io.github.surveyreport.core.report.ReportModel.map;

import io.github.surveyreport.core.results.AnovaTest;
import io.github.surveyreport.core.results.BootstrapRun;
import io.github.surveyreport.core.results.DifferenceTest;
import io.github.surveyreport.core.results.GroupDifferences;
import io.github.surveyreport.core.results.GroupStatistics;
import io.github.surveyreport.core.results.Mediation;
import io.github.surveyreport.core.results.Moderation;
import io.github.surveyreport.core.results.PostHoc;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.results.TwoGroupTest;
import io.github.surveyreport.core.study.GroupComparison;
import io.github.surveyreport.core.study.Study;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report model of the structural analyses: group differences (t tests and one-way ANOVA
 * with post hoc comparisons), hierarchical regressions step by step, mediation (PROCESS model 4)
 * and moderation (PROCESS model 1) with its simple-slopes plot. Like {@link ReportModel}, only
 * arranges numbers of the {@link Results} for the templates, which format them.
 */
final class StructuralReport {
    /** Levene's test rejects equal variances below this p, and Welch's test is reported instead. */
    static final double LEVENE_ALPHA = 0.05;

    private StructuralReport() {
    }

    /** The display text of a term: a dummy {@code column = value} and a product {@code x × w} by their labels. */
    static String termLabel(Study study, String term) {
        int eq = term.indexOf(" = ");
        if (eq > 0) {
            return study.label(term.substring(0, eq)) + " = " + term.substring(eq + 3);
        }
        int times = term.indexOf(" \u00D7 ");
        if (times > 0) {
            return study.label(term.substring(0, times)) + " \u00D7 " + study.label(term.substring(times + 3));
        }
        return study.label(term);
    }

    // ---- group differences ----

    /** One table per grouping column, or {@code null} without group comparisons. */
    static List<Map<String, Object>> differences(Study study, Results results) {
        if (results.differences().isEmpty()) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (GroupDifferences d : results.differences()) {
            if (d.tests().isEmpty()) {
                continue;
            }
            List<GroupStatistics> first = d.tests().get(0).groups();
            boolean anova = d.tests().get(0) instanceof AnovaTest;
            List<Map<String, Object>> groups = new ArrayList<>();
            for (int i = 0; i < first.size(); i++) {
                groups.add(map("index", i + 1, "name", d.label(first.get(i).group()), "n", first.get(i).n()));
            }
            List<String> groupNames = first.stream().map(GroupStatistics::group).toList();
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean anyWelch = false;
            String posthocMethod = null;
            for (DifferenceTest test : d.tests()) {
                List<Map<String, Object>> cells = new ArrayList<>();
                for (String name : groupNames) {
                    GroupStatistics g = test.groups().stream().filter(s -> s.group().equals(name)).findFirst()
                            .orElse(null);
                    cells.add(g == null ? map("present", false)
                            : map("present", true, "mean", g.mean(), "sd", finite(g.sd()), "n", g.n()));
                }
                boolean welch = test.levene() != null && test.levene().p() < LEVENE_ALPHA;
                anyWelch |= welch;
                Map<String, Object> row = map("id", test.outcome(), "label", study.label(test.outcome()),
                        "cells", cells, "welch", welch, "leveneP", test.levene() == null ? null : finite(test.levene().p()));
                if (test instanceof TwoGroupTest t) {
                    row.put("statistic", finite(welch ? t.welch().t() : t.t().t()));
                    row.put("p", finite(welch ? t.welch().p() : t.t().p()));
                    row.put("effect", finite(t.t().cohenD()));
                    row.put("df2", welch ? (Object) finite(t.welch().df()) : (Object) t.t().df());
                } else if (test instanceof AnovaTest a) {
                    row.put("statistic", finite(welch ? a.welch().f() : a.anova().f()));
                    row.put("p", finite(welch ? a.welch().p() : a.anova().p()));
                    row.put("effect", finite(a.anova().etaSquared()));
                    row.put("df1", welch ? a.welch().df1() : a.anova().df1());
                    row.put("df2", welch ? (Object) finite(a.welch().df2()) : (Object) a.anova().df2());
                    if (a.posthoc() != null) {
                        posthocMethod = a.posthoc().method();
                        row.put("posthoc", String.join(", ", posthocSummary(groupNames, a.posthoc(),
                                study.significance())));
                    }
                }
                rows.add(row);
            }
            String method = posthocMethod != null ? posthocMethod : posthocOf(study, d.by());
            out.add(map("by", d.by(), "label", study.label(d.by()), "n", d.n(), "anova", anova, "groups", groups,
                    "rows", rows, "anyWelch", anyWelch, "posthocMethod", anova ? posthocName(method) : null));
        }
        return out.isEmpty() ? null : out;
    }

    /** The name of a post hoc method as papers write it. */
    static String posthocName(String method) {
        if (method == null) {
            return null;
        }
        return switch (method) {
            case "tukey" -> "Tukey HSD";
            case "lsd" -> "LSD";
            case "bonferroni" -> "Bonferroni";
            case "games-howell" -> "Games\u2013Howell";
            default -> method;
        };
    }

    private static String posthocOf(Study study, String by) {
        for (GroupComparison g : study.differences()) {
            if (g.by().equals(by)) {
                return g.posthoc().key();
            }
        }
        return null;
    }

    /**
     * The post hoc result as journals print it: each pair whose p is below {@code alpha}, as
     * group numbers (1-based, in {@code groups} order) with the larger mean first, {@code 1 > 3},
     * ordered by the first number, then the second. Empty when no pair differs.
     */
    static List<String> posthocSummary(List<String> groups, PostHoc posthoc, double alpha) {
        List<int[]> pairs = new ArrayList<>();
        for (PostHoc.Comparison c : posthoc.comparisons()) {
            if (!(c.p() < alpha) || Double.isNaN(c.difference()) || c.difference() == 0) {
                continue;
            }
            int a = groups.indexOf(c.a()) + 1;
            int b = groups.indexOf(c.b()) + 1;
            if (a == 0 || b == 0) {
                continue;
            }
            pairs.add(c.difference() > 0 ? new int[] {a, b} : new int[] {b, a});
        }
        pairs.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        List<String> out = new ArrayList<>();
        for (int[] p : pairs) {
            out.add(p[0] + "\u00a0>\u00a0" + p[1]); // a pair never breaks; the list wraps after its commas
        }
        return out;
    }

    // ---- hierarchical regression ----

    /** One table per hierarchical regression (with steps), or {@code null} without one. */
    static List<Map<String, Object>> hierarchical(Study study, Results results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RegressionResult r : results.regressions()) {
            if (r.steps() == null || r.steps().isEmpty()) {
                continue;
            }
            Set<String> terms = new LinkedHashSet<>();
            for (RegressionResult.Step s : r.steps()) {
                for (RegressionResult.Coefficient c : s.coefficients()) {
                    if (!RegressionResult.INTERCEPT.equals(c.term())) {
                        terms.add(c.term());
                    }
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String term : terms) {
                List<Map<String, Object>> cells = new ArrayList<>();
                for (RegressionResult.Step s : r.steps()) {
                    RegressionResult.Coefficient found = s.coefficients().stream()
                            .filter(c -> c.term().equals(term)).findFirst().orElse(null);
                    cells.add(found == null ? map("present", false)
                            : map("present", true, "beta", found.beta(), "b", found.b(), "p", found.p()));
                }
                rows.add(map("term", term, "label", termLabel(study, term), "cells", cells));
            }
            List<Map<String, Object>> steps = new ArrayList<>();
            int index = 1;
            for (RegressionResult.Step s : r.steps()) {
                steps.add(map("index", index++, "rSquared", s.rSquared(), "adjustedRSquared", s.adjustedRSquared(),
                        "f", s.f(), "p", s.p(), "dfRegression", s.dfRegression(), "dfResidual", s.dfResidual(),
                        "rSquaredChange", s.rSquaredChange(), "fChange", s.fChange(), "pChange", s.pChange(),
                        "df1", s.df1(), "df2", s.df2(), "fSquared", s.fSquared()));
            }
            out.add(map("dependent", r.dependent(), "dependentLabel", study.label(r.dependent()), "n", r.n(),
                    "steps", steps, "rows", rows));
        }
        return out.isEmpty() ? null : out;
    }

    // ---- mediation ----

    /** One table per mediation model, or {@code null} without one. */
    static List<Map<String, Object>> mediation(Study study, Results results) {
        if (results.mediation().isEmpty()) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Mediation m : results.mediation()) {
            String x = study.label(m.x());
            String y = study.label(m.y());
            List<Map<String, Object>> paths = new ArrayList<>();
            for (Mediation.MediatorPath a : m.a()) {
                paths.add(path("a", x + " \u2192 " + study.label(a.mediator()), a.b(), a.standardError(), a.t(), a.p(),
                        a.lower(), a.upper()));
            }
            for (Mediation.MediatorPath b : m.b()) {
                paths.add(path("b", study.label(b.mediator()) + " \u2192 " + y, b.b(), b.standardError(), b.t(), b.p(),
                        b.lower(), b.upper()));
            }
            Mediation.PathEstimate c = m.total();
            paths.add(path("c", x + " \u2192 " + y, c.b(), c.standardError(), c.t(), c.p(), c.lower(), c.upper()));
            Mediation.PathEstimate d = m.direct();
            paths.add(path("c\u2032", x + " \u2192 " + y, d.b(), d.standardError(), d.t(), d.p(), d.lower(), d.upper()));
            double totalEffect = c.b();
            List<Map<String, Object>> indirect = new ArrayList<>();
            for (Mediation.IndirectEffect e : m.indirect()) {
                indirect.add(map("label", x + " \u2192 " + study.label(e.mediator()) + " \u2192 " + y,
                        "total", false, "effect", e.effect(), "se", e.bootStandardError(), "lower", e.lower(),
                        "upper", e.upper(), "ratio", totalEffect == 0 ? null : 100 * e.effect() / totalEffect));
            }
            if (m.indirect().size() > 1 && m.totalIndirect() != null) {
                Mediation.BootstrapEstimate t = m.totalIndirect();
                indirect.add(map("total", true, "effect", t.effect(), "se", t.bootStandardError(), "lower", t.lower(),
                        "upper", t.upper(), "ratio", m.proportionMediated() == null ? null : 100 * m.proportionMediated()));
            }
            List<String> covariates = m.covariates().stream().map(study::label).toList();
            out.add(map("x", m.x(), "y", m.y(), "xLabel", x, "yLabel", y,
                    "mediatorLabels", m.mediators().stream().map(study::label).toList(), "covariates", covariates,
                    "n", m.n(), "paths", paths, "indirect", indirect,
                    "proportion", m.proportionMediated() == null ? null : 100 * m.proportionMediated()));
        }
        return out;
    }

    private static Map<String, Object> path(String name, String label, double b, double se, Double t, Double p,
                                            Double lower, Double upper) {
        return map("name", name, "label", label, "b", b, "se", se, "t", t, "p", p, "lower", lower, "upper", upper);
    }

    /** The bootstrap's settings for the mediation note, or {@code null}. */
    static Map<String, Object> bootstrap(Results results) {
        BootstrapRun b = results.bootstrap();
        if (b == null || results.mediation().isEmpty()) {
            return null;
        }
        return map("samples", b.samples(), "seed", b.seed(), "confidence", 100 * b.confidence(),
                "method", b.method());
    }

    // ---- moderation ----

    /** One table (and simple-slopes plot) per moderation model, or {@code null} without one. */
    static List<Map<String, Object>> moderation(Study study, Results results, NumberFormats fmt, String fontFamily) {
        if (results.moderation().isEmpty()) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Moderation m : results.moderation()) {
            List<Map<String, Object>> coefficients = new ArrayList<>();
            for (RegressionResult.Coefficient c : m.coefficients()) {
                boolean intercept = RegressionResult.INTERCEPT.equals(c.term());
                coefficients.add(map("intercept", intercept, "label", intercept ? null : termLabel(study, c.term()),
                        "b", c.b(), "se", c.standardError(), "t", c.t(), "p", c.p(), "lower", c.lower(),
                        "upper", c.upper()));
            }
            List<String> levels = SimpleSlopesPlot.levels(m);
            List<Map<String, Object>> slopes = new ArrayList<>();
            for (int i = 0; i < m.simpleSlopes().size(); i++) {
                Moderation.SimpleSlope s = m.simpleSlopes().get(i);
                slopes.add(map("level", i < levels.size() ? levels.get(i) : null, "w", s.moderatorValue(),
                        "effect", s.effect(), "se", s.standardError(), "t", finite(s.t()), "p", finite(s.p()),
                        "lower", s.lower(), "upper", s.upper()));
            }
            out.add(map("xLabel", study.label(m.x()), "wLabel", study.label(m.moderator()),
                    "yLabel", study.label(m.y()), "n", m.n(), "rSquared", m.rSquared(), "f", m.f(), "p", m.p(),
                    "dfRegression", m.dfRegression(), "dfResidual", m.dfResidual(),
                    "rSquaredChange", m.rSquaredChange(), "fChange", m.fChange(), "pChange", m.pChange(),
                    "df1", m.df1(), "df2", m.df2(), "coefficients", coefficients, "slopes", slopes,
                    "interaction", m.effects() == null || m.effects().interaction() == null ? null : path("b", study.label(m.x()) + " \u00D7 "
                            + study.label(m.moderator()), m.effects().interaction().b(), m.effects().interaction().standardError(),
                            m.effects().interaction().t(), m.effects().interaction().p(), m.effects().interaction().lower(), m.effects().interaction().upper()),
                    "twoLevels", m.simpleSlopes().size() == 2, "johnsonNeyman", m.johnsonNeyman(),
                    "min", m.moderatorMin(), "max", m.moderatorMax(),
                    "covariates", m.covariates().stream().map(study::label).toList(),
                    "plot", new SimpleSlopesPlot(study, results, m, fmt, fontFamily).svg()));
        }
        return out;
    }

    private static Double finite(Double value) {
        return value == null || Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }
}
