package io.github.surveyreport.maven;

import io.github.surveyreport.core.gate.Thresholds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code <thresholds>} element of the plugin configuration. Every value is text so that
 * {@code off} can switch a check off; unset values keep the defaults of {@link Thresholds#defaults()}.
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

    /** The configured values by threshold name; unset ones are absent. */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, "minAlpha", minAlpha);
        put(map, "minItemTotalCorrelation", minItemTotalCorrelation);
        put(map, "minKmo", minKmo);
        put(map, "maxBartlettP", maxBartlettP);
        put(map, "minLoading", minLoading);
        put(map, "maxCrossLoading", maxCrossLoading);
        put(map, "maxVif", maxVif);
        put(map, "maxModelP", maxModelP);
        put(map, "requireSupportedHypotheses", requireSupportedHypotheses);
        return map;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
