package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.results.HypothesisResult;
import io.github.surveyreport.core.results.RegressionResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The results narrative states the numbers of the tables, formatted as the tables format them. */
class NarrativeTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> narrative(Fixtures.Analysed a, ReportOptions options) {
        Map<String, Object> model = ReportModel.build(a.study(), a.results(), null, options, "html", null, "",
                Map.of());
        return (Map<String, Object>) model.get("narrative");
    }

    private static String plain(Object markup) {
        return markup.toString().replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @Test
    void regressionStatesVarianceExplainedAndFWithItsDegreesOfFreedom() {
        Fixtures.Analysed a = Fixtures.structural(false);
        RegressionResult r = a.results().regressions().stream()
                .filter(x -> x.steps() == null && x.dependent().equals("A")).findFirst().orElseThrow();
        NumberFormats fmt = new NumberFormats(2);
        String text = plain(narrative(a, ReportOptions.defaults()).get("regression"));
        String expected = "The model explained " + fmt.percent(100 * r.rSquared()) + "% of the variance in "
                + a.study().label("A") + ", F(" + r.dfRegression() + ", " + r.dfResidual() + ") = " + fmt.num(r.f())
                + ", " + fmt.pText(r.p()) + ".";
        assertThat(text).contains(expected).contains("F(4, 526) = 42.15, p < .001");
        // every predictor with β, t with the residual degrees of freedom and p
        assertThat(text).contains("Extraversion (β = .39, t(526) = 9.32, p < .001)");
        assertThat(text).contains("Openness (β = .00, t(526) = −0.06, p = .951)");
    }

    @Test
    void chineseSentencesKeepThreeDecimalsAndFullWidthPunctuation() {
        Fixtures.Analysed a = Fixtures.structural(true);
        Map<String, Object> n = narrative(a, ReportOptions.defaults());
        assertThat(plain(n.get("regression"))).contains("模型解释了 Agreeableness 24.3% 的方差，F(4, 526) = 42.151，p < .001。");
        assertThat(plain(n.get("factorability"))).contains("χ²(300) = 4107.239，p < .001");
        assertThat(plain(n.get("hypotheses"))).contains("H1（Conscientiousness → Agreeableness）得到支持，β = .173，p < .001。");
    }

    @Test
    void eachHypothesisIsSupportedOrNotWithItsStatistic() {
        Fixtures.Analysed a = Fixtures.structural(false);
        String text = plain(narrative(a, ReportOptions.defaults()).get("hypotheses"));
        NumberFormats fmt = new NumberFormats(2);
        for (HypothesisResult h : a.results().hypotheses()) {
            assertThat(text).contains(h.id() + " (").contains(h.supported() ? "was supported" : "was not supported");
        }
        HypothesisResult h3 = a.results().hypotheses().stream().filter(h -> h.id().equals("H3")).findFirst().orElseThrow();
        assertThat(text).contains("H3 (Conscientiousness → Extraversion → Agreeableness) was supported, ab = "
                + fmt.num(h3.estimate()) + ", 95% CI [" + fmt.num(h3.lower()) + ", " + fmt.num(h3.upper()) + "].");
        assertThat(text).contains("H4 (Extraversion × Openness → Agreeableness) was not supported, b = 0.07, p = .065");
    }

    @Test
    void mediationModerationDifferencesAndHierarchicalStepsAreStated() {
        Fixtures.Analysed a = Fixtures.structural(false);
        Map<String, Object> n = narrative(a, ReportOptions.defaults());
        assertThat(plain(((List<?>) n.get("mediation")).get(0)))
                .contains("was 0.10, 95% CI [0.06, 0.14]; the interval excludes zero, indicating mediation (37.0% of the total effect)")
                .contains("c′ = 0.17, t(527) = 4.50, p < .001 (partial mediation)");
        assertThat(plain(((List<?>) n.get("moderation")).get(0)))
                .contains("The interaction of Extraversion and Openness was not significant, b = 0.07, t(527) = 1.85, p = .065");
        assertThat(plain(((List<?>) n.get("differences")).get(0)))
                .contains("Responses differed significantly by Gender in Agreeableness (t(291.82) = −5.73, p < .001, d = −0.57)");
        assertThat(plain(((List<?>) n.get("hierarchical")).get(0)))
                .contains("(Model 2) significantly increased the explained variance, ΔR² = .08, ΔF(2, 526) = 22.08, p < .001.");
    }

    @Test
    void measurementSentencesOfTheChineseSeedPaperUseItsThreeDecimals() {
        Fixtures.Analysed a = Fixtures.henan();
        Map<String, Object> n = narrative(a, ReportOptions.defaults());
        assertThat(n).containsKeys("reliability", "factorability", "efa", "regression", "hypotheses");
        assertThat(plain(n.get("reliability"))).startsWith("各变量的 Cronbach's α 系数介于 .");
        assertThat(plain(n.get("efa"))).contains("旋转后累计方差解释率为");
    }

    @Test
    void theLeadingZeroStyleReachesTheSentences() {
        Fixtures.Analysed a = Fixtures.henan();
        Map<String, Object> n = narrative(a, ReportOptions.defaults().withStyle(ReportOptions.NumberStyle.LEADING_ZERO));
        assertThat(plain(n.get("regression"))).contains("β = 0.344").contains("p < 0.001");
        assertThat(plain(n.get("convergent"))).contains("（载荷 0.50、CR 0.70、AVE 0.50）");
        assertThat(plain(n.get("reliability"))).contains("均高于 0.70");
    }

    @Test
    void theNarrativeOptionTurnsItOff() {
        Fixtures.Analysed a = Fixtures.structural(false);
        assertThat(narrative(a, ReportOptions.defaults().withNarrative(false))).isEmpty();
        ReportRenderer off = new ReportRenderer(ReportOptions.defaults().withNarrative(false), w -> { });
        assertThat(off.html(a.study(), a.results())).doesNotContain("class=\"narrative\"");
        ReportRenderer on = new ReportRenderer(ReportOptions.defaults(), w -> { });
        assertThat(on.html(a.study(), a.results())).contains("<p class=\"narrative\">");
    }

    @Test
    void statisticsAreItalicAndEscapedForTheMarkup() {
        Narrative en = new Narrative(new NumberFormats(2), false, 0.05);
        assertThat(en.p(0.0001)).isEqualTo("<i>p</i> &lt; .001");
        assertThat(en.p(0.0149)).isEqualTo("<i>p</i> = .015");
        assertThat(new Narrative(new NumberFormats(3, true), true, 0.05).p(0.0149)).isEqualTo("<i>p</i> = 0.015");
        assertThat(Narrative.esc("A & <B>")).isEqualTo("A &amp; &lt;B&gt;");
    }

    @Test
    void decimalsFollowTheLanguageUnlessSetAndTheStyleChoosesLeadingZeros() {
        ReportOptions defaults = ReportOptions.defaults();
        assertThat(defaults.decimalsFor(io.github.surveyreport.core.study.Language.EN)).isEqualTo(2);
        assertThat(defaults.decimalsFor(io.github.surveyreport.core.study.Language.ZH)).isEqualTo(3);
        assertThat(new ReportOptions(null, List.of(), 4, 0.5, null).decimalsFor(io.github.surveyreport.core.study.Language.EN))
                .isEqualTo(4);
        NumberFormats zero = defaults.withStyle(ReportOptions.NumberStyle.parse("leading-zero"))
                .numberFormats(io.github.surveyreport.core.study.Language.ZH);
        assertThat(zero.bounded(0.5512)).isEqualTo("0.551");
        assertThat(zero.bounded(-0.034)).isEqualTo("\u22120.034");
        assertThat(zero.p(0.0149)).isEqualTo("0.015");
        assertThat(zero.p(0.0001)).isEqualTo("< 0.001");
        assertThat(defaults.numberFormats(io.github.surveyreport.core.study.Language.EN).bounded(0.5512)).isEqualTo(".55");
    }
}
