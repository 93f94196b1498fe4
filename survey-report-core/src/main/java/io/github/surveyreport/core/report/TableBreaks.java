package io.github.surveyreport.core.report;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xhtmlrenderer.newtable.TableBox;
import org.xhtmlrenderer.newtable.TableRowBox;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.PageBox;

/**
 * Splits the PDF's three-line tables where Flying Saucer broke them across pages, so that the
 * part on the next page says what it is: a caption "表4（续）" / "Table 4 (continued)", the
 * header rows again, and the label of the group (construct) its first rows belong to, marked
 * as continued, both a group row ({@code tr.group-row}) and a label spanning rows
 * ({@code rowspan}).
 *
 * <p>Why this way: CSS cannot say "continued" on the second page of a table, and Flying
 * Saucer only repeats a table's header ({@code -fs-table-paginate}), not its caption or a
 * group's label. So the report is laid out, the page each body row landed on is read from
 * the layout's boxes, each table that crosses a page is cut before its first row on a new page
 * into a first part and a continued part (forced onto the next page, where that row was going
 * anyway), and the document is laid out again, until no table crosses a page. Layout is
 * deterministic, and so are the cuts. A report whose tables all fit is laid out once.
 */
final class TableBreaks {
    /** At most this many layouts; each splits every table that still crosses a page once. */
    static final int MAX_PASSES = 30;

    private final Document document;
    private final boolean english;

    private TableBreaks(Document document) {
        this.document = document;
        this.english = TableFit.classes(body(document)).contains("en");
    }

    /**
     * Lays the document out until no three-line table crosses a page, splitting the tables
     * that do; the renderer is left with the final layout.
     */
    static void layOut(Document document, ITextRenderer renderer) {
        splitLandscapeTables(document, renderer);
        renderer.setDocument(document, null);
        renderer.layout();
        TableBreaks breaks = new TableBreaks(document);
        for (int pass = 1; pass < MAX_PASSES && breaks.split(renderer.getRootBox()); pass++) {
            renderer.setDocument(document, null);
            renderer.layout();
        }
    }

