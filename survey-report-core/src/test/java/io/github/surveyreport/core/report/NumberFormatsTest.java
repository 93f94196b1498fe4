package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumberFormatsTest {
    private final NumberFormats fmt = new NumberFormats(3);

    @Test
    void boundedValuesHaveNoLeadingZero() {
        assertThat(fmt.bounded(0.9024)).isEqualTo(".902");
        assertThat(fmt.bounded(0.0344)).isEqualTo(".034");
        assertThat(fmt.bounded(-0.0344)).isEqualTo("\u2212.034");
        assertThat(fmt.bounded(1.0)).isEqualTo("1.000");
        assertThat(fmt.bounded(-1.0)).isEqualTo("\u22121.000");
        assertThat(fmt.bounded(0.5, 2)).isEqualTo(".50");
    }

    @Test
    void otherValuesKeepTheLeadingZero() {
        assertThat(fmt.num(0.5912)).isEqualTo("0.591");
        assertThat(fmt.num(-0.5912253)).isEqualTo("\u22120.591");
        assertThat(fmt.num(2834.5947085)).isEqualTo("2834.595");
        assertThat(fmt.num(135.22493)).isEqualTo("135.225");
        assertThat(fmt.num(3)).isEqualTo("3.000");
    }

    @Test
    void minusIsTheMinusSignAndZeroHasNoSign() {
        assertThat(fmt.num(-3.164)).startsWith("\u2212").doesNotContain("-");
        assertThat(fmt.bounded(-0.0004)).isEqualTo(".000");
        assertThat(fmt.num(-0.0004)).isEqualTo("0.000");
        assertThat(fmt.integer(-2)).isEqualTo("\u22122");
    }

    @Test
    void roundsHalfUpOnTheShortestDecimal() {
        // 0.0125 is stored as 0.012499999…; it is rounded as written
        assertThat(fmt.bounded(0.0125)).isEqualTo(".013");
        assertThat(new NumberFormats(2).bounded(0.125)).isEqualTo(".13");
        assertThat(fmt.num(2.0005)).isEqualTo("2.001");
        assertThat(fmt.num(2.5, 0)).isEqualTo("3");
    }

    @Test
    void pValues() {
        assertThat(fmt.p(2.17e-20)).isEqualTo("< .001");
        assertThat(fmt.p(0.0)).isEqualTo("< .001");
        assertThat(fmt.p(0.000999)).isEqualTo("< .001");
        assertThat(fmt.p(0.001)).isEqualTo(".001");
        assertThat(fmt.p(0.0016804)).isEqualTo(".002");
        assertThat(fmt.p(0.0496)).isEqualTo(".050");
        assertThat(fmt.p(0.951)).isEqualTo(".951");
        assertThat(fmt.p(1.0)).isEqualTo("1.000");
        assertThat(fmt.p(null)).isEqualTo(NumberFormats.MISSING);
        assertThat(fmt.pText(1e-9)).isEqualTo("p < .001");
        assertThat(fmt.pText(0.023)).isEqualTo("p = .023");
        // p keeps three decimals even when fewer are asked for
        assertThat(new NumberFormats(2).p(0.0123)).isEqualTo(".012");
        assertThat(new NumberFormats(2).p(0.0001)).isEqualTo("< .001");
    }

    @Test
    void stars() {
        assertThat(fmt.stars(0.0009)).isEqualTo("***");
        assertThat(fmt.stars(0.001)).isEqualTo("**");
        assertThat(fmt.stars(0.0099)).isEqualTo("**");
        assertThat(fmt.stars(0.01)).isEqualTo("*");
        assertThat(fmt.stars(0.0499)).isEqualTo("*");
        assertThat(fmt.stars(0.05)).isEmpty();
        assertThat(fmt.stars(0.5)).isEmpty();
        assertThat(fmt.stars(null)).isEmpty();
    }

    @Test
    void missingValuesAreADash() {
        assertThat(fmt.num(null)).isEqualTo("\u2014");
        assertThat(fmt.bounded("")).isEqualTo("\u2014");
        assertThat(fmt.num(Double.NaN)).isEqualTo("\u2014");
        assertThat(fmt.integer(null)).isEqualTo("\u2014");
    }

    @Test
    void integersAndPercentages() {
        assertThat(fmt.integer(385L)).isEqualTo("385");
        assertThat(fmt.integer(136)).isEqualTo("136");
        assertThat(fmt.percent(17.142857142857142)).isEqualTo("17.1");
        assertThat(fmt.percent(0.25974025974025977)).isEqualTo("0.3");
        assertThat(fmt.percent(33.766, 2)).isEqualTo("33.77");
    }

    @Test
    void decimalsAreConfigurable() {
        NumberFormats two = new NumberFormats(2);
        assertThat(two.bounded(0.9024)).isEqualTo(".90");
        assertThat(two.num(135.22493)).isEqualTo("135.22");
        assertThat(two.decimals()).isEqualTo(2);
        assertThatThrownBy(() -> new NumberFormats(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
