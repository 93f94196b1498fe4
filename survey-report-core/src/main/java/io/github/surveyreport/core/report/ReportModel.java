package io.github.surveyreport.core.report;

import freemarker.template.SimpleNumber;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import io.github.surveyreport.core.gate.GateRule;
import io.github.surveyreport.core.results.Correlations;
import io.github.surveyreport.core.results.Descriptives;
import io.github.surveyreport.core.results.Efa;
import io.github.surveyreport.core.results.Factorability;
import io.github.surveyreport.core.results.HypothesisResult;
import io.github.surveyreport.core.results.ItemTotal;
import io.github.surveyreport.core.results.ProfileTable;
import io.github.surveyreport.core.results.Provenance;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.results.Reliability;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.results.ScaleReliability;
import io.github.surveyreport.core.study.Construct;
import io.github.surveyreport.core.study.Hypothesis;
import io.github.surveyreport.core.study.Language;
import io.github.surveyreport.core.study.ReportLayout;
import io.github.surveyreport.core.study.Study;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the data model the templates read: plain maps and lists in a fixed order, with every
 * derived quantity (mean squares, the grouping and sorting of the rotated matrix, blanks below
 * the cut-off, the lower triangle of the correlation matrix) computed here, so that templates
 * only format. Blocks that were not computed are absent ({@code null}), and the templates then
 * omit their tables.
 */
final class ReportModel {
    private ReportModel() {
    }

    static Map<String, Object> build(Study study, Results results, List<?> checks, ReportOptions options,
                                     String medium, String pdfFontFamily, String figureSvg,
                                     Map<String, String> downloads) {
        return build(study, results, checks, options, medium, pdfFontFamily, figureSvg, downloads, "sans-serif");
    }