    /**
     * Splits the tables on landscape pages ({@code div.landscape}, see {@link TableFit}) in a
     * layout of their own, a copy of the document with only them, on landscape pages throughout,
     * and puts the parts back. Why apart: in Flying Saucer 9 a table that crosses pages within
     * a named page is laid out on pages of the name before (portrait), the change of page
     * coming a page late, so its breaks would be measured on the wrong pages; tables that no
     * longer cross a page take their named page as they should.
     */
    private static void splitLandscapeTables(Document document, ITextRenderer renderer) {
        List<Element> wrappers = landscapeWrappers(document);
        if (wrappers.isEmpty()) {
            return;
        }
        Document alone = (Document) document.cloneNode(true);
        List<Element> copies = landscapeWrappers(alone);
        Element body = body(alone);
        while (body.getFirstChild() != null) {
            body.removeChild(body.getFirstChild());
        }
        for (Element copy : copies) {
            body.appendChild(copy);
        }
        NodeList heads = alone.getElementsByTagNameNS("*", "head");
        if (heads.getLength() > 0) {
            Element style = alone.createElementNS(alone.getDocumentElement().getNamespaceURI(), "style");
            style.appendChild(alone.createTextNode("@page { size: A4 landscape; margin: 20mm 20mm 20mm 20mm; }"));
            heads.item(0).appendChild(style);
        }
        renderer.setDocument(alone, null);
        renderer.layout();
        TableBreaks breaks = new TableBreaks(alone);
        for (int pass = 1; pass < MAX_PASSES && breaks.split(renderer.getRootBox()); pass++) {
            renderer.setDocument(alone, null);
            renderer.layout();
        }
        for (int i = 0; i < wrappers.size(); i++) {
            Element wrapper = wrappers.get(i);
            while (wrapper.getFirstChild() != null) {
                wrapper.removeChild(wrapper.getFirstChild());
            }
            for (Node n = copies.get(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                wrapper.appendChild(document.importNode(n, true));
            }
        }
    }

    private static List<Element> landscapeWrappers(Document document) {
        List<Element> out = new ArrayList<>();
        NodeList divs = document.getElementsByTagNameNS("*", "div");
        for (int i = 0; i < divs.getLength(); i++) {
            Element div = (Element) divs.item(i);
            if (TableFit.classes(div).contains("landscape")) {
                out.add(div);
            }
        }
        return out;
    }

    /**
     * Splits every three-line table that crosses a page in this layout at its first page
     * break.
     *
     * @return whether a table was split (and the document must be laid out again)
     */
    boolean split(BlockBox root) {
        List<PageBox> pages = root.getLayer().getPages();
        Map<Element, Box> rowBoxes = new IdentityHashMap<>();
        Map<Element, TableBox> tableBoxes = new IdentityHashMap<>();
        collect(root, rowBoxes, tableBoxes);
        boolean split = false;
        for (Element table : threeLineTables()) {
            List<Element> rows = bodyRows(table);
            int cut = cut(rows, rowBoxes, pages);
            if (cut > 0) {
                fixColumns(table, tableBoxes.get(table));
                splitAt(table, rows, cut);
                split = true;
            }
        }
        return split;
    }

    /** The index of the first body row on a later page than the one before it, or -1. */
    private static int cut(List<Element> rows, Map<Element, Box> boxes, List<PageBox> pages) {
        int previousPage = -1;
        for (int i = 0; i < rows.size(); i++) {
            Box box = boxes.get(rows.get(i));
            if (box == null) {
                return -1;
            }
            int page = page(box.getAbsY(), pages);
            if (i > 0 && page != previousPage) {
                int cut = i;
                PageBox before = pages.get(previousPage);
                Box last = boxes.get(rows.get(i - 1));
                // The first part gains the table's bottom rule where it ends; a last row that
                // only just fitted would then cross the page again, so it goes to the next part.
                int slack = (before.getBottom() - before.getTop()) / 200;
                if (last.getAbsY() + last.getHeight() + slack > before.getBottom() && cut > 1) {
                    cut--;
                }
                // a group's label row does not end a page alone: it goes with its rows
                if (cut > 1 && isGroupRow(rows.get(cut - 1))) {
                    cut--;
                }
                return cut;
            }
            previousPage = page;
        }
        return -1;
    }

    private static int page(int y, List<PageBox> pages) {
        for (int i = 0; i < pages.size(); i++) {
            if (y < pages.get(i).getBottom()) {
                return i;
            }
        }
        return pages.size() - 1;
    }

    private static void collect(Box box, Map<Element, Box> rows, Map<Element, TableBox> tables) {
        if (box instanceof TableRowBox && box.getElement() != null) {
            rows.putIfAbsent(box.getElement(), box);
            return;
        }
        if (box instanceof TableBox table && box.getElement() != null) {
            tables.putIfAbsent(box.getElement(), table);
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            collect(box.getChild(i), rows, tables);
        }
    }

    /**
     * Fixes the columns at the widths the whole table had (a {@code colgroup} in percent), for
     * both parts: laid out alone, each part would size its columns for its own rows, and the
     * columns of one table would not line up from page to page (and the first part's rows would
     * change height). A table with a colgroup (a part cut before) keeps it.
     */
    private void fixColumns(Element table, TableBox box) {
        if (box == null) {
            return;
        }
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && TableFit.local(e).equals("colgroup")) {
                return;
            }
        }
        int[] positions = box.getColumnPos();
        int columns = box.numEffCols();
        if (positions == null || positions.length <= columns || positions[columns] <= positions[0]) {
            return;
        }
        Element colgroup = element("colgroup");
        double total = positions[columns] - positions[0];
        for (int c = 0; c < columns; c++) {
            Element col = element("col");
            int span = box.spanOfEffCol(c);
            if (span > 1) {
                col.setAttribute("span", String.valueOf(span));
            }
            col.setAttribute("style", String.format(java.util.Locale.ROOT, "width: %.3f%%",
                    100 * (positions[c + 1] - positions[c]) / total));
            colgroup.appendChild(col);
        }
        table.insertBefore(colgroup, table.getFirstChild());
    }

    private void splitAt(Element table, List<Element> rows, int cut) {
        Element scroll = (Element) table.getParentNode();
        Element anchor = TableFit.classes(scroll).contains("scroll") ? scroll : table;
        Element caption = captionBefore(anchor);

        Element nextTable = (Element) table.cloneNode(false);
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (TableFit.local(e).equals("thead") || TableFit.local(e).equals("colgroup"))) {
                nextTable.appendChild(e.cloneNode(true));
            }
        }
        Element tbody = element("tbody");
        nextTable.appendChild(tbody);
        List<Element> labels = continuedLabels(rows, cut);
        for (int i = cut; i < rows.size(); i++) {
            tbody.appendChild(rows.get(i)); // moves the row
        }
        Element first = rows.get(cut);
        for (Element label : labels) {
            if (TableFit.local(label).equals("tr")) {
                tbody.insertBefore(label, first);
            } else {
                first.insertBefore(label, first.getFirstChild());
            }
        }

        Node next = anchor.getNextSibling();
        Node parent = anchor.getParentNode();
        parent.insertBefore(continuedCaption(caption), next);
        if (anchor == scroll) {
            Element nextScroll = (Element) scroll.cloneNode(false);
            nextScroll.appendChild(nextTable);
            parent.insertBefore(nextScroll, next);
        } else {
            parent.insertBefore(nextTable, next);
        }
    }

    /**
     * What the continued part starts with to name its first rows' group: a copy of the last
     * group row before the cut (unless the cut is at one), and for each label spanning rows
     * across the cut (rowspan), shortened in the first part, a cell with its rest. Rowspan
     * labels are in the first column in the report's tables, which is where the copy goes.
     */
    private List<Element> continuedLabels(List<Element> rows, int cut) {
        List<Element> labels = new ArrayList<>();
        if (!isGroupRow(rows.get(cut))) {
            for (int i = cut - 1; i >= 0; i--) {
                if (isGroupRow(rows.get(i))) {
                    Element copy = (Element) rows.get(i).cloneNode(true);
                    Element cell = firstCell(copy);
                    if (cell != null) {
                        labelContinued(cell);
                    }
                    labels.add(copy);
                    break;
                }
            }
        }
        for (int i = 0; i < cut; i++) {
            for (Node n = rows.get(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element cell && isCell(cell) && !cell.getAttribute("rowspan").isEmpty()) {
                    int rowspan = span(cell);
                    if (i + rowspan > cut) {
                        cell.setAttribute("rowspan", String.valueOf(cut - i));
                        Element rest = (Element) cell.cloneNode(true);
                        rest.setAttribute("rowspan", String.valueOf(i + rowspan - cut));
                        labelContinued(rest);
                        labels.add(rest);
                    }
                }
            }
        }
        return labels;
    }

    /** The cell's label (a group row's {@code span.group-label}, or all its text) followed by "（续）". */
    private void labelContinued(Element cell) {
        Element label = null;
        NodeList spans = cell.getElementsByTagNameNS("*", "span");
        for (int i = 0; i < spans.getLength(); i++) {
            if (TableFit.classes((Element) spans.item(i)).contains("group-label")) {
                label = (Element) spans.item(i);
                break;
            }
        }
        String text = (label != null ? label : cell).getTextContent().strip();
        while (cell.getFirstChild() != null) {
            cell.removeChild(cell.getFirstChild());
        }
        cell.appendChild(document.createTextNode(text + continued()));
    }

    private Element continuedCaption(Element caption) {
        Element p = element("p");
        p.setAttribute("class", "caption continued");
        Element no = element("span");
        no.setAttribute("class", "no");
        String number = caption == null ? "" : numberOf(caption);
        no.appendChild(document.createTextNode(number + continued()));
        p.appendChild(no);
        return p;
    }

    private String continued() {
        return english ? " (continued)" : "（续）";
    }

    /** The caption's number ("表4", "Table 4"), from its {@code span.no}; a continued caption's without the mark. */
    private String numberOf(Element caption) {
        NodeList spans = caption.getElementsByTagNameNS("*", "span");
        for (int i = 0; i < spans.getLength(); i++) {
            Element span = (Element) spans.item(i);
            if (TableFit.classes(span).contains("no")) {
                String text = span.getTextContent().strip();
                return text.endsWith(continued()) ? text.substring(0, text.length() - continued().length()) : text;
            }
        }
        return "";
    }

    /** The nearest caption before the table in its block. */
    private static Element captionBefore(Element anchor) {
        for (Node n = anchor.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Element e && TableFit.classes(e).contains("caption")) {
                return e;
            }
        }
        return null;
    }

    private List<Element> threeLineTables() {
        List<Element> out = new ArrayList<>();
        NodeList tables = document.getElementsByTagNameNS("*", "table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element table = (Element) tables.item(i);
            if (TableFit.classes(table).contains("three-line")) {
                out.add(table);
            }
        }
        return out;
    }

    private static List<Element> bodyRows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                String name = TableFit.local(e);
                if (name.equals("tr")) {
                    rows.add(e);
                } else if (name.equals("tbody")) {
                    for (Node r = e.getFirstChild(); r != null; r = r.getNextSibling()) {
                        if (r instanceof Element row && TableFit.local(row).equals("tr")) {
                            rows.add(row);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static boolean isGroupRow(Element row) {
        return TableFit.classes(row).contains("group-row");
    }

    private static boolean isCell(Element e) {
        String name = TableFit.local(e);
        return name.equals("td") || name.equals("th");
    }

    private static Element firstCell(Element row) {
        for (Node n = row.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && isCell(e)) {
                return e;
            }
        }
        return null;
    }

    private static int span(Element cell) {
        try {
            return Math.max(1, Integer.parseInt(cell.getAttribute("rowspan").trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private Element element(String name) {
        return document.createElementNS(document.getDocumentElement().getNamespaceURI(), name);
    }

    private static Element body(Document document) {
        NodeList bodies = document.getElementsByTagNameNS("*", "body");
        return bodies.getLength() > 0 ? (Element) bodies.item(0) : document.getDocumentElement();
    }
}
