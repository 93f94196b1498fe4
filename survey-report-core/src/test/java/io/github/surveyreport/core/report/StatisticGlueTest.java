package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatisticGlueTest {
    @Test
    void eachStatisticWithItsPunctuationIsOneNoWrapSpan() {
        assertThat(StatisticGlue.nowrap("Openness (<i>β</i> = .00, <i>t</i>(526) = −0.06, <i>p</i> = .951) were not."))
                .isEqualTo("Openness <span class=\"nowrap\">(<i>β</i> = .00,</span> "
                        + "<span class=\"nowrap\"><i>t</i>(526) = −0.06,</span> "
                        + "<span class=\"nowrap\"><i>p</i> = .951)</span> were not.");
        assertThat(StatisticGlue.nowrap("<i>χ</i>²/<i>df</i> = 2.41, Δ<i>R</i>² = .052; 95% CI [0.05, 0.21]"))
                .isEqualTo("<span class=\"nowrap\"><i>χ</i>²/<i>df</i> = 2.41,</span> "
                        + "<span class=\"nowrap\">Δ<i>R</i>² = .052;</span> <span class=\"nowrap\">95% CI [0.05, 0.21]</span>");
        assertThat(StatisticGlue.nowrap("The overall scale's <i>α</i> was .72.")).endsWith("was <span class=\"nowrap\">.72.</span>");
        assertThat(StatisticGlue.nowrap("<i>p</i> &lt; .001")).isEqualTo("<span class=\"nowrap\"><i>p</i> &lt; .001</span>");
        assertThat(StatisticGlue.nowrap("RMSEA = .051; at Openness = 0.12, <i>b</i> = 0.30"))
                .isEqualTo("<span class=\"nowrap\">RMSEA = .051;</span> at <span class=\"nowrap\">Openness = 0.12,</span> "
                        + "<span class=\"nowrap\"><i>b</i> = 0.30</span>");
        // words and whole numbers are left alone; no characters are added to the text
        assertThat(StatisticGlue.nowrap("Model 2 of H1")).isEqualTo("Model 2 of H1");
        assertThat(StatisticGlue.nowrap(null)).isNull();
    }
}
