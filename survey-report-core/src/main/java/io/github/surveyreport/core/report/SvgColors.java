package io.github.surveyreport.core.report;

import java.util.Locale;
import java.util.Map;

/**
 * SVG/CSS colour values as RGB: {@code #rgb}, {@code #rrggbb}, {@code rgb(r, g, b)} with
 * numbers or percentages, and the CSS basic colour keywords plus the greys and a few common
 * extended ones. {@code none} and {@code transparent} are no paint.
 */
final class SvgColors {
    /** No paint. */
    static final int NONE = -1;
    /** Not a colour this class knows. */
    static final int UNKNOWN = -2;

    private static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("black", 0x000000), Map.entry("white", 0xffffff), Map.entry("silver", 0xc0c0c0),
            Map.entry("gray", 0x808080), Map.entry("grey", 0x808080), Map.entry("darkgray", 0xa9a9a9),
            Map.entry("darkgrey", 0xa9a9a9), Map.entry("lightgray", 0xd3d3d3), Map.entry("lightgrey", 0xd3d3d3),
            Map.entry("dimgray", 0x696969), Map.entry("dimgrey", 0x696969), Map.entry("gainsboro", 0xdcdcdc),
            Map.entry("whitesmoke", 0xf5f5f5), Map.entry("maroon", 0x800000), Map.entry("red", 0xff0000),
            Map.entry("purple", 0x800080), Map.entry("fuchsia", 0xff00ff), Map.entry("magenta", 0xff00ff),
            Map.entry("green", 0x008000), Map.entry("lime", 0x00ff00), Map.entry("olive", 0x808000),
            Map.entry("yellow", 0xffff00), Map.entry("navy", 0x000080), Map.entry("blue", 0x0000ff),
            Map.entry("teal", 0x008080), Map.entry("aqua", 0x00ffff), Map.entry("cyan", 0x00ffff),
            Map.entry("orange", 0xffa500), Map.entry("darkblue", 0x00008b), Map.entry("darkred", 0x8b0000),
            Map.entry("darkgreen", 0x006400), Map.entry("steelblue", 0x4682b4), Map.entry("lightblue", 0xadd8e6));

    private SvgColors() {
    }

    /** The colour as {@code 0xRRGGBB}, {@link #NONE} or {@link #UNKNOWN}. */
    static int parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("none") || v.equals("transparent")) {
            return NONE;
        }
        if (v.startsWith("#")) {
            return hex(v.substring(1));
        }
        if (v.startsWith("rgb(") && v.endsWith(")")) {
            return rgb(v.substring(4, v.length() - 1));
        }
        Integer named = NAMED.get(v);
        return named == null ? UNKNOWN : named;
    }

    private static int hex(String digits) {
        try {
            if (digits.length() == 3) {
                int r = Integer.parseInt(digits.substring(0, 1), 16);
                int g = Integer.parseInt(digits.substring(1, 2), 16);
                int b = Integer.parseInt(digits.substring(2, 3), 16);
                return (r * 17) << 16 | (g * 17) << 8 | b * 17;
            }
            if (digits.length() == 6) {
                return Integer.parseInt(digits, 16);
            }
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
        return UNKNOWN;
    }

    private static int rgb(String arguments) {
        String[] parts = arguments.split(",");
        if (parts.length != 3) {
            return UNKNOWN;
        }
        int color = 0;
        for (String part : parts) {
            String p = part.trim();
            double channel;
            try {
                channel = p.endsWith("%") ? Double.parseDouble(p.substring(0, p.length() - 1)) * 255 / 100
                        : Double.parseDouble(p);
            } catch (NumberFormatException e) {
                return UNKNOWN;
            }
            color = color << 8 | (int) Math.round(Math.max(0, Math.min(255, channel)));
        }
        return color;
    }
}
