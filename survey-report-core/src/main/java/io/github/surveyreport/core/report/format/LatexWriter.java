package io.github.surveyreport.core.report.format;

import io.github.surveyreport.core.report.SvgFigure;
import io.github.surveyreport.core.report.format.XhtmlReport.Block;
import io.github.surveyreport.core.report.format.XhtmlReport.Cell;
import io.github.surveyreport.core.report.format.XhtmlReport.Figure;
import io.github.surveyreport.core.report.format.XhtmlReport.Heading;
import io.github.surveyreport.core.report.format.XhtmlReport.Inline;
import io.github.surveyreport.core.report.format.XhtmlReport.Paragraph;
import io.github.surveyreport.core.report.format.XhtmlReport.Row;
import io.github.surveyreport.core.report.format.XhtmlReport.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the report as one LaTeX document ({@code report.tex}) from its rendered XHTML, for
 * XeLaTeX (Chinese through {@code ctexart}): booktabs tables ({@code \toprule},
 * {@code \midrule}, {@code \cmidrule} under group headers, {@code \bottomrule}, no vertical
 * rules) with their notes in a {@code threeparttable}, long tables as {@code longtable} with the
 * header repeated under "Table N (continued)", tables too wide for the portrait text on a
 * {@code landscape} page (the PDF's and the DOCX's decision, {@code TableFit}); numbers aligned on the decimal point (a column of numbers becomes an
 * {@code r@{}l} pair split at the point, so that "−0.591***", ".344", "< .001" and "β = .219***"
 * all line up without siunitx's number parsing); the figures as TikZ pictures, so that the file
 * compiles on its own. Every special character is escaped.
 */
final class LatexWriter {
    /** Tables longer than this become longtables (a float cannot break across pages). */
    private static final int LONG_TABLE_ROWS = 28;
    private static final Pattern DECIMAL = Pattern.compile("\\.(?=\\d)");
    private static final Map<Character, String> SYMBOLS = Map.ofEntries(
            Map.entry('α', "\\ensuremath{\\alpha}"), Map.entry('β', "\\ensuremath{\\beta}"),
            Map.entry('γ', "\\ensuremath{\\gamma}"), Map.entry('δ', "\\ensuremath{\\delta}"),
            Map.entry('ε', "\\ensuremath{\\varepsilon}"), Map.entry('η', "\\ensuremath{\\eta}"),
            Map.entry('λ', "\\ensuremath{\\lambda}"), Map.entry('μ', "\\ensuremath{\\mu}"),
            Map.entry('ρ', "\\ensuremath{\\rho}"), Map.entry('σ', "\\ensuremath{\\sigma}"),
            Map.entry('τ', "\\ensuremath{\\tau}"), Map.entry('χ', "\\ensuremath{\\chi}"),
            Map.entry('ω', "\\ensuremath{\\omega}"), Map.entry('Δ', "\\ensuremath{\\Delta}"),
            Map.entry('Σ', "\\ensuremath{\\Sigma}"), Map.entry('−', "\\ensuremath{-}"),
            Map.entry('×', "\\ensuremath{\\times}"), Map.entry('±', "\\ensuremath{\\pm}"),
            Map.entry('≤', "\\ensuremath{\\le}"), Map.entry('≥', "\\ensuremath{\\ge}"),
            Map.entry('≠', "\\ensuremath{\\ne}"), Map.entry('→', "\\ensuremath{\\rightarrow}"),
            Map.entry('²', "\\textsuperscript{2}"), Map.entry('³', "\\textsuperscript{3}"),
            Map.entry('…', "\\ldots{}"), Map.entry('′', "\\ensuremath{'}"), Map.entry('\u00A0', "~"));

    private final XhtmlReport report;
    private final boolean english;
    private final Consumer<String> warnings;
    private final StringBuilder out = new StringBuilder(128 * 1024);

    LatexWriter(XhtmlReport report, Consumer<String> warnings) {
        this.report = report;
        this.english = report.english();
        this.warnings = warnings;
    }

    String write() {
        out.append("% report.tex, written by survey-report from the same rendered report as report.html.\n")
                .append("% Compile with XeLaTeX (or LuaLaTeX): xelatex report.tex\n");
        if (english) {
            out.append("\\documentclass[12pt,a4paper]{article}\n\\usepackage{fontspec}\n");
        } else {
            out.append("\\documentclass[UTF8,a4paper,zihao=5]{ctexart}\n");
        }
        out.append("\\usepackage[margin=2.54cm]{geometry}\n\\usepackage{array,booktabs,longtable,threeparttable,pdflscape}\n")
                .append("\\usepackage{graphicx,tikz}\n\\setlength{\\LTpre}{0pt}\n\\setlength{\\LTpost}{0pt}\n")
                .append("\\newcommand{\\tablecaption}[2]{")
                .append(english ? "\\par\\noindent\\textbf{#1}\\par\\noindent\\textit{#2}\\par\\smallskip}\n"
                        : "\\par{\\centering\\textbf{#1\\quad #2}\\par}\\smallskip}\n")
                .append("\\begin{document}\n");
        List<Block> blocks = report.blocks;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block instanceof Paragraph p && p.kind().equals("caption") && i + 1 < blocks.size()
                    && blocks.get(i + 1) instanceof Table t) {
                List<Paragraph> notes = new ArrayList<>();
                int j = i + 2;
                while (j < blocks.size() && blocks.get(j) instanceof Paragraph n && n.kind().equals("note")) {
                    notes.add(n);
                    j++;
                }
                table(p, t, notes);
                i = j - 1;
                continue;
            }
            if (block instanceof Figure f) {
                Paragraph caption = i + 1 < blocks.size() && blocks.get(i + 1) instanceof Paragraph p
                        && p.kind().equals("figcaption") ? p : null;
                figure(f, caption);
                if (caption != null) {
                    i++;
                }
                continue;
            }
            if (block instanceof Heading h) {
                heading(h);
            } else if (block instanceof Paragraph p) {
                paragraph(p);
            } else if (block instanceof Table t) {
                table(null, t, List.of());
            } else if (block instanceof XhtmlReport.PageTurn turn) {
                // the table TableFit put on a landscape page (pdflscape turns the page in the PDF viewer too)
                out.append(turn.landscape() ? "\\begin{landscape}\n" : "\\end{landscape}\n\n");
            }
        }
        out.append("\\end{document}\n");
        return out.toString();
    }

    private void heading(Heading h) {
        String text = inlines(h.content());
        switch (h.level()) {
            case 0 -> out.append("\\begin{center}{\\LARGE\\bfseries ").append(text).append("\\par}\\end{center}\n\n");
            case 1 -> out.append("\\section*{").append(text).append("}\n\n");
            default -> out.append("\\subsection*{").append(text).append("}\n\n");
        }
    }

    private void paragraph(Paragraph p) {
        switch (p.kind()) {
            case "subtitle" -> out.append("\\begin{center}{\\large ").append(inlines(p.content()))
                    .append("\\par}\\end{center}\n\n");
            case "facts" -> out.append("{\\centering ").append(inlines(p.content())).append("\\par}\n\n");
            case "note" -> out.append(note(p)).append("\n\n");
            case "item" -> out.append("\\noindent\\textbullet\\ ").append(inlines(p.content())).append("\n\n");
            case "caption", "figcaption" -> out.append("\\tablecaption{").append(inlines(p.number())).append("}{")
                    .append(inlines(p.content())).append("}\n");
            default -> out.append(inlines(p.content())).append("\n\n");
        }
    }

    private String note(Paragraph p) {
        String lead = inlines(p.number());
        if (english && !lead.isEmpty()) {
            lead = "\\textit{" + lead + "} ";
        }
        return "{\\small " + lead + inlines(p.content()) + "\\par}";
    }

    private void figure(Figure f, Paragraph caption) {
        out.append("\\begin{figure}[htbp]\n");
        if (english && caption != null) {
            out.append("\\tablecaption{").append(inlines(caption.number())).append("}{")
                    .append(inlines(caption.content())).append("}\n");
        }
        out.append("\\centering\n");
        double width = Math.min(f.widthMm(), 150);
        out.append(SvgFigure.parse(f.svg(), warnings).tikz(width, LatexWriter::escape)).append('\n');
        if (!english && caption != null) {
            out.append("\\par\\smallskip{\\centering\\textbf{").append(inlines(caption.number())).append("\\quad ")
                    .append(inlines(caption.content())).append("}\\par}\n");
        }
        out.append("\\end{figure}\n\n");
    }

    private void table(Paragraph caption, Table t, List<Paragraph> notes) {
        int columns = t.columns();
        boolean[] decimal = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            boolean any = false;
            boolean all = true;
            for (Row row : t.body()) {
                Cell cell = row.cells().get(c);
                if (cell.covered() || cell.text().isBlank()) {
                    continue;
                }
                if (cell.colspan() > 1) {
                    continue;
                }
                any = true;
                all &= cell.kind().contains("num") && cell.text().length() <= 24;
            }
            decimal[c] = any && all;
        }
        int[] texColumn = new int[columns + 1];
        StringBuilder spec = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            texColumn[c + 1] = texColumn[c] + (decimal[c] ? 2 : 1);
            if (decimal[c]) {
                spec.append("r@{}l");
            } else if (isItemText(t, c) || t.threeLine() && longest(t, c) > 30) {
                spec.append(">{\\raggedright\\arraybackslash}p{").append(columns > 3 ? "0.3" : "0.45")
                        .append("\\linewidth}");
            } else {
                spec.append(t.threeLine() && !english && !isText(t, c) ? "c" : "l");
            }
        }
        int rows = t.head().size() + t.body().size();
        boolean longTable = rows > LONG_TABLE_ROWS;
        StringBuilder head = new StringBuilder();
        head.append(t.threeLine() ? "\\toprule\n" : "");
        for (int r = 0; r < t.head().size(); r++) {
            row(t.head().get(r), decimal, texColumn, head, true);
            StringBuilder rules = new StringBuilder();
            for (Cell cell : t.head().get(r).cells()) {
                if (!cell.covered() && cell.kind().contains("group") && r < t.head().size() - 1) {
                    rules.append("\\cmidrule(lr){").append(texColumn[cell.column()] + 1).append('-')
                            .append(texColumn[cell.column() + cell.colspan()]).append('}');
                }
            }
            if (rules.length() > 0) {
                head.append(rules).append('\n');
            }
        }
        head.append(t.head().isEmpty() || !t.threeLine() ? "" : "\\midrule\n");
        StringBuilder bodyRows = new StringBuilder();
        for (Row row : t.body()) {
            row(row, decimal, texColumn, bodyRows, false);
        }
        String captionLine = caption == null ? "" : "\\tablecaption{" + inlines(caption.number()) + "}{"
                + inlines(caption.content()) + "}\n";
        out.append("% ").append(caption == null ? "table" : caption.number().isEmpty() ? "table"
                : plain(caption.number())).append('\n');
        if (longTable) {
            // the pages after the first say which table continues: 表4（续） / Table 4 (continued)
            String continued = caption == null || caption.number().isEmpty() ? ""
                    : "\\multicolumn{" + texColumn[columns] + "}{l}{" + (english
                    ? "\\textit{" + inlines(caption.number()) + " (continued)}" : inlines(caption.number()) + "（续）")
                    + "}\\\\\n";
            out.append("{\\small\n").append(captionLine).append("\\begin{longtable}{").append(spec).append("}\n")
                    .append(head).append("\\endfirsthead\n").append(continued).append(head).append("\\endhead\n")
                    .append("\\bottomrule\n\\endlastfoot\n").append(bodyRows).append("\\end{longtable}\n");
            for (Paragraph note : notes) {
                out.append(note(note)).append('\n');
            }
            out.append("}\n\n");
        } else {
            // a table still wider than the text is scaled down to it (graphicx), notes with it
            out.append("\\begin{table}[htbp]\n").append(captionLine).append("\\centering\\small\n")
                    .append("\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%\n")
                    .append("\\begin{threeparttable}\n\\begin{tabular}{").append(spec).append("}\n").append(head)
                    .append(bodyRows).append(t.threeLine() ? "\\bottomrule\n" : "").append("\\end{tabular}\n");
            if (!notes.isEmpty()) {
                out.append("\\begin{tablenotes}[flushleft]\n\\footnotesize\n");
                for (Paragraph note : notes) {
                    String lead = inlines(note.number());
                    out.append("\\item[] ").append(english && !lead.isEmpty() ? "\\textit{" + lead + "} " : lead)
                            .append(inlines(note.content())).append('\n');
                }
                out.append("\\end{tablenotes}\n");
            }
            out.append("\\end{threeparttable}}\n\\end{table}\n\n");
        }
    }

    /** The longest body text of a column. */
    private static int longest(Table t, int c) {
        int longest = 0;
        for (Row row : t.body()) {
            Cell cell = row.cells().get(c);
            if (!cell.covered() && cell.colspan() == 1) {
                longest = Math.max(longest, cell.text().length());
            }
        }
        return longest;
    }

    private static boolean isItemText(Table t, int c) {
        return t.body().stream().anyMatch(r -> r.cells().get(c).kind().contains("item-text"));
    }

    private static boolean isText(Table t, int c) {
        return t.body().stream().anyMatch(r -> r.cells().get(c).kind().contains("text"));
    }

    private void row(Row row, boolean[] decimal, int[] texColumn, StringBuilder to, boolean header) {
        List<String> cells = new ArrayList<>();
        for (Cell cell : row.cells()) {
            if (cell.covered() && !cell.continuesRowspan()) {
                continue;
            }
            int span = texColumn[cell.column() + cell.colspan()] - texColumn[cell.column()];
            if (cell.covered()) {
                // below a rowspan's first row: empty cells of its width
                cells.add(span == 1 ? "" : "\\multicolumn{" + span + "}{c}{}");
                continue;
            }
            String align = cell.kind().contains("text") || cell.kind().contains("label") ? "l" : "c";
            if (!header && cell.colspan() == 1 && decimal[cell.column()]) {
                cells.add(decimalCell(cell.content()));
            } else if (span > 1 || header && decimal[cell.column()]) {
                String text = header ? headerText(cell) : inlines(cell.content());
                cells.add("\\multicolumn{" + span + "}{" + (header || !align.equals("l") ? "c" : "l") + "}{"
                        + text + "}");
            } else {
                cells.add(header ? headerText(cell) : inlines(cell.content()));
            }
        }
        to.append(String.join(" & ", cells)).append(" \\\\\n");
    }

    /** A header's text; a long one (not a group header) wraps in a box about 7 em wide, centred. */
    private String headerText(Cell cell) {
        String text = inlines(cell.content());
        boolean cjk = cell.text().chars().anyMatch(ch -> ch >= 0x2E80);
        int length = cell.text().length() * (cjk ? 2 : 1);
        if (cell.kind().contains("group") || length <= 14) {
            return text;
        }
        return "\\parbox[b]{" + (cjk ? "6em" : "7em") + "}{\\centering " + text + "}";
    }

    /** A number cell split at its decimal point into the two halves of an {@code r@{}l} pair. */
    private String decimalCell(List<Inline> content) {
        String text = plainText(content);
        Matcher m = DECIMAL.matcher(text);
        int at = m.find() ? m.start() : integerEnd(text);
        // a space before the point ("< .001", "β = .344") would be dropped at the end of the cell: a tie keeps it
        String left = at > 0 && text.charAt(at - 1) == ' ' ? inlines(slice(content, 0, at - 1)) + "~"
                : inlines(slice(content, 0, at));
        return left + " & " + inlines(slice(content, at, text.length()));
    }

    /** Where a number without a point ends (the point would come there), e.g. after "136" of "136***". */
    private static int integerEnd(String text) {
        int end = -1;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                end = i + 1;
            } else if (end >= 0) {
                break;
            }
        }
        return end < 0 ? text.length() : end;
    }

    private static List<Inline> slice(List<Inline> content, int from, int to) {
        List<Inline> out = new ArrayList<>();
        int pos = 0;
        for (Inline i : content) {
            int start = pos;
            int end = pos + i.text().length();
            pos = end;
            int a = Math.max(from, start);
            int b = Math.min(to, end);
            if (a < b) {
                out.add(new Inline(i.text().substring(a - start, b - start), i.italic(), i.bold(), i.sub(), i.sup()));
            }
        }
        return out;
    }

    private static String plainText(List<Inline> content) {
        StringBuilder b = new StringBuilder();
        content.forEach(i -> b.append(i.text()));
        return b.toString();
    }

    private static String plain(List<Inline> content) {
        return plainText(content).replaceAll("[\\r\\n]", " ");
    }

    private String inlines(List<Inline> content) {
        StringBuilder b = new StringBuilder();
        for (Inline i : content) {
            if (i.lineBreak()) {
                b.append("\\newline{}");
                continue;
            }
            String text = escape(i.text());
            if (i.sub()) {
                text = "\\textsubscript{" + text + "}";
            }
            if (i.sup()) {
                text = "\\textsuperscript{" + text + "}";
            }
            if (i.bold()) {
                text = "\\textbf{" + text + "}";
            }
            if (i.italic()) {
                text = "\\textit{" + text + "}";
            }
            b.append(text);
        }
        return b.toString();
    }

    /** Text with every character special to LaTeX escaped; control characters dropped. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> b.append('\\').append(c);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                case '<' -> b.append("\\textless{}");
                case '>' -> b.append("\\textgreater{}");
                case '|' -> b.append("\\textbar{}");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> {
                    String symbol = SYMBOLS.get(c);
                    if (symbol != null) {
                        b.append(symbol);
                    } else if (c >= 0x20 && c != 0x7F && c != '\uFFFE' && c != '\uFFFF') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
