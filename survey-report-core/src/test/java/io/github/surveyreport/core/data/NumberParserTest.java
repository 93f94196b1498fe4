package io.github.surveyreport.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberParserTest {
    private final NumberParser point = new NumberParser(false);
    private final NumberParser comma = new NumberParser(true);

    @Test
    void parsesSurveyNumbersLocaleIndependently() {
        assertThat(point.parse("3")).isEqualTo(3.0);
        assertThat(point.parse("3.0")).isEqualTo(3.0);
        assertThat(point.parse(" 4 ")).isEqualTo(4.0);
        assertThat(point.parse("-0.5")).isEqualTo(-0.5);
        assertThat(point.parse("+2")).isEqualTo(2.0);
        assertThat(point.parse(".25")).isEqualTo(0.25);
        assertThat(point.parse("1e3")).isEqualTo(1000.0);
        assertThat(point.parse("3.3333333")).isEqualTo(3.3333333);
        assertThat(point.parse("-6.860120914")).isEqualTo(-6.860120914);
        assertThat(point.parse("１２")).isEqualTo(12.0); // full-width digits from a Chinese IME
    }

    @Test
    void rejectsWhatIsNoSurveyAnswer() {
        for (String text : new String[] {"", " ", "abc", "3,5", "NaN", "Infinity", "0x1p3", "3d", "3f", "1e", ".", "-", "1.2.3"}) {
            assertThat(point.parse(text)).as(text).isNaN();
        }
    }

    @Test
    void decimalCommaWhenDeclared() {
        assertThat(comma.parse("3,5")).isEqualTo(3.5);
        assertThat(comma.parse("4")).isEqualTo(4.0);
        assertThat(comma.parse("3.5")).isNaN();
    }
}
