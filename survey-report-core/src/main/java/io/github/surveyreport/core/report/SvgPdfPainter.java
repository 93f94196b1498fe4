package io.github.surveyreport.core.report;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;

/**
 * Paints inline SVG straight into a PDF content stream: the static subset that report figures
 * use, with text set in the PDF's own embedded fonts, so that it can be selected, searched and
 * copied like the rest of the report.
 *
 * <p>Drawn: {@code svg}, {@code g}, {@code a}, {@code rect} (with {@code rx}/{@code ry}),
 * {@code circle}, {@code ellipse}, {@code line}, {@code polyline}, {@code polygon}, {@code path}
 * (all commands) and {@code text} (one line, {@code text-anchor}, unpositioned {@code tspan}s in
 * their own font style, weight, size and fill, as the path diagram's italic <i>R</i>). Paint:
 * {@code fill}, {@code stroke} and their opacities, {@code opacity}, {@code fill-rule},
 * {@code stroke-width}, {@code stroke-dasharray}, {@code stroke-dashoffset},
 * {@code stroke-linecap}, {@code stroke-linejoin}, {@code stroke-miterlimit}, {@code font-family},
 * {@code font-size}, {@code font-weight}, {@code font-style}, {@code transform}, {@code display} and
 * {@code visibility}, as attributes or in {@code style}. Everything else (markers, gradients,
 * {@code use}, images, baseline and spacing attributes) is left out with one warning per kind,
 * so a figure never silently loses a part. Style sheets do not reach the SVG: its look is in
 * its own attributes.
 *
 * <p>A text run is set in the first of its {@code font-family} fonts that has all its
 * characters, character by character, since the report's fonts are registered per script.
 * Bold and italic text whose font has no such face is emboldened or slanted, as Flying Saucer
 * and browsers do (the report's CJK font has neither).
 */
final class SvgPdfPainter {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Set<String> SILENT = Set.of("title", "desc", "metadata");
    private static final Set<String> SHAPES = Set.of("rect", "circle", "ellipse", "line", "polyline", "polygon", "path");
    /** The slant of text whose font has no italic face: 12 degrees, as browsers synthesise it. */
    private static final double SLANT = Math.tan(Math.toRadians(12));
    /** Kappa: control-point distance of a quarter circle of radius 1 drawn as one cubic. */
    private static final double KAPPA = 0.5522847498307936;

    private final ITextFontResolver fonts;
    private final Consumer<String> warnings;
    private final Set<String> warned = new LinkedHashSet<>();
    private final Map<String, List<FontDescription>> fontCache = new LinkedHashMap<>();

    /**
     * @param fonts    the PDF's font resolver: text uses the fonts registered there
     * @param warnings receives one message per kind of SVG content that is not drawn
     */
    SvgPdfPainter(ITextFontResolver fonts, Consumer<String> warnings) {
        this.fonts = fonts;
        this.warnings = warnings;
    }

    /**
     * Paints {@code svg} with its viewBox origin at the canvas origin, y downwards from
     * {@code height} (the canvas has PDF's y-up axis).
     *
     * @param viewBox {@code x, y, width, height} of the user space to show
     */
    void paint(Element svg, PdfContentByte canvas, double[] viewBox) {
        canvas.saveState();
        canvas.concatCTM(1, 0, 0, -1, 0, (float) viewBox[3]);
        if (viewBox[0] != 0 || viewBox[1] != 0) {
            canvas.concatCTM(1, 0, 0, 1, (float) -viewBox[0], (float) -viewBox[1]);
        }
        children(svg, canvas, SvgStyle.initial().inherit(svg, this::warnOnce));
        canvas.restoreState();
    }

