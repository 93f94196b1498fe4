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

    /** What {@link #smallInteger} returns for bytes that are not a plain small integer. */
    public static final int NOT_SMALL = Integer.MIN_VALUE;

    /**
     * The value of ASCII bytes {@code b[s..e)} that are exactly {@code [+-]?[0-9]{1,9}} (no
     * spaces), or {@link #NOT_SMALL}: for those bytes the same value as {@link #parse} gives
     * the text, without making a string.
     */
    public static int smallInteger(byte[] b, int s, int e) {
        if (s >= e) {
            return NOT_SMALL;
        }
        int c = b[s];
        if (e - s == 1) {
            return c >= '0' && c <= '9' ? c - '0' : NOT_SMALL;
        }
        boolean negative = c == '-';
        int i = negative || c == '+' ? s + 1 : s;
        if (i == e || e - i > 9) {
            return NOT_SMALL;
        }
        int value = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_SMALL;
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
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
