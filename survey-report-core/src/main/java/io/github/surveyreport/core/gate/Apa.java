package io.github.surveyreport.core.gate;

import java.math.BigDecimal;
import java.util.Locale;

/** Numbers in gate messages as APA writes them: {@code .612}, {@code p = .270}, {@code p < .001}, {@code 1.23}. */
final class Apa {
    /** A statistic that cannot exceed 1 in magnitude: no leading zero, three decimals. */
    static final int BOUNDED = 0;
    /** Any other statistic (VIF): leading zero, two decimals. */
    static final int UNBOUNDED = 1;

    private Apa() {
    }

    static String format(double value, int kind) {
        if (kind == UNBOUNDED) {
            return String.format(Locale.ROOT, "%.2f", value).replace('-', '−');
        }
        String text = String.format(Locale.ROOT, "%.3f", value);
        text = text.replaceFirst("^(-?)0\\.", "$1.");
        return text.replace('-', '−');
    }

    static String p(Double p) {
        if (p == null) {
            return "p not computable";
        }
        return p < 0.001 ? "p < .001" : "p = " + format(p, BOUNDED);
    }

    /** A configured limit as written, without its leading zero: {@code 0.70 -> .70}, {@code 10 -> 10}. */
    static String limit(BigDecimal limit) {
        String text = limit.toPlainString();
        return text.startsWith("0.") ? text.substring(1) : text;
    }
}
