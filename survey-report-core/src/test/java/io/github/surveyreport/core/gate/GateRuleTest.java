package io.github.surveyreport.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.results.Check;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule type: each rule's key, default, range, formatting and wording. */
class GateRuleTest {

    @Test
    void keysAndDefaultsAreThoseOfThePomAndTheIssue() {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (GateRule rule : GateRule.values()) {
            defaults.put(rule.key(), rule.defaultLimit());
        }
        // the first nine are today's <thresholds>; the measurement model's follow (issue 12)
        assertThat(defaults).containsExactly(
                Map.entry("minAlpha", "0.70"), Map.entry("minItemTotalCorrelation", "0.30"),
                Map.entry("minKmo", "0.60"), Map.entry("maxBartlettP", "0.05"), Map.entry("minLoading", "0.50"),
                Map.entry("maxCrossLoading", "off"), Map.entry("maxVif", "10"), Map.entry("maxModelP", "0.05"),
                Map.entry("requireSupportedHypotheses", "true"),
                Map.entry("minCr", "0.70"), Map.entry("minAve", "0.50"), Map.entry("maxHtmt", "0.85"),
                Map.entry("fornellLarcker", "true"), Map.entry("minCfi", "0.90"), Map.entry("minTli", "0.90"),
                Map.entry("maxRmsea", "0.08"), Map.entry("maxSrmr", "0.08"), Map.entry("maxChiSquareDf", "off"),
                Map.entry("maxHarmanVariance", "0.50"), Map.entry("minOmega", "off"));
        assertThat(GateRule.keys()).containsExactlyElementsOf(defaults.keySet());
        for (GateRule rule : GateRule.values()) {
            assertThat(GateRule.named(rule.key())).contains(rule);
        }
        assertThat(GateRule.named("minAplha")).isEmpty();
        assertThat(GateRule.named(null)).isEmpty();
    }

    @Test
    void defaultThresholdsAreTheRulesDefaults() {
        Thresholds defaults = Thresholds.defaults();
        for (GateRule rule : GateRule.values()) {
            switch (rule.defaultLimit()) {
                case "off" -> assertThat(defaults.isOn(rule)).as(rule.key()).isFalse();
                case "true" -> assertThat(defaults.isOn(rule) && defaults.limit(rule) == null).as(rule.key()).isTrue();
                default -> assertThat(defaults.limit(rule)).as(rule.key()).isEqualTo(new BigDecimal(rule.defaultLimit()));
            }
        }
        // limits keep the digits they were written with: messages quote .70, not .7
        assertThat(defaults.limit(GateRule.MIN_ALPHA).toPlainString()).isEqualTo("0.70");
        for (GateRule rule : GateRule.values()) {
            assertThat(Thresholds.off().isOn(rule)).isFalse();
        }
    }

    @Test
    void eachScaleWritesItsStatisticAsBefore() {
        assertThat(GateRule.MIN_ALPHA.format(0.60823)).isEqualTo(".608");
        assertThat(GateRule.MIN_LOADING.format(-0.4944)).isEqualTo("\u2212.494");
        assertThat(GateRule.MAX_VIF.format(2.345)).isEqualTo("2.35");
        assertThat(GateRule.MAX_BARTLETT_P.format(0.00001)).isEqualTo("p < .001");
        assertThat(GateRule.MAX_MODEL_P.format(0.0234)).isEqualTo("p = .023");
        assertThat(GateRule.MAX_CHI_SQUARE_DF.scale()).isEqualTo(GateRule.Scale.UNBOUNDED);
        assertThat(GateRule.formatLimit(new BigDecimal("0.70"))).isEqualTo(".70");
        assertThat(GateRule.formatLimit(new BigDecimal("10"))).isEqualTo("10");
    }

