package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.testing.ResultsCopies;
import io.github.surveyreport.core.study.Construct;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {
    private final List<String> warnings = new ArrayList<>();
    private final ReportRenderer renderer = new ReportRenderer(ReportOptions.defaults(), warnings::add);

    // ---- Chinese (the bundled example) ----

    @Test
    void chinesePdfHasTheSeedPaperCaptionsAndKeyValues() throws IOException {
        assumeTrue(FontDiscovery.discover().cjk() != null, "needs a CJK TrueType font (e.g. fonts-wqy-microhei)");
        Fixtures.Analysed a = Fixtures.henan();
        byte[] pdf = renderer.pdf(a.study(), a.results());
        Files.createDirectories(Fixtures.output(""));
        Files.write(Fixtures.output("henan.pdf"), pdf);

        String text = compact(text(pdf));
        assertThat(text).contains(compact("表1 问卷变量与测量项"), compact("表2 信度分析结果"),
                compact("表3 KMO 和巴特利特检验"), compact("表4 效度结果分析"),
                compact("表5 验证性因子分析模型拟合指标"), compact("表6 收敛效度检验结果"),
                compact("表7 区分效度检验（Fornell–Larcker 准则）"), compact("表8 区分效度检验（HTMT）"),
                compact("表9 共同方法偏差检验"), compact("表10 不同职位在各变量上的差异分析（单因素方差分析）"),
                compact("表11 不同从业年限在各变量上的差异分析（单因素方差分析）"), compact("表12 回归检验结果"),
                compact("表13 分层回归分析结果（因变量：跨境电商高质量发展）"),
                compact("表14 中介效应检验（Bootstrap）：数智化人力资源 → 数智营销能力 → 跨境电商高质量发展"),
                compact("表15 调节效应检验：政策扶持力度在产品优势与跨境电商高质量发展关系中的调节作用"),
                compact("图1 政策扶持力度的调节效应（简单斜率图）"),
                compact("表16 研究假设检验结果汇总"), compact("图2 研究模型与路径系数"),
                compact("表17 样本基本特征"), compact("表18 描述性统计与相关分析"), compact("表19 项总计统计"),
                compact("表20 总方差解释"), compact("表21 模型摘要"), compact("表22 方差分析"), compact("表23 回归系数"));
        assertThat(text)
                .contains("数智化背景下河南省跨境电商高质量发展驱动因素")
                .contains(".882")                 // KMO
                .contains("2834.595")             // Bartlett chi-square
                .contains(".871")                 // overall alpha
                .contains(".344***")              // beta of HR
                .contains("β=.344***")            // the figure's label: real text, not outlines
                .contains("R²=.587")              // the figure's dependent box
                .contains("135.225***")           // F
                .contains("<.001")
                .contains("支持")
                .contains("−0.591")               // intercept B, with the minus sign
                .contains("responses.csv")
                .contains("040996ce2cbc8c04716c9779f8c98479c60addb00170af6ebc05268899b1e5a5")
                .doesNotContain("0.882");
        assertThat(warnings).isEmpty();
    }

    @Test
    void chinesePdfEmbedsASubsetOfTheCjkFont() throws IOException {
        assumeTrue(FontDiscovery.discover().cjk() != null, "needs a CJK TrueType font (e.g. fonts-wqy-microhei)");
        Fixtures.Analysed a = Fixtures.henan();
        List<PDFont> fonts = fonts(renderer.pdf(a.study(), a.results()));
        assertThat(fonts).isNotEmpty();
        for (PDFont font : fonts) {
            assertThat(font.getName()).as("subset prefix").matches("[A-Z]{6}\\+.+");
            assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
        }
        String cjk = FontDiscovery.discover().cjk().file().getFileName().toString();
        if (cjk.startsWith("wqy-microhei")) {
            assertThat(fonts).anySatisfy(f -> assertThat(f.getName()).contains("WenQuanYiMicroHei"));
        }
    }

    @Test
    void rendersAreByteIdentical() {
        Fixtures.Analysed a = Fixtures.henan();
        assertThat(renderer.html(a.study(), a.results())).isEqualTo(renderer.html(a.study(), a.results()));
        byte[] first = renderer.pdf(a.study(), a.results());
        byte[] second = new ReportRenderer(ReportOptions.defaults(), w -> { }).pdf(a.study(), a.results());
        assertThat(Arrays.equals(first, second)).as("identical PDF bytes").isTrue();
        String pdf = new String(first, StandardCharsets.ISO_8859_1);
        assertThat(pdf).contains("/CreationDate(D:19800101000000Z").contains("/ModDate(D:19800101000000Z");
    }

    /** The measurement model in APA style, on the 600-row bfi sample of the report tests. */
    @Test
    void englishMeasurementModelTables(@TempDir Path dir) throws IOException {
        Path bfi = Fixtures.resource("report/bfi/study.yaml");
        Files.copy(bfi.resolveSibling("responses.csv"), dir.resolve("responses.csv"));
        Files.writeString(dir.resolve("study.yaml"), Files.readString(bfi) + "\ncfa: {likelihood: wishart}\n");
        Study study = StudyLoader.load(dir.resolve("study.yaml"));
        Results results = SurveyAnalysis.run(study);
        String text = text(renderer.pdf(study, results));
        assertThat(text).contains("Confirmatory Factor Analysis: Model Fit", "SRMR", "Convergent Validity", "Fornell–Larcker", "Heterotrait–Monotrait",
                "Common Method Bias", "One-factor model");
        String html = renderer.html(study, results);
        assertThat(html).contains("<th>CR</th><th>AVE</th><th>α</th><th>ω</th>")
                .contains(String.format(java.util.Locale.ROOT, "%.2f", results.cfa().fit().chiSquare()))   // APA: two decimals
                .contains("Wishart likelihood, N − 1, as AMOS");
    }

    @Test
    void theTimestampSetsThePdfDates() {
        Fixtures.Analysed a = Fixtures.bfi();
        ReportRenderer dated = new ReportRenderer(
                ReportOptions.defaults().withTimestamp(Instant.parse("2026-01-01T00:00:00Z")), warnings::add);
        String pdf = new String(dated.pdf(a.study(), a.results()), StandardCharsets.ISO_8859_1);
        assertThat(pdf).contains("/CreationDate(D:20260101000000Z");
    }

    @Test
    void writesFilesAtomically(@TempDir Path dir) throws IOException {
        Fixtures.Analysed a = Fixtures.henan();
        Path html = dir.resolve("out/report.html");
        Path pdf = dir.resolve("out/report.pdf");
        renderer.writeHtml(a.study(), a.results(), html);
        renderer.writePdf(a.study(), a.results(), pdf);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("表1");
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(StandardCharsets.ISO_8859_1));
        try (var files = Files.list(html.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html", "report.pdf");
        }
    }

    @Test
    void bothReportsOnTwoThreadsAreTheFilesOfTheSeparateCalls(@TempDir Path dir) throws IOException {
        Fixtures.Analysed a = Fixtures.henan();
        Map<String, String> downloads = Map.of("PDF", "report.pdf");
        renderer.writeHtmlAndPdf(a.study(), a.results(), downloads, dir.resolve("both/index.html"),
                dir.resolve("both/report.pdf"));
        renderer.writeHtml(a.study(), a.results(), downloads, dir.resolve("one/index.html"));
        renderer.writePdf(a.study(), a.results(), dir.resolve("one/report.pdf"));
        assertThat(dir.resolve("both/index.html")).hasSameBinaryContentAs(dir.resolve("one/index.html"));
        assertThat(dir.resolve("both/report.pdf")).hasSameBinaryContentAs(dir.resolve("one/report.pdf"));
        assertThat(Files.readString(dir.resolve("both/index.html"))).contains("href=\"report.pdf\"");
    }

    @Test
    void htmlIsSelfContained() {
        Fixtures.Analysed a = Fixtures.henan();
        String html = renderer.html(a.study(), a.results());
        String withoutNamespaces = html.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", "");
        assertThat(withoutNamespaces).doesNotContain("http:").doesNotContain("https:").doesNotContain("<link")
                .doesNotContain("<script").doesNotContain("<img").doesNotContain("src=").doesNotContain("@import")
                .doesNotContain("url(");
        assertThat(html).contains("<style>").contains("<svg").contains("name=\"viewport\"")
                .contains("<tspan font-style=\"italic\">R</tspan>² = .587").contains("β = .344***");
        // well-formed XML, as Flying Saucer needs
        assertThat(html).doesNotContain("&nbsp;");
    }

    // ---- statistics are not split across lines ----

    @Test
    void noStatisticIsBrokenAcrossLinesInThePdf() {
        for (boolean zh : new boolean[] {false, true}) {
            if (zh && FontDiscovery.discover().cjk() == null) {
                continue;
            }
            Fixtures.Analysed a = Fixtures.structural(zh);
            String text = positionalText(renderer.pdf(a.study(), a.results()));
            java.util.regex.Pattern brokenEnd = java.util.regex.Pattern.compile("(?:[=<>(]|= [−-]?0?\\.)$");
            // (a line of a table may start with a number such as ".69": only the narrative's joints are tested;
            // "p⏎= .187", a break where the italic symbol's element ends: each statistic is an inline block)
            java.util.regex.Pattern brokenStart = java.util.regex.Pattern.compile("^[),=]");
            String previous = "";
            for (String line : text.split("\\R")) {
                String l = line.strip();
                assertThat(brokenEnd.matcher(l).find()).as("line ends inside a statistic: " + l).isFalse();
                assertThat(brokenStart.matcher(l).find()).as("line starts inside a statistic: " + previous + "⏎" + l)
                        .isFalse();
                previous = l;
            }
        }
    }

    // ---- English (APA) ----

    @Test
    void englishPdfHasApaCaptionsGreekLettersAndMinusSigns() throws IOException {
        Fixtures.Analysed a = Fixtures.bfi();
        byte[] pdf = renderer.pdf(a.study(), a.results());
        Files.createDirectories(Fixtures.output(""));
        Files.write(Fixtures.output("bfi.pdf"), pdf);
        String text = text(pdf);
        assertThat(text).contains("Table 1", "Variables and Measurement Items", "Table 2", "Reliability Analysis",
                "Table 3", "KMO and Bartlett's Test", "Table 4", "Rotated Component Matrix", "Table 5",
                "Regression Results", "Table 6", "Summary of Hypothesis Tests", "Figure 1",
                "Research Model With Standardized Path Coefficients", "Table 7", "Sample Characteristics",
                "Means, Standard Deviations, and Correlations", "Item–Total Statistics", "Total Variance Explained",
                "Model Summary", "Analysis of Variance", "Table 13", "Regression Coefficients");
        assertThat(text).contains("Cronbach's α", "β", "χ", "−.20***", "Supported", "Not supported",
                "Agreeableness");
        assertThat(compact(text)).contains("<.001", compact("Personality Traits and Agreeableness in an Online Sample"));
        for (PDFont font : fonts(pdf)) {
            assertThat(font.getName()).matches("[A-Z]{6}\\+.+");
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void englishHtmlUsesApaTerms() {
        Fixtures.Analysed a = Fixtures.bfi();
        String html = renderer.html(a.study(), a.results());
        assertThat(html).contains("lang=\"en\"").contains("<span class=\"no\">Table 1</span>")
                .contains("Not supported").contains("(R)").doesNotContain("表");
    }

    /** The study file's report section chooses the tables and their order; numbering follows what appears. */
    @Test
    void theStudyFileChoosesTheTablesAndTheNumberingFollows() {
        Fixtures.Analysed a = Fixtures.bfi();
        Study chosen = a.study().withReport(io.github.surveyreport.core.study.ReportLayout.of(
                java.util.List.of("hypotheses", "regression", "model"), java.util.List.of()));
        String html = renderer.html(chosen, a.results());
        int hypotheses = html.indexOf("<span class=\"no\">Table 1</span>");
        int regression = html.indexOf("<span class=\"no\">Table 2</span>");
        assertThat(hypotheses).isPositive();
        assertThat(html.substring(hypotheses, regression)).contains("Summary of Hypothesis Tests");
        assertThat(html.substring(regression)).contains("Regression Results").contains("Figure 1");
        assertThat(html).doesNotContain("Table 3").doesNotContain("Item–Total Statistics")
                .doesNotContain("Reliability Analysis").doesNotContain("Supplementary");
        // the quality gate stays in the appendix
        String gated = renderer.html(chosen, a.results(), java.util.List.of());
        assertThat(gated).doesNotContain("Table 3");
    }

    // ---- data are data ----

    @Test
    void labelsAreEscaped() throws IOException {
        Fixtures.Analysed a = Fixtures.bfi();
        String evil = "<script>alert(1)</script> & Co";
        Study study = relabelled(a.study(), evil, "A1", "A");

        String html = renderer.html(study, a.results());
        assertThat(html).doesNotContain("<script").doesNotContain("& Co");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertThat(svg).contains("&lt;script&gt;alert(1)&lt;/scr").contains("&amp; Co");

        String text = text(renderer.pdf(study, a.results()));
        assertThat(text).contains("<script>alert(1)</script> & Co");
    }

    /** The study with this text as its title, as the label of an item and as the label of a construct. */
    private static Study relabelled(Study study, String text, String item, String construct) {
        Map<String, String> labels = new HashMap<>(study.labels());
        labels.put(item, text);
        List<Construct> constructs = new ArrayList<>();
        for (Construct c : study.constructs()) {
            constructs.add(c.id().equals(construct) ? new Construct(c.id(), text, c.items(), c.reverse()) : c);
        }
        return new Study(study.studyFile(), text, study.language(), study.data(), study.scale(), labels,
                study.recode(), constructs,
                study.overallReliability(),
                study.efaFactors(), study.cfa(), study.regressions(), study.hypotheses(), study.significance(),
                study.profile());
    }

    @Test
    void longWordsWrapAndTheColumnsStayOnThePage() throws IOException {
        Fixtures.Analysed a = Fixtures.bfi();
        String word = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".repeat(4) + "abcdefghijklm";
        assertThat(word).hasSize(117);
        Study study = relabelled(a.study(), word, "A1", "A");
        byte[] pdf = renderer.pdf(study, a.results());
        Files.createDirectories(Fixtures.output(""));
        Files.write(Fixtures.output("long-words.pdf"), pdf);

        List<String> outside = new ArrayList<>();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        float x = p.getXDirAdj();
                        float y = p.getYDirAdj();
                        if (x < 0 || x + p.getWidthDirAdj() > p.getPageWidth() + 0.5f || y - p.getHeightDir() < 0
                                || y > p.getPageHeight()) {
                            outside.add("page " + getCurrentPageNo() + ": " + p.getUnicode() + " at " + x + "," + y);
                        }
                    }
                    super.writeString(string, positions);
                }
            };
            text = stripper.getText(document);
        }
        assertThat(outside).as("text outside the page").isEmpty();
        // the statistics columns of Tables 1 and 2 are there, and the label is whole, just wrapped
        assertThat(text).contains("Variables and Measurement Items", "Reliability Analysis", "Corrected", "item–total",
                "deleted", "Cronbach's", ".72", ".69", "Regression Results", "42.15***");   // APA: two decimals
        assertThat(compact(text)).contains(word + "(R)");   // A1 is reverse-scored: Table 1's item text
        assertThat(compact(text).split(word, -1)).as("occurrences + 1").hasSizeGreaterThanOrEqualTo(5);

        String html = renderer.html(study, a.results());
        assertThat(html).contains("overflow-wrap: anywhere").contains(word);
    }

    @Test
    void templatesCannotCreateJavaObjects(@TempDir Path dir) throws IOException {
        Path marker = dir.resolve("ran");
        ReportRenderer custom = withTitleTemplate(dir, "<#assign ex = \"freemarker.template.utility.Execute\"?new()>"
                + "<div class=\"title-page\">${ex(\"touch " + marker + "\")}</div>");
        Fixtures.Analysed a = Fixtures.bfi();
        assertThatThrownBy(() -> custom.html(a.study(), a.results()))
                .isInstanceOf(SurveyReportException.class)
                .hasMessageStartingWith("Cannot render the report: the template title.ftlx (line 1, column ")
                .hasMessageContaining("?new, which is not allowed in report templates");
        assertThat(marker).doesNotExist();
    }

    @Test
    void templatesCannotUseTheApiBuiltIn(@TempDir Path dir) throws IOException {
        ReportRenderer custom = withTitleTemplate(dir,
                "<div class=\"title-page\">${t?api.getClass().getName()}</div>");
        Fixtures.Analysed a = Fixtures.bfi();
        assertThatThrownBy(() -> custom.html(a.study(), a.results()))
                .isInstanceOf(SurveyReportException.class)
                .hasMessageStartingWith("Cannot render the report: the template title.ftlx (line 1, column ")
                .hasMessageContaining("?api, which is not allowed in report templates");
    }

    @Test
    void aMacroThatCallsItselfWithoutEndIsReportedAndTheRendererStaysUsable(@TempDir Path dir) throws IOException {
        ReportRenderer custom = withTitleTemplate(dir, "<#macro heading level><@heading level + 1/></#macro>"
                + "<div class=\"title-page\"><h1>${docTitle}</h1><#if docTitle == \"loop\"><@heading 1/></#if></div>");
        Fixtures.Analysed a = Fixtures.bfi();
        Study looping = relabelled(a.study(), "loop", "A1", "A");
        assertThatThrownBy(() -> custom.html(looping, a.results()))
                .isInstanceOf(SurveyReportException.class)
                .hasMessageStartingWith("Cannot render the report: the template title.ftlx recurses without end")
                .hasMessageContaining("macro heading");
        assertThatThrownBy(() -> custom.writeHtmlAndPdf(looping, a.results(), Map.of(), dir.resolve("r.html"),
                dir.resolve("r.pdf")))
                .isInstanceOf(SurveyReportException.class)
                .hasMessageStartingWith("Cannot render the report: the template title.ftlx recurses without end");
        assertThat(custom.html(a.study(), a.results())).contains("Variables and Measurement Items");
    }

    @Test
    void aTemplateThatIncludesItselfIsReportedEvenWhereTheJavaStackIsSmall(@TempDir Path dir) throws Exception {
        ReportRenderer custom = withTitleTemplate(dir, "<div class=\"title-page\"><#include \"title.ftlx\"></div>");
        Fixtures.Analysed a = Fixtures.bfi();
        assertThatThrownBy(() -> custom.html(a.study(), a.results()))
                .isInstanceOf(SurveyReportException.class)
                .hasMessageStartingWith("Cannot render the report: the template title.ftlx recurses without end");
        // a thread whose stack overflows before the depth limit: the same report
        Throwable[] thrown = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                custom.html(a.study(), a.results());
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "small-stack", 192 * 1024);
        small.start();
        small.join();
        assertThat(thrown[0]).isInstanceOf(SurveyReportException.class)
                .hasMessageStartingWith("Cannot render the report: the template title.ftlx recurses without end");
    }

    @Test
    void xmlInvalidCharactersInTheModelCannotBreakTheDocument() {
        Fixtures.Analysed a = Fixtures.bfi();
        Study study = relabelled(a.study(), "Vertical\u000Btab, start\u0001of heading, \uFFFE and \uD800 alone",
                "A1", "A");
        String html = renderer.html(study, a.results());
        assertThat(html).contains("Vertical\uFFFDtab, start\uFFFDof heading, \uFFFD and \uFFFD alone")
                .doesNotContain("\u000B").doesNotContain("\u0001");
        assertThat(compact(text(renderer.pdf(study, a.results())))).contains("Vertical");
        // proper pairs stay: U+1D6FC (mathematical italic alpha) is two chars
        assertThat(renderer.html(relabelled(a.study(), "\uD835\uDEFC", "A1", "A"), a.results()))
                .contains("\uD835\uDEFC");
    }

    // ---- what is included ----

    @Test
    void blocksThatWereNotComputedAreLeftOutAndTheNumberingFollows() {
        Fixtures.Analysed a = Fixtures.henan();
        Results partial = with(a.results(), Map.of("factorability", null_(), "efa", null_(), "cfa", null_(),
                "commonMethod", null_()));
        String html = renderer.html(a.study(), partial);
        assertThat(html).doesNotContain("KMO 和巴特利特检验").doesNotContain("效度结果分析").doesNotContain("总方差解释");
        assertThat(html).contains("<span class=\"no\">表5</span><span class=\"name\">回归检验结果</span>")
                .contains("<span class=\"no\">表9</span><span class=\"name\">研究假设检验结果汇总</span>");
    }

    @Test
    void theQualityGateSectionAppearsOnlyWithChecks() {
        Fixtures.Analysed a = Fixtures.bfi();
        assertThat(renderer.html(a.study(), a.results(), null)).doesNotContain("Quality Gate");

        record Check(String name, String subject, Double value, Double limit, boolean passed, String message) {
        }
        Map<String, Object> asMap = new LinkedHashMap<>();
        asMap.put("name", "maxVif");
        asMap.put("subject", "A ~ C + E + N + O");
        asMap.put("value", 1.21);
        asMap.put("limit", 5.0);
        asMap.put("passed", true);
        List<Object> checks = List.of(
                new Check("minAlpha", "O", 0.613, 0.70, false, "Reliability of O (Openness): Cronbach's alpha .613 "
                        + "is below the minimum .70 (minAlpha)"),
                asMap,
                new Check("maxModelP", "A ~ C + E + N + O", 1e-40, 0.05, true, "fine"));
        String html = renderer.html(a.study(), a.results(), checks);
        assertThat(html).contains("Quality Gate Results").contains("<span class=\"no\">Table A1</span>").contains("1 of 3 checks failed")
                .contains("<td class=\"num\">&lt; .001</td><td class=\"num\">.05</td>")   // APA: two decimals, p three
                .contains("Cronbach&apos;s alpha .613 is below the minimum .70")
                .contains("<td class=\"num\">.61</td><td class=\"num\">.70</td>")
                .contains("<td class=\"num\">1.21</td><td class=\"num\">5.00</td>");
        assertThat(text(renderer.pdf(a.study(), a.results(), checks))).contains("Quality Gate Results", "Failed");
    }

    // ---- overrides and options ----

    @Test
    void aTemplateFromTheTemplateDirectoryOverridesTheBundledOne() {
        Fixtures.Analysed a = Fixtures.bfi();
        ReportRenderer custom = new ReportRenderer(
                ReportOptions.defaults().withTemplateDirectory(Fixtures.resource("report/override")), warnings::add);
        String html = custom.html(a.study(), a.results());
        assertThat(html).contains("Overridden title page from a project template directory")
                .contains("Variables and Measurement Items");   // the other templates are the bundled ones
        assertThat(renderer.html(a.study(), a.results())).doesNotContain("Overridden");
    }

    @Test
    void anSvgFileInAnImgIsAClearErrorInThePdf(@TempDir Path dir) throws IOException {
        Path svg = Files.writeString(dir.resolve("logo.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>");
        ReportRenderer custom = withTitleTemplate(dir, "<div class=\"title-page\"><img src=\""
                + svg.toUri() + "\" style=\"width: 10mm\"/></div>");
        Fixtures.Analysed a = Fixtures.bfi();
        assertThatThrownBy(() -> custom.pdf(a.study(), a.results()))
                .isInstanceOf(SurveyReportException.class)
                .hasMessage("Cannot render the PDF report: an <img> shows an SVG file, which the PDF does not "
                        + "support; put the SVG inline in the template instead");
    }

    @Test
    void templateOutputThatIsNotWellFormedNamesTheLineAndShowsIt(@TempDir Path dir) throws IOException {
        ReportRenderer custom = withTitleTemplate(dir, "<div class=\"title-page\">\n<p class=\"facts\">unclosed\n</div>");
        Fixtures.Analysed a = Fixtures.bfi();
        assertThatThrownBy(() -> custom.pdf(a.study(), a.results()))
                .isInstanceOf(SurveyReportException.class)
                .hasMessageStartingWith("Cannot render the PDF report: the templates' output is not well-formed XHTML "
                        + "at line ")
                .hasMessageContaining("must be terminated by the matching end-tag \"</p>\". The line reads: </div>");
    }

    /** A renderer whose title page comes from a project template directory with this text. */
    private ReportRenderer withTitleTemplate(Path dir, String title) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("title.ftlx"), title);
        return new ReportRenderer(ReportOptions.defaults().withTemplateDirectory(templates), warnings::add);
    }

    @Test
    void aLineOfTheDocumentIsShownShortened() {
        assertThat(XhtmlDocument.lineText("a\n  <p>b</p>  \nc", 2)).isEqualTo(" The line reads: <p>b</p>");
        assertThat(XhtmlDocument.lineText("x".repeat(200), 1)).isEqualTo(" The line reads: " + "x".repeat(160) + "…");
        assertThat(XhtmlDocument.lineText("a\n\n", 2)).isEmpty();
        assertThat(XhtmlDocument.lineText("a", 5)).isEmpty();
    }

    @Test
    void aMissingTemplateDirectoryIsReported(@TempDir Path dir) {
        assertThatThrownBy(() -> new ReportRenderer(
                ReportOptions.defaults().withTemplateDirectory(dir.resolve("nope")), warnings::add))
                .isInstanceOf(SurveyReportException.class).hasMessageContaining("nope");
    }

    @Test
    void theLoadingCutOffAndDecimalsAreOptions() {
        Fixtures.Analysed a = Fixtures.henan();
        ReportRenderer two = new ReportRenderer(new ReportOptions(null, List.of(), 2, 0.30, null), warnings::add);
        String html = two.html(a.study(), a.results());
        assertThat(html).contains("绝对值小于 .30 的载荷未显示").contains(".88</td>").contains("2834.59</td>");
    }

    @Test
    void configuredFontsAreUsed() throws IOException {
        FontDiscovery.Found found = FontDiscovery.discover();
        assumeTrue(found.cjk() != null, "needs a CJK TrueType font");
        Fixtures.Analysed a = Fixtures.bfi();
        ReportRenderer configured = new ReportRenderer(
                ReportOptions.defaults().withFonts(List.of(Path.of(found.cjk().openPdfPath()))), warnings::add);
        List<PDFont> fonts = fonts(configured.pdf(a.study(), a.results()));
        assertThat(fonts).hasSize(1);
        assertThat(fonts.get(0).isEmbedded()).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void withoutACjkFontTheChineseReportFallsBackToStSongWithAWarning() {
        Fixtures.Analysed a = Fixtures.henan();
        PdfFonts fonts = PdfFonts.discovered(a.study(), a.results(), new FontDiscovery.Found(null, List.of()),
                warnings::add);
        assertThat(fonts.cjkFallback()).isTrue();
        assertThat(warnings).singleElement().asString().contains("No CJK TrueType font", "fonts-wqy-microhei",
                "configure");
        String text = compact(text(renderer.pdf(a.study(), a.results(), null, fonts)));
        assertThat(text).contains("表1问卷变量与测量项", "研究假设检验结果汇总");
    }

    @Test
    void englishReportsPreferASerifFontAndNeedNoCjkFont() {
        Fixtures.Analysed a = Fixtures.bfi();
        FontDiscovery.Face serif = new FontDiscovery.Face(Path.of("serif.ttf"), 0);
        PdfFonts fonts = PdfFonts.discovered(a.study(), a.results(), new FontDiscovery.Found(null, List.of(serif)),
                warnings::add);
        assertThat(fonts.cjkFallback()).isFalse();
        assertThat(fonts.cssFamily()).startsWith("'" + PdfFonts.SERIF_ALIAS + "'");
        assertThat(warnings).isEmpty();
    }

    @Test
    void onlyTheFontsTheTextNeedsAreRead() {
        FontDiscovery.Face cjk = new FontDiscovery.Face(Path.of("cjk.ttc"), 0);
        FontDiscovery.Face serif = new FontDiscovery.Face(Path.of("serif.ttf"), 0);
        FontDiscovery.Found both = new FontDiscovery.Found(cjk, List.of(serif));
        // English text: the serif font only, no 5 MB CJK collection
        Fixtures.Analysed en = Fixtures.bfi();
        assertThat(PdfFonts.discovered(en.study(), en.results(), both, warnings::add).registrations())
                .extracting(PdfFonts.Registration::path).containsExactly("serif.ttf");
        // Chinese text: the CJK font sets all of it, Latin and Greek included
        Fixtures.Analysed zh = Fixtures.henan();
        PdfFonts chinese = PdfFonts.discovered(zh.study(), zh.results(), both, warnings::add);
        assertThat(chinese.registrations()).extracting(PdfFonts.Registration::path).containsExactly("cjk.ttc,0");
        assertThat(chinese.figureFamily()).isEqualTo("'" + PdfFonts.CJK_ALIAS + "', serif");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aWarmRenderIsFast() {
        Fixtures.Analysed a = Fixtures.henan();
        renderer.pdf(a.study(), a.results());
        long start = System.nanoTime();
        renderer.html(a.study(), a.results());
        renderer.pdf(a.study(), a.results());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("warm HTML + PDF render of the Chinese example: " + millis + " ms");
        assertThat(millis).as("warm render time (ms)").isLessThan(15_000);
    }

    // ---- helpers ----

    /** The text line by line as it is laid out (italic symbols in place, as pdftotext reads them). */
    private static String positionalText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<PDFont> fonts(byte[] pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (seen.add(font.getName())) {
                        fonts.add(font);
                    }
                }
            }
        }
        return fonts;
    }

    private static String compact(String text) {
        return text.replaceAll("[\\s\u00A0]+", "");
    }

    private static Object null_() {
        return ResultsCopies.NULL;
    }

    /** A copy of the results with some components replaced. */
    private static Results with(Results results, Map<String, Object> replacements) {
        return ResultsCopies.with(results, replacements);
    }
}
