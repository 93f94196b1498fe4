package io.github.surveyreport.core.data;

import java.text.Normalizer;

/**
 * Parses a survey cell as a number, independently of the locale: {@code 3}, {@code 3.0},
 * {@code  4 }, {@code -0.5}, {@code 1e3}. Unlike {@link Double#parseDouble} it rejects
 * {@code NaN}, {@code Infinity}, hex floats and type suffixes, which are never survey answers.
 * Full-width digits typed with a Chinese input method ({@code ３}) are accepted.
 */
public final class NumberParser {
    private final boolean decimalComma;

    /**
     * @param decimalComma whether {@code ,} (and not {@code .}) separates the decimals
     */
    public NumberParser(boolean decimalComma) {
        this.decimalComma = decimalComma;
    }

    /** The value of {@code text}, or {@code NaN} if it is not a number. */
    public double parse(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return Double.NaN;
        }
        // Fast path: small integers, by far the most common Likert answer.
        boolean negative = text.charAt(start) == '-';
        int i = negative || text.charAt(start) == '+' ? start + 1 : start;
        if (i < end && end - i <= 9) {
            int value = 0;
            int j = i;
            while (j < end) {
                char c = text.charAt(j);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                j++;
            }
            if (j == end) {
                return negative ? -value : value;
            }
        }
        return parseGeneral(text.substring(start, end));
    }

    private double parseGeneral(String text) {
        String normalized = text;
        if (!isAscii(text)) {
            normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).trim();
        }
        if (decimalComma) {
            if (normalized.indexOf('.') >= 0) {
                return Double.NaN;
            }
            normalized = normalized.replace(',', '.');
        }
        if (!isDecimal(normalized)) {
            return Double.NaN;
        }
        return Double.parseDouble(normalized);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?} */
    private static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }
}
