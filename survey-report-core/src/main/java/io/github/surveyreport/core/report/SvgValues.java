package io.github.surveyreport.core.report;

import java.util.Arrays;
import java.util.Locale;
import org.w3c.dom.Element;

/** SVG attribute values: lengths with CSS units, number lists and the transform functions. */
final class SvgValues {
    private SvgValues() {
    }

    /** A length attribute in user units, or {@code fallback} if absent or unreadable. */
    static double number(Element e, String attribute, double fallback) {
        String value = e.getAttribute(attribute).trim();
        if (value.isEmpty()) {
            return fallback;
        }
        double length = length(value, Double.NaN);
        return Double.isNaN(length) ? fallback : length;
    }

    /** The first number of a list attribute ({@code x} and {@code y} of text may be lists), or 0. */
    static double first(Element e, String attribute) {
        double[] values = numbers(e.getAttribute(attribute));
        return values.length == 0 ? 0 : values[0];
    }

    /** A CSS length in user units (CSS pixels); {@code fontSize} for em. */
    static double length(String value, double fontSize) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        double scale = 1;
        for (String[] unit : new String[][] {{"px", "1"}, {"pt", "1.3333333333333333"}, {"pc", "16"},
                {"mm", "3.7795275590551185"}, {"cm", "37.795275590551185"}, {"in", "96"}, {"em", "em"}}) {
            if (v.endsWith(unit[0])) {
                scale = unit[1].equals("em") ? fontSize : Double.parseDouble(unit[1]);
                v = v.substring(0, v.length() - 2).trim();
                break;
            }
        }
        try {
            return Double.parseDouble(v) * scale;
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    /** A list of numbers separated by commas and/or spaces; stops at the first non-number. */
    static double[] numbers(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return new double[0];
        }
        String[] parts = v.split("[\\s,]+");
        double[] out = new double[parts.length];
        int count = 0;
        for (String part : parts) {
            double n = length(part, Double.NaN);
            if (Double.isNaN(n)) {
                break;
            }
            out[count++] = n;
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /** The matrix {@code a b c d e f} of one transform function, or {@code null} if invalid. */
    static double[] matrix(String function, double[] a) {
        switch (function) {
            case "matrix":
                return a.length == 6 ? a.clone() : null;
            case "translate":
                if (a.length == 1 || a.length == 2) {
                    return new double[] {1, 0, 0, 1, a[0], a.length == 2 ? a[1] : 0};
                }
                return null;
            case "scale":
                if (a.length == 1 || a.length == 2) {
                    return new double[] {a[0], 0, 0, a.length == 2 ? a[1] : a[0], 0, 0};
                }
                return null;
            case "rotate": {
                if (a.length != 1 && a.length != 3) {
                    return null;
                }
                double r = Math.toRadians(a[0]);
                double cos = Math.cos(r);
                double sin = Math.sin(r);
                double cx = a.length == 3 ? a[1] : 0;
                double cy = a.length == 3 ? a[2] : 0;
                // translate(cx, cy) rotate(a) translate(-cx, -cy)
                return new double[] {cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy};
            }
            case "skewX":
                return a.length == 1 ? new double[] {1, 0, Math.tan(Math.toRadians(a[0])), 1, 0, 0} : null;
            case "skewY":
                return a.length == 1 ? new double[] {1, Math.tan(Math.toRadians(a[0])), 0, 1, 0, 0} : null;
            default:
                return null;
        }
    }
}
