package io.github.surveyreport.core.report;

import io.github.surveyreport.core.results.HypothesisResult;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results narrative: under each table, a short paragraph that states its result in words, in
 * the house style of the report's language (APA 7 in English; 模型解释了…的方差 in Chinese). The
 * sentences are built from the same template model the tables are printed from ({@link ReportModel})
 * and with the same {@link NumberFormats}, so prose and tables cannot disagree. Statistics follow
 * APA 7 so that statcheck can read them: {@code F(4, 380) = 135.23, p < .001},
 * {@code t(380) = 2.45, p = .015}, {@code χ²(24) = 85.31}; symbols are italic.
 *
 * <p>Each sentence is XHTML markup (labels escaped, symbols in {@code <i>}), which the templates
 * print unescaped in a {@code <p class="narrative">}. {@link #build} returns the {@code narrative}
 * block of the template model: one entry per table, absent where the table is absent.
 */
final class Narrative {
    /** Commonly cited minimum of Cronbach's α, composite reliability. */
    private static final double MIN_ALPHA = 0.70;
    private static final double MIN_LOADING = 0.50;
    private static final double MIN_AVE = 0.50;
    private static final double MAX_HTMT = 0.85;
    private static final double MIN_KMO = 0.60;

    private final NumberFormats fmt;
    private final boolean zh;
    private final double alpha;

    Narrative(NumberFormats fmt, boolean zh, double significance) {
        this.fmt = fmt;
        this.zh = zh;
        this.alpha = significance;
    }

    /** The narrative block of {@code model} (built by {@link ReportModel}); entries only for tables that exist. */
    @SuppressWarnings("unchecked")
    Map<String, Object> build(Study study, Results results, Map<String, Object> model) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "reliability", reliability((Map<String, Object>) model.get("reliability")));
        put(out, "factorability", factorability((Map<String, Object>) model.get("factorability")));
        put(out, "efa", efa((Map<String, Object>) model.get("efa")));
        Map<String, Object> measurement = (Map<String, Object>) model.get("measurement");
        if (measurement != null) {
            put(out, "cfaFit", cfaFit((Map<String, Object>) measurement.get("fit")));
            put(out, "convergent", convergent((List<Map<String, Object>>) measurement.get("constructs")));
            put(out, "fornellLarcker", fornellLarcker((Map<String, Object>) measurement.get("fornellLarcker")));
            put(out, "htmt", htmt((Map<String, Object>) measurement.get("htmt")));
        }
        put(out, "commonMethod", commonMethod((Map<String, Object>) model.get("commonMethod")));
        put(out, "correlations", correlations((Map<String, Object>) model.get("correlations")));
        put(out, "differences", each((List<Map<String, Object>>) model.get("differences"), this::differences));
        put(out, "regression", regressions(study, results));
        put(out, "hierarchical", each((List<Map<String, Object>>) model.get("hierarchical"), this::hierarchical));
        Map<String, Object> bootstrap = (Map<String, Object>) model.get("bootstrap");
        put(out, "mediation", each((List<Map<String, Object>>) model.get("mediation"), m -> mediation(m, bootstrap)));
        put(out, "moderation", each((List<Map<String, Object>>) model.get("moderation"), this::moderation));
        put(out, "hypotheses", hypotheses((List<Map<String, Object>>) model.get("hypotheses")));
        out.replaceAll((key, value) -> value instanceof List<?> list
                ? list.stream().map(v -> typeset((String) v)).toList() : typeset((String) value));
        return out;
    }

    /**
     * The last touch: each statistic's symbol and value kept together ({@link #keepStatistics}),
     * and in Chinese no space between two Chinese characters.
     */
    private String typeset(String s) {
        return keepStatistics(zh ? cjkSpacing(s) : s);
    }

    /**
     * Wraps each "symbol = value" ({@code <i>p</i> = .187}, {@code <i>F</i>(4, 380) = 135.23},
     * {@code Δ<i>R</i>² = .02}, {@code <i>p</i> &lt; .001}) in {@code <span class="stat">}, which
     * the stylesheet sets as an inline block: Flying Saucer may break a line where the italic
     * symbol's element ends, leaving "p" at the end of one line and "= .187" at the start of the
     * next, and no line-breaking rule reaches across elements; an inline block moves to the next
     * line whole, in Chinese text (no spaces) too. The DOCX and the LaTeX read the span as text.
     */
    static String keepStatistics(String s) {
        return s == null ? null : STATISTIC.matcher(s).replaceAll("<span class=\"stat\">$1</span>");
    }

    private static final java.util.regex.Pattern STATISTIC = java.util.regex.Pattern.compile(
            "(Δ?<i>[^<]{1,4}</i>²?(?:/<i>df</i>)?(?:\\([^()<]{1,24}\\))?(?: = | &lt; | &gt; )[−-]?\\d*\\.?\\d+%?)");

    /** Chinese typesetting: no space between two Chinese characters (or full-width punctuation). */
    static String cjkSpacing(String s) {
        return s == null ? null : CJK_SPACE.matcher(s).replaceAll("");
    }

    private static final java.util.regex.Pattern CJK_SPACE = java.util.regex.Pattern.compile(
            "(?<=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]) +(?=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF])");

    // ---- measurement ----

    @SuppressWarnings("unchecked")
    String reliability(Map<String, Object> reliability) {
        if (reliability == null) {
            return null;
        }
        List<Map<String, Object>> constructs = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) reliability.get("constructs")) {
            if (number(c.get("alpha")) != null) {
                constructs.add(c);
            }
        }
        if (constructs.isEmpty()) {
            return null;
        }
        Map<String, Object> min = constructs.get(0);
        Map<String, Object> max = constructs.get(0);
        List<String> low = new ArrayList<>();
        for (Map<String, Object> c : constructs) {
            double a = number(c.get("alpha"));
            if (a < number(min.get("alpha"))) {
                min = c;
            }
            if (a > number(max.get("alpha"))) {
                max = c;
            }
            if (a < MIN_ALPHA) {
                low.add(esc(c.get("label")));
            }
        }
        Map<String, Object> overall = (Map<String, Object>) reliability.get("overall");
        String alphaSym = "Cronbach's <i>α</i>";
        StringBuilder s = new StringBuilder();
        if (zh) {
            if (constructs.size() == 1) {
                s.append(esc(min.get("label"))).append(" 的 ").append(alphaSym).append(" 系数为 ")
                        .append(fmt.bounded(min.get("alpha")));
            } else {
                s.append("各变量的 ").append(alphaSym).append(" 系数介于 ").append(fmt.bounded(min.get("alpha")))
                        .append("（").append(esc(min.get("label"))).append("）与 ").append(fmt.bounded(max.get("alpha")))
                        .append("（").append(esc(max.get("label"))).append("）之间");
            }
            if (low.isEmpty()) {
                s.append("，").append(constructs.size() == 1 ? "" : "均").append("高于 ").append(fmt.bounded(MIN_ALPHA, 2))
                        .append("，信度良好");
            } else {
                s.append("，其中 ").append(String.join("、", low)).append(" 低于 ").append(fmt.bounded(MIN_ALPHA, 2));
            }
            if (overall != null && number(overall.get("alpha")) != null) {
                s.append("；总量表的 <i>α</i> 系数为 ").append(fmt.bounded(overall.get("alpha")));
            }
            return s.append("。").toString();
        }
        if (constructs.size() == 1) {
            s.append(alphaSym).append(" of ").append(esc(min.get("label"))).append(" was ").append(fmt.bounded(min.get("alpha")));
        } else {
            s.append(alphaSym).append(" ranged from ").append(fmt.bounded(min.get("alpha"))).append(" (")
                    .append(esc(min.get("label"))).append(") to ").append(fmt.bounded(max.get("alpha"))).append(" (")
                    .append(esc(max.get("label"))).append(")");
        }
        if (low.isEmpty()) {
            s.append(constructs.size() == 1 ? ", above " : ", all above ").append(fmt.bounded(MIN_ALPHA, 2))
                    .append(", the commonly cited minimum");
        } else {
            s.append("; ").append(joinEn(low)).append(low.size() == 1 ? " was" : " were").append(" below ")
                    .append(fmt.bounded(MIN_ALPHA, 2));
        }
        if (overall != null && number(overall.get("alpha")) != null) {
            s.append(". The overall scale's <i>α</i> was ").append(fmt.bounded(overall.get("alpha")));
        }
        return s.append(".").toString();
    }

    String factorability(Map<String, Object> f) {
        if (f == null || number(f.get("kmo")) == null || number(f.get("chiSquare")) == null) {
            return null;
        }
        boolean significant = number(f.get("p")) != null && number(f.get("p")) < alpha;
        boolean suitable = significant && number(f.get("kmo")) >= MIN_KMO;
        String chi = chi(f.get("df"), f.get("chiSquare")) + sep() + p(f.get("p"));
        if (zh) {
            return "KMO 值为 " + fmt.bounded(f.get("kmo")) + "，Bartlett 球形检验" + (significant ? "显著" : "不显著") + "，"
                    + chi + "，" + (suitable ? "数据适合进行因子分析。" : "数据不宜进行因子分析。");
        }
        return "The Kaiser–Meyer–Olkin measure of sampling adequacy was " + fmt.bounded(f.get("kmo"))
                + " and Bartlett's test of sphericity was " + (significant ? "significant" : "not significant") + ", "
                + chi + (suitable ? "; the data were suitable for factor analysis." : "; the data were not clearly suitable for factor analysis.");
    }

    @SuppressWarnings("unchecked")
    String efa(Map<String, Object> efa) {
        if (efa == null) {
            return null;
        }
        List<Map<String, Object>> rotated = (List<Map<String, Object>>) efa.get("rotated");
        if (rotated == null || rotated.isEmpty()) {
            return null;
        }
        Object cumulative = rotated.get(rotated.size() - 1).get("cumulative");
        int k = ((Number) efa.get("factors")).intValue();
        boolean kaiser = efa.get("kaiserFactors") instanceof Number kf && kf.intValue() == k;
        if (zh) {
            return "采用主成分分析法并经最大方差旋转，共提取 " + k + " 个" + (kaiser ? "特征值大于 1 的" : "") + "因子，旋转后累计方差解释率为 "
                    + fmt.num(cumulative) + "%。";
        }
        return "Principal component analysis with varimax rotation extracted " + k + (k == 1 ? " component" : " components")
                + (kaiser ? " with eigenvalues above 1" : "") + ", which together explained " + fmt.num(cumulative)
                + "% of the variance after rotation.";
    }

    String cfaFit(Map<String, Object> f) {
        if (f == null || number(f.get("chiSquare")) == null) {
            return null;
        }
        List<String> stats = new ArrayList<>();
        stats.add(chi(f.get("df"), f.get("chiSquare")) + sep() + p(f.get("p")));
        if (number(f.get("chiSquareDf")) != null) {
            stats.add("<i>χ</i>²/<i>df</i> = " + fmt.num(f.get("chiSquareDf")));
        }
        List<String> failed = new ArrayList<>();
        index(stats, failed, "CFI", f.get("cfi"), 0.90, true);
        index(stats, failed, "TLI", f.get("tli"), 0.90, true);
        if (number(f.get("rmsea")) != null) {
            String rmsea = "RMSEA = " + fmt.bounded(f.get("rmsea"));
            if (number(f.get("rmseaLower")) != null && number(f.get("rmseaUpper")) != null) {
                rmsea += zh ? "，90% CI [" : ", 90% CI [";
                rmsea += fmt.bounded(f.get("rmseaLower")) + ", " + fmt.bounded(f.get("rmseaUpper")) + "]";
            }
            stats.add(rmsea);
            if (number(f.get("rmsea")) >= 0.08) {
                failed.add("RMSEA");
            }
        }
        index(stats, failed, "SRMR", f.get("srmr"), 0.08, false);
        String joined = String.join(sep(), stats);
        if (zh) {
            return (failed.isEmpty() ? "测量模型拟合良好，各拟合指标均达到常用标准，"
                    : "测量模型的 " + String.join("、", failed) + " 未达到常用标准，") + joined + "。";
        }
        return (failed.isEmpty() ? "The measurement model fit the data well by the commonly cited criteria, "
                : "The measurement model did not meet the commonly cited criteria for " + joinEn(failed) + ", ")
                + joined + ".";
    }

    private void index(List<String> stats, List<String> failed, String name, Object value, double limit, boolean above) {
        Double v = number(value);
        if (v == null) {
            return;
        }
        stats.add(name + " = " + fmt.bounded(value));
        if (above ? v <= limit : v >= limit) {
            failed.add(name);
        }
    }

    @SuppressWarnings("unchecked")
    String convergent(List<Map<String, Object>> constructs) {
        if (constructs == null || constructs.isEmpty()) {
            return null;
        }
        Double loadMin = null;
        Double loadMax = null;
        Double crMin = null;
        Double crMax = null;
        Double aveMin = null;
        Double aveMax = null;
        List<String> weak = new ArrayList<>();
        for (Map<String, Object> c : constructs) {
            boolean ok = true;
            for (Map<String, Object> i : (List<Map<String, Object>>) c.get("items")) {
                Double std = number(i.get("std"));
                if (std != null) {
                    loadMin = loadMin == null ? std : Math.min(loadMin, std);
                    loadMax = loadMax == null ? std : Math.max(loadMax, std);
                    ok &= std >= MIN_LOADING;
                }
            }
            Double cr = number(c.get("cr"));
            Double ave = number(c.get("ave"));
            if (cr != null) {
                crMin = crMin == null ? cr : Math.min(crMin, cr);
                crMax = crMax == null ? cr : Math.max(crMax, cr);
                ok &= cr >= MIN_ALPHA;
            }
            if (ave != null) {
                aveMin = aveMin == null ? ave : Math.min(aveMin, ave);
                aveMax = aveMax == null ? ave : Math.max(aveMax, ave);
                ok &= ave >= MIN_AVE;
            }
            if (!ok) {
                weak.add(esc(c.get("label")));
            }
        }
        if (loadMin == null || crMin == null || aveMin == null) {
            return null;
        }
        String limits = zh ? "（载荷 .50、CR .70、AVE .50）" : " (loading .50, CR .70, AVE .50)";
        if (fmt.leadingZero()) {
            limits = limits.replace(" .", " 0.").replace("（载荷 .", "（载荷 0.").replace("、CR .", "、CR 0.").replace("、AVE .", "、AVE 0.");
        }
        if (zh) {
            return "各题项的标准化载荷介于 " + fmt.bounded(loadMin) + " 与 " + fmt.bounded(loadMax) + " 之间，组合信度（CR）介于 "
                    + fmt.bounded(crMin) + " 与 " + fmt.bounded(crMax) + " 之间，平均方差抽取量（AVE）介于 " + fmt.bounded(aveMin)
                    + " 与 " + fmt.bounded(aveMax) + " 之间，"
                    + (weak.isEmpty() ? "均达到常用标准" + limits + "，收敛效度良好。"
                    : "其中 " + String.join("、", weak) + " 未全部达到常用标准" + limits + "。");
        }
        return "Standardized loadings ranged from " + fmt.bounded(loadMin) + " to " + fmt.bounded(loadMax)
                + ", composite reliability from " + fmt.bounded(crMin) + " to " + fmt.bounded(crMax) + ", and AVE from "
                + fmt.bounded(aveMin) + " to " + fmt.bounded(aveMax) + "; "
                + (weak.isEmpty() ? "all constructs met the commonly cited minimums" + limits + ", supporting convergent validity."
                : joinEn(weak) + (weak.size() == 1 ? " did" : " did") + " not meet all the commonly cited minimums" + limits + ".");
    }

    @SuppressWarnings("unchecked")
    String fornellLarcker(Map<String, Object> matrix) {
        if (matrix == null) {
            return null;
        }
        List<Map<String, Object>> rows = (List<Map<String, Object>>) matrix.get("rows");
        int k = rows.size();
        Double[] diagonal = new Double[k];
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            List<Map<String, Object>> cells = (List<Map<String, Object>>) rows.get(i).get("cells");
            for (int j = 0; j <= i; j++) {
                Map<String, Object> c = cells.get(j);
                Double v = number(c.get("value"));
                if (j == i) {
                    diagonal[i] = v;
                } else {
                    r[i][j] = v == null ? 0 : Math.abs(v);
                    r[j][i] = r[i][j];
                }
            }
        }
        List<String> failing = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (diagonal[i] == null) {
                return null;
            }
            for (int j = 0; j < k; j++) {
                if (j != i && r[i][j] >= diagonal[i]) {
                    failing.add(esc(rows.get(i).get("label")));
                    break;
                }
            }
        }
        if (zh) {
            return failing.isEmpty() ? "各变量 AVE 的平方根均大于其与其他变量的相关系数，区分效度良好（Fornell &amp; Larcker, 1981）。"
                    : String.join("、", failing) + " 的 AVE 平方根未大于其与其他变量的全部相关系数，区分效度不足（Fornell &amp; Larcker, 1981）。";
        }
        return failing.isEmpty()
                ? "The square root of each construct's AVE exceeded its correlations with the other constructs, supporting discriminant validity (Fornell &amp; Larcker, 1981)."
                : "The square root of AVE of " + joinEn(failing) + " did not exceed all of " + (failing.size() == 1 ? "its" : "their")
                + " correlations with the other constructs, so discriminant validity is not established for "
                + (failing.size() == 1 ? "it" : "them") + " (Fornell &amp; Larcker, 1981).";
    }

    @SuppressWarnings("unchecked")
    String htmt(Map<String, Object> matrix) {
        if (matrix == null) {
            return null;
        }
        List<Map<String, Object>> rows = (List<Map<String, Object>>) matrix.get("rows");
        double max = Double.NEGATIVE_INFINITY;
        String pair = null;
        List<String> above = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Map<String, Object>> cells = (List<Map<String, Object>>) row.get("cells");
            for (int j = 0; j < cells.size(); j++) {
                Map<String, Object> c = cells.get(j);
                Double v = Boolean.TRUE.equals(c.get("lower")) ? number(c.get("value")) : null;
                if (v == null) {
                    continue;
                }
                String names = esc(rows.get(j).get("label")) + (zh ? " 与 " : " and ") + esc(row.get("label"));
                if (v > max) {
                    max = v;
                    pair = names;
                }
                if (v >= MAX_HTMT) {
                    above.add(names + (zh ? "（" : " (") + fmt.bounded(v) + (zh ? "）" : ")"));
                }
            }
        }
        if (pair == null) {
            return null;
        }
        String limit = fmt.bounded(MAX_HTMT, 2);
        if (zh) {
            return above.isEmpty() ? "各 HTMT 值均低于 " + limit + "，最大值为 " + fmt.bounded(max) + "（" + pair + "），区分效度良好。"
                    : "HTMT 值超过 " + limit + " 的有：" + String.join("；", above) + "，这些变量之间的区分效度不足。";
        }
        return above.isEmpty() ? "All HTMT ratios were below " + limit + " (largest " + fmt.bounded(max) + ", " + pair
                + "), supporting discriminant validity."
                : "The HTMT ratio exceeded " + limit + " for " + joinEn(above) + ", so these constructs are not clearly distinct.";
    }

    String commonMethod(Map<String, Object> cm) {
        if (cm == null || number(cm.get("harmanPercent")) == null) {
            return null;
        }
        boolean below = number(cm.get("harmanPercent")) < 50;
        String percent = fmt.percent(cm.get("harmanPercent")) + "%";
        if (zh) {
            return "Harman 单因素检验中，第一个未旋转因子解释了 " + percent + " 的方差，" + (below ? "低于 50%，不存在严重的共同方法偏差。"
                    : "超过 50%，可能存在共同方法偏差。");
        }
        return "In Harman's single-factor test, the first unrotated factor explained " + percent + " of the variance, "
                + (below ? "below 50%, so common method bias is unlikely to be a serious concern."
                : "above 50%, so common method bias may be a concern.");
    }

    // ---- correlations and differences ----

    @SuppressWarnings("unchecked")
    String correlations(Map<String, Object> correlations) {
        if (correlations == null) {
            return null;
        }
        Double min = null;
        Double max = null;
        int total = 0;
        int significant = 0;
        for (Map<String, Object> row : (List<Map<String, Object>>) correlations.get("rows")) {
            for (Map<String, Object> c : (List<Map<String, Object>>) row.get("cells")) {
                Double r = Boolean.TRUE.equals(c.get("lower")) ? number(c.get("r")) : null;
                if (r == null) {
                    continue;
                }
                total++;
                min = min == null ? r : Math.min(min, r);
                max = max == null ? r : Math.max(max, r);
                Double p = number(c.get("p"));
                if (p != null && p < alpha) {
                    significant++;
                }
            }
        }
        if (total == 0) {
            return null;
        }
        String level = fmt.bounded(alpha, 2);
        if (zh) {
            String range = total == 1 ? "两个变量的相关系数为 " + fmt.bounded(min) : "各变量之间的相关系数介于 " + fmt.bounded(min) + " 与 " + fmt.bounded(max) + " 之间";
            String sig = significant == total ? (total == 1 ? "，在 " : "，均在 ") + level + " 水平上显著"
                    : significant == 0 ? "，均不显著" : "，其中 " + significant + " 个在 " + level + " 水平上显著";
            return range + sig + "。";
        }
        String range = total == 1 ? "The correlation of the two constructs was " + fmt.bounded(min)
                : "Correlations among the constructs ranged from " + fmt.bounded(min) + " to " + fmt.bounded(max);
        String sig = significant == total ? (total == 1 ? ", significant at " : "; all were significant at ") + level
                : significant == 0 ? (total == 1 ? ", not significant" : "; none was significant")
                : "; " + significant + " of " + total + " were significant at " + level;
        return range + sig + ".";
    }

    @SuppressWarnings("unchecked")
    String differences(Map<String, Object> d) {
        boolean anova = Boolean.TRUE.equals(d.get("anova"));
        List<String> significant = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) d.get("rows")) {
            if (number(r.get("statistic")) == null) {
                continue;
            }
            String stat = anova ? "<i>F</i>(" + df(r.get("df1")) + ", " + df(r.get("df2")) + ") = " + fmt.num(r.get("statistic"))
                    : "<i>t</i>(" + df(r.get("df2")) + ") = " + fmt.num(r.get("statistic"));
            stat += sep() + p(r.get("p"));
            if (number(r.get("effect")) != null) {
                stat += sep() + (anova ? "<i>η</i>² = " + fmt.bounded(r.get("effect")) : "<i>d</i> = " + fmt.num(r.get("effect")));
            }
            boolean sig = number(r.get("p")) != null && number(r.get("p")) < alpha;
            String label = esc(r.get("label"));
            if (sig) {
                String posthoc = anova && r.get("posthoc") instanceof String ph && !ph.isBlank()
                        ? (zh ? "；事后比较：" : "; post hoc: ") + esc(ph) : "";
                significant.add(label + (zh ? "（" : " (") + stat + posthoc + (zh ? "）" : ")"));
            } else {
                not.add(label + (zh ? "（" : " (") + stat + (zh ? "）" : ")"));
            }
        }
        if (significant.isEmpty() && not.isEmpty()) {
            return null;
        }
        String by = esc(d.get("label"));
        if (zh) {
            StringBuilder s = new StringBuilder();
            if (!significant.isEmpty()) {
                s.append("不同").append(by).append("的受访者在 ").append(String.join("、", significant)).append(" 上存在显著差异");
            }
            if (!not.isEmpty()) {
                s.append(s.length() == 0 ? "不同" + by + "的受访者在 " : "；在 ").append(String.join("、", not)).append(" 上差异不显著");
            }
            return s.append("。").toString();
        }
        StringBuilder s = new StringBuilder();
        if (!significant.isEmpty()) {
            s.append("Responses differed significantly by ").append(by).append(" in ").append(joinEn(significant));
        }
        if (!not.isEmpty()) {
            s.append(s.length() == 0 ? "Responses did not differ significantly by " + by + " in " : "; they did not differ significantly in ")
                    .append(joinEn(not));
        }
        return s.append(".").toString();
    }

    // ---- regressions ----

    /** One sentence group per regression of the compact table (those without steps). */
    String regressions(Study study, Results results) {
        List<RegressionResult> all = results.regressions() == null ? List.of()
                : results.regressions().stream().filter(r -> r.steps() == null).toList();
        if (all.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (RegressionResult r : all) {
            out.add(regression(study, r));
        }
        return String.join(" ", out);
    }

    String regression(Study study, RegressionResult r) {
        String dv = esc(study.label(r.dependent()));
        String f = "<i>F</i>(" + r.dfRegression() + ", " + r.dfResidual() + ") = " + fmt.num(r.f()) + sep() + p(r.p());
        String percent = fmt.percent(100 * r.rSquared()) + "%";
        StringBuilder s = new StringBuilder(zh ? "模型解释了 " + dv + " " + percent + " 的方差，" + f + "。"
                : "The model explained " + percent + " of the variance in " + dv + ", " + f + ".");
        List<String> significant = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (RegressionResult.Coefficient c : r.coefficients()) {
            if (RegressionResult.INTERCEPT.equals(c.term())) {
                continue;
            }
            String stat = (c.beta() == null ? "<i>B</i> = " + fmt.num(c.b()) : "<i>β</i> = " + fmt.bounded(c.beta()))
                    + sep() + "<i>t</i>(" + r.dfResidual() + ") = " + fmt.num(c.t()) + sep() + p(c.p());
            String item = esc(StructuralReport.termLabel(study, c.term())) + (zh ? "（" : " (") + stat + (zh ? "）" : ")");
            if (c.p() != null && c.p() < alpha) {
                significant.add(item);
            } else {
                not.add(item);
            }
        }
        if (zh) {
            if (!significant.isEmpty()) {
                s.append(String.join("、", significant)).append(" 对 ").append(dv).append(" 的影响显著");
            }
            if (!not.isEmpty()) {
                s.append(significant.isEmpty() ? "" : "，").append(String.join("、", not)).append(" 的影响不显著");
            }
            if (!significant.isEmpty() || !not.isEmpty()) {
                s.append("。");
            }
            return s.toString();
        }
        if (!significant.isEmpty()) {
            s.append(" ").append(capitalize(joinEn(significant))).append(significant.size() == 1 ? " was a significant predictor"
                    : " were significant predictors");
        }
        if (!not.isEmpty()) {
            s.append(significant.isEmpty() ? " " + capitalize(joinEn(not)) : "; " + joinEn(not))
                    .append(not.size() == 1 ? " was not" : " were not")
                    .append(significant.isEmpty() ? (not.size() == 1 ? " a significant predictor" : " significant predictors") : "");
        }
        if (!significant.isEmpty() || !not.isEmpty()) {
            s.append(".");
        }
        return s.toString();
    }

    @SuppressWarnings("unchecked")
    String hierarchical(Map<String, Object> h) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) h.get("steps");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) h.get("rows");
        String dv = esc(h.get("dependentLabel"));
        List<String> out = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            Map<String, Object> s = steps.get(k);
            List<String> added = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                List<Map<String, Object>> cells = (List<Map<String, Object>>) row.get("cells");
                boolean now = Boolean.TRUE.equals(cells.get(k).get("present"));
                boolean before = k > 0 && Boolean.TRUE.equals(cells.get(k - 1).get("present"));
                if (now && !before) {
                    added.add(esc(row.get("label")));
                }
            }
            String names = zh ? String.join("、", added) : joinEn(added);
            String model = zh ? "模型 " + s.get("index") : "Model " + s.get("index");
            if (k == 0) {
                String f = "<i>F</i>(" + df(s.get("dfRegression")) + ", " + df(s.get("dfResidual")) + ") = " + fmt.num(s.get("f"))
                        + sep() + p(s.get("p"));
                out.add(zh ? model + "（" + names + "）解释了 " + dv + " " + fmt.percent(100 * number(s.get("rSquared"))) + "% 的方差，" + f + "。"
                        : model + " (" + names + ") explained " + fmt.percent(100 * number(s.get("rSquared"))) + "% of the variance in "
                        + dv + ", " + f + ".");
            } else {
                boolean sig = number(s.get("pChange")) != null && number(s.get("pChange")) < alpha;
                String change = "Δ<i>R</i>² = " + fmt.bounded(s.get("rSquaredChange")) + sep() + "Δ<i>F</i>(" + df(s.get("df1"))
                        + ", " + df(s.get("df2")) + ") = " + fmt.num(s.get("fChange")) + sep() + p(s.get("pChange"));
                out.add(zh ? model + " 加入 " + names + " 后，解释的方差" + (sig ? "显著增加" : "未显著增加") + "，" + change + "。"
                        : "Adding " + names + " (" + model + ") " + (sig ? "significantly increased" : "did not significantly increase")
                        + " the explained variance, " + change + ".");
            }
        }
        return String.join(zh ? "" : " ", out);
    }

    // ---- mediation and moderation ----

    @SuppressWarnings("unchecked")
    String mediation(Map<String, Object> m, Map<String, Object> bootstrap) {
        String x = esc(m.get("xLabel"));
        String y = esc(m.get("yLabel"));
        String level = bootstrap == null ? "95" : fmt.num(bootstrap.get("confidence"), 0);
        String samples = bootstrap == null ? null : fmt.integer(bootstrap.get("samples"));
        List<String> out = new ArrayList<>();
        boolean anyMediation = false;
        for (Map<String, Object> e : (List<Map<String, Object>>) m.get("indirect")) {
            boolean total = Boolean.TRUE.equals(e.get("total"));
            if (number(e.get("lower")) == null || number(e.get("upper")) == null) {
                continue; // no interval, nothing to state
            }
            double lower = number(e.get("lower"));
            double upper = number(e.get("upper"));
            boolean excludesZero = lower > 0 || upper < 0;
            anyMediation |= excludesZero;
            String ci = level + "% CI [" + fmt.num(e.get("lower")) + ", " + fmt.num(e.get("upper")) + "]";
            String ratio = number(e.get("ratio")) == null ? "" : fmt.percent(e.get("ratio")) + "%";
            String label = esc(e.get("label"));
            if (zh) {
                out.add((total ? "总间接效应" : label + " 的间接效应") + "为 " + fmt.num(e.get("effect")) + "，" + ci + "，区间"
                        + (excludesZero ? "不包含 0，中介效应成立" + (ratio.isEmpty() ? "" : "，占总效应的 " + ratio)
                        : "包含 0，中介效应不成立") + "。");
            } else {
                out.add((total ? "The total indirect effect" : "The indirect effect (" + label + ")") + " was " + fmt.num(e.get("effect"))
                        + ", " + ci + (excludesZero ? "; the interval excludes zero, indicating mediation"
                        + (ratio.isEmpty() ? "" : " (" + ratio + " of the total effect)")
                        : "; the interval includes zero, so mediation is not supported") + ".");
            }
        }
        Map<String, Object> direct = null;
        for (Map<String, Object> path : (List<Map<String, Object>>) m.get("paths")) {
            if ("c\u2032".equals(path.get("name"))) {
                direct = path;
            }
        }
        if (direct != null && number(direct.get("p")) != null && anyMediation) {
            boolean sig = number(direct.get("p")) < alpha;
            int predictors = 1 + ((List<?>) m.get("mediatorLabels")).size() + ((List<?>) m.get("covariates")).size();
            long dfResidual = ((Number) m.get("n")).longValue() - predictors - 1;
            String stat = "<i>c</i>′ = " + fmt.num(direct.get("b")) + sep() + "<i>t</i>(" + dfResidual + ") = "
                    + fmt.num(direct.get("t")) + sep() + p(direct.get("p"));
            out.add(zh ? "控制中介变量后，" + x + " 对 " + y + " 的直接效应" + (sig ? "仍然显著" : "不显著") + "，" + stat + "，为"
                    + (sig ? "部分中介" : "完全中介") + "。"
                    : "The direct effect of " + x + " on " + y + " was " + (sig ? "still significant" : "not significant") + ", "
                    + stat + (sig ? " (partial mediation)." : " (full mediation)."));
        }
        if (samples != null) {
            out.add(zh ? "置信区间为 " + samples + " 次 Bootstrap 抽样的百分位区间。"
                    : "Intervals are percentile bootstrap intervals of " + samples + " resamples.");
        }
        return String.join(zh ? "" : " ", out);
    }

    @SuppressWarnings("unchecked")
    String moderation(Map<String, Object> m) {
        Map<String, Object> interaction = (Map<String, Object>) m.get("interaction");
        if (interaction == null || number(interaction.get("p")) == null) {
            return null;
        }
        String x = esc(m.get("xLabel"));
        String w = esc(m.get("wLabel"));
        String y = esc(m.get("yLabel"));
        String dfResidual = df(m.get("dfResidual"));
        boolean sig = number(interaction.get("p")) < alpha;
        String stat = "<i>b</i> = " + fmt.num(interaction.get("b")) + sep() + "<i>t</i>(" + dfResidual + ") = "
                + fmt.num(interaction.get("t")) + sep() + p(interaction.get("p"));
        String change = "Δ<i>R</i>² = " + fmt.bounded(m.get("rSquaredChange")) + sep() + "<i>F</i>(" + df(m.get("df1")) + ", "
                + df(m.get("df2")) + ") = " + fmt.num(m.get("fChange")) + sep() + p(m.get("pChange"));
        StringBuilder s = new StringBuilder();
        if (zh) {
            s.append(x).append(" 与 ").append(w).append(" 的交互项").append(sig ? "显著" : "不显著").append("，").append(stat)
                    .append("，").append(change).append("，").append(w).append(sig ? " 调节了 " : " 未调节 ").append(x)
                    .append(" 对 ").append(y).append(" 的影响。");
        } else {
            s.append("The interaction of ").append(x).append(" and ").append(w).append(" was ")
                    .append(sig ? "significant" : "not significant").append(", ").append(stat).append(", ").append(change)
                    .append(sig ? "; " + w + " moderated the effect of " + x + " on " + y + "."
                            : "; " + w + " did not moderate the effect of " + x + " on " + y + ".");
        }
        List<String> slopes = new ArrayList<>();
        for (Map<String, Object> slope : (List<Map<String, Object>>) m.get("slopes")) {
            Object level = slope.get("level");
            String at;
            if (level == null) {
                at = zh ? "在 " + w + " = " + fmt.num(slope.get("w")) + " 时，" : "at " + w + " = " + fmt.num(slope.get("w")) + ", ";
            } else if ("M".equals(level)) {
                at = zh ? "在 " + w + " 取均值时，" : "at the mean of " + w + ", ";
            } else {
                at = zh ? "在 " + w + " 取 " + esc(level) + " 时，" : "at " + esc(level) + " of " + w + ", ";
            }
            slopes.add(at + "<i>b</i> = " + fmt.num(slope.get("effect")) + sep()
                    + "<i>t</i>(" + dfResidual + ") = " + fmt.num(slope.get("t")) + sep() + p(slope.get("p")));
        }
        if (sig && !slopes.isEmpty()) {
            s.append(zh ? "简单斜率分析显示，" + x + " 对 " + y + " 的效应" + String.join("；", slopes) + "。"
                    : " Simple slopes of " + x + " on " + y + ": " + joinSemicolon(slopes) + ".");
        }
        return s.toString();
    }

    // ---- hypotheses ----

    String hypotheses(List<Map<String, Object>> hypotheses) {
        if (hypotheses == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Object> h : hypotheses) {
            String kind = String.valueOf(h.get("kind"));
            String from = esc(h.get("fromLabel"));
            String to = esc(h.get("toLabel"));
            String via = esc(h.get("viaLabel"));
            String path = HypothesisResult.path(kind, from, via, to);
            String stat = switch (kind) {
                case "indirect" -> "<i>ab</i> = " + fmt.num(h.get("estimate")) + sep() + "95% CI [" + fmt.num(h.get("lower"))
                        + ", " + fmt.num(h.get("upper")) + "]";
                case "interaction" -> "<i>b</i> = " + fmt.num(h.get("estimate")) + sep() + p(h.get("p"));
                default -> "<i>β</i> = " + fmt.bounded(h.get("beta")) + sep() + p(h.get("p"));
            };
            boolean supported = Boolean.TRUE.equals(h.get("supported"));
            String id = esc(h.get("id"));
            if (zh) {
                String claim = Boolean.FALSE.equals(h.get("claimHolds")) ? "（与文稿所报告的结论不符）" : "";
                out.add(id + "（" + path + "）" + (supported ? "得到支持" : "未得到支持") + "，" + stat + claim + "。");
            } else {
                String claim = Boolean.FALSE.equals(h.get("claimHolds")) ? " (contrary to what the manuscript reports)" : "";
                out.add(id + " (" + path + ") was " + (supported ? "supported" : "not supported") + ", " + stat + claim + ".");
            }
        }
        return String.join(zh ? "" : " ", out);
    }

    // ---- pieces ----

    /** {@code p = .015} or {@code p < .001}, p italic, as markup. */
    String p(Object value) {
        String p = fmt.p(value);
        if (p.startsWith("<")) {
            return "<i>p</i> &lt; " + p.substring(1).trim();
        }
        return "<i>p</i> = " + p;
    }

    /** {@code χ²(24) = 85.31} as markup. */
    private String chi(Object df, Object value) {
        return "<i>χ</i>²(" + df(df) + ") = " + fmt.num(value);
    }

    /** Degrees of freedom: whole numbers as integers, Welch's fractional ones with two decimals. */
    private String df(Object value) {
        Double d = number(value);
        if (d == null) {
            return NumberFormats.MISSING;
        }
        return d == Math.rint(d) ? fmt.integer(value) : fmt.num(value, 2);
    }

    /** The separator between statistics: a comma, in Chinese the full-width one. */
    private String sep() {
        return zh ? "，" : ", ";
    }

    private static String joinEn(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        if (items.size() == 2) {
            return items.get(0) + " and " + items.get(1);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.get(items.size() - 1);
    }

    private static String joinSemicolon(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join("; ", items.subList(0, items.size() - 1)) + "; and " + items.get(items.size() - 1);
    }

    private static String capitalize(String s) {
        return s.isEmpty() || s.startsWith("<") ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
        }
        return null;
    }

    /** Text for markup: {@code &}, {@code <}, {@code >} escaped, characters XML forbids replaced. */
    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        return XmlChars.valid(value.toString()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static <T> List<String> each(List<T> blocks, java.util.function.Function<T, String> sentence) {
        if (blocks == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (T b : blocks) {
            String s = sentence.apply(b);
            out.add(s == null ? "" : s);
        }
        return out;
    }

    private static void put(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