    @Test
    void eachDirectionWordsItsVerdict() {
        BigDecimal seventy = new BigDecimal("0.70");
        Check below = GateRule.MIN_ALPHA.compare("PO", 0.612, seventy, v -> "Reliability of PO: Cronbach's alpha " + v);
        assertThat(below).isEqualTo(new Check("minAlpha", "PO", 0.612, 0.70, false,
                "Reliability of PO: Cronbach's alpha .612 is below the minimum .70 (minAlpha)"));
        assertThat(GateRule.MIN_ALPHA.compare("PO", 0.70, seventy, v -> "alpha " + v).message())
                .isEqualTo("alpha .700 meets the minimum .70 (minAlpha)");
        assertThat(GateRule.MAX_CROSS_LOADING.compare("A5", 0.436, new BigDecimal("0.40"), v -> "cross-loading " + v))
                .extracting(Check::passed, Check::message)
                .containsExactly(false, "cross-loading .436 is above the maximum .40 (maxCrossLoading)");
        assertThat(GateRule.MAX_VIF.compare("t", 2.5, BigDecimal.TEN, v -> "VIF " + v).message())
                .isEqualTo("VIF 2.50 is within the maximum 10 (maxVif)");
        // p values must lie strictly below their limit
        assertThat(GateRule.MAX_MODEL_P.compare("m", 0.05, new BigDecimal("0.05"), v -> "F test: " + v))
                .extracting(Check::passed, Check::message)
                .containsExactly(false, "F test: p = .050 is not below .05 (maxModelP)");
        assertThat(GateRule.MAX_BARTLETT_P.compare("Bartlett", 1e-40, new BigDecimal("0.05"), v -> "Bartlett: " + v)
                .message()).isEqualTo("Bartlett: p < .001 is below .05 (maxBartlettP)");
        assertThatThrownBy(() -> GateRule.FORNELL_LARCKER.compare("PS", 0.5, BigDecimal.ONE, v -> v))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingStatisticFailsAndSaysSo() {
        Check check = GateRule.MIN_LOADING.compare("O4", null, new BigDecimal("0.50"),
                v -> "Item O4: loading " + v + " on the component of O");
        assertThat(check).isEqualTo(new Check("minLoading", "O4", null, 0.50, false,
                "Item O4: loading on the component of O could not be computed (minLoading)"));
    }

    @Test
    void aPercentSignInALabelIsText() {
        // descriptions are functions, not format strings: a label "满意度%" must not throw
        assertThat(GateRule.MIN_ALPHA.compare("S", 0.8, new BigDecimal("0.70"),
                v -> "Reliability of S (满意度%): Cronbach's alpha " + v).message())
                .isEqualTo("Reliability of S (满意度%): Cronbach's alpha .800 meets the minimum .70 (minAlpha)");
    }

    @Test
    void limitsOutsideTheStatisticsRangeAreNamed() {
        assertThat(GateRule.MIN_KMO.outOfRange(new BigDecimal("1.5")))
                .isEqualTo("must lie between 0 and 1, the range of KMO; did you mean 0.15?");
        assertThat(GateRule.MAX_BARTLETT_P.outOfRange(new BigDecimal("5"))).contains("the range of a p value");
        assertThat(GateRule.MIN_ITEM_TOTAL_CORRELATION.outOfRange(new BigDecimal("30")))
                .contains("the range of a correlation; did you mean 0.3?");
        assertThat(GateRule.MAX_CROSS_LOADING.outOfRange(new BigDecimal("-0.4"))).contains("the range of a loading");
        assertThat(GateRule.MAX_VIF.outOfRange(new BigDecimal("0.5"))).isEqualTo("must be at least 1 (a VIF is never below 1)");
        assertThat(GateRule.MAX_CHI_SQUARE_DF.outOfRange(new BigDecimal("-3"))).startsWith("must be at least 0");
        assertThat(GateRule.MIN_AVE.outOfRange(new BigDecimal("50"))).contains("did you mean 0.5?");
        for (GateRule rule : GateRule.values()) {
            if (rule.direction() != GateRule.Direction.REQUIRED && !rule.defaultLimit().equals("off")) {
                assertThat(rule.outOfRange(new BigDecimal(rule.defaultLimit()))).as(rule.key()).isNull();
            }
        }
    }

    @Test
    void theMeasurementModelsLimitsParseAndValidate() {
        Thresholds t = Thresholds.of(Map.of("minCr", "0.80", "fornellLarcker", "false", "maxChiSquareDf", "3",
                "minOmega", "0.70"));
        assertThat(t.limit(GateRule.MIN_CR)).isEqualTo(new BigDecimal("0.80"));
        assertThat(t.isOn(GateRule.FORNELL_LARCKER)).isFalse();
        assertThat(t.limit(GateRule.MAX_CHI_SQUARE_DF)).isEqualTo(new BigDecimal("3"));
        assertThat(t.limit(GateRule.MIN_OMEGA)).isEqualTo(new BigDecimal("0.70"));
        assertThatThrownBy(() -> Thresholds.of(Map.of("maxHtmt", "85")))
                .isInstanceOf(SurveyReportException.class)
                .hasMessage("Invalid quality-gate configuration: thresholds.maxHtmt: 85 must lie between 0 and 1, "
                        + "the range of a correlation; did you mean 0.85?");
        assertThatThrownBy(() -> Thresholds.of(Map.of("fornellLarcker", "yes")))
                .hasMessage("Invalid quality-gate configuration: thresholds.fornellLarcker: 'yes' must be true, "
                        + "false or off");
    }

    @Test
    void anUnknownKeyListsEveryKnownKey() {
        assertThatThrownBy(() -> Thresholds.of(Map.of("minAplha", "0.7")))
                .hasMessage("Invalid quality-gate configuration: thresholds.minAplha: unknown threshold (known: "
                        + "minAlpha, minItemTotalCorrelation, minKmo, maxBartlettP, minLoading, maxCrossLoading, "
                        + "maxVif, maxModelP, requireSupportedHypotheses, minCr, minAve, maxHtmt, fornellLarcker, "
                        + "minCfi, minTli, maxRmsea, maxSrmr, maxChiSquareDf, maxHarmanVariance, minOmega)");
    }

    @Test
    void problemsAreListedInTheOrderTheyWereWritten() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("maxVif", "0.5");
        settings.put("nope", "1");
        settings.put("minAlpha", "high");
        settings.put("requireSupportedHypotheses", "off");
        settings.put("minKmo", " ");
        assertThatThrownBy(() -> Thresholds.of(settings)).hasMessageStartingWith(
                "Invalid quality-gate configuration: thresholds.maxVif: 0.5 must be at least 1 (a VIF is never below 1); "
                        + "thresholds.nope: unknown threshold")
                .hasMessageEndingWith("; thresholds.minAlpha: 'high' must be a number or off");
        settings.remove("maxVif");
        settings.remove("nope");
        settings.remove("minAlpha");
        Thresholds t = Thresholds.of(settings);
        assertThat(t.isOn(GateRule.REQUIRE_SUPPORTED_HYPOTHESES)).isFalse();
        assertThat(t.limit(GateRule.MIN_KMO)).isEqualTo(new BigDecimal("0.60")); // blank keeps the default
        assertThat(t).isEqualTo(Thresholds.of(Map.of("requireSupportedHypotheses", "false")))
                .isNotEqualTo(Thresholds.defaults());
        assertThat(t.toString()).startsWith("Thresholds{minAlpha=0.70, minItemTotalCorrelation=0.30")
                .doesNotContain("requireSupportedHypotheses").contains("fornellLarcker=true");
    }
}
