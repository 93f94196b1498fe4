package io.github.surveyreport.core.gate;

import io.github.surveyreport.core.SurveyReportException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The limits of the quality gate: for each {@link GateRule} that is on, its limit. Limits keep
 * the digits they were written with, so that messages quote them as configured ({@code .70},
 * not {@code .7}). Immutable.
 */
public final class Thresholds {
    /** The rules that are on; a yes/no rule maps to {@code null}. */
    private final Map<GateRule, BigDecimal> limits;

    private Thresholds(Map<GateRule, BigDecimal> limits) {
        this.limits = Collections.unmodifiableMap(new EnumMap<>(limits));
    }

    /**
     * The defaults, {@link GateRule#defaultLimit()} of each rule: common rules of thumb of
     * questionnaire research (Nunnally; Kaiser; Hair et al.).
     */
    public static Thresholds defaults() {
        return of(Map.of());
    }

    /** Every threshold switched off. */
    public static Thresholds off() {
        return new Thresholds(new EnumMap<>(GateRule.class));
    }

    /** Whether the rule is on. */
    public boolean isOn(GateRule rule) {
        return limits.containsKey(rule);
    }

    /** The rule's limit, or {@code null} when it is off or a yes/no rule. */
    public BigDecimal limit(GateRule rule) {
        return limits.get(rule);
    }

    /**
     * The defaults with some thresholds overridden, as a pom or a properties file writes them:
     * a number, {@code off}, or for a yes/no rule such as {@code requireSupportedHypotheses}
     * {@code true}/{@code false}/{@code off}. A {@code null} or blank value keeps the default.
     *
     * @throws SurveyReportException naming every unknown key and bad value
     */
    public static Thresholds of(Map<String, String> settings) {
        Map<GateRule, BigDecimal> limits = new EnumMap<>(GateRule.class);
        List<String> problems = new ArrayList<>();
        for (GateRule rule : GateRule.values()) {
            parse(rule, rule.defaultLimit(), limits, problems);
        }
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String value = setting.getValue() == null ? "" : setting.getValue().trim();
            if (value.isEmpty()) {
                continue;
            }
            GateRule rule = GateRule.named(setting.getKey()).orElse(null);
            if (rule == null) {
                problems.add("thresholds." + setting.getKey() + ": unknown threshold (known: "
                        + String.join(", ", GateRule.keys()) + ")");
            } else {
                parse(rule, value, limits, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new SurveyReportException("Invalid quality-gate configuration: " + String.join("; ", problems));
        }
        return new Thresholds(limits);
    }

    /** Sets the rule's limit as written, or switches it off, or names what is wrong with the value. */
    private static void parse(GateRule rule, String value, Map<GateRule, BigDecimal> limits, List<String> problems) {
        String key = rule.key();
        boolean off = value.toLowerCase(Locale.ROOT).equals("off");
        if (rule.direction() == GateRule.Direction.REQUIRED) {
            if (value.equalsIgnoreCase("true")) {
                limits.put(rule, null);
            } else if (off || value.equalsIgnoreCase("false")) {
                limits.remove(rule);
            } else {
                problems.add("thresholds." + key + ": '" + value + "' must be true, false or off");
            }
        } else if (off) {
            limits.remove(rule);
        } else {
            try {
                BigDecimal limit = new BigDecimal(value);
                String range = rule.outOfRange(limit);
                if (range != null) {
                    problems.add("thresholds." + key + ": " + value + " " + range);
                }
                limits.put(rule, limit);
            } catch (NumberFormatException e) {
                problems.add("thresholds." + key + ": '" + value + "' must be a number or off");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Thresholds other && limits.equals(other.limits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limits);
    }

    /** E.g. {@code Thresholds{minAlpha=0.70, ..., requireSupportedHypotheses=true}}; rules that are off are left out. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Thresholds{");
        limits.forEach((rule, limit) -> text.append(text.length() > 11 ? ", " : "").append(rule.key()).append('=')
                .append(limit == null ? "true" : limit.toPlainString()));
        return text.append('}').toString();
    }
}
