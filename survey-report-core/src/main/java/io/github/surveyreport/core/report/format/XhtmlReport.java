package io.github.surveyreport.core.report.format;

import io.github.surveyreport.core.report.TableFit;
import io.github.surveyreport.core.report.XhtmlDocument;
import io.github.surveyreport.core.SurveyReportException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The rendered report's XHTML read back as the few kinds of block the templates make, for the
 * media that are not HTML (DOCX, LaTeX): headings, paragraphs (captions, notes, plain), tables
 * laid on a grid (spans resolved) and figures (the inline SVG, as standalone SVG text).
 * Inline content keeps what a manuscript needs: italic, bold, subscript, superscript, line
 * breaks.
 */
final class XhtmlReport {
    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

    /** The document's language: {@code zh} or {@code en} (from the body's classes). */
    final String language;
    final List<Block> blocks = new ArrayList<>();
    private final List<String> svgs = new ArrayList<>();

    sealed interface Block permits Heading, Paragraph, Table, Figure, PageTurn {
    }

    /**
     * Where a landscape page begins ({@code landscape}) or ends: around a table too wide for the
     * portrait text (its block in {@code div.landscape}, see {@link TableFit}).
     */
    record PageTurn(boolean landscape) implements Block {
    }

    /** A heading; level 0 is the document title. */
    record Heading(int level, List<Inline> content) implements Block {
    }

    /**
     * A paragraph of a kind: {@code caption} / {@code figcaption} (with {@code number} and
     * {@code name}), {@code note} (its lead, e.g. "注：" or "Note.", in {@code number}),
     * {@code subtitle}, {@code facts}, {@code item} (a list item) or {@code text}.
     */
    record Paragraph(String kind, List<Inline> number, List<Inline> content) implements Block {
    }

    /**
     * A table on its grid: header rows, then body rows; {@code threeLine} for the report's
     * tables, {@code wide} for one set in the smaller type (see {@link TableFit}).
     */
    record Table(List<Row> head, List<Row> body, int columns, boolean threeLine, boolean wide) implements Block {
    }

    record Row(List<Cell> cells, String kind) {
    }

    /**
     * One grid cell. A span's top-left cell carries the content; the cells it covers are
     * {@code covered} (with {@code mergeDown} for the rows below its top row).
     */
    record Cell(List<Inline> content, int column, int colspan, int rowspan, String kind, boolean header,
                boolean covered, boolean continuesRowspan) {
        String text() {
            StringBuilder b = new StringBuilder();
            for (Inline i : content) {
                b.append(i.text());
            }
            return b.toString();
        }
    }

    /** A figure: the SVG as a standalone document, its width in millimetres (from its style). */
    record Figure(String svg, double widthMm) implements Block {
    }

    /** A run of text; {@code text} is "\n" for a line break. */
    record Inline(String text, boolean italic, boolean bold, boolean sub, boolean sup) {
        boolean lineBreak() {
            return text.equals("\n");
        }
    }

    private XhtmlReport(String xhtml) {
        Matcher m = SVG.matcher(xhtml);
        while (m.find()) {
            svgs.add(m.group());
        }
        Document document = XhtmlDocument.parse(xhtml, "the DOCX and LaTeX reports");
        // the same decision as the PDF's: a too wide table set smaller or on a landscape page
        TableFit.apply(document);
        Element body = child(document.getDocumentElement(), "body");
        if (body == null) {
            throw new SurveyReportException("The rendered report has no <body>");
        }
        language = classes(body).contains("en") ? "en" : "zh";
        blocks(body);
    }

    static XhtmlReport read(String xhtml) {
        return new XhtmlReport(xhtml);
    }

    boolean english() {
        return language.equals("en");
    }

