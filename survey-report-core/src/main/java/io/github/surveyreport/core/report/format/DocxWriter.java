package io.github.surveyreport.core.report.format;

import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.report.SvgFigure;
import io.github.surveyreport.core.report.TableFit;
import io.github.surveyreport.core.report.format.XhtmlReport.Block;
import io.github.surveyreport.core.report.format.XhtmlReport.Cell;
import io.github.surveyreport.core.report.format.XhtmlReport.Figure;
import io.github.surveyreport.core.report.format.XhtmlReport.Heading;
import io.github.surveyreport.core.report.format.XhtmlReport.Inline;
import io.github.surveyreport.core.report.format.XhtmlReport.Paragraph;
import io.github.surveyreport.core.report.format.XhtmlReport.Row;
import io.github.surveyreport.core.report.format.XhtmlReport.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the report as a Word document (OOXML, {@code .docx}) from its rendered XHTML: a small
 * hand-written WordprocessingML writer (no library: see the site's "Output formats" page for
 * why). Every table is a three-line table by direct formatting (1.5 pt top and bottom rules,
 * 0.75 pt under the header, 0.5 pt under group headers, no vertical rules), its header rows
 * repeat on every page, its rows do not split and a group's label keeps with its rows (Word
 * breaks the pages itself and cannot say "continued"); a table too wide for portrait, as
 * {@link TableFit} decides for the PDF too, is set smaller or in a landscape section of its
 * own; captions above the tables, notes below;
 * figures as SVG pictures with a PNG fallback. Chinese: 宋体 + Times New Roman 10.5 pt,
 * captions centred "表N 名称", notes "注：…"; English (APA 7): Times New Roman 12 pt, "Table N"
 * bold with the title in italic on the next line, left aligned, "<i>Note.</i> …". The bytes
 * are a function of the input: fixed zip entry times and order.
 */
final class DocxWriter {
    /** Zip entry times: 1980-01-01, the earliest a zip can hold, as reproducible jars use. */
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    /** A4 text width with 2.54 cm margins, in twentieths of a point. */
    private static final int TEXT_WIDTH = 11906 - 2 * 1440;
    /** A4 landscape text width with 2.54 cm margins, in twentieths of a point. */
    private static final int LANDSCAPE_TEXT_WIDTH = 16838 - 2 * 1440;
    /** A4 portrait, and the margins, as a section's properties. */
    private static final String PORTRAIT = "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>";
    /** A4 landscape: the sizes swapped, and the orientation Word shows. */
    private static final String LANDSCAPE = "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>";
    private static final String MARGINS = "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" "
            + "w:left=\"1440\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/>";
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private final XhtmlReport report;
    private final boolean english;
    private final Consumer<String> warnings;
    private final StringBuilder body = new StringBuilder(256 * 1024);
    private final Map<String, byte[]> media = new LinkedHashMap<>();
    private final List<String> relationships = new ArrayList<>();
    private int drawingId;
    /** The text width of the current section: portrait, or landscape for a table too wide for it. */
    private int textWidth = TEXT_WIDTH;

    DocxWriter(XhtmlReport report, Consumer<String> warnings) {
        this.report = report;
        this.english = report.english();
        this.warnings = warnings;
    }

