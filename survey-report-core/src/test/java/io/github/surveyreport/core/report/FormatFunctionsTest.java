package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code fmt} as the templates call it gives what {@link NumberFormats} gives. */
class FormatFunctionsTest {
    private final NumberFormats formats = new NumberFormats(3);
    private final FormatFunctions fmt = new FormatFunctions(formats);

    private Object call(String name, Object... args) throws TemplateModelException {
        return ((TemplateMethodModelEx) fmt.get(name)).exec(List.of(args));
    }

    @Test
    void everyFunctionMatchesNumberFormats() throws TemplateModelException {
        assertThat(call("num", new SimpleNumber(-0.5914))).isEqualTo(formats.num(-0.5914)).isEqualTo("\u22120.591");
        assertThat(call("num", new SimpleNumber(2.5), new SimpleNumber(1))).isEqualTo("2.5");
        assertThat(call("bounded", new SimpleNumber(0.9021))).isEqualTo(".902");
        assertThat(call("bounded", new SimpleNumber(0.9021), new SimpleNumber(2))).isEqualTo(".90");
        assertThat(call("p", new SimpleNumber(0.0004))).isEqualTo("< .001");
        assertThat(call("pText", new SimpleNumber(0.023))).isEqualTo("p = .023");
        assertThat(call("stars", new SimpleNumber(0.004))).isEqualTo("**");
        assertThat(call("integer", new SimpleNumber(385))).isEqualTo("385");
        assertThat(call("percent", new SimpleNumber(17.14))).isEqualTo("17.1");
        assertThat(((SimpleNumber) call("decimals")).getAsNumber()).isEqualTo(3);
        assertThat(fmt.get("format")).isNull();
    }

    @Test
    void aMissingValuePrintsAsADash() throws TemplateModelException {
        // a template passes a possibly missing value as x!, which is an empty string
        assertThat(call("num", new SimpleScalar(""))).isEqualTo(NumberFormats.MISSING);
        assertThat(call("bounded")).isEqualTo(NumberFormats.MISSING);
        assertThat(call("stars", new SimpleScalar(""))).isEqualTo("");
    }

    @Test
    void placesMustBeANumber() {
        assertThatThrownBy(() -> call("num", new SimpleNumber(1), new SimpleScalar("two")))
                .isInstanceOf(TemplateModelException.class)
                .hasMessage("fmt.num(value, places): places must be a number");
    }
}
