package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Colour syntax of CSS Color Level 3 sections 4.1 and 4.2.1, values from its keyword table. */
class SvgColorsTest {

    @Test
    void hexFunctionalAndNamedColours() {
        assertThat(SvgColors.parse("#000")).isEqualTo(0x000000);
        assertThat(SvgColors.parse("#fA3")).isEqualTo(0xffaa33);
        assertThat(SvgColors.parse("#4682B4")).isEqualTo(0x4682b4);
        assertThat(SvgColors.parse("rgb(70, 130, 180)")).isEqualTo(0x4682b4);
        assertThat(SvgColors.parse("rgb(100%, 0%, 50%)")).isEqualTo(0xff0080);
        assertThat(SvgColors.parse(" SteelBlue ")).isEqualTo(0x4682b4);
        assertThat(SvgColors.parse("grey")).isEqualTo(0x808080);
    }

    @Test
    void noneAndUnknown() {
        assertThat(SvgColors.parse("none")).isEqualTo(SvgColors.NONE);
        assertThat(SvgColors.parse("transparent")).isEqualTo(SvgColors.NONE);
        assertThat(SvgColors.parse("url(#gradient)")).isEqualTo(SvgColors.UNKNOWN);
        assertThat(SvgColors.parse("#12345")).isEqualTo(SvgColors.UNKNOWN);
        assertThat(SvgColors.parse("rgb(1, 2)")).isEqualTo(SvgColors.UNKNOWN);
    }
}