    /** As above; {@code figureFont} is the font family of figures drawn in Java (the simple-slopes plots). */
    static Map<String, Object> build(Study study, Results results, List<?> checks, ReportOptions options,
                                     String medium, String pdfFontFamily, String figureSvg,
                                     Map<String, String> downloads, String figureFont) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("downloads", new LinkedHashMap<>(downloads));
        m.put("lang", study.language().code());
        m.put("medium", medium);
        // booleans for the templates' tests: FreeMarker compares strings after NFKC normalisation,
        // whose tables cost a cold JVM about 30 ms to load
        m.put("zh", study.language() == Language.ZH);
        m.put("pdf", "pdf".equals(medium));
        m.put("fmt", new FormatFunctions(options.numberFormats(study.language())));
        m.put("seq", new Numbering());
        // the report's tables and figures in the study file's order (ReportLayout): the templates to include
        m.put("mainTables", study.report().tables().stream().map(ReportLayout::template).toList());
        m.put("supplementTables", study.report().supplement().stream().map(ReportLayout::template).toList());
        m.put("title", blankToNull(study.title()));
        m.put("pdfFontFamily", pdfFontFamily);
        m.put("significance", study.significance());
        m.put("cutoff", options.loadingCutoff());
        m.put("sample", sample(results));
        m.put("measures", measures(study));
        m.put("profile", profile(results));
        m.put("reliability", reliability(study, results.reliability()));
        m.put("factorability", factorability(results.factorability()));
        m.put("efa", efa(study, results.efa(), options.loadingCutoff()));
        m.put("measurement", MeasurementReport.measurement(study, results));
        m.put("commonMethod", MeasurementReport.commonMethod(study, results));
        m.put("correlations", correlations(study, results));
        m.put("regressions", regressions(study, results.regressions()));
        m.put("compact", compact(study, results.regressions()));
        m.put("differences", StructuralReport.differences(study, results));
        m.put("hierarchical", StructuralReport.hierarchical(study, results));
        m.put("mediation", StructuralReport.mediation(study, results));
        m.put("bootstrap", StructuralReport.bootstrap(results));
        m.put("moderation", StructuralReport.moderation(study, results, options.numberFormats(study.language()),
                figureFont));
        m.put("hypotheses", hypotheses(study, results.hypotheses()));
        m.put("claimsDiffer", results.hypotheses().stream().anyMatch(h -> !h.claimHolds()));
        m.put("figure", figureSvg);
        m.put("figureFromHypotheses", !results.hypotheses().isEmpty());
        m.put("figureStructural", !results.mediation().isEmpty() || !results.moderation().isEmpty());
        m.put("checks", checks(checks));
        m.put("warnings", results.warnings());
        m.put("provenance", provenance(results));
        // the results narrative: sentences from the blocks above, with the tables' number formats
        m.put("narrative", options.narrative()
                ? new Narrative(options.numberFormats(study.language()), study.language() == Language.ZH,
                study.significance()).build(study, results, m)
                : Map.of());
        return m;
    }

    /**
     * {@code seq} in the templates: {@code seq.table()}, {@code seq.figure()} and {@code seq.appendix()}
     * hand out manuscript table, figure and appendix table numbers in the order the template asks for them.
     */
    static final class Numbering implements TemplateHashModel {
        private int tables;
        private int figures;
        private int appendix;
        private final TemplateMethodModelEx table = args -> new SimpleNumber(++tables);
        private final TemplateMethodModelEx appendixTable = args -> new SimpleNumber(++appendix);
        private final TemplateMethodModelEx figure = args -> new SimpleNumber(++figures);

        @Override
        public TemplateModel get(String key) {
            return switch (key) {
                case "table" -> table;
                case "figure" -> figure;
                case "appendix" -> appendixTable;
                default -> null;
            };
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    private static Map<String, Object> sample(Results results) {
        if (results.sample() == null) {
            return null;
        }
        // the columns with the most missing values first, at most five: what caused the exclusions
        List<Map<String, Object>> missing = new ArrayList<>();
        results.sample().missingByColumn().entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(5)
                .forEach(e -> missing.add(map("column", e.getKey(), "count", e.getValue())));
        return map("read", results.sample().read(), "n", results.sample().n(), "excluded", results.sample().excluded(),
                "missing", missing, "missingColumns", results.sample().missingByColumn().size());
    }

    private static List<Map<String, Object>> measures(Study study) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Construct c : study.constructs()) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (String item : c.items()) {
                items.add(map("id", item, "text", study.labels().get(item), "reversed", c.reverse().contains(item)));
            }
            out.add(map("id", c.id(), "label", study.label(c.id()), "items", items));
        }
        return out.isEmpty() ? null : out;
    }

    private static List<Map<String, Object>> profile(Results results) {
        if (results.sample() == null || results.sample().profile().isEmpty()) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProfileTable table : results.sample().profile()) {
            List<Map<String, Object>> categories = new ArrayList<>();
            for (ProfileTable.Category c : table.categories()) {
                categories.add(map("value", c.value(), "count", c.count(), "percent", c.percent()));
            }
            double missingPercent = results.sample().n() == 0 ? 0 : 100.0 * table.missing() / results.sample().n();
            out.add(map("column", table.column(), "label", table.label() == null ? table.column() : table.label(),
                    "multiple", table.multiple(), "categories", categories,
                    "missing", table.missing(), "missingPercent", missingPercent,
                    "rows", categories.size() + (table.missing() > 0 ? 1 : 0)));
        }
        return out;
    }

    private static Map<String, Object> reliability(Study study, Reliability reliability) {
        if (reliability == null) {
            return null;
        }
        List<Map<String, Object>> constructs = new ArrayList<>();
        reliability.constructs().forEach((id, scale) -> constructs.add(scale(study, id, scale)));
        Set<String> withScale = reliability.constructs().keySet();
        List<String> singleItem = new ArrayList<>();
        for (Construct c : study.constructs()) {
            if (!withScale.contains(c.id())) {
                singleItem.add(study.label(c.id()));
            }
        }
        ScaleReliability overall = reliability.overall();
        return map("overall", overall == null ? null : scale(study, null, overall),
                "constructs", constructs, "singleItem", singleItem);
    }

    private static Map<String, Object> scale(Study study, String id, ScaleReliability scale) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ItemTotal row : scale.itemTotal()) {
            items.add(map("id", row.item(), "text", study.labels().get(row.item()),
                    "scaleMean", row.scaleMeanIfDeleted(), "scaleVariance", row.scaleVarianceIfDeleted(),
                    "citc", row.correctedItemTotalCorrelation(), "smc", row.squaredMultipleCorrelation(),
                    "alphaIfDeleted", row.alphaIfDeleted()));
        }
        return map("id", id, "label", id == null ? null : study.label(id), "alpha", scale.alpha(),
                "standardizedAlpha", scale.standardizedAlpha(), "itemCount", scale.items().size(),
                "items", items, "note", scale.note());
    }

    private static Map<String, Object> factorability(Factorability f) {
        if (f == null) {
            return null;
        }
        Factorability.Bartlett b = f.bartlett();
        return map("kmo", f.kmo(), "determinant", f.determinant(),
                "chiSquare", b == null ? null : b.chiSquare(), "df", b == null ? null : b.df(),
                "p", b == null ? null : b.p(), "reason", f.reason());
    }

    private static Map<String, Object> efa(Study study, Efa efa, double cutoff) {
        if (efa == null) {
            return null;
        }
        int k = efa.factors();
        List<Integer> components = new ArrayList<>();
        for (int j = 1; j <= k; j++) {
            components.add(j);
        }
        Efa.VarianceExplained v = efa.varianceExplained();
        List<Map<String, Object>> variance = new ArrayList<>();
        for (int i = 0; i < v.initial().size(); i++) {
            variance.add(map("component", i + 1, "initial", row(v.initial().get(i)),
                    "extraction", i < v.extraction().size() ? row(v.extraction().get(i)) : null,
                    "rotation", i < v.rotation().size() ? row(v.rotation().get(i)) : null));
        }

        // Show the constructs in the order of their components (block-diagonal, like SPSS "sorted by
        // size"), each construct's items sorted by their loading on its component. The component
        // of a construct is the engine's (Efa.componentOfConstruct), the one the gate checks
        // loadings on; constructs without one follow, items in study order.
        Map<String, List<Double>> loadings = efa.rotatedLoadings();
        List<Group> groups = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        int order = 0;
        for (Construct c : study.constructs()) {
            List<String> items = c.items().stream().filter(loadings::containsKey).toList();
            if (items.isEmpty()) {
                continue;
            }
            int component = efa.componentIndexOf(c.id());
            groups.add(new Group(study.label(c.id()), items, component < 0 ? k : component, order++));
            placed.addAll(items);
        }
        List<String> rest = loadings.keySet().stream().filter(i -> !placed.contains(i)).toList();
        if (!rest.isEmpty()) {
            groups.add(new Group(null, rest, k + 1, order));
        }
        groups.sort(Comparator.comparingInt(Group::component).thenComparingInt(Group::order));

        List<Map<String, Object>> matrix = new ArrayList<>();
        for (Group g : groups) {
            int column = g.component();
            List<String> sorted = new ArrayList<>(g.items());
            if (column < k) {
                sorted.sort(Comparator.comparingDouble((String item) -> -loadings.get(item).get(column)));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String item : sorted) {
                List<Double> shown = new ArrayList<>();
                for (double l : loadings.get(item)) {
                    shown.add(Math.abs(l) < cutoff ? null : l);
                }
                rows.add(map("id", item, "text", study.labels().get(item), "loadings", shown,
                        "communality", efa.communalities().get(item)));
            }
            matrix.add(map("label", g.label(), "rows", rows));
        }
        List<Map<String, Object>> rotated = new ArrayList<>();
        for (Efa.VarianceRow r : v.rotation()) {
            rotated.add(row(r));
        }
        return map("factors", k, "kaiserFactors", efa.kaiserFactors(), "components", components,
                "variance", variance, "matrix", matrix, "rotated", rotated);
    }

    /** {@code component}: the construct's (0-based), k for a construct without one, k + 1 for items of none. */
    private record Group(String label, List<String> items, int component, int order) {
    }

    private static Map<String, Object> row(Efa.VarianceRow r) {
        return map("total", r.total(), "percent", r.percent(), "cumulative", r.cumulativePercent());
    }

    private static Map<String, Object> correlations(Study study, Results results) {
        Correlations c = results.correlations();
        Descriptives d = results.descriptives();
        if (c == null || d == null || d.constructs() == null) {
            return null;
        }
        Map<String, Descriptives.ConstructDescriptives> byId = new HashMap<>();
        for (Descriptives.ConstructDescriptives cd : d.constructs()) {
            byId.put(cd.id(), cd);
        }
        Map<String, ScaleReliability> alphas = results.reliability() == null ? Map.of()
                : results.reliability().constructs();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> vars = c.variables();
        for (int i = 0; i < vars.size(); i++) {
            String id = vars.get(i);
            Descriptives.ConstructDescriptives cd = byId.get(id);
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int j = 0; j < vars.size(); j++) {
                if (j < i) {
                    cells.add(map("kind", "r", "lower", true, "diagonal", false,
                            "r", c.r().get(i).get(j), "p", c.p().get(i).get(j)));
                } else if (j == i) {
                    ScaleReliability s = alphas.get(id);
                    cells.add(map("kind", "diagonal", "lower", false, "diagonal", true,
                            "alpha", s == null ? null : s.alpha()));
                } else {
                    cells.add(map("kind", "blank", "lower", false, "diagonal", false));
                }
            }
            rows.add(map("index", i + 1, "id", id, "label", study.label(id),
                    "mean", cd == null ? null : cd.mean(), "sd", cd == null ? null : cd.sd(), "cells", cells));
        }
        long n = results.sample() == null ? 0 : results.sample().n();
        return map("rows", rows, "n", n);
    }

    private static List<Map<String, Object>> regressions(Study study, List<RegressionResult> regressions) {
        if (regressions == null || regressions.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        int index = 1;
        for (RegressionResult r : regressions) {
            List<Map<String, Object>> coefficients = new ArrayList<>();
            for (RegressionResult.Coefficient c : r.coefficients()) {
                boolean intercept = RegressionResult.INTERCEPT.equals(c.term());
                coefficients.add(map("term", c.term(), "label", intercept ? null : StructuralReport.termLabel(study, c.term()),
                        "intercept", intercept, "b", c.b(), "se", c.standardError(), "lower", c.lower(),
                        "upper", c.upper(), "beta", c.beta(),
                        "t", c.t(), "p", c.p(), "tolerance", c.tolerance(), "vif", c.vif()));
            }
            int dfTotal = r.dfRegression() + r.dfResidual();
            List<String> predictorLabels = r.predictors().stream().map(study::label).toList();
            boolean withCi = r.coefficients().stream().anyMatch(c -> c.lower() != null);
            out.add(map("index", index++, "dependent", r.dependent(), "dependentLabel", study.label(r.dependent()),
                    "predictorLabels", predictorLabels, "n", r.n(), "r", r.r(), "rSquared", r.rSquared(), "adjustedRSquared", r.adjustedRSquared(),
                    "se", r.standardErrorOfEstimate(), "durbinWatson", r.durbinWatson(), "f", r.f(), "p", r.p(),
                    "dfRegression", r.dfRegression(), "dfResidual", r.dfResidual(), "dfTotal", dfTotal,
                    "ssRegression", r.sumOfSquaresRegression(), "ssResidual", r.sumOfSquaresResidual(),
                    "ssTotal", r.sumOfSquaresTotal(),
                    "msRegression", r.dfRegression() == 0 ? null : r.sumOfSquaresRegression() / r.dfRegression(),
                    "msResidual", r.dfResidual() == 0 ? null : r.sumOfSquaresResidual() / r.dfResidual(),
                    "coefficients", coefficients, "withCi", withCi, "note", r.note()));
        }
        return out;
    }

    /**
     * The seed paper's regression table: predictors as rows, one β column per model. Hierarchical
     * regressions have a table of their own (model by model) and are left out here.
     */
    private static Map<String, Object> compact(Study study, List<RegressionResult> all) {
        List<RegressionResult> regressions = all == null ? List.of()
                : all.stream().filter(r -> r.steps() == null).toList();
        if (regressions.isEmpty()) {
            return null;
        }
        Set<String> terms = new LinkedHashSet<>();
        for (RegressionResult r : regressions) {
            terms.addAll(r.predictors());
        }
        List<Map<String, Object>> models = new ArrayList<>();
        for (RegressionResult r : regressions) {
            models.add(map("dependent", r.dependent(), "label", study.label(r.dependent()), "f", r.f(), "p", r.p(),
                    "rSquared", r.rSquared(), "adjustedRSquared", r.adjustedRSquared(),
                    "dfRegression", r.dfRegression(), "dfResidual", r.dfResidual(), "n", r.n()));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String term : terms) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (RegressionResult r : regressions) {
                RegressionResult.Coefficient found = null;
                for (RegressionResult.Coefficient c : r.coefficients()) {
                    if (c.term().equals(term)) {
                        found = c;
                    }
                }
                cells.add(found == null ? map("present", false)
                        : map("present", true, "beta", found.beta(), "t", found.t(), "p", found.p(),
                        "vif", found.vif()));
            }
            rows.add(map("term", term, "label", StructuralReport.termLabel(study, term), "cells", cells));
        }
        return map("models", models, "rows", rows);
    }

    private static List<Map<String, Object>> hypotheses(Study study, List<HypothesisResult> results) {
        if (results == null || results.isEmpty()) {
            return null;
        }
        Map<String, Hypothesis> specs = new HashMap<>();
        for (Hypothesis h : study.hypotheses()) {
            specs.put(h.id(), h);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (HypothesisResult h : results) {
            Hypothesis spec = specs.get(h.id());
            out.add(map("id", h.id(), "text", spec == null ? null : blankToNull(spec.text()),
                    "from", h.from(), "to", h.to(), "fromLabel", study.label(h.from()), "toLabel", study.label(h.to()),
                    "positive", spec == null || spec.sign() == Hypothesis.Sign.POSITIVE,
                    "beta", h.beta(), "p", h.p(), "supported", h.supported(),
                    "kind", h.kind() == null ? "path" : h.kind(), "via", h.via(),
                    "viaLabel", h.via() == null ? null : study.label(h.via()), "estimate", h.estimate(),
                    "lower", h.lower(), "upper", h.upper(), "expected", h.expected(), "claimHolds", h.claimHolds()));
        }
        return out;
    }

    private static Map<String, Object> checks(List<?> checks) {
        if (checks == null) {
            return null;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean passed = true;
        int failed = 0;
        for (Object check : checks) {
            Object value = property(check, "value");
            Object limit = property(check, "limit");
            String name = text(property(check, "name"));
            String kind = checkKind(name, value, limit);
            Map<String, Object> row = map("name", name,
                    "subject", text(property(check, "subject")), "value", value, "limit", limit,
                    "kind", kind, "pValue", kind.equals("p"), "bounded", kind.equals("bounded"),
                    "passed", Boolean.TRUE.equals(property(check, "passed")),
                    "message", text(property(check, "message")));
            if (!(Boolean) row.get("passed")) {
                passed = false;
                failed++;
            }
            rows.add(row);
        }
        return map("rows", rows, "passed", passed, "failed", failed, "total", rows.size());
    }

    /**
     * How a check's numbers print, as its {@link GateRule} writes its statistic: {@code p} for p
     * values, {@code bounded} for statistics bounded by 1 (alpha, KMO, loadings), {@code num}
     * for the others (VIF). A check of no known rule (a template fed its own checks) is
     * {@code bounded} when value and limit lie within ±1, else {@code num}.
     */
    static String checkKind(String name, Object value, Object limit) {
        GateRule rule = GateRule.named(name).orElse(null);
        if (rule != null) {
            return switch (rule.scale()) {
                case P_VALUE -> "p";
                case BOUNDED -> "bounded";
                case UNBOUNDED -> "num";
            };
        }
        boolean bounded = (value == null || isBounded(value)) && (limit == null || isBounded(limit))
                && (value != null || limit != null);
        return bounded ? "bounded" : "num";
    }

    private static boolean isBounded(Object number) {
        return number instanceof Number n && Math.abs(n.doubleValue()) <= 1;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A property of a check given as a map, a record or a bean-like object with accessors. */
    private static Object property(Object source, String name) {
        if (source == null) {
            return null;
        }
        if (source instanceof Map<?, ?> map) {
            return map.get(name);
        }
        try {
            return source.getClass().getMethod(name).invoke(source);
        } catch (ReflectiveOperationException | RuntimeException e) {
            try {
                String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
                return source.getClass().getMethod(getter).invoke(source);
            } catch (ReflectiveOperationException | RuntimeException e2) {
                return null;
            }
        }
    }

    /** The quality gate's checks carried by the results, or {@code null} when no gate was evaluated. */
    static List<?> checksOf(Results results) {
        return results.checks();
    }

    private static Map<String, Object> provenance(Results results) {
        Provenance p = results.provenance();
        long n = results.sample() == null ? 0 : results.sample().n();
        if (p == null) {
            return map("n", n);
        }
        return map("dataFile", p.dataFile(), "dataSha256", p.dataSha256(), "studyFile", p.studyFile(),
                "studySha256", p.studySha256(), "encoding", p.encoding(), "delimiter", p.delimiter(),
                "engineVersion", p.engineVersion(), "n", n);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** An insertion-ordered map from alternating keys and values; null values are left out. */
    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }
}