    private void children(Element parent, PdfContentByte canvas, SvgStyle style) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                element(e, canvas, style);
            }
        }
    }

    private void element(Element e, PdfContentByte canvas, SvgStyle parentStyle) {
        String name = localName(e);
        if (e.getNamespaceURI() != null && !SVG_NS.equals(e.getNamespaceURI())) {
            warnOnce("<" + name + "> in namespace " + e.getNamespaceURI());
            return;
        }
        if (SILENT.contains(name)) {
            return;
        }
        boolean group = name.equals("g") || name.equals("a") || name.equals("svg");
        if (!group && !SHAPES.contains(name) && !name.equals("text")) {
            warnOnce("<" + name + ">");
            return;
        }
        SvgStyle style = parentStyle.inherit(e, this::warnOnce);
        if (style.hidden) {
            return;
        }
        canvas.saveState();
        try {
            transform(e, canvas);
            if (name.equals("svg")) {
                canvas.concatCTM(1, 0, 0, 1, (float) SvgValues.number(e, "x", 0),
                        (float) SvgValues.number(e, "y", 0));
                if (e.hasAttribute("viewBox")) {
                    warnOnce("a viewBox on a nested <svg>");
                }
            }
            if (group) {
                children(e, canvas, style);
            } else if (name.equals("text")) {
                if (style.visible) {
                    text(e, canvas, style);
                }
            } else if (style.visible) {
                shape(name, e, canvas, style);
            }
        } finally {
            canvas.restoreState();
        }
    }

    private void shape(String name, Element e, PdfContentByte canvas, SvgStyle style) {
        boolean closedArea;
        switch (name) {
            case "rect" -> {
                double w = SvgValues.number(e, "width", 0);
                double h = SvgValues.number(e, "height", 0);
                if (w <= 0 || h <= 0) {
                    return;
                }
                roundedRectangle(canvas, SvgValues.number(e, "x", 0), SvgValues.number(e, "y", 0), w, h, e);
                closedArea = true;
            }
            case "circle" -> {
                double r = SvgValues.number(e, "r", 0);
                if (r <= 0) {
                    return;
                }
                ellipse(canvas, SvgValues.number(e, "cx", 0), SvgValues.number(e, "cy", 0), r, r);
                closedArea = true;
            }
            case "ellipse" -> {
                double rx = SvgValues.number(e, "rx", 0);
                double ry = SvgValues.number(e, "ry", 0);
                if (rx <= 0 || ry <= 0) {
                    return;
                }
                ellipse(canvas, SvgValues.number(e, "cx", 0), SvgValues.number(e, "cy", 0), rx, ry);
                closedArea = true;
            }
            case "line" -> {
                canvas.moveTo((float) SvgValues.number(e, "x1", 0), (float) SvgValues.number(e, "y1", 0));
                canvas.lineTo((float) SvgValues.number(e, "x2", 0), (float) SvgValues.number(e, "y2", 0));
                closedArea = false;
            }
            case "polyline", "polygon" -> {
                double[] points = SvgValues.numbers(e.getAttribute("points"));
                if (points.length < 4) {
                    return;
                }
                if (points.length % 2 != 0) {
                    warnOnce("an odd number of coordinates in points=\"" + e.getAttribute("points") + "\"");
                }
                canvas.moveTo((float) points[0], (float) points[1]);
                for (int i = 2; i + 1 < points.length; i += 2) {
                    canvas.lineTo((float) points[i], (float) points[i + 1]);
                }
                if (name.equals("polygon")) {
                    canvas.closePath();
                }
                closedArea = true;
            }
            default -> {
                String problem = SvgPathData.parse(e.getAttribute("d"), new CanvasSink(canvas));
                if (problem != null) {
                    warnOnce("the rest of a path whose data it cannot read (" + problem + ")");
                }
                closedArea = true;
            }
        }
        paintPath(canvas, style, closedArea);
    }

    private void paintPath(PdfContentByte canvas, SvgStyle style, boolean area) {
        boolean fill = area && style.fill != SvgColors.NONE;
        boolean stroke = style.stroke != SvgColors.NONE && style.strokeWidth > 0;
        if (!fill && !stroke) {
            canvas.newPath();
            return;
        }
        opacity(canvas, fill ? style.fillOpacity * style.opacity : 1, stroke ? style.strokeOpacity * style.opacity : 1);
        if (fill) {
            canvas.setColorFill(new Color(style.fill));
        }
        if (stroke) {
            canvas.setColorStroke(new Color(style.stroke));
            canvas.setLineWidth((float) style.strokeWidth);
            canvas.setLineCap(style.lineCap);
            canvas.setLineJoin(style.lineJoin);
            canvas.setMiterLimit((float) style.miterLimit);
            if (style.dash != null) {
                canvas.setLineDash(style.dash, (float) style.dashOffset);
            }
        }
        if (fill && stroke) {
            if (style.evenOdd) {
                canvas.eoFillStroke();
            } else {
                canvas.fillStroke();
            }
        } else if (fill) {
            if (style.evenOdd) {
                canvas.eoFill();
            } else {
                canvas.fill();
            }
        } else {
            canvas.stroke();
        }
    }

    private static void opacity(PdfContentByte canvas, double fill, double stroke) {
        if (fill < 1 || stroke < 1) {
            PdfGState state = new PdfGState();
            state.setFillOpacity((float) Math.max(0, fill));
            state.setStrokeOpacity((float) Math.max(0, stroke));
            canvas.setGState(state);
        }
    }

    private static void roundedRectangle(PdfContentByte canvas, double x, double y, double w, double h, Element e) {
        double rx = e.hasAttribute("rx") ? SvgValues.number(e, "rx", 0) : -1;
        double ry = e.hasAttribute("ry") ? SvgValues.number(e, "ry", 0) : -1;
        if (rx < 0) {
            rx = Math.max(ry, 0);
        }
        if (ry < 0) {
            ry = rx;
        }
        rx = Math.min(rx, w / 2);
        ry = Math.min(ry, h / 2);
        if (rx <= 0 || ry <= 0) {
            canvas.rectangle((float) x, (float) y, (float) w, (float) h);
            return;
        }
        double kx = rx * KAPPA;
        double ky = ry * KAPPA;
        canvas.moveTo((float) (x + rx), (float) y);
        canvas.lineTo((float) (x + w - rx), (float) y);
        curve(canvas, x + w - rx + kx, y, x + w, y + ry - ky, x + w, y + ry);
        canvas.lineTo((float) (x + w), (float) (y + h - ry));
        curve(canvas, x + w, y + h - ry + ky, x + w - rx + kx, y + h, x + w - rx, y + h);
        canvas.lineTo((float) (x + rx), (float) (y + h));
        curve(canvas, x + rx - kx, y + h, x, y + h - ry + ky, x, y + h - ry);
        canvas.lineTo((float) x, (float) (y + ry));
        curve(canvas, x, y + ry - ky, x + rx - kx, y, x + rx, y);
        canvas.closePath();
    }

    private static void ellipse(PdfContentByte canvas, double cx, double cy, double rx, double ry) {
        double kx = rx * KAPPA;
        double ky = ry * KAPPA;
        canvas.moveTo((float) (cx + rx), (float) cy);
        curve(canvas, cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
        curve(canvas, cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
        curve(canvas, cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
        curve(canvas, cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
        canvas.closePath();
    }

    private static void curve(PdfContentByte canvas, double x1, double y1, double x2, double y2, double x, double y) {
        canvas.curveTo((float) x1, (float) y1, (float) x2, (float) y2, (float) x, (float) y);
    }

    private void text(Element e, PdfContentByte canvas, SvgStyle style) {
        List<SvgTextSpans.Span> spans = SvgTextSpans.of(e, style, this::warnOnce);
        if (spans.isEmpty() || style.fill == SvgColors.NONE) {
            return;
        }
        // each tspan in its own style (the path diagram's italic R), each split by font coverage
        List<Run> runs = new ArrayList<>();
        double width = 0;
        for (SvgTextSpans.Span span : spans) {
            SvgStyle s = span.style();
            for (Run run : runs(span.text(), fonts(s.fontFamilies, s.bold, s.italic))) {
                runs.add(new Run(run.text, run.font, s));
                width += run.font.getFont().getWidthPoint(run.text, (float) s.fontSize);
            }
        }
        double x = SvgValues.first(e, "x") + SvgValues.first(e, "dx");
        double y = SvgValues.first(e, "y") + SvgValues.first(e, "dy");
        if ("middle".equals(style.textAnchor)) {
            x -= width / 2;
        } else if ("end".equals(style.textAnchor)) {
            x -= width;
        }
        // one opacity for the line: a tspan's own would outlast it in the graphics state
        opacity(canvas, style.fillOpacity * style.opacity, 1);
        canvas.beginText();
        for (Run run : runs) {
            SvgStyle s = run.style;
            if (s.fill == SvgColors.NONE) {
                x += run.font.getFont().getWidthPoint(run.text, (float) s.fontSize);
                continue;
            }
            double size = s.fontSize;
            Color color = new Color(s.fill);
            canvas.setColorFill(color);
            BaseFont font = run.font.getFont();
            boolean fakeBold = s.bold && run.font.getWeight() < 600;
            if (fakeBold) {
                // the font has no bold face: widen the outline, as Flying Saucer does for body text
                canvas.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE);
                canvas.setColorStroke(color);
                canvas.setLineWidth((float) (size / 32));
            } else {
                canvas.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL);
            }
            canvas.setFontAndSize(font, (float) size);
            boolean fakeItalic = s.italic && run.font.getStyle() != IdentValue.ITALIC
                    && run.font.getStyle() != IdentValue.OBLIQUE;
            // the canvas is y-down; flip the glyphs back upright (and slant them if need be)
            canvas.setTextMatrix(1, 0, fakeItalic ? (float) SLANT : 0, -1, (float) x, (float) y);
            canvas.showText(run.text);
            x += font.getWidthPoint(run.text, (float) size);
        }
        canvas.endText();
    }

    /** A piece of text set in one font and one style ({@code null} while only split by font). */
    private record Run(String text, FontDescription font, SvgStyle style) {
    }

    /** Splits text where the first font that has the character changes. */
    private static List<Run> runs(String text, List<FontDescription> candidates) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        FontDescription currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            FontDescription font = candidates.get(0);
            if (!Character.isWhitespace(cp)) {
                for (FontDescription candidate : candidates) {
                    if (candidate.getFont().charExists(cp)) {
                        font = candidate;
                        break;
                    }
                }
            } else if (currentFont != null) {
                font = currentFont; // spaces never start a new run
            }
            if (currentFont != null && font != currentFont) {
                runs.add(new Run(current.toString(), currentFont, null));
                current.setLength(0);
            }
            currentFont = font;
            current.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (currentFont != null) {
            runs.add(new Run(current.toString(), currentFont, null));
        }
        return runs;
    }

    /** The registered fonts for a font-family list, in order, then the resolver's serif as a last resort. */
    private List<FontDescription> fonts(List<String> families, boolean bold, boolean italic) {
        String key = families + (bold ? "/bold" : "/normal") + (italic ? "/italic" : "");
        List<FontDescription> cached = fontCache.get(key);
        if (cached != null) {
            return cached;
        }
        List<FontDescription> found = new ArrayList<>();
        Map<String, FontFamily> registered = fonts.getFonts();
        List<String> names = new ArrayList<>(families);
        names.add("serif");
        for (String name : names) {
            FontFamily family = registered.get(generic(name));
            if (family == null) {
                continue;
            }
            FontDescription description = family.match(bold ? 700 : 400,
                    italic ? IdentValue.ITALIC : IdentValue.NORMAL);
            if (description != null && !found.contains(description)) {
                found.add(description);
            }
        }
        if (found.isEmpty()) {
            try {
                found.add(new FontDescription(BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI,
                        BaseFont.NOT_EMBEDDED)));
            } catch (Exception ex) {
                throw new IllegalStateException("OpenPDF's built-in Helvetica is always available", ex);
            }
        }
        fontCache.put(key, found);
        return found;
    }

    /** Flying Saucer's names for the CSS generic families. */
    private static String generic(String family) {
        return switch (family.toLowerCase(Locale.ROOT)) {
            case "serif" -> "Serif";
            case "sans-serif" -> "SansSerif";
            case "monospace" -> "Monospaced";
            default -> family;
        };
    }

    private void transform(Element e, PdfContentByte canvas) {
        String value = e.getAttribute("transform").trim();
        if (value.isEmpty()) {
            return;
        }
        int pos = 0;
        while (pos < value.length()) {
            int open = value.indexOf('(', pos);
            int close = open < 0 ? -1 : value.indexOf(')', open);
            if (open < 0 || close < 0) {
                warnOnce("transform=\"" + value + "\" (not a transform list)");
                return;
            }
            String function = value.substring(pos, open).replace(",", " ").trim();
            double[] a = SvgValues.numbers(value.substring(open + 1, close));
            double[] m = SvgValues.matrix(function, a);
            if (m == null) {
                warnOnce("transform=\"" + value + "\" (" + function + " with " + a.length + " values)");
                return;
            }
            canvas.concatCTM((float) m[0], (float) m[1], (float) m[2], (float) m[3], (float) m[4], (float) m[5]);
            pos = close + 1;
            while (pos < value.length() && (value.charAt(pos) == ',' || Character.isWhitespace(value.charAt(pos)))) {
                pos++;
            }
        }
    }

    void warnOnce(String what) {
        if (warned.add(what)) {
            warnings.accept("The PDF figure leaves out " + what + ". The PDF draws the SVG shapes, paths and "
                    + "one-line texts that figures use (see the templates README); the HTML report shows the "
                    + "figure as the browser draws it.");
        }
    }

    /** The element's name without a prefix, also in a DOM built without namespaces. */
    static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    }

    /** Sends path data to the canvas. */
    private record CanvasSink(PdfContentByte canvas) implements SvgPathData.Sink {
        @Override
        public void moveTo(double x, double y) {
            canvas.moveTo((float) x, (float) y);
        }

        @Override
        public void lineTo(double x, double y) {
            canvas.lineTo((float) x, (float) y);
        }

        @Override
        public void curveTo(double x1, double y1, double x2, double y2, double x, double y) {
            canvas.curveTo((float) x1, (float) y1, (float) x2, (float) y2, (float) x, (float) y);
        }

        @Override
        public void closePath() {
            canvas.closePath();
        }
    }
}
