package io.github.surveyreport.core.report.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import io.github.surveyreport.core.report.ReportOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DOCX and LaTeX of both examples, from the same rendered XHTML as the HTML and PDF. */
class ManuscriptFormatsTest {
    private static final Path OUT = Path.of("target/manuscript-formats");
    private static RenderedReport henan;
    private static RenderedReport tam;

    @BeforeAll
    static void render() throws IOException {
        henan = rendered("henan");
        tam = rendered("tam");
        Files.createDirectories(OUT);
    }

    private static RenderedReport rendered(String example) {
        Study study = SurveyAnalysis.withFileLabels(StudyLoader.load(Path.of("../examples/" + example
                + "/src/survey/study.yaml")));
        Results results = SurveyAnalysis.run(study);
        return new RenderedReport(study, results, ReportOptions.defaults(), Map.of(), w -> { });
    }

    static Map<String, byte[]> unzip(byte[] docx) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static String documentXml(byte[] docx) throws IOException {
        return new String(unzip(docx).get("word/document.xml"), StandardCharsets.UTF_8);
    }

    /**
     * Prints what each manuscript format costs in CPU time of this thread (steadier than wall time on a
     * shared machine), first in the JVM (classes, fonts, ImageIO) and again.
     */
    @Test
    void costs() {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        RenderedReport fresh = rendered("henan");
        long t0 = cpu.getCurrentThreadCpuTime();
        fresh.document();
        long t1 = cpu.getCurrentThreadCpuTime();
        ReportFormats.DOCX.write(fresh);
        long t2 = cpu.getCurrentThreadCpuTime();
        ReportFormats.DOCX.write(fresh);
        long t3 = cpu.getCurrentThreadCpuTime();
        ReportFormats.LATEX.write(fresh);
        long t4 = cpu.getCurrentThreadCpuTime();
        XhtmlReport.Figure figure = (XhtmlReport.Figure) fresh.document().blocks.stream()
                .filter(b -> b instanceof XhtmlReport.Figure).findFirst().orElseThrow();
        io.github.surveyreport.core.report.SvgFigure svg = io.github.surveyreport.core.report.SvgFigure.parse(
                figure.svg(), w -> { });
        long t5 = cpu.getCurrentThreadCpuTime();
        svg.png(2);
        long t6 = cpu.getCurrentThreadCpuTime();
        System.out.printf("CPU: xhtml rendered and read %d ms; docx first %d ms, again %d ms; latex %d ms; "
                + "one figure's PNG %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000, (t6 - t5) / 1_000_000);
    }

    @Test
    void chineseDocxHasThreeLineTablesCaptionsAboveAndNotesBelow() throws IOException {
        byte[] docx = ReportFormats.DOCX.write(henan);
        Files.write(OUT.resolve("henan.docx"), docx);
        String xml = documentXml(docx);
        List<String> tables = tables(xml);
        assertTrue(tables.size() >= 16, "tables: " + tables.size());
        for (String table : tables) {
            // no vertical rules; 1.5 pt top and bottom
            assertTrue(table.contains("<w:tblBorders><w:top w:val=\"single\" w:sz=\"12\""), table.substring(0, 300));
            assertTrue(table.contains("<w:insideV w:val=\"nil\"/>"));
            assertFalse(table.matches("(?s).*<w:(left|right|insideV) w:val=\"single\".*"));
            assertTrue(table.contains("<w:cantSplit/>"));
        }
        // header rows repeat and carry the 0.75 pt rule
        assertTrue(tables.stream().allMatch(t -> t.contains("<w:tblHeader/>") && t.contains("w:sz=\"6\"")));
        // a caption "表N" right before each table, centred
        Matcher caption = Pattern.compile("<w:p><w:pPr><w:keepNext/><w:spacing[^>]*/><w:jc w:val=\"center\"/></w:pPr>"
                + "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">表(\\d+)</w:t>.*?</w:p>\\s*<w:tbl>")
                .matcher(xml);
        int captions = 0;
        while (caption.find()) {
            captions++;
        }
        assertTrue(captions >= 16, "captions before tables: " + captions);
        // notes after tables, with the lead 注：
        assertTrue(Pattern.compile("</w:tbl>\\s*<w:p><w:pPr>[^\\n]*注：").matcher(xml).find());
        // group header: thin rule and a colspan; rowspans merged vertically
        assertTrue(xml.contains("<w:gridSpan w:val=\"5\"/>"));
        assertTrue(xml.contains("<w:bottom w:val=\"single\" w:sz=\"4\""));
        assertTrue(xml.contains("<w:vMerge w:val=\"restart\"/>") && xml.contains("<w:vMerge/>"));
        // fonts: 宋体 for CJK, Times New Roman for Latin, 10.5 pt
        String styles = new String(unzip(docx).get("word/styles.xml"), StandardCharsets.UTF_8);
        assertTrue(styles.contains("w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\""));
        assertTrue(styles.contains("<w:sz w:val=\"21\"/>"));
        // italic statistical symbols, as in the XHTML
        assertTrue(xml.contains("<w:rPr><w:i/><w:iCs/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr><w:t xml:space=\"preserve\">p</w:t>")
                || xml.contains("<w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">p</w:t>"), "italic p");
        // figures: SVG with a PNG fallback
        Map<String, byte[]> entries = unzip(docx);
        assertTrue(entries.containsKey("word/media/figure1.png") && entries.containsKey("word/media/figure1.svg"));
        assertTrue(xml.contains("asvg:svgBlip"));
    }

    @Test
    void englishDocxFollowsApa() throws IOException {
        byte[] docx = ReportFormats.DOCX.write(tam);
        Files.write(OUT.resolve("tam.docx"), docx);
        String xml = documentXml(docx);
        assertTrue(xml.contains("<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">Table 1</w:t>"));
        assertTrue(Pattern.compile("Table 1</w:t></w:r></w:p>\\s*<w:p><w:pPr><w:keepNext/><w:spacing[^>]*/></w:pPr>"
                + "<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">Variables").matcher(xml).find());
        assertTrue(xml.contains("<w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">Note.</w:t>"));
        String styles = new String(unzip(docx).get("word/styles.xml"), StandardCharsets.UTF_8);
        assertTrue(styles.contains("<w:sz w:val=\"24\"/>"));
        assertFalse(xml.contains("<w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">Table"));
    }

    @Test
    void docxBytesAreDeterministic() throws IOException {
        byte[] first = ReportFormats.DOCX.write(henan);
        byte[] second = ReportFormats.DOCX.write(rendered("henan"));
        assertArrayEquals(first, second);
        List<String> names = new ArrayList<>(unzip(first).keySet());
        assertEquals("[Content_Types].xml", names.get(0));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                assertEquals(java.time.LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
            }
        }
    }

    @Test
    void docxEscapesMarkupAndControlCharacters() throws IOException {
        String escaped = DocxWriter.escape("a & b < c > d \u0001\u0007 e\u000B");
        assertEquals("a &amp; b &lt; c &gt; d \uFFFD\uFFFD e\uFFFD", escaped);
        String xml = "<body class=\"html en\"><div class=\"table-block\"><p class=\"caption\"><span class=\"no\">Table 1</span>"
                + "<span class=\"name\">R&amp;D &lt;costs&gt;</span></p><table class=\"three-line\"><thead><tr class=\"last\">"
                + "<th>x</th></tr></thead><tbody><tr><td class=\"num\">1 &amp; 2</td></tr></tbody></table></div></body>";
        XhtmlReport report = XhtmlReport.read("<html xmlns=\"http://www.w3.org/1999/xhtml\">" + xml + "</html>");
        String document = documentXml(new DocxWriter(report, w -> { }).write());
        assertTrue(document.contains(">R&amp;D &lt;costs&gt;</w:t>"), document);
        assertTrue(document.contains(">1 &amp; 2</w:t>"));
        String tex = new LatexWriter(report, w -> { }).write();
        assertTrue(tex.contains("R\\&D \\textless{}costs\\textgreater{}"), tex);
    }

    @Test
    void latexHasBooktabsAndEscapes() throws IOException {
        String tex = new String(ReportFormats.LATEX.write(henan), StandardCharsets.UTF_8);
        Files.writeString(OUT.resolve("henan.tex"), tex);
        Files.writeString(OUT.resolve("tam.tex"), new String(ReportFormats.LATEX.write(tam), StandardCharsets.UTF_8));
        assertTrue(tex.contains("\\documentclass[UTF8,a4paper,zihao=5]{ctexart}"));
        assertTrue(tex.contains("\\toprule") && tex.contains("\\midrule") && tex.contains("\\bottomrule"));
        assertTrue(tex.contains("\\cmidrule(lr){"));
        assertTrue(tex.contains("\\begin{threeparttable}") && tex.contains("\\begin{tablenotes}"));
        assertTrue(tex.contains("r@{}l"));
        // numbers split at the decimal point, the space before it kept
        assertTrue(tex.contains("\\textless{}~ & .001"), "p < .001 aligned");
        assertFalse(Pattern.compile("\\\\begin\\{(tabular|longtable)\\}\\{[^}]*\\|").matcher(tex).find(), "vertical rules");
        assertTrue(tex.contains("\\begin{tikzpicture}"));
        // the figure's R² with an italic R (a tspan in the SVG), the two a superscript
        assertTrue(tex.contains("{\\textit{R}\\textsuperscript{2} = .587}"), "italic R² in the TikZ figure");
        assertEquals(count(tex, "\\begin{"), count(tex, "\\end{"));
        assertEquals("\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textless{}",
                LatexWriter.escape("& % $ # _ { } ~ ^ \\ <"));
        String en = Files.readString(OUT.resolve("tam.tex"));
        assertTrue(en.contains("\\usepackage{fontspec}") && !en.contains("ctexart"));
        // spans: a group header over its columns (two TeX columns each where numbers are split)
        assertTrue(tex.contains("\\multicolumn{10}{c}{成分}") || tex.contains("\\multicolumn{5}{c}{成分}"), "group header");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<String> tables(String xml) {
        List<String> tables = new ArrayList<>();
        Matcher m = Pattern.compile("<w:tbl>.*?</w:tbl>", Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            if (m.group().contains("w:sz=\"12\"")) {
                tables.add(m.group());
            }
        }
        return tables;
    }

    /** LibreOffice opens the DOCX and converts it to PDF; the captions and key values are in its text. */
    @Test
    void libreOfficeConvertsTheDocx() throws Exception {
        Assumptions.assumeTrue(onPath("soffice") && onPath("pdftotext"), "soffice and pdftotext are not installed");
        Path dir = Files.createTempDirectory("docx-lo");
        Files.write(dir.resolve("henan.docx"), ReportFormats.DOCX.write(henan));
        Files.write(dir.resolve("tam.docx"), ReportFormats.DOCX.write(tam));
        Process p = new ProcessBuilder("soffice", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--headless", "--convert-to", "pdf", "--outdir", dir.toString(),
                dir.resolve("henan.docx").toString(), dir.resolve("tam.docx").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "soffice timed out");
        String zh = pdfText(dir.resolve("henan.pdf"));
        assertTrue(zh.contains("表1") && zh.contains("信度分析结果") && zh.contains("注："), zh.substring(0, 200));
        assertTrue(zh.contains(".827") && zh.contains("2834.595"));
        String en = pdfText(dir.resolve("tam.pdf"));
        assertTrue(en.contains("Table1") && en.contains("Note."));
    }

    /**
     * XeLaTeX compiles both examples' report.tex without errors and without overfull lines (where
     * a TeX installation with ctex, booktabs, threeparttable and TikZ is on the PATH; CI has none).
     */
    @Test
    void xelatexCompilesTheLatex() throws Exception {
        Assumptions.assumeTrue(onPath("xelatex"), "xelatex is not installed");
        Path dir = Files.createTempDirectory("tex");
        for (String example : List.of("henan", "tam")) {
            RenderedReport report = example.equals("henan") ? henan : tam;
            Files.write(dir.resolve(example + ".tex"), ReportFormats.LATEX.write(report));
            Process p = new ProcessBuilder("xelatex", "-interaction=nonstopmode", "-halt-on-error", example + ".tex")
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(example + ".out").toFile()).start();
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "xelatex timed out");
            String log = Files.readString(dir.resolve(example + ".log"), StandardCharsets.ISO_8859_1);
            assertEquals(0, p.exitValue(), example + ": " + log.substring(Math.max(0, log.indexOf("\n!"))));
            assertFalse(log.contains("Overfull \\hbox"), example + " has lines wider than the text");
            assertTrue(pdfText(dir.resolve(example + ".pdf")).contains(example.equals("henan") ? "表1" : "Table1"));
        }
    }

    private static String pdfText(Path pdf) throws Exception {
        Path txt = Path.of(pdf.toString().replace(".pdf", ".txt"));
        Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), txt.toString()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return Files.readString(txt).replaceAll("[ \\t]+", "");
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
