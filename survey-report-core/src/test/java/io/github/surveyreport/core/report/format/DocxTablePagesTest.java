package io.github.surveyreport.core.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.report.ManyConstructs;
import io.github.surveyreport.core.report.ReportOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Long and wide tables in the DOCX: Word lays the pages out itself, so the document says how
 * tables behave at a page break (header rows repeat, rows do not split, group labels keep with
 * their rows), and a table too wide for portrait gets a landscape section of its own.
 */
class DocxTablePagesTest {
    private static String documentXml(boolean zh) throws IOException {
        RenderedReport report = new RenderedReport(ManyConstructs.study(zh), ManyConstructs.results(zh),
                ReportOptions.defaults(), Map.of(), w -> { });
        byte[] docx = ReportFormats.DOCX.write(report);
        Path out = Path.of("target/manuscript-formats");
        Files.createDirectories(out);
        Files.write(out.resolve("many-constructs-" + (zh ? "zh" : "en") + ".docx"), docx);
        return new String(ManuscriptFormatsTest.unzip(docx).get("word/document.xml"), StandardCharsets.UTF_8);
    }

    @Test
    void groupLabelsKeepWithTheirRowsAndHeadersRepeat() throws IOException {
        String xml = documentXml(true);
        // the item-total table's construct rows: keepNext on their paragraphs, so a label never ends a page alone
        String group = java.util.Arrays.stream(xml.split("<w:tr>"))
                .filter(row -> row.contains(">构念7<") && row.contains("（α")).findFirst().orElseThrow();
        assertThat(group).contains("<w:keepNext/>");
        for (String table : xml.split("<w:tbl>")) {
            if (table.contains(">K1_1<")) { // the long tables, with a row per item
                assertThat(table).contains("<w:tblHeader/>", "<w:cantSplit/>");
            }
        }
        // a construct's items keep together (its label is then on the page of all its rows) ...
        String inner = java.util.Arrays.stream(xml.split("<w:tr>")).filter(row -> row.contains(">K7_2<")
                && row.contains("</w:tr>") && !row.contains("<w:vMerge")).findFirst().orElseThrow();
        assertThat(inner).contains("<w:keepNext/>");
        // ... but an item row that ends its construct does not keep with the next construct
        String last = java.util.Arrays.stream(xml.split("<w:tr>")).filter(row -> row.contains(">K7_4<")
                && row.contains("</w:tr>") && !row.contains("<w:vMerge")).findFirst().orElseThrow();
        assertThat(last).doesNotContain("<w:keepNext/>");
    }

    @Test
    void aTableTooWideForThePortraitPageGetsALandscapeSection() throws IOException {
        String xml = documentXml(true);
        String landscape = "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>";
        String portrait = "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>";
        int correlations = xml.indexOf("描述性统计与相关分析");
        assertThat(correlations).isPositive();
        // the section before the table ends portrait, the table's section ends landscape, the document portrait
        int before = xml.lastIndexOf("<w:sectPr>", correlations);
        int after = xml.indexOf("<w:sectPr>", correlations);
        assertThat(xml.substring(before, xml.indexOf("</w:sectPr>", before))).contains(portrait);
        assertThat(xml.substring(after, xml.indexOf("</w:sectPr>", after))).contains(landscape);
        assertThat(xml.indexOf("</w:tbl>", correlations)).isLessThan(after);
        assertThat(xml.substring(xml.lastIndexOf("<w:sectPr>"))).contains(portrait);
        // the landscape table is laid out on the landscape text width (wider than portrait's 9026)
        Matcher width = Pattern.compile("<w:tblW w:w=\"(\\d+)\"").matcher(xml.substring(correlations));
        assertThat(width.find()).isTrue();
        assertThat(Integer.parseInt(width.group(1))).isGreaterThan(9026);
    }
}
