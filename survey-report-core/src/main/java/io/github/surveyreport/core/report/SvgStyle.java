package io.github.surveyreport.core.report;

import com.lowagie.text.pdf.PdfContentByte;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.w3c.dom.Element;

/**
 * The SVG presentation properties of one element, inherited from its parent and then set by
 * its own attributes and {@code style} declarations. Mutable while it is built, read-only after.
 */
final class SvgStyle {
    private static final Set<String> PROPERTIES = Set.of("fill", "stroke", "fill-opacity", "stroke-opacity",
            "opacity", "fill-rule", "stroke-width", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap",
            "stroke-linejoin", "stroke-miterlimit", "font-family", "font-size", "font-weight", "font-style",
            "text-anchor", "visibility", "display");
    /** Presentation attributes that would move or change text or shapes, but are not drawn. */
    private static final Set<String> UNDRAWN = Set.of("dominant-baseline", "alignment-baseline", "baseline-shift",
            "letter-spacing", "word-spacing", "text-decoration", "writing-mode", "clip-path", "mask", "filter",
            "marker-start", "marker-mid", "marker-end");
    /** Properties that change nothing in a static PDF drawing. */
    private static final Set<String> IGNORED_STYLE_PROPERTIES = Set.of("width", "height", "max-width",
            "cursor", "pointer-events", "shape-rendering", "text-rendering", "color-interpolation");

    int fill = 0x000000;
    double fillOpacity = 1;
    boolean evenOdd;
    int stroke = SvgColors.NONE;
    double strokeOpacity = 1;
    double strokeWidth = 1;
    float[] dash;
    double dashOffset;
    int lineCap = PdfContentByte.LINE_CAP_BUTT;
    int lineJoin = PdfContentByte.LINE_JOIN_MITER;
    double miterLimit = 4;
    double opacity = 1;
    List<String> fontFamilies = List.of("serif");
    double fontSize = 16;
    boolean bold;
    boolean italic;
    String textAnchor = "start";
    boolean visible = true;
    boolean hidden;

    /** SVG's initial values: black fill, no stroke, 16 px serif text. */
    static SvgStyle initial() {
        return new SvgStyle();
    }

    SvgStyle copy() {
        SvgStyle s = new SvgStyle();
        s.fill = fill;
        s.fillOpacity = fillOpacity;
        s.evenOdd = evenOdd;
        s.stroke = stroke;
        s.strokeOpacity = strokeOpacity;
        s.strokeWidth = strokeWidth;
        s.dash = dash;
        s.dashOffset = dashOffset;
        s.lineCap = lineCap;
        s.lineJoin = lineJoin;
        s.miterLimit = miterLimit;
        s.fontFamilies = fontFamilies;
        s.fontSize = fontSize;
        s.bold = bold;
        s.italic = italic;
        s.textAnchor = textAnchor;
        s.visible = visible;
        // opacity and display are not inherited; group opacity is applied to each part
        s.opacity = opacity;
        return s;
    }

