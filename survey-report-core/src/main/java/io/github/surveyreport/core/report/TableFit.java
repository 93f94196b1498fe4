package io.github.surveyreport.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Decides how a report table fits the page: as it is, in a smaller type (class {@code wide}),
 * or, when even the smaller type leaves it wider than the text, on a landscape page of its own
 * (its {@code div.table-block} wrapped in a {@code div.landscape}). The PDF and the DOCX apply
 * this to the same rendered XHTML, so both media make the same decision from the same rule.
 *
 * <p>The rule is deterministic and looks at the table only, not at a layout: each column needs
 * at least its widest unbreakable content (a number cell whole, since numbers do not wrap; a
 * heading's or label's longest word; a text cell its CSS {@code min-width} of 7 em) plus the
 * cell padding, in em of Times-like widths (CJK full width). That least width times the font
 * size is compared with the text width of A4 portrait (170 mm); a table that does not fit at
 * the table type ({@value #NORMAL_PT} pt) but fits at {@value #SMALL_PT} pt gets the smaller
 * type, and one that fits neither goes on a landscape page (257 mm of text), in the smaller
 * type only if it needs that there too. Judging the least widths, not the preferred ones,
 * keeps tables in portrait whose long texts can wrap.
 */
public final class TableFit {
    /** The type of the report's tables (report.css, {@code table.three-line}). */
    static final double NORMAL_PT = 9.5;
    /** The smallest type a table is set in (report.css, {@code table.three-line.wide}). */
    static final double SMALL_PT = 8.5;
    private static final double MM = 72 / 25.4;
    /** A4 portrait text width: 210 mm less 20 mm margins each side (report.css, {@code @page}). */
    static final double PORTRAIT_PT = 170 * MM;
    /** A4 landscape text width: 297 mm less 20 mm margins each side (report.css, {@code @page landscape}). */
    static final double LANDSCAPE_PT = 257 * MM;
    /** Left and right cell padding, .45 em each (report.css). */
    private static final double PADDING_EM = 0.9;
    /** The least width of a text cell (report.css, {@code min-width: 7em}). */
    private static final double TEXT_CELL_EM = 7;

    private TableFit() {
    }

    /** How a table is set. */
    public enum Fit {
        /** at the table type, in portrait */
        NORMAL,
        /** in the smaller type, in portrait */
        WIDE,
        /** on a landscape page of its own */
        LANDSCAPE
    }

    /**
     * Marks the document's three-line tables that do not fit the portrait text width: adds the
     * class {@code wide} to the table and wraps the table's block in {@code <div class="landscape">}
     * when the smaller type is not enough. Applying it twice changes nothing more.
     */
    public static void apply(Document document) {
        NodeList tables = document.getElementsByTagNameNS("*", "table");
        List<Element> threeLine = new ArrayList<>();
        for (int i = 0; i < tables.getLength(); i++) {
            Element table = (Element) tables.item(i);
            if (classes(table).contains("three-line")) {
                threeLine.add(table);
            }
        }
        for (Element table : threeLine) {
            double em = leastWidthEm(table);
            Fit fit = fit(em, classes(table).contains("wide"));
            if (fit == Fit.NORMAL || insideLandscape(table)) {
                continue;
            }
            if (fit == Fit.WIDE || em * NORMAL_PT > LANDSCAPE_PT) {
                addClass(table, "wide");
            }
            if (fit == Fit.LANDSCAPE) {
                Element block = block(table);
                Element wrapper = document.createElementNS(block.getNamespaceURI(), "div");
                wrapper.setAttribute("class", "landscape");
                block.getParentNode().insertBefore(wrapper, block);
                wrapper.appendChild(block);
                // A heading right above the table goes with it: in the PDF it would otherwise stay
                // behind alone (or, kept with the table by page-break-after: avoid, take the page
                // name change along with it and leave the table on a portrait page).
                Element heading = headingBefore(wrapper);
                if (heading != null) {
                    wrapper.insertBefore(heading, wrapper.getFirstChild());
                }
                // Flying Saucer changes to a named page reliably where a block holding text both
                // has the page's name and forces a page break; without the break the change may
                // come a page late. So an empty line of no height starts the landscape page, and
                // another, after the block, the portrait page again (see report.css).
                wrapper.insertBefore(marker(document, block, "page-start"), wrapper.getFirstChild());
                wrapper.getParentNode().insertBefore(marker(document, block, "page-end"), wrapper.getNextSibling());
            }
        }
    }

    /** The fit of a table whose least width is {@code em}; {@code small} when its template already chose the smaller type. */
    static Fit fit(double em, boolean small) {
        if (em * (small ? SMALL_PT : NORMAL_PT) <= PORTRAIT_PT) {
            return Fit.NORMAL;
        }
        return em * SMALL_PT <= PORTRAIT_PT ? Fit.WIDE : Fit.LANDSCAPE;
    }

    /** The table's least width in em: per grid column its widest unbreakable cell, plus padding. */
    static double leastWidthEm(Element table) {
        double[] least = new double[0];
        int[] taken = new int[0]; // per column: for how many more rows a rowspan takes it
        for (Element row : rows(table)) {
            int column = 0;
            for (Node n = row.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element cell) || !isCell(cell)) {
                    continue;
                }
                while (column < taken.length && taken[column] > 0) {
                    column++;
                }
                int colspan = span(cell, "colspan");
                int rowspan = span(cell, "rowspan");
                if (column + colspan > taken.length) {
                    taken = Arrays.copyOf(taken, column + colspan);
                    least = Arrays.copyOf(least, column + colspan);
                }
                for (int c = column; c < column + colspan; c++) {
                    taken[c] = rowspan; // counted down after the row, with this row included
                }
                if (colspan == 1) {
                    least[column] = Math.max(least[column], cellEm(cell));
                }
                column += colspan;
            }
            for (int c = 0; c < taken.length; c++) {
                taken[c] = Math.max(0, taken[c] - 1);
            }
        }
        double sum = 0;
        for (double w : least) {
            sum += w + PADDING_EM;
        }
        return sum;
    }

    private static double cellEm(Element cell) {
        List<String> classes = classes(cell);
        String text = cell.getTextContent().replaceAll("\\s+", " ").strip();
        boolean header = local(cell).equals("th");
        if (!header && (classes.contains("num") || classes.contains("narrow") || classes.contains("msd"))) {
            return textEm(text); // white-space: nowrap
        }
        double word = longestWordEm(text);
        if (classes.contains("text") && !header || classes.contains("item-text") || classes.contains("label")) {
            return Math.max(word, TEXT_CELL_EM);
        }
        return word;
    }

    private static double textEm(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += emWidth(text.charAt(i));
        }
        return w;
    }

    /** The widest run of the text that does not break: between spaces, and CJK characters one by one. */
    private static double longestWordEm(String text) {
        double longest = 0;
        double word = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            double w = emWidth(c);
            if (c == ' ') {
                word = 0;
            } else if (c >= 0x2E80) {
                word = 0;
                longest = Math.max(longest, w);
            } else {
                word += w;
                longest = Math.max(longest, word);
            }
        }
        return longest;
    }

    /** A character's width in em in Times New Roman (roughly), CJK and Greek full width. */
    public static double emWidth(char c) {
        if (c >= 0x2E80 || c >= 0x370 && c <= 0x3FF) {
            // Greek too: a CJK font (which WPS and LibreOffice may take for it) sets it full width
            return 1.0;
        }
        if (Character.isUpperCase(c)) {
            return 0.70;
        }
        if (Character.isDigit(c)) {
            return 0.5;
        }
        if (Character.isLowerCase(c)) {
            return c == 'm' || c == 'w' ? 0.75 : c == 'i' || c == 'l' || c == 'j' || c == 't' || c == 'f' ? 0.3 : 0.5;
        }
        return c == ' ' ? 0.25 : 0.4;
    }

    private static List<Element> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                String name = local(e);
                if (name.equals("tr")) {
                    rows.add(e);
                } else if (name.equals("thead") || name.equals("tbody") || name.equals("tfoot")) {
                    for (Node r = e.getFirstChild(); r != null; r = r.getNextSibling()) {
                        if (r instanceof Element row && local(row).equals("tr")) {
                            rows.add(row);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static boolean isCell(Element e) {
        String name = local(e);
        return name.equals("td") || name.equals("th");
    }

    private static int span(Element cell, String attribute) {
        try {
            String value = cell.getAttribute(attribute).trim();
            return value.isEmpty() ? 1 : Math.max(1, Math.min(Integer.parseInt(value), 64));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The table's block (its {@code div.table-block}), or the table itself when it has none. */
    private static Element block(Element table) {
        for (Node n = table.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            if (classes(e).contains("table-block")) {
                return e;
            }
        }
        return table;
    }

    private static Element marker(Document document, Element like, String kind) {
        Element marker = document.createElementNS(like.getNamespaceURI(), "div");
        marker.setAttribute("class", kind);
        marker.appendChild(document.createTextNode("\u200B"));
        return marker;
    }

    private static Element headingBefore(Element e) {
        for (Node n = e.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Element previous) {
                return local(previous).matches("h[1-6]") ? previous : null;
            }
        }
        return null;
    }

    private static boolean insideLandscape(Element table) {
        for (Node n = table.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            if (classes(e).contains("landscape")) {
                return true;
            }
        }
        return false;
    }

    static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    }

    static List<String> classes(Element e) {
        String value = e.getAttribute("class").trim();
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
    }

    static void addClass(Element e, String name) {
        if (!classes(e).contains(name)) {
            String value = e.getAttribute("class").trim();
            e.setAttribute("class", value.isEmpty() ? name : value + " " + name);
        }
    }
}
