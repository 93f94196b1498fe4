package io.github.surveyreport.core.report;

import io.github.surveyreport.core.SurveyReportException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A report figure (one inline {@code <svg>} of the rendered report) drawn for the media that
 * cannot show SVG themselves: as a PNG picture (Java2D; the DOCX's raster fallback) and as TikZ
 * commands (the LaTeX report). Both draw the same static subset as {@link SvgPdfPainter} and
 * reuse its parsing ({@link SvgStyle}, {@link SvgPathData}, {@link SvgValues},
 * {@link SvgColors}); what is outside it is left out with one warning per kind.
 */
public final class SvgFigure {
    private static final Set<String> SHAPES = Set.of("rect", "circle", "ellipse", "line", "polyline", "polygon", "path");
    private static final java.util.Map<String, Font> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Element svg;
    private final double[] viewBox;
    private final Consumer<String> warnings;
    private final Set<String> warned = new LinkedHashSet<>();

    private SvgFigure(Element svg, Consumer<String> warnings) {
        this.svg = svg;
        this.warnings = warnings;
        double[] box = SvgValues.numbers(svg.getAttribute("viewBox"));
        if (box.length != 4 || box[2] <= 0 || box[3] <= 0) {
            box = new double[] {0, 0, SvgValues.number(svg, "width", 400), SvgValues.number(svg, "height", 300)};
        }
        this.viewBox = box;
    }

    /** Parses one standalone SVG document (the {@code <svg>} element of the report, with its namespace). */
    public static SvgFigure parse(String svgXml, Consumer<String> warnings) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svgXml)))
                    .getDocumentElement();
            return new SvgFigure(root, warnings);
        } catch (Exception e) {
            throw new SurveyReportException("Cannot read a report figure's SVG: " + e.getMessage(), e);
        }
    }

    /** Width of the user space (the viewBox), in SVG px. */
    public double width() {
        return viewBox[2];
    }

    /** Height of the user space (the viewBox), in SVG px. */
    public double height() {
        return viewBox[3];
    }

    /** The figure as PNG bytes, {@code scale} pixels per SVG px, on white. */
    public byte[] png(double scale) {
        int w = (int) Math.ceil(viewBox[2] * scale);
        int h = (int) Math.ceil(viewBox[3] * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(scale, scale);
            g.translate(-viewBox[0], -viewBox[1]);
            new Java2d(g).children(svg, SvgStyle.initial().inherit(svg, this::warnOnce));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new SurveyReportException("Cannot encode a report figure as PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * The figure as a {@code tikzpicture}, {@code widthMm} wide, y downwards as in SVG; texts are
     * escaped by {@code escape} (the LaTeX writer's own).
     */
    public String tikz(double widthMm, java.util.function.UnaryOperator<String> escape) {
        double unit = widthMm / viewBox[2];
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "\\begin{tikzpicture}[x=%.4fmm,y=-%.4fmm]%n", unit, unit));
        out.append(String.format(Locale.ROOT, "\\useasboundingbox (%s,%s) rectangle (%s,%s);%n",
                num(viewBox[0]), num(viewBox[1]), num(viewBox[0] + viewBox[2]), num(viewBox[1] + viewBox[3])));
        new Tikz(out, unit * 72 / 25.4, escape).children(svg, SvgStyle.initial().inherit(svg, this::warnOnce));
        out.append("\\end{tikzpicture}");
        return out.toString();
    }

    private void warnOnce(String what) {
        if (warned.add(what)) {
            warnings.accept("The DOCX/LaTeX figure leaves out " + what + ": they draw the SVG shapes, paths and "
                    + "one-line texts that figures use, as the PDF does.");
        }
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /** Walks the SVG tree; subclasses draw. */
    private abstract class Walker {
        void children(Element parent, SvgStyle style) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    element(e, style);
                }
            }
        }

        void element(Element e, SvgStyle parentStyle) {
            String name = SvgPdfPainter.localName(e);
            if (name.equals("title") || name.equals("desc") || name.equals("metadata")) {
                return;
            }
            boolean group = name.equals("g") || name.equals("a") || name.equals("svg");
            if (!group && !SHAPES.contains(name) && !name.equals("text")) {
                warnOnce("<" + name + ">");
                return;
            }
            SvgStyle style = parentStyle.inherit(e, SvgFigure.this::warnOnce);
            if (style.hidden) {
                return;
            }
            AffineTransform transform = transform(e);
            begin(transform);
            if (group) {
                children(e, style);
            } else if (style.visible && name.equals("text")) {
                List<SvgTextSpans.Span> spans = SvgTextSpans.of(e, style, SvgFigure.this::warnOnce);
                if (!spans.isEmpty() && style.fill != SvgColors.NONE) {
                    text(spans, SvgValues.first(e, "x") + SvgValues.first(e, "dx"),
                            SvgValues.first(e, "y") + SvgValues.first(e, "dy"), style);
                }
            } else if (style.visible) {
                Path2D.Double path = new Path2D.Double();
                boolean area = outline(name, e, path);
                if (path.getCurrentPoint() != null) {
                    draw(path, area, style);
                }
            }
            end(transform);
        }

        private AffineTransform transform(Element e) {
            String value = e.getAttribute("transform").trim();
            if (value.isEmpty()) {
                return null;
            }
            AffineTransform result = new AffineTransform();
            int pos = 0;
            while (pos < value.length()) {
                int open = value.indexOf('(', pos);
                int close = open < 0 ? -1 : value.indexOf(')', open);
                if (open < 0 || close < 0) {
                    warnOnce("transform=\"" + value + "\"");
                    return result;
                }
                String function = value.substring(pos, open).replace(",", " ").trim();
                double[] m = SvgValues.matrix(function, SvgValues.numbers(value.substring(open + 1, close)));
                if (m == null) {
                    warnOnce("transform=\"" + value + "\"");
                    return result;
                }
                result.concatenate(new AffineTransform(m));
                pos = close + 1;
                while (pos < value.length() && (value.charAt(pos) == ',' || Character.isWhitespace(value.charAt(pos)))) {
                    pos++;
                }
            }
            return result;
        }

        /** The element's outline in {@code path}; whether it is an area (can be filled). */
        private boolean outline(String name, Element e, Path2D.Double path) {
            switch (name) {
                case "rect" -> {
                    double w = SvgValues.number(e, "width", 0);
                    double h = SvgValues.number(e, "height", 0);
                    if (w <= 0 || h <= 0) {
                        return true;
                    }
                    double rx = e.hasAttribute("rx") ? SvgValues.number(e, "rx", 0) : -1;
                    double ry = e.hasAttribute("ry") ? SvgValues.number(e, "ry", 0) : -1;
                    rx = rx < 0 ? Math.max(ry, 0) : rx;
                    ry = ry < 0 ? rx : ry;
                    path.append(new RoundRectangle2D.Double(SvgValues.number(e, "x", 0), SvgValues.number(e, "y", 0),
                            w, h, 2 * Math.min(rx, w / 2), 2 * Math.min(ry, h / 2)), false);
                    return true;
                }
                case "circle", "ellipse" -> {
                    double rx = SvgValues.number(e, name.equals("circle") ? "r" : "rx", 0);
                    double ry = SvgValues.number(e, name.equals("circle") ? "r" : "ry", 0);
                    if (rx > 0 && ry > 0) {
                        path.append(new Ellipse2D.Double(SvgValues.number(e, "cx", 0) - rx,
                                SvgValues.number(e, "cy", 0) - ry, 2 * rx, 2 * ry), false);
                    }
                    return true;
                }
                case "line" -> {
                    path.moveTo(SvgValues.number(e, "x1", 0), SvgValues.number(e, "y1", 0));
                    path.lineTo(SvgValues.number(e, "x2", 0), SvgValues.number(e, "y2", 0));
                    return false;
                }
                case "polyline", "polygon" -> {
                    double[] p = SvgValues.numbers(e.getAttribute("points"));
                    if (p.length >= 4) {
                        path.moveTo(p[0], p[1]);
                        for (int i = 2; i + 1 < p.length; i += 2) {
                            path.lineTo(p[i], p[i + 1]);
                        }
                        if (name.equals("polygon")) {
                            path.closePath();
                        }
                    }
                    return true;
                }
                default -> {
                    String problem = SvgPathData.parse(e.getAttribute("d"), new SvgPathData.Sink() {
                        @Override
                        public void moveTo(double x, double y) {
                            path.moveTo(x, y);
                        }

                        @Override
                        public void lineTo(double x, double y) {
                            path.lineTo(x, y);
                        }

                        @Override
                        public void curveTo(double x1, double y1, double x2, double y2, double x, double y) {
                            path.curveTo(x1, y1, x2, y2, x, y);
                        }

                        @Override
                        public void closePath() {
                            path.closePath();
                        }
                    });
                    if (problem != null) {
                        warnOnce("the rest of a path whose data it cannot read (" + problem + ")");
                    }
                    return true;
                }
            }
        }

        abstract void begin(AffineTransform transform);

        abstract void end(AffineTransform transform);

        abstract void draw(Path2D.Double path, boolean area, SvgStyle style);

        /** One line of text, its spans (tspans) each in its own style, anchored by the {@code <text>}'s style. */
        abstract void text(List<SvgTextSpans.Span> spans, double x, double y, SvgStyle style);
    }

    /** Draws with Java2D. */
    private final class Java2d extends Walker {
        private final Graphics2D g;
        private final java.util.ArrayDeque<AffineTransform> saved = new java.util.ArrayDeque<>();

        Java2d(Graphics2D g) {
            this.g = g;
        }

        @Override
        void begin(AffineTransform transform) {
            if (transform != null) {
                saved.push(g.getTransform());
                g.transform(transform);
            }
        }

        @Override
        void end(AffineTransform transform) {
            if (transform != null) {
                g.setTransform(saved.pop());
            }
        }

        @Override
        void draw(Path2D.Double path, boolean area, SvgStyle style) {
            path.setWindingRule(style.evenOdd ? Path2D.WIND_EVEN_ODD : Path2D.WIND_NON_ZERO);
            if (area && style.fill != SvgColors.NONE) {
                g.setColor(color(style.fill, style.fillOpacity * style.opacity));
                g.fill(path);
            }
            if (style.stroke != SvgColors.NONE && style.strokeWidth > 0) {
                g.setColor(color(style.stroke, style.strokeOpacity * style.opacity));
                g.setStroke(new BasicStroke((float) style.strokeWidth, style.lineCap, style.lineJoin,
                        (float) Math.max(1, style.miterLimit), style.dash, (float) style.dashOffset));
                g.draw(path);
            }
        }

        @Override
        void text(List<SvgTextSpans.Span> spans, double x, double y, SvgStyle style) {
            // one font family for the whole line (the one that shows all of it), each span in its style
            String content = SvgTextSpans.join(spans);
            Font[] fonts = new Font[spans.size()];
            double width = 0;
            for (int i = 0; i < spans.size(); i++) {
                SvgStyle s = spans.get(i).style();
                fonts[i] = font(s, content);
                g.setFont(fonts[i]);
                width += g.getFontMetrics().getStringBounds(spans.get(i).text(), g).getWidth();
            }
            if ("middle".equals(style.textAnchor)) {
                x -= width / 2;
            } else if ("end".equals(style.textAnchor)) {
                x -= width;
            }
            for (int i = 0; i < spans.size(); i++) {
                SvgStyle s = spans.get(i).style();
                g.setFont(fonts[i]);
                String text = spans.get(i).text();
                if (s.fill != SvgColors.NONE) {
                    g.setColor(color(s.fill, s.fillOpacity * s.opacity));
                    g.drawString(text, (float) x, (float) y);
                }
                x += g.getFontMetrics().getStringBounds(text, g).getWidth();
            }
        }

        private Color color(int rgb, double alpha) {
            return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff,
                    (int) Math.round(255 * Math.max(0, Math.min(1, alpha))));
        }
    }

    /** The first installed family of the list that shows the whole text, else the logical SansSerif (which falls back per script). */
    private static Font font(SvgStyle style, String content) {
        int awtStyle = (style.bold ? Font.BOLD : 0) | (style.italic ? Font.ITALIC : 0);
        for (String family : style.fontFamilies) {
            String name = switch (family.toLowerCase(Locale.ROOT)) {
                case "serif" -> Font.SERIF;
                case "sans-serif" -> Font.SANS_SERIF;
                case "monospace" -> Font.MONOSPACED;
                default -> family;
            };
            Font font = FONTS.computeIfAbsent(name + "/" + awtStyle, key -> new Font(name, awtStyle, 12));
            // a family that is not installed comes back as Java's "Dialog"; it is skipped
            boolean installed = name.equals(Font.SERIF) || name.equals(Font.SANS_SERIF) || name.equals(Font.MONOSPACED)
                    || font.getFamily(Locale.ROOT).equalsIgnoreCase(name);
            if (installed && font.canDisplayUpTo(content) < 0) {
                return font.deriveFont((float) style.fontSize);
            }
        }
        return new Font(Font.SANS_SERIF, awtStyle, 1).deriveFont((float) style.fontSize);
    }

    /** Writes TikZ commands. */
    private final class Tikz extends Walker {
        private final StringBuilder out;
        private final double ptPerUnit;
        private final java.util.function.UnaryOperator<String> escape;

        Tikz(StringBuilder out, double ptPerUnit, java.util.function.UnaryOperator<String> escape) {
            this.out = out;
            this.ptPerUnit = ptPerUnit;
            this.escape = escape;
        }

        @Override
        void begin(AffineTransform t) {
            if (t != null) {
                out.append(String.format(Locale.ROOT, "\\begin{scope}[cm={%s,%s,%s,%s,(%s,%s)}]%n", num(t.getScaleX()),
                        num(t.getShearY()), num(t.getShearX()), num(t.getScaleY()), num(t.getTranslateX()),
                        num(t.getTranslateY())));
            }
        }

        @Override
        void end(AffineTransform t) {
            if (t != null) {
                out.append("\\end{scope}\n");
            }
        }

        @Override
        void draw(Path2D.Double path, boolean area, SvgStyle style) {
            boolean fill = area && style.fill != SvgColors.NONE;
            boolean stroke = style.stroke != SvgColors.NONE && style.strokeWidth > 0;
            if (!fill && !stroke) {
                return;
            }
            List<String> options = new java.util.ArrayList<>();
            if (fill) {
                options.add("fill=" + color(style.fill));
                if (style.fillOpacity * style.opacity < 1) {
                    options.add("fill opacity=" + num(style.fillOpacity * style.opacity));
                }
            }
            if (stroke) {
                options.add("draw=" + color(style.stroke));
                options.add("line width=" + num(style.strokeWidth * ptPerUnit) + "pt");
                if (style.dash != null) {
                    List<String> parts = new java.util.ArrayList<>();
                    float[] dash = style.dash.length % 2 == 0 ? style.dash : concat(style.dash, style.dash);
                    for (int i = 0; i < dash.length; i++) {
                        parts.add((i % 2 == 0 ? "on " : "off ") + num(dash[i] * ptPerUnit) + "pt");
                    }
                    options.add("dash pattern=" + String.join(" ", parts));
                }
                if (style.lineCap == 1) {
                    options.add("line cap=round");
                }
                if (style.lineJoin == 1) {
                    options.add("line join=round");
                }
            }
            if (fill && style.evenOdd) {
                options.add("even odd rule");
            }
            out.append("\\path[").append(String.join(",", options)).append("] ");
            double[] c = new double[6];
            for (java.awt.geom.PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
                switch (it.currentSegment(c)) {
                    case java.awt.geom.PathIterator.SEG_MOVETO -> out.append(point(c[0], c[1]));
                    case java.awt.geom.PathIterator.SEG_LINETO -> out.append(" -- ").append(point(c[0], c[1]));
                    case java.awt.geom.PathIterator.SEG_QUADTO -> out.append(" .. controls ").append(point(c[0], c[1]))
                            .append(" .. ").append(point(c[2], c[3]));
                    case java.awt.geom.PathIterator.SEG_CUBICTO -> out.append(" .. controls ").append(point(c[0], c[1]))
                            .append(" and ").append(point(c[2], c[3])).append(" .. ").append(point(c[4], c[5]));
                    default -> out.append(" -- cycle");
                }
            }
            out.append(";\n");
        }

        @Override
        void text(List<SvgTextSpans.Span> spans, double x, double y, SvgStyle style) {
            String anchor = "middle".equals(style.textAnchor) ? "base" : "end".equals(style.textAnchor)
                    ? "base east" : "base west";
            double size = style.fontSize * ptPerUnit;
            StringBuilder text = new StringBuilder();
            for (SvgTextSpans.Span span : spans) {
                // the line's own weight and slant wrap it all; a span's differing ones wrap the span
                String part = escape.apply(span.text());
                if (span.style().bold && !style.bold) {
                    part = "\\textbf{" + part + "}";
                }
                if (span.style().italic && !style.italic) {
                    part = "\\textit{" + part + "}";
                }
                text.append(part);
            }
            if (style.bold) {
                text.insert(0, "\\textbf{").append('}');
            }
            if (style.italic) {
                text.insert(0, "\\textit{").append('}');
            }
            out.append(String.format(Locale.ROOT, "\\node[anchor=%s,inner sep=0pt,text=%s,font=\\fontsize{%s}{%s}"
                    + "\\selectfont] at %s {%s};%n", anchor, color(style.fill), num(size), num(size * 1.2),
                    point(x, y), text));
        }

        private static float[] concat(float[] a, float[] b) {
            float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }

        private String point(double x, double y) {
            return "(" + num(x) + "," + num(y) + ")";
        }

        private String color(int rgb) {
            return "{rgb,255:red," + ((rgb >> 16) & 0xff) + ";green," + ((rgb >> 8) & 0xff) + ";blue," + (rgb & 0xff)
                    + "}";
        }
    }
}