    private void blocks(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String name = name(e);
            List<String> classes = classes(e);
            switch (name) {
                case "h1" -> blocks.add(new Heading(0, inlines(e)));
                case "h2" -> blocks.add(new Heading(1, inlines(e)));
                case "h3", "h4" -> blocks.add(new Heading(2, inlines(e)));
                case "p" -> paragraph(e, classes);
                case "table" -> blocks.add(table(e, classes.contains("three-line"), classes.contains("wide")));
                case "svg" -> figure(e);
                case "ul", "ol" -> {
                    for (Node li = e.getFirstChild(); li != null; li = li.getNextSibling()) {
                        if (li instanceof Element item && name(item).equals("li")) {
                            blocks.add(new Paragraph("item", List.of(), inlines(item)));
                        }
                    }
                }
                case "style", "script", "head", "title", "nav" -> {
                }
                default -> {
                    boolean landscape = classes.contains("landscape");
                    if (landscape) {
                        blocks.add(new PageTurn(true));
                    }
                    blocks(e);
                    if (landscape) {
                        blocks.add(new PageTurn(false));
                    }
                }
            }
        }
    }

    private void paragraph(Element e, List<String> classes) {
        String kind = classes.contains("caption") ? "caption" : classes.contains("figcaption") ? "figcaption"
                : classes.contains("note") ? "note" : classes.contains("subtitle") ? "subtitle"
                : classes.contains("facts") ? "facts" : "text";
        List<Inline> number = new ArrayList<>();
        List<Inline> content = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element span && name(span).equals("span")
                    && (classes(span).contains("no") || classes(span).contains("lead"))) {
                inlines(span, false, false, false, false, number);
            } else if (!kind.endsWith("caption") || n instanceof Element) {
                inlines(n, false, false, false, false, content);
            }
        }
        blocks.add(new Paragraph(kind, trim(number), trim(content)));
    }

    private void figure(Element svg) {
        int index = (int) blocks.stream().filter(b -> b instanceof Figure).count();
        String text = index < svgs.size() ? svgs.get(index) : "";
        double widthMm = 160;
        Matcher width = Pattern.compile("width:\\s*([0-9.]+)mm").matcher(svg.getAttribute("style"));
        if (width.find()) {
            widthMm = Double.parseDouble(width.group(1));
        } else if (!svg.getAttribute("width").isEmpty()) {
            widthMm = Double.parseDouble(svg.getAttribute("width").replaceAll("[^0-9.]", "")) * 25.4 / 96;
        }
        blocks.add(new Figure("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text, Math.min(widthMm, 165)));
    }

    private Table table(Element table, boolean threeLine, boolean wide) {
        List<Element> headRows = new ArrayList<>();
        List<Element> bodyRows = new ArrayList<>();
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                switch (name(e)) {
                    case "thead" -> headRows.addAll(rows(e));
                    case "tbody", "tfoot" -> bodyRows.addAll(rows(e));
                    case "tr" -> bodyRows.add(e);
                    default -> {
                    }
                }
            }
        }
        List<Element> all = new ArrayList<>(headRows);
        all.addAll(bodyRows);
        // lay the cells on a grid: rowspans from above take their columns first
        List<Cell[]> grid = new ArrayList<>();
        int columns = 0;
        for (int r = 0; r < all.size(); r++) {
            while (grid.size() <= r) {
                grid.add(new Cell[64]);
            }
            int c = 0;
            for (Node n = all.get(r).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element cell) || !(name(cell).equals("td") || name(cell).equals("th"))) {
                    continue;
                }
                while (c < 64 && grid.get(r)[c] != null) {
                    c++;
                }
                int colspan = Math.max(1, Math.min(span(cell, "colspan"), 64 - c));
                int rowspan = Math.max(1, Math.min(span(cell, "rowspan"), all.size() - r));
                List<String> classes = classes(cell);
                String kind = String.join(" ", classes);
                boolean header = name(cell).equals("th");
                for (int dr = 0; dr < rowspan; dr++) {
                    while (grid.size() <= r + dr) {
                        grid.add(new Cell[64]);
                    }
                    for (int dc = 0; dc < colspan; dc++) {
                        grid.get(r + dr)[c + dc] = dr == 0 && dc == 0
                                ? new Cell(trim(inlines(cell)), c, colspan, rowspan, kind, header, false, false)
                                : new Cell(List.of(), c, colspan, rowspan, kind, header, true, dr > 0 && dc == 0);
                    }
                }
                c += colspan;
                columns = Math.max(columns, c);
            }
            columns = Math.max(columns, lastFilled(grid.get(r)) + 1);
        }
        List<Row> head = new ArrayList<>();
        List<Row> body = new ArrayList<>();
        for (int r = 0; r < all.size(); r++) {
            Cell[] cells = grid.get(r);
            List<Cell> row = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                row.add(cells[c] != null ? cells[c]
                        : new Cell(List.of(), c, 1, 1, "", r < headRows.size(), false, false));
            }
            Row made = new Row(row, String.join(" ", classes(all.get(r))));
            (r < headRows.size() ? head : body).add(made);
        }
        return new Table(head, body, columns, threeLine, wide);
    }

    private static int lastFilled(Cell[] cells) {
        int last = -1;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null) {
                last = i;
            }
        }
        return last;
    }

    private static int span(Element cell, String attribute) {
        try {
            return cell.getAttribute(attribute).isEmpty() ? 1 : Integer.parseInt(cell.getAttribute(attribute).trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static List<Element> rows(Element group) {
        List<Element> rows = new ArrayList<>();
        for (Node n = group.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name(e).equals("tr")) {
                rows.add(e);
            }
        }
        return rows;
    }

    private static List<Inline> inlines(Element e) {
        List<Inline> out = new ArrayList<>();
        inlines(e, false, false, false, false, out);
        return trim(out);
    }

    private static void inlines(Node node, boolean italic, boolean bold, boolean sub, boolean sup, List<Inline> out) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            String text = node.getNodeValue().replaceAll("[ \\t\\r\\n]+", " ");
            if (!text.isEmpty()) {
                if (text.startsWith(" ") && (out.isEmpty() || out.get(out.size() - 1).text().endsWith(" ")
                        || out.get(out.size() - 1).lineBreak())) {
                    text = text.substring(1);
                }
                if (!text.isEmpty()) {
                    out.add(new Inline(text, italic, bold, sub, sup));
                }
            }
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        switch (name(e)) {
            case "br" -> out.add(new Inline("\n", false, false, false, false));
            case "svg", "style", "script" -> {
            }
            default -> {
                String name = name(e);
                boolean i = italic || name.equals("i") || name.equals("em") || name.equals("var");
                boolean b = bold || name.equals("b") || name.equals("strong");
                boolean down = sub || name.equals("sub");
                boolean up = sup || name.equals("sup");
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    inlines(n, i, b, down, up, out);
                }
            }
        }
    }

    /** Without leading and trailing spaces. */
    private static List<Inline> trim(List<Inline> inlines) {
        List<Inline> out = new ArrayList<>(inlines);
        while (!out.isEmpty() && out.get(0).text().isBlank() && !out.get(0).lineBreak()) {
            out.remove(0);
        }
        if (!out.isEmpty()) {
            Inline first = out.get(0);
            out.set(0, new Inline(first.text().stripLeading().isEmpty() ? first.text() : first.text().replaceFirst("^ +", ""),
                    first.italic(), first.bold(), first.sub(), first.sup()));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).text().isBlank() && !out.get(out.size() - 1).lineBreak()) {
            out.remove(out.size() - 1);
        }
        if (!out.isEmpty()) {
            Inline last = out.get(out.size() - 1);
            out.set(out.size() - 1, new Inline(last.lineBreak() ? last.text() : last.text().replaceFirst(" +$", ""),
                    last.italic(), last.bold(), last.sub(), last.sup()));
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name(e).equals(name)) {
                return e;
            }
        }
        return null;
    }

    static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    }

    private static List<String> classes(Element e) {
        String value = e.getAttribute("class").trim();
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
    }
}
