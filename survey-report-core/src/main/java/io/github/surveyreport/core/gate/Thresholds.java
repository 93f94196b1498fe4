package io.github.surveyreport.core.gate;

import io.github.surveyreport.core.SurveyReportException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The limits of the quality gate. A limit that is {@code null} is off. Limits keep the digits
 * they were written with, so that messages quote them as configured ({@code .70}, not {@code .7}).
 *
 * @param minAlpha                   minimum Cronbach's alpha of each construct and overall
 * @param minItemTotalCorrelation    minimum corrected item-total correlation of each item in its construct
 * @param minKmo                     minimum Kaiser-Meyer-Olkin measure
 * @param maxBartlettP               maximum p of Bartlett's test of sphericity
 * @param minLoading                 minimum rotated loading of each item on its construct's component
 * @param maxCrossLoading            maximum absolute loading of an item on another construct's component
 * @param maxVif                     maximum variance inflation factor of each regression term
 * @param maxModelP                  maximum p of each regression's F test
 * @param requireSupportedHypotheses whether every hypothesis must be supported
 */
public record Thresholds(
        BigDecimal minAlpha,
        BigDecimal minItemTotalCorrelation,
        BigDecimal minKmo,
        BigDecimal maxBartlettP,
        BigDecimal minLoading,
        BigDecimal maxCrossLoading,
        BigDecimal maxVif,
        BigDecimal maxModelP,
        boolean requireSupportedHypotheses) {

    /** The defaults: common rules of thumb of questionnaire research (Nunnally; Kaiser; Hair et al.). */
    public static Thresholds defaults() {
        return new Thresholds(new BigDecimal("0.70"), new BigDecimal("0.30"), new BigDecimal("0.60"),
                new BigDecimal("0.05"), new BigDecimal("0.50"), null, new BigDecimal("10"), new BigDecimal("0.05"), true);
    }

    /** Every threshold switched off. */
    public static Thresholds off() {
        return new Thresholds(null, null, null, null, null, null, null, null, false);
    }

    /**
     * Why a limit can never be met or never fail, or {@code null} if it is a sensible one: the
     * coefficients and p values lie between 0 and 1 (a minKmo of 1.5 would fail every study,
     * a maxBartlettP of 5 would pass every one), a VIF is at least 1.
     */
    private static String outOfRange(String key, BigDecimal limit) {
        if (key.equals("maxVif")) {
            return limit.compareTo(BigDecimal.ONE) < 0 ? "must be at least 1 (a VIF is never below 1)" : null;
        }
        if (limit.signum() < 0 || limit.compareTo(BigDecimal.ONE) > 0) {
            String what = key.endsWith("P") ? "a p value" : key.equals("minKmo") ? "KMO"
                    : key.equals("minAlpha") ? "a reliability coefficient" : key.contains("Loading") ? "a loading"
                    : "a correlation";
            return "must lie between 0 and 1, the range of " + what + "; did you mean " + suggestion(limit) + "?";
        }
        return null;
    }

    /** 70 → 0.70, 1.5 → 0.15: the likely intended limit. */
    private static String suggestion(BigDecimal limit) {
        BigDecimal abs = limit.abs();
        while (abs.compareTo(BigDecimal.ONE) > 0) {
            abs = abs.movePointLeft(1);
        }
        return abs.stripTrailingZeros().toPlainString();
    }

    /**
     * The defaults with some thresholds overridden, as a pom or a properties file writes them:
     * a number, {@code off}, or for {@code requireSupportedHypotheses} {@code true}/{@code false}/{@code off}.
     * A {@code null} or blank value keeps the default.
     *
     * @throws SurveyReportException naming every unknown key and bad value
     */
    public static Thresholds of(Map<String, String> settings) {
        Map<String, BigDecimal> limits = new LinkedHashMap<>();
        Thresholds d = defaults();
        limits.put("minAlpha", d.minAlpha);
        limits.put("minItemTotalCorrelation", d.minItemTotalCorrelation);
        limits.put("minKmo", d.minKmo);
        limits.put("maxBartlettP", d.maxBartlettP);
        limits.put("minLoading", d.minLoading);
        limits.put("maxCrossLoading", d.maxCrossLoading);
        limits.put("maxVif", d.maxVif);
        limits.put("maxModelP", d.maxModelP);
        boolean requireSupported = d.requireSupportedHypotheses;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            String value = setting.getValue() == null ? "" : setting.getValue().trim();
            if (value.isEmpty()) {
                continue;
            }
            boolean off = value.toLowerCase(Locale.ROOT).equals("off");
            if (key.equals("requireSupportedHypotheses")) {
                if (off || value.equalsIgnoreCase("false")) {
                    requireSupported = false;
                } else if (value.equalsIgnoreCase("true")) {
                    requireSupported = true;
                } else {
                    problems.add("thresholds.requireSupportedHypotheses: '" + value + "' must be true, false or off");
                }
            } else if (!limits.containsKey(key)) {
                problems.add("thresholds." + key + ": unknown threshold (known: " + String.join(", ", limits.keySet())
                        + ", requireSupportedHypotheses)");
            } else if (off) {
                limits.put(key, null);
            } else {
                try {
                    BigDecimal limit = new BigDecimal(value);
                    String range = outOfRange(key, limit);
                    if (range != null) {
                        problems.add("thresholds." + key + ": " + value + " " + range);
                    }
                    limits.put(key, limit);
                } catch (NumberFormatException e) {
                    problems.add("thresholds." + key + ": '" + value + "' must be a number or off");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SurveyReportException("Invalid quality-gate configuration: " + String.join("; ", problems));
        }
        return new Thresholds(limits.get("minAlpha"), limits.get("minItemTotalCorrelation"), limits.get("minKmo"),
                limits.get("maxBartlettP"), limits.get("minLoading"), limits.get("maxCrossLoading"),
                limits.get("maxVif"), limits.get("maxModelP"), requireSupported);
    }
}
