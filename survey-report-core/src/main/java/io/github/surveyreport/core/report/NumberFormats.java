package io.github.surveyreport.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting for report tables, following APA 7 and Chinese journal practice. The
 * templates reach it as {@code fmt}; they format with it and never compute.
 *
 * <ul>
 *   <li>{@link #num} for values that can exceed 1 (means, SDs, B, t, F, χ²): {@code 0.591},
 *       {@code 135.225};</li>
 *   <li>{@link #bounded} for values that cannot exceed 1 in magnitude (α, r, β, R², loadings,
 *       KMO): no leading zero, {@code .902}, {@code −.034};</li>
 *   <li>{@link #p} for p values: {@code .023}, {@code < .001} (never {@code .000});
 *       {@link #pText} writes {@code p = .023} or {@code p < .001};</li>
 *   <li>{@link #stars}: {@code *} p &lt; .05, {@code **} p &lt; .01, {@code ***} p &lt; .001;</li>
 *   <li>negative numbers use the minus sign U+2212, never a hyphen; a value rounded to zero has
 *       no sign;</li>
 *   <li>a missing value ({@code null} or anything that is not a number) is an em dash.</li>
 * </ul>
 *
 * Rounding is half-up on the shortest decimal representation of the double, so a value is
 * rounded as it is written ({@code 0.0125}, stored as 0.012499…, shows as {@code .013}). Arguments are {@code Object} so templates can
 * pass a missing value as {@code x!}. Instances are immutable and thread-safe.
 */
public final class NumberFormats {
    /** The minus sign U+2212. */
    public static final String MINUS = "\u2212";
    /** What a missing value is shown as. */
    public static final String MISSING = "\u2014";

    private static final BigDecimal P_FLOOR = new BigDecimal("0.001");

    private final int decimals;
    private final boolean leadingZero;

    /** Formats with {@code decimals} decimals (0 to 10), bounded values without a leading zero (APA). */
    public NumberFormats(int decimals) {
        this(decimals, false);
    }

    /**
     * Formats with {@code decimals} decimals (0 to 10); {@code leadingZero} writes values bounded by 1
     * and p values with a leading zero ({@code 0.902}, {@code p = 0.015}), as many Chinese journals do.
     */
    public NumberFormats(int decimals, boolean leadingZero) {
        this.leadingZero = leadingZero;
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("decimals must be between 0 and 10, not " + decimals);
        }
        this.decimals = decimals;
    }

    /** The default number of decimals. */
    public int decimals() {
        return decimals;
    }

    /** A number with a leading zero and the default decimals: {@code 0.591}, {@code −3.164}. */
    public String num(Object value) {
        return num(value, decimals);
    }

    /** A number with a leading zero and {@code places} decimals. */
    public String num(Object value, int places) {
        BigDecimal x = decimal(value);
        if (x == null) {
            return MISSING;
        }
        return signed(x.setScale(places, RoundingMode.HALF_UP), true);
    }

    /** A value bounded by 1 in magnitude, without a leading zero: {@code .902}, {@code −.034}. */
    public String bounded(Object value) {
        return bounded(value, decimals);
    }

    /** A value bounded by 1 in magnitude with {@code places} decimals. */
    public String bounded(Object value, int places) {
        BigDecimal x = decimal(value);
        if (x == null) {
            return MISSING;
        }
        return signed(x.setScale(places, RoundingMode.HALF_UP), leadingZero);
    }

    /** Whether bounded values and p values have a leading zero. */
    public boolean leadingZero() {
        return leadingZero;
    }

    /** A p value for a table cell: {@code .023}, {@code < .001}; at least three decimals. */
    public String p(Object value) {
        BigDecimal x = decimal(value);
        if (x == null) {
            return MISSING;
        }
        if (x.compareTo(P_FLOOR) < 0) {
            return leadingZero ? "< 0.001" : "< .001";
        }
        return signed(x.setScale(Math.max(3, decimals), RoundingMode.HALF_UP), leadingZero);
    }

    /** A p value in running text: {@code p = .023}, {@code p < .001}. */
    public String pText(Object value) {
        String p = p(value);
        if (MISSING.equals(p)) {
            return "p " + MISSING;
        }
        return p.startsWith("<") ? "p " + p : "p = " + p;
    }

    /** Significance stars of a p value: {@code ***}, {@code **}, {@code *} or nothing. */
    public String stars(Object value) {
        BigDecimal x = decimal(value);
        if (x == null) {
            return "";
        }
        double p = x.doubleValue();
        if (p < 0.001) {
            return "***";
        }
        if (p < 0.01) {
            return "**";
        }
        if (p < 0.05) {
            return "*";
        }
        return "";
    }

    /** A whole number (n, df): {@code 385}, {@code −2}. */
    public String integer(Object value) {
        BigDecimal x = decimal(value);
        if (x == null) {
            return MISSING;
        }
        return signed(x.setScale(0, RoundingMode.HALF_UP), true);
    }

    /** A percentage (0 to 100) with one decimal, without the % sign: {@code 17.1}. */
    public String percent(Object value) {
        return num(value, 1);
    }

    /** A percentage with {@code places} decimals, without the % sign. */
    public String percent(Object value, int places) {
        return num(value, places);
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal big) {
            return big;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return BigDecimal.valueOf(d);
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        return null;
    }

    private static String signed(BigDecimal rounded, boolean leadingZero) {
        boolean negative = rounded.signum() < 0;
        String digits = rounded.abs().toPlainString();
        if (!leadingZero && digits.startsWith("0.")) {
            digits = digits.substring(1);
        }
        return negative ? MINUS + digits : digits;
    }
}
