package io.github.surveyreport.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The runs of one SVG {@code <text>}: its own character data and that of its (unpositioned)
 * {@code <tspan>} children, each with its style, so that part of a line can be set differently,
 * as the path diagram's italic <i>R</i> in "R² = .587". Whitespace collapses as SVG does it
 * ({@code xml:space="default"}): runs of spaces become one space, also across a run boundary, and
 * the line is trimmed. Shared by the PDF painter, the PNG and the TikZ writer.
 */
final class SvgTextSpans {
    /** A piece of the line and the style it is drawn in. */
    record Span(String text, SvgStyle style) {
    }

    private SvgTextSpans() {
    }

    /**
     * The text's spans, in order, none empty; {@code style} is the {@code <text>}'s own. A nested
     * element other than {@code <tspan>} is reported to {@code unsupported} and its text kept in
     * the surrounding style.
     */
    static List<Span> of(Element text, SvgStyle style, Consumer<String> unsupported) {
        List<Span> raw = new ArrayList<>();
        collect(text, style, unsupported, raw);
        List<Span> out = new ArrayList<>();
        boolean spaceBefore = true; // a leading space is dropped
        for (Span s : raw) {
            String collapsed = s.text().replaceAll("\\s+", " ");
            if (spaceBefore && collapsed.startsWith(" ")) {
                collapsed = collapsed.substring(1);
            }
            if (collapsed.isEmpty()) {
                continue;
            }
            spaceBefore = collapsed.endsWith(" ");
            out.add(new Span(collapsed, s.style()));
        }
        // trailing space
        while (!out.isEmpty() && out.get(out.size() - 1).text().endsWith(" ")) {
            Span last = out.remove(out.size() - 1);
            String t = last.text().substring(0, last.text().length() - 1);
            if (!t.isEmpty()) {
                out.add(new Span(t, last.style()));
            }
        }
        return out;
    }

    private static void collect(Element parent, SvgStyle style, Consumer<String> unsupported, List<Span> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if (!"tspan".equals(SvgPdfPainter.localName(child))) {
                    unsupported.accept("<" + SvgPdfPainter.localName(child) + "> inside <text>");
                    out.add(new Span(child.getTextContent(), style));
                    continue;
                }
                if (child.hasAttribute("x") || child.hasAttribute("y") || child.hasAttribute("dx")
                        || child.hasAttribute("dy")) {
                    unsupported.accept("positioned <tspan> (its text joins the line)");
                }
                collect(child, style.inherit(child, unsupported), unsupported, out);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.add(new Span(n.getNodeValue(), style));
            }
        }
    }

    /** The whole line. */
    static String join(List<Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(s.text());
        }
        return sb.toString();
    }
}