    /** This style with the element's attributes, then its style declarations, applied. */
    SvgStyle inherit(Element e, Consumer<String> unsupported) {
        SvgStyle s = copy();
        Map<String, String> properties = new LinkedHashMap<>();
        for (String property : PROPERTIES) {
            if (e.hasAttribute(property)) {
                properties.put(property, e.getAttribute(property));
            }
        }
        for (String property : UNDRAWN) {
            if (e.hasAttribute(property)) {
                unsupported.accept("the " + property + " attribute");
            }
        }
        for (String declaration : e.getAttribute("style").split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                String property = declaration.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = declaration.substring(colon + 1).replace("!important", "").trim();
                if (PROPERTIES.contains(property)) {
                    properties.put(property, value);
                } else if (UNDRAWN.contains(property)) {
                    unsupported.accept("the " + property + " attribute");
                } else if (!IGNORED_STYLE_PROPERTIES.contains(property)) {
                    unsupported.accept("the style property " + property);
                }
            }
        }
        // font-size first: em lengths in the same element refer to it
        String fontSize = properties.remove("font-size");
        if (fontSize != null) {
            double size = SvgValues.length(fontSize, s.fontSize);
            if (size > 0) {
                s.fontSize = size;
            }
        }
        properties.forEach((property, value) -> s.apply(property, value.trim(), unsupported));
        return s;
    }

    private void apply(String property, String value, Consumer<String> unsupported) {
        if (value.equals("inherit")) {
            return;
        }
        switch (property) {
            case "fill" -> fill = color(value, property, unsupported);
            case "stroke" -> stroke = color(value, property, unsupported);
            case "fill-opacity" -> fillOpacity = fraction(value, fillOpacity);
            case "stroke-opacity" -> strokeOpacity = fraction(value, strokeOpacity);
            case "opacity" -> opacity *= fraction(value, 1);
            case "fill-rule" -> evenOdd = value.equals("evenodd");
            case "stroke-width" -> {
                double w = SvgValues.length(value, fontSize);
                if (w >= 0) {
                    strokeWidth = w;
                }
            }
            case "stroke-dasharray" -> dash = dashes(value);
            case "stroke-dashoffset" -> {
                double offset = SvgValues.length(value, fontSize);
                dashOffset = Double.isNaN(offset) ? 0 : offset;
            }
            case "stroke-linecap" -> lineCap = switch (value) {
                case "round" -> PdfContentByte.LINE_CAP_ROUND;
                case "square" -> PdfContentByte.LINE_CAP_PROJECTING_SQUARE;
                default -> PdfContentByte.LINE_CAP_BUTT;
            };
            case "stroke-linejoin" -> lineJoin = switch (value) {
                case "round" -> PdfContentByte.LINE_JOIN_ROUND;
                case "bevel" -> PdfContentByte.LINE_JOIN_BEVEL;
                default -> PdfContentByte.LINE_JOIN_MITER;
            };
            case "stroke-miterlimit" -> {
                double limit = SvgValues.length(value, 4);
                miterLimit = Double.isNaN(limit) || limit < 1 ? 4 : limit;
            }
            case "font-family" -> fontFamilies = families(value);
            case "font-weight" -> bold = value.equals("bold") || value.equals("bolder")
                    || (value.matches("\\d{3,4}") && Integer.parseInt(value) >= 600);
            case "font-style" -> italic = value.equals("italic") || value.startsWith("oblique");
            case "text-anchor" -> textAnchor = value;
            case "visibility" -> visible = value.equals("visible");
            case "display" -> hidden = value.equals("none");
            default -> {
            }
        }
    }

    private static int color(String value, String property, Consumer<String> unsupported) {
        if (value.equals("currentColor")) {
            return 0x000000;
        }
        int color = SvgColors.parse(value);
        if (color == SvgColors.UNKNOWN) {
            unsupported.accept("the paint " + property + "=\"" + value + "\" (drawn black)");
            return 0x000000;
        }
        return color;
    }

    private static double fraction(String value, double fallback) {
        double v = value.endsWith("%") ? SvgValues.length(value.substring(0, value.length() - 1), 1) / 100 : SvgValues.length(value, 1);
        return Double.isNaN(v) ? fallback : Math.max(0, Math.min(1, v));
    }

    private float[] dashes(String value) {
        if (value.equals("none")) {
            return null;
        }
        double[] values = SvgValues.numbers(value);
        if (values.length == 0) {
            return null;
        }
        // an odd list is repeated to make it even (SVG 1.1 section 11.4)
        int n = values.length % 2 == 0 ? values.length : values.length * 2;
        float[] out = new float[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            out[i] = (float) values[i % values.length];
            if (out[i] < 0) {
                return null;
            }
            sum += out[i];
        }
        return sum > 0 ? out : null;
    }

    private static List<String> families(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String family = part.trim();
            if (family.length() >= 2 && (family.startsWith("'") && family.endsWith("'")
                    || family.startsWith("\"") && family.endsWith("\""))) {
                family = family.substring(1, family.length() - 1);
            }
            if (!family.isEmpty()) {
                out.add(family);
            }
        }
        return out.isEmpty() ? List.of("serif") : List.copyOf(out);
    }
}
