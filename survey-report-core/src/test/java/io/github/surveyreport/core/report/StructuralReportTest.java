package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.results.PostHoc;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The reports of the structural analyses: group differences, hierarchical regression, mediation, moderation. */
class StructuralReportTest {
    private final ReportRenderer renderer = new ReportRenderer(ReportOptions.defaults(), w -> { });

    @Test
    void englishTablesInHtmlAndPdf() throws IOException {
        Fixtures.Analysed a = Fixtures.structural(false);
        String html = renderer.html(a.study(), a.results());
        byte[] pdf = renderer.pdf(a.study(), a.results());
        Files.writeString(Fixtures.output("structural-en.html"), html);
        Files.write(Fixtures.output("structural-en.pdf"), pdf);
        String text = compact(text(pdf));
        for (String s : List.of(html, text)) {
            // tags are stripped from the HTML only: the PDF's text has "<" and ">" of its own (p < .001, 4 > 3)
            String plain = s == html ? s.replaceAll("<[^>]+>", "") : s;
            String c = compact(plain.replace("&apos;", "'").replace("&#160;", " ").replace("&lt;", "<").replace("&gt;", ">"));
            assertThat(c).contains(compact("Differences by Gender: Independent-Samples t Tests"),
                    compact("Differences by Education: One-Way Analysis of Variance"),
                    compact("Hierarchical Regression Analysis Predicting Neuroticism"),
                    compact("Mediation Analysis: Effect of Conscientiousness on Agreeableness Through Extraversion (Bootstrap)"),
                    compact("Moderation Analysis: Openness as a Moderator of the Effect of Extraversion on Agreeableness"),
                    compact("Simple Slopes of Extraversion Predicting Agreeableness at Levels of Openness"),
                    compact("Games–Howell"), "Levene", compact("Welch's t test"),
                    compact("4.40 ± 0.98"),            // M ± SD of agreeableness among men (APA: two decimals)
                    compact("−5.73***"),               // Welch's t: Levene's p = .005
                    compact("Model 3"), "ΔR²", "ΔF",
                    compact("[0.06, 0.14]"),           // the percentile interval of the indirect effect
                    compact("37.0%"),                  // proportion mediated
                    compact("1000 resamples (seed 20240101)"),
                    compact("Johnson–Neyman"),
                    compact("ab = 0.10"), "Reported");
        }
        assertThat(html).contains("<th>95% CI</th>");
        // APA 7: F with its degrees of freedom, in the regression and the hierarchical table
        assertThat(html).contains("<tr><td class=\"text\"><i>df</i></td><td class=\"num\">2, 528</td><td class=\"num\">4, 526</td></tr>")
                .contains("<td class=\"text\">Δ<i>F</i> <i>df</i></td>");
    }

    @Test
    void chineseTablesInHtmlAndPdf() throws IOException {
        Fixtures.Analysed a = Fixtures.structural(true);
        String html = renderer.html(a.study(), a.results());
        byte[] pdf = renderer.pdf(a.study(), a.results());
        Files.writeString(Fixtures.output("structural-zh.html"), html);
        Files.write(Fixtures.output("structural-zh.pdf"), pdf);
        String text = compact(text(pdf));
        for (String s : List.of(html, text)) {
            // tags are stripped from the HTML only: the PDF's text has "<" and ">" of its own (p < .001, 4 > 3)
            String plain = s == html ? s.replaceAll("<[^>]+>", "") : s;
            String c = compact(plain.replace("&apos;", "'").replace("&#160;", " ").replace("&lt;", "<").replace("&gt;", ">"));
            assertThat(c).contains(compact("差异分析（独立样本 t 检验）"), compact("差异分析（单因素方差分析）"),
                    compact("分层回归分析结果（因变量：Neuroticism）"), compact("中介效应检验（Bootstrap）"),
                    compact("调节效应检验"), compact("简单斜率图"), "事后比较", "效应占比", "Levene", "模型3",
                    "论文结论", compact("随机种子 20240101"));
        }
    }

    @Test
    void aHypothesisWhoseClaimDiffersShowsTheClaim() {
        Fixtures.Analysed a = Fixtures.structural(false);
        String html = renderer.html(a.study(), a.results());
        String table = html.substring(html.indexOf("Summary of Hypothesis Tests"));
        table = table.substring(0, table.indexOf("</table>"));
        // H4 (interaction, not significant) is reported as supported: the claim is shown
        String h4 = table.substring(table.indexOf("<td class=\"narrow text\">H4"));
        h4 = h4.substring(0, h4.indexOf("</tr>"));
        assertThat(h4).contains("<i>b</i> = 0.07", ".065", "Not supported", "Supported<sup>†</sup>");
        // H2: not supported, as the manuscript says: no claim shown
        String h2 = table.substring(table.indexOf("<td class=\"narrow text\">H2"));
        h2 = h2.substring(0, h2.indexOf("</tr>"));
        assertThat(h2).contains("Not supported").doesNotContain("†");
    }

    @Test
    void posthocSummaryListsSignificantPairsLargerMeanFirst() {
        List<String> groups = List.of("a", "b", "c");
        PostHoc posthoc = new PostHoc("tukey", List.of(
                new PostHoc.Comparison("a", "b", 0.1, 0.1, 0.40, -0.1, 0.3),
                new PostHoc.Comparison("a", "c", 0.8, 0.1, 0.001, 0.5, 1.1),
                new PostHoc.Comparison("b", "c", -0.5, 0.1, 0.03, -0.8, -0.2)));
        assertThat(StructuralReport.posthocSummary(groups, posthoc, 0.05)).containsExactly("1\u00a0>\u00a03", "3\u00a0>\u00a02"); // no break inside a pair
        assertThat(StructuralReport.posthocSummary(groups, posthoc, 0.01)).containsExactly("1\u00a0>\u00a03");
        PostHoc nan = new PostHoc("games-howell", List.of(new PostHoc.Comparison("a", "b", 0.1, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN)));
        assertThat(StructuralReport.posthocSummary(groups, nan, 0.05)).isEmpty();
    }

    @Test
    void simpleSlopesPlotUsesOnlyWhatThePdfPainterDraws() {
        Fixtures.Analysed a = Fixtures.structural(false);
        String svg = new SimpleSlopesPlot(a.study(), a.results(), a.results().moderation().get(0),
                new NumberFormats(3), "serif").svg();
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
                .contains("viewBox=", "style=\"width: ", "Extraversion", "Agreeableness", "Openness",
                        "−1 SD", "+1 SD", ">M<")
                .doesNotContain("marker", "Gradient", "<use", "dominant-baseline", "transform");
        // three lines with two points each, plus the legend's samples: solid, dashed, dotted
        assertThat(svg.split("<circle", -1)).hasSize(7);
        assertThat(svg).contains("stroke-dasharray=\"7,4\"", "stroke-dasharray=\"2,3\"");
        assertThat(SimpleSlopesPlot.ticks(3.9, 5.1)).containsExactly(3.75, 4.0, 4.25, 4.5, 4.75, 5.0, 5.25);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }
}