    byte[] write() {
        List<Block> blocks = report.blocks;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (english && block instanceof Figure && i + 1 < blocks.size()
                    && blocks.get(i + 1) instanceof Paragraph p && p.kind().equals("figcaption")) {
                // APA 7: the figure's number and title above it
                caption(p);
                figure((Figure) block);
                i++;
                continue;
            }
            if (block instanceof Heading h) {
                heading(h);
            } else if (block instanceof Paragraph p) {
                paragraph(p);
            } else if (block instanceof Table t) {
                table(t);
            } else if (block instanceof Figure f) {
                figure(f);
            } else if (block instanceof XhtmlReport.PageTurn turn) {
                pageTurn(turn);
            }
        }
        return zip();
    }

    /**
     * A section break: Word ends a section with a paragraph carrying the section's properties,
     * so the portrait section before a wide table ends here, and the landscape section with the
     * table (caption, table, notes) ends where the table's block does.
     */
    private void pageTurn(XhtmlReport.PageTurn turn) {
        body.append("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/><w:sectPr>")
                .append(turn.landscape() ? PORTRAIT : LANDSCAPE).append(MARGINS).append("</w:sectPr></w:pPr></w:p>\n");
        textWidth = turn.landscape() ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
    }

    private int baseSize() {
        return english ? 24 : 21;
    }

    private void heading(Heading h) {
        String style = h.level() == 0 ? "Title" : "Heading" + h.level();
        body.append("<w:p><w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr>");
        runs(h.content(), "", false);
        body.append("</w:p>\n");
    }

    private void paragraph(Paragraph p) {
        switch (p.kind()) {
            case "caption", "figcaption" -> caption(p);
            case "note" -> {
                body.append("<w:p><w:pPr><w:spacing w:before=\"60\" w:after=\"240\"/></w:pPr>");
                String size = english ? "" : "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>";
                if (english) {
                    // APA 7: "Note." in italic, then the note
                    runs(italic(p.number()), size, false);
                } else {
                    runs(p.number(), size, false);
                }
                if (!p.number().isEmpty() && english) {
                    body.append("<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>");
                }
                runs(p.content(), size, false);
                body.append("</w:p>\n");
            }
            case "subtitle" -> {
                body.append("<w:p><w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/></w:pPr>");
                runs(p.content(), "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>", false);
                body.append("</w:p>\n");
            }
            case "item" -> {
                body.append("<w:p><w:pPr><w:ind w:left=\"360\" w:hanging=\"240\"/></w:pPr>");
                body.append("<w:r><w:t xml:space=\"preserve\">• </w:t></w:r>");
                runs(p.content(), "", false);
                body.append("</w:p>\n");
            }
            default -> {
                body.append("<w:p>");
                runs(p.content(), "", false);
                body.append("</w:p>\n");
            }
        }
    }

    private static List<Inline> italic(List<Inline> inlines) {
        List<Inline> out = new ArrayList<>();
        for (Inline i : inlines) {
            out.add(new Inline(i.text(), true, i.bold(), i.sub(), i.sup()));
        }
        return out;
    }

    private void caption(Paragraph p) {
        boolean table = p.kind().equals("caption");
        if (english) {
            // APA 7: the number in bold, the title in italic on the next line, left aligned
            body.append("<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"0\"/></w:pPr>");
            runs(p.number(), "<w:b/><w:bCs/>", false);
            body.append("</w:p>\n<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"120\"/></w:pPr>");
            runs(p.content(), "<w:i/><w:iCs/>", false);
            body.append("</w:p>\n");
        } else {
            // Chinese: one centred line above the table (below the figure), "表N  名称"
            body.append("<w:p><w:pPr>").append(table ? "<w:keepNext/>" : "")
                    .append("<w:spacing w:before=\"").append(table ? 240 : 60).append("\" w:after=\"")
                    .append(table ? 60 : 120).append("\"/><w:jc w:val=\"center\"/></w:pPr>");
            runs(p.number(), "<w:b/><w:bCs/>", false);
            body.append("<w:r><w:t xml:space=\"preserve\">  </w:t></w:r>");
            runs(p.content(), "<w:b/><w:bCs/>", false);
            body.append("</w:p>\n");
        }
    }

    /** The runs of inline content, each with the extra run properties {@code props}. */
    private void runs(List<Inline> inlines, String props, boolean cell) {
        for (Inline inline : inlines) {
            if (inline.lineBreak()) {
                body.append("<w:r><w:br/></w:r>");
                continue;
            }
            body.append("<w:r>");
            StringBuilder rPr = new StringBuilder();
            if (inline.bold()) {
                rPr.append("<w:b/><w:bCs/>");
            }
            if (inline.italic()) {
                rPr.append("<w:i/><w:iCs/>");
            }
            String extra = props;
            if (inline.bold()) {
                extra = extra.replace("<w:b/><w:bCs/>", "");
            }
            if (inline.italic()) {
                extra = extra.replace("<w:i/><w:iCs/>", "");
            }
            rPr.append(extra);
            if (inline.sub() || inline.sup()) {
                rPr.append("<w:vertAlign w:val=\"").append(inline.sub() ? "subscript" : "superscript").append("\"/>");
            }
            if (rPr.length() > 0) {
                body.append("<w:rPr>").append(order(rPr.toString())).append("</w:rPr>");
            }
            body.append("<w:t xml:space=\"preserve\">").append(escape(inline.text())).append("</w:t></w:r>");
        }
    }

    /** Run properties in the schema's order (b, i, sz, vertAlign), which Word insists on. */
    private static String order(String rPr) {
        String[] order = {"<w:b/>", "<w:bCs/>", "<w:i/>", "<w:iCs/>"};
        StringBuilder out = new StringBuilder();
        String rest = rPr;
        for (String tag : order) {
            if (rest.contains(tag)) {
                out.append(tag);
                rest = rest.replace(tag, "");
            }
        }
        String size = "";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<w:sz w:val=\"\\d+\"/><w:szCs w:val=\"\\d+\"/>")
                .matcher(rest);
        if (m.find()) {
            size = m.group();
            rest = rest.replace(size, "");
        }
        return out + size + rest;
    }

    /** XML text: markup characters escaped, characters XML cannot hold replaced. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\t', '\n', '\r' -> out.append(' ');
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private void table(Table t) {
        int[] widths = columnWidths(t);
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        body.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(total).append("\" w:type=\"dxa\"/>")
                .append("<w:jc w:val=\"center\"/>")
                .append("<w:tblBorders>").append(t.threeLine() ? "<w:top w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/>" : "<w:top w:val=\"nil\"/>")
                .append("<w:left w:val=\"nil\"/>").append(t.threeLine()
                        ? "<w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/>" : "<w:bottom w:val=\"nil\"/>")
                .append("<w:right w:val=\"nil\"/>")
                .append("<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>")
                .append("<w:tblLayout w:type=\"fixed\"/>")
                .append("<w:tblCellMar><w:top w:w=\"20\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/>")
                .append("<w:bottom w:w=\"20\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar>")
                .append("<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" ")
                .append("w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>\n<w:tblGrid>");
        for (int w : widths) {
            body.append("<w:gridCol w:w=\"").append(w).append("\"/>");
        }
        body.append("</w:tblGrid>\n");
        List<Row> rows = new ArrayList<>(t.head());
        rows.addAll(t.body());
        int headRows = t.head().size();
        for (int r = 0; r < rows.size(); r++) {
            boolean header = r < headRows;
            body.append("<w:tr><w:trPr><w:cantSplit/>").append(header ? "<w:tblHeader/>" : "").append("</w:trPr>");
            List<Cell> cells = rows.get(r).cells();
            boolean keep = !header && keepWithNext(rows, r);
            for (int c = 0; c < cells.size(); c++) {
                Cell cell = cells.get(c);
                if (cell.covered() && !cell.continuesRowspan()) {
                    continue; // covered by a colspan to its left
                }
                int span = cell.colspan();
                int width = 0;
                for (int k = cell.column(); k < cell.column() + span && k < widths.length; k++) {
                    width += widths[k];
                }
                body.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(width).append("\" w:type=\"dxa\"/>");
                if (span > 1) {
                    body.append("<w:gridSpan w:val=\"").append(span).append("\"/>");
                }
                if (cell.rowspan() > 1) {
                    body.append(cell.continuesRowspan() ? "<w:vMerge/>" : "<w:vMerge w:val=\"restart\"/>");
                }
                StringBuilder borders = new StringBuilder();
                if (t.threeLine()) {
                    if (r == 0) {
                        borders.append("<w:top w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/>");
                    }
                    // the header's bottom rule: under the last header row, and under a spanning cell ending there
                    boolean endsInLastHeaderRow = header && r + (cell.continuesRowspan() ? 0 : cell.rowspan() - 1)
                            >= headRows - 1;
                    if (r == headRows - 1 || (endsInLastHeaderRow && !cell.continuesRowspan() && cell.rowspan() > 1)) {
                        borders.append("<w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>");
                    } else if (header && cell.kind().contains("group")) {
                        borders.append("<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
                    } else if (r == rows.size() - 1 || !header && cell.rowspan() > 1 && !cell.continuesRowspan()
                            && r + cell.rowspan() >= rows.size()) {
                        borders.append("<w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/>");
                    }
                    borders.append("<w:left w:val=\"nil\"/><w:right w:val=\"nil\"/>");
                }
                if (borders.length() > 0) {
                    body.append("<w:tcBorders>").append(order(borders)).append("</w:tcBorders>");
                }
                body.append("<w:vAlign w:val=\"center\"/></w:tcPr>");
                boolean left = cell.kind().contains("item-text") || cell.kind().contains("text") && english
                        || cell.kind().contains("label") || !t.threeLine();
                body.append("<w:p><w:pPr>").append(header || keep ? "<w:keepNext/>" : "")
                        .append("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" ")
                        .append("w:lineRule=\"auto\"/><w:jc w:val=\"").append(left ? "left" : "center")
                        .append("\"/></w:pPr>");
                if (!cell.covered()) {
                    runs(cell.content(), english && !t.wide() ? ""
                            : "<w:sz w:val=\"" + cellSize(t) + "\"/><w:szCs w:val=\"" + cellSize(t) + "\"/>", true);
                }
                body.append("</w:p></w:tc>");
            }
            body.append("</w:tr>\n");
        }
        body.append("</w:tbl>\n");
    }

    /**
     * A body row Word keeps on the page of the next one (keepNext on its paragraphs), since
     * Word cannot repeat a group's label on the next page: a group (a construct's label row and
     * its items) stays on one page, so that its label is on every page its rows reach, and a
     * label spanning rows (vertically merged, shown on the first page only) keeps its rows
     * together. A group longer than a page is broken by Word anyway.
     */
    private static boolean keepWithNext(List<Row> rows, int r) {
        if (r + 1 >= rows.size()) {
            return false;
        }
        if (isGroupRow(rows.get(r))) {
            return true;
        }
        if (!isGroupRow(rows.get(r + 1))) {
            for (int above = r - 1; above >= 0; above--) {
                if (isGroupRow(rows.get(above))) {
                    return true; // inside a group, not its last row
                }
            }
        }
        for (Cell next : rows.get(r + 1).cells()) {
            if (next.continuesRowspan()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGroupRow(Row row) {
        return (" " + row.kind() + " ").contains(" group-row ");
    }

    /** The type size of a table's cells in half points: the text's, smaller for a wide table (9 pt, 10 pt in APA). */
    private int cellSize(Table t) {
        return t.wide() ? (english ? 20 : 18) : english ? 24 : 21;
    }

    /** tcBorders children in schema order: top, left, bottom, right. */
    private static String order(StringBuilder borders) {
        String s = borders.toString();
        StringBuilder out = new StringBuilder();
        for (String side : new String[] {"top", "left", "bottom", "right"}) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<w:" + side + " [^>]*/>").matcher(s);
            if (m.find()) {
                out.append(m.group());
            }
        }
        return out.toString();
    }

    /**
     * Column widths in twentieths of a point: each column's preferred width is its longest line
     * (long texts and headers capped, so they wrap), its least the longest word, which never
     * breaks; when the preferred widths do not fit the text width, the columns above their least
     * give up the difference in proportion.
     */
    private int[] columnWidths(Table t) {
        double em = cellSize(t) / 2.0 * 20;
        double[] preferred = new double[t.columns()];
        double[] least = new double[t.columns()];
        List<Row> rows = new ArrayList<>(t.head());
        rows.addAll(t.body());
        for (Row row : rows) {
            for (Cell cell : row.cells()) {
                if (cell.covered() || cell.colspan() > 1) {
                    continue;
                }
                double line = 0;
                double longestLine = 0;
                double word = 0;
                double longestWord = 0;
                for (Inline i : cell.content()) {
                    if (i.lineBreak()) {
                        longestLine = Math.max(longestLine, line);
                        line = 0;
                        word = 0;
                        continue;
                    }
                    double scale = i.sub() || i.sup() ? 0.65 : 1;
                    for (int k = 0; k < i.text().length(); k++) {
                        char c = i.text().charAt(k);
                        double w = TableFit.emWidth(c) * scale;
                        line += w;
                        boolean breakable = c == ' ' || c >= 0x2E80;
                        word = breakable ? 0 : word + w;
                        longestWord = Math.max(longestWord, c >= 0x2E80 ? w : word);
                    }
                }
                longestLine = Math.max(longestLine, line);
                double cap = cell.header() ? 8 : cell.kind().contains("text") ? 18 : 1e9;
                preferred[cell.column()] = Math.max(preferred[cell.column()], Math.min(longestLine, cap));
                // a statistic ("β = .344***", "[0.035, 0.096]") is not broken
                least[cell.column()] = Math.max(least[cell.column()], cell.kind().contains("num")
                        ? Math.min(longestLine * 1.1, 10) : longestWord);
            }
        }
        double padding = 2 * 80 + 40;
        double[] w = new double[preferred.length];
        double[] min = new double[preferred.length];
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            min[c] = Math.max(least[c], 1.5) * em + padding;
            w[c] = Math.max(Math.max(preferred[c], 1.5) * em + padding, min[c]);
            sum += w[c];
        }
        if (sum > textWidth) {
            double excess = sum - textWidth;
            double give = 0;
            for (int c = 0; c < w.length; c++) {
                give += w[c] - min[c];
            }
            for (int c = 0; c < w.length; c++) {
                w[c] -= give <= 0 ? 0 : Math.min(w[c] - min[c], excess * (w[c] - min[c]) / give);
            }
        } else if (t.threeLine() && w.length > 2 && sum < textWidth * 0.6) {
            for (int c = 0; c < w.length; c++) {
                w[c] *= textWidth * 0.6 / sum;
            }
        }
        int[] widths = new int[w.length];
        for (int c = 0; c < w.length; c++) {
            widths[c] = (int) Math.floor(w[c]);
        }
        return widths;
    }

    private void figure(Figure f) {
        int n = ++drawingId;
        SvgFigure figure = SvgFigure.parse(f.svg(), warnings);
        byte[] png = figure.png(2);
        String pngName = "media/figure" + n + ".png";
        String svgName = "media/figure" + n + ".svg";
        media.put(pngName, png);
        media.put(svgName, f.svg().getBytes(StandardCharsets.UTF_8));
        String pngId = "rIdFigure" + n + "png";
        String svgId = "rIdFigure" + n + "svg";
        relationships.add("<Relationship Id=\"" + pngId + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                + "2006/relationships/image\" Target=\"" + pngName + "\"/>");
        relationships.add("<Relationship Id=\"" + svgId + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                + "2006/relationships/image\" Target=\"" + svgName + "\"/>");
        long cx = Math.round(f.widthMm() * 36000);
        long cy = Math.round(cx * figure.height() / figure.width());
        body.append("<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"60\"/>")
                .append(english ? "" : "<w:jc w:val=\"center\"/>").append("</w:pPr><w:r><w:drawing>")
                .append("<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"").append(cx)
                .append("\" cy=\"").append(cy).append("\"/><wp:docPr id=\"").append(n).append("\" name=\"Figure ")
                .append(n).append("\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>")
                .append("</wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/")
                .append("drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"").append(n)
                .append("\" name=\"figure").append(n).append(".png\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>")
                .append("<a:blip r:embed=\"").append(pngId).append("\"><a:extLst><a:ext uri=\"")
                .append("{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.")
                .append("microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"").append(svgId)
                .append("\"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>")
                .append("<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"").append(cx).append("\" cy=\"")
                .append(cy).append("\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>")
                .append("</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\n");
    }

    private String document() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:document xmlns:w=\"" + W + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>\n"
                + body
                + "<w:sectPr>" + PORTRAIT + MARGINS + "</w:sectPr>"
                + "</w:body></w:document>\n";
    }

    private String styles() {
        String eastAsia = english ? "Times New Roman" : "宋体";
        String heading = english ? "Times New Roman" : "黑体";
        int size = baseSize();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:styles xmlns:w=\"" + W + "\"><w:docDefaults><w:rPrDefault><w:rPr>"
                + "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"" + eastAsia
                + "\" w:cs=\"Times New Roman\"/><w:sz w:val=\"" + size + "\"/><w:szCs w:val=\"" + size + "\"/>"
                + "<w:lang w:val=\"" + (english ? "en-US" : "en-US") + "\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
                + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"" + (english ? 276 : 300)
                + "\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
                + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
                + "<w:qFormat/></w:style>"
                + headingStyle("Title", "Title", 0, english ? 32 : 36, heading, true)
                + headingStyle("Heading1", "heading 1", 0, english ? 28 : 30, heading, english)
                + headingStyle("Heading2", "heading 2", 1, english ? 24 : 24, heading, english)
                + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
                + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
                + "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
                + "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
                + "</w:styles>\n";
    }

    private static String headingStyle(String id, String name, int outline, int size, String font, boolean center) {
        return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
                + "<w:spacing w:before=\"360\" w:after=\"180\"/>" + (center ? "<w:jc w:val=\"center\"/>" : "")
                + (id.equals("Title") ? "" : "<w:outlineLvl w:val=\"" + outline + "\"/>") + "</w:pPr>"
                + "<w:rPr><w:rFonts w:eastAsia=\"" + font + "\"/><w:b/><w:bCs/><w:sz w:val=\"" + size
                + "\"/><w:szCs w:val=\"" + size + "\"/></w:rPr></w:style>";
    }

    private byte[] zip() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Default Extension=\"png\" ContentType=\"image/png\"/>"
                + "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.wordprocessingml.document.main+xml\"/>"
                + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.wordprocessingml.styles+xml\"/></Types>\n").getBytes(StandardCharsets.UTF_8));
        entries.put("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>\n")
                .getBytes(StandardCharsets.UTF_8));
        entries.put("word/document.xml", document().getBytes(StandardCharsets.UTF_8));
        entries.put("word/styles.xml", styles().getBytes(StandardCharsets.UTF_8));
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/styles\" Target=\"styles.xml\"/>");
        relationships.forEach(rels::append);
        rels.append("</Relationships>\n");
        entries.put("word/_rels/document.xml.rels", rels.toString().getBytes(StandardCharsets.UTF_8));
        media.forEach((name, bytes) -> entries.put("word/" + name, bytes));
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setLevel(6);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry e = new ZipEntry(entry.getKey());
                e.setTimeLocal(ZIP_TIME);
                if (entry.getKey().endsWith(".png")) {
                    // already compressed: stored, not deflated again
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(entry.getValue());
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(entry.getValue().length);
                    e.setCompressedSize(entry.getValue().length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new SurveyReportException("Cannot write the DOCX report: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
