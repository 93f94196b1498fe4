package io.github.surveyreport.core.report;

import static io.github.surveyreport.core.report.ReportModel.map;

import io.github.surveyreport.core.results.Cfa;
import io.github.surveyreport.core.results.CfaFit;
import io.github.surveyreport.core.results.CfaLoading;
import io.github.surveyreport.core.results.CommonMethod;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.results.ScaleReliability;
import io.github.surveyreport.core.study.Construct;
import io.github.surveyreport.core.study.Study;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report model of the measurement model: the CFA's fit, convergent validity (loadings, CR,
 * AVE beside α and ω), discriminant validity (factor correlations under √AVE, Fornell–Larcker;
 * HTMT) and the common-method-bias checks. Like {@link ReportModel}, only arranges numbers of
 * the {@link Results} for the templates, which format them.
 */
final class MeasurementReport {
    private MeasurementReport() {
    }

    /** The {@code measurement} block, or {@code null} without a CFA. */
    static Map<String, Object> measurement(Study study, Results results) {
        Cfa cfa = results.cfa();
        if (cfa == null) {
            return null;
        }
        Map<String, ScaleReliability> scales = results.reliability() == null ? Map.of()
                : results.reliability().constructs();
        List<Map<String, Object>> constructs = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Construct c : study.constructs()) {
            Cfa.ConstructValidity validity = cfa.constructs().get(c.id());
            if (validity == null) {
                excluded.add(study.label(c.id()));
                continue;
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (CfaLoading loading : cfa.loadings()) {
                if (loading.construct().equals(c.id())) {
                    items.add(map("id", loading.item(), "estimate", loading.estimate(), "se", loading.standardError(),
                            "z", loading.z(), "p", loading.p(), "std", loading.standardized(),
                            "marker", loading.item().equals(c.items().get(0))));
                }
            }
            ScaleReliability scale = scales.get(c.id());
            constructs.add(map("id", c.id(), "label", study.label(c.id()), "items", items, "cr", validity.cr(),
                    "ave", validity.ave(), "alpha", scale == null ? null : scale.alpha(),
                    "omega", scale == null ? null : scale.omega()));
        }
        List<String> ids = new ArrayList<>(cfa.constructs().keySet());
        Map<String, Object> fit = cfa.fit() == null ? null : fit(cfa.fit());
        return map("n", cfa.n(), "wishart", "wishart".equals(cfa.likelihood()), "fit", fit,
                "constructs", constructs, "excluded", excluded,
                "fornellLarcker", lower(study, ids, cfa.factorCorrelations(), cfa),
                "htmt", cfa.htmt() == null || cfa.htmt().isEmpty() ? null : lower(study, ids, cfa.htmt(), null),
                "note", note(cfa));
    }

    private static Map<String, Object> fit(CfaFit f) {
        return map("chiSquare", f.chiSquare(), "df", f.df(), "p", f.p(), "chiSquareDf", f.chiSquareDf(),
                "rmsea", f.rmsea(), "rmseaLower", f.rmseaLower(), "rmseaUpper", f.rmseaUpper(), "cfi", f.cfi(),
                "tli", f.tli(), "srmr", f.srmr(), "gfi", f.gfi(), "agfi", f.agfi(), "nfi", f.nfi(), "ifi", f.ifi());
    }

    /** Why the fit or loadings should be read with care: no convergence, an improper solution. */
    private static String note(Cfa cfa) {
        if (cfa.convergence() == null) {
            return null;
        }
        List<String> problems = cfa.convergence().problems();
        return problems.isEmpty() ? null : String.join(" ", problems);
    }

    /**
     * A lower-triangular matrix of the factors in {@code ids}: {@code values} below the diagonal,
     * and on it √AVE when {@code cfa} is given (Fornell–Larcker), else nothing.
     */
    private static Map<String, Object> lower(Study study, List<String> ids, Map<String, Map<String, Double>> values,
                                             Cfa cfa) {
        if (values == null || ids.size() < 2) {
            return null;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<Map<String, Object>> cells = new ArrayList<>();
            Map<String, Double> row = values.get(ids.get(i));
            for (int j = 0; j < ids.size(); j++) {
                if (j < i) {
                    cells.add(map("lower", true, "diagonal", false,
                            "value", row == null ? null : row.get(ids.get(j))));
                } else if (j == i) {
                    cells.add(map("lower", false, "diagonal", true,
                            "value", cfa == null ? null : cfa.constructs().get(ids.get(i)).sqrtAve()));
                } else {
                    cells.add(map("lower", false, "diagonal", false));
                }
            }
            rows.add(map("index", i + 1, "id", ids.get(i), "label", study.label(ids.get(i)), "cells", cells));
        }
        return map("rows", rows);
    }

    /** The {@code commonMethod} block, or {@code null} with fewer than two constructs. */
    static Map<String, Object> commonMethod(Study study, Results results) {
        CommonMethod cm = results.commonMethod();
        // Harman's test is about items of several constructs (see GateRule.MAX_HARMAN_VARIANCE)
        if (cm == null || study.constructs().size() < 2) {
            return null;
        }
        int items = study.constructs().stream().mapToInt(c -> c.items().size()).sum();
        List<Map<String, Object>> models = new ArrayList<>();
        if (cm.oneFactor() != null && results.cfa() != null && results.cfa().fit() != null) {
            CfaFit m = results.cfa().fit();
            models.add(map("measurement", true, "chiSquare", m.chiSquare(), "df", m.df(), "chiSquareDf",
                    m.chiSquareDf(), "rmsea", m.rmsea(), "cfi", m.cfi(), "tli", m.tli(), "srmr", m.srmr()));
            CommonMethod.OneFactor o = cm.oneFactor();
            models.add(map("measurement", false, "chiSquare", o.chiSquare(), "df", o.df(), "chiSquareDf",
                    o.df() == 0 ? null : o.chiSquare() / o.df(), "rmsea", o.rmsea(), "cfi", o.cfi(), "tli", o.tli(),
                    "srmr", o.srmr()));
        }
        return map("harmanPercent", 100 * cm.harmanFirstFactorVariance(), "harmanFactors", cm.harmanFactors(),
                "items", items, "models", models, "deltaChiSquare", cm.deltaChiSquare(), "deltaDf", cm.deltaDf(),
                "deltaP", cm.deltaP());
    }
}
