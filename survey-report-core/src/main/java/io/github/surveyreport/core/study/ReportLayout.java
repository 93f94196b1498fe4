package io.github.surveyreport.core.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which tables and figures the report shows and in what order (study file {@code report}): the
 * manuscript's ({@code tables}) and the supplementary ones ({@code supplement}); each section is
 * numbered in the order shown, tables and figures apart. A table whose analysis the study does
 * not run is left out wherever it is listed. The quality-gate table and the provenance always
 * close the report as its appendix.
 *
 * @param tables     the manuscript section's tables and figures, in order
 * @param supplement the supplementary section's, in order
 */
public record ReportLayout(List<String> tables, List<String> supplement) implements java.io.Serializable {

    /** The manuscript section by default: measurement, then structural results, hypotheses and the model. */
    public static final List<String> DEFAULT_TABLES = List.of("measures", "reliability", "kmo", "validity",
            "cfa-fit", "convergent", "discriminant", "common-method", "differences", "regression", "hierarchical",
            "mediation", "moderation", "hypotheses", "model");
    /** The supplementary section by default: SPSS's detail tables. */
    public static final List<String> DEFAULT_SUPPLEMENT = List.of("profile", "correlations", "item-total",
            "variance", "model-summary", "anova", "coefficients");
    /** Every name a section may list. */
    public static final List<String> NAMES;

    static {
        List<String> all = new ArrayList<>(DEFAULT_TABLES);
        all.addAll(DEFAULT_SUPPLEMENT);
        NAMES = List.copyOf(all);
    }

    /** The report as it is without a {@code report} section. */
    public static final ReportLayout DEFAULT = new ReportLayout(DEFAULT_TABLES, DEFAULT_SUPPLEMENT);

    public ReportLayout {
        tables = List.copyOf(tables);
        supplement = List.copyOf(supplement);
    }

    /**
     * The layout of a study file's {@code report} section: a section not given keeps its
     * default, less the names the other section lists (a table moved into the manuscript leaves
     * the supplement).
     *
     * @param tables     the {@code tables} list, or {@code null} when not given
     * @param supplement the {@code supplement} list, or {@code null} when not given
     */
    public static ReportLayout of(List<String> tables, List<String> supplement) {
        List<String> main = tables != null ? tables : without(DEFAULT_TABLES, supplement);
        List<String> extra = supplement != null ? supplement : without(DEFAULT_SUPPLEMENT, tables);
        return new ReportLayout(main, extra);
    }

    private static List<String> without(List<String> defaults, List<String> listed) {
        if (listed == null) {
            return defaults;
        }
        Set<String> taken = new LinkedHashSet<>(listed);
        return defaults.stream().filter(name -> !taken.contains(name)).toList();
    }

    /** The template file of a name: {@code figure-model.ftlx} for the model, else {@code table-NAME.ftlx}. */
    public static String template(String name) {
        return name.equals("model") ? "figure-model.ftlx" : "table-" + name + ".ftlx";
    }
}
