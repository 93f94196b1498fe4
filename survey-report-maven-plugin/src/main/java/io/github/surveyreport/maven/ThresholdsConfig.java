package io.github.surveyreport.maven;

import io.github.surveyreport.core.gate.GateRule;
import io.github.surveyreport.core.gate.Thresholds;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code <thresholds>} element of the plugin configuration. Every value is text so that
 * {@code off} can switch a check off; unset values keep the defaults of {@link Thresholds#defaults()}.
 * There is one field per {@link GateRule}, named by its {@link GateRule#key() key}, because Maven
 * injects elements into fields of that name; {@link #asMap()} reads them by the rules' keys, so
 * the names are not written twice (ParametersTest checks that fields and rules match).
 */
public class ThresholdsConfig {
    private String minAlpha;
    private String minItemTotalCorrelation;
    private String minKmo;
    private String maxBartlettP;
    private String minLoading;
    private String maxCrossLoading;
    private String maxVif;
    private String maxModelP;
    private String requireSupportedHypotheses;
    // the measurement model's rules: accepted and validated, not evaluated until the CFA is
    private String minCr;
    private String minAve;
    private String maxHtmt;
    private String fornellLarcker;
    private String minCfi;
    private String minTli;
    private String maxRmsea;
    private String maxSrmr;
    private String maxChiSquareDf;
    private String maxHarmanVariance;
    private String minOmega;

    /** The configured values by threshold name, in the rules' order; unset ones are absent. */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (GateRule rule : GateRule.values()) {
            String value = read(rule.key());
            if (value != null) {
                map.put(rule.key(), value);
            }
        }
        return map;
    }

    private String read(String key) {
        try {
            Field field = ThresholdsConfig.class.getDeclaredField(key);
            return (String) field.get(this);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException("ThresholdsConfig has no field for the gate rule " + key, e);
        }
    }
}
