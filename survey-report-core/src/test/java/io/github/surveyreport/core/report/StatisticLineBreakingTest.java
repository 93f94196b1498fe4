package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatisticLineBreakingTest {
    @Test
    void noBreakInsideAStatistic() {
        String text = " = .955, t(4, 380) = −0.06, 95% CI [0.05, 0.21] were";
        // after the decimal point, around "=", after the minus sign, inside (4, 380) and [0.05, 0.21]
        assertThat(StatisticLineBreaking.allowed(text, text.indexOf("955"))).isFalse();
        assertThat(StatisticLineBreaking.allowed(text, text.indexOf("="))).isFalse();
        assertThat(StatisticLineBreaking.allowed(text, text.indexOf(".955"))).isFalse();
        assertThat(StatisticLineBreaking.allowed(text, text.indexOf("0.06"))).isFalse();
        assertThat(StatisticLineBreaking.allowed(text, text.indexOf("380"))).isFalse();
        assertThat(StatisticLineBreaking.allowed(text, text.indexOf("0.21"))).isFalse();
        // between statistics and words it may
        assertThat(StatisticLineBreaking.allowed(text, text.indexOf("t("))).isTrue();
        assertThat(StatisticLineBreaking.allowed(text, text.indexOf("were"))).isTrue();
    }
}
