package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Long tables across pages (a continued caption, the header again, the group's label) and
 * tables too wide for a portrait page (a landscape page), in the PDF of a study with twelve
 * constructs.
 */
class TablePagesTest {
    private final ReportRenderer renderer = new ReportRenderer(ReportOptions.defaults(), w -> { });

    /** One page: its text (sorted by position) and whether it is landscape. */
    record Page(String text, boolean landscape) {
        List<String> lines() {
            return Arrays.asList(text.split("\\R"));
        }
    }

    @Test
    void chineseTablesGoOnWithTheirCaptionHeaderAndGroupLabel() throws IOException {
        assumeTrue(FontDiscovery.discover().cjk() != null, "needs a CJK TrueType font");
        List<Page> pages = pages(pdf(true));
        String all = String.join("\n", pages.stream().map(Page::text).toList());
        String itemTotal = number(all, "表(\\d+) 项总计统计");
        List<Page> continued = pages.stream().filter(p -> p.lines().get(0).strip().equals("表" + itemTotal + "（续）"))
                .toList();
        assertThat(continued).as("pages going on with the item-total table").isNotEmpty();
        for (Page page : continued) {
            // the header again, and before the first item a construct's label (its group row, or the label continued)
            assertThat(page.text()).contains("删除项后的", "Cronbach's α");
            assertThat(labelBeforeFirstItem(page, "构念\\d+（")).as(page.text()).isTrue();
        }
        // the rotated component matrix, cut inside a construct: the label goes on, marked as continued
        String validity = number(all, "表(\\d+) 效度结果分析");
        assertThat(pages.stream().filter(p -> p.text().startsWith("表" + validity + "（续）")))
                .anyMatch(p -> Pattern.compile("构念\\d+（续）").matcher(p.text()).find());
    }

    @Test
    void englishTablesGoOnWithTheirCaptionHeaderAndGroupLabel() throws IOException {
        List<Page> pages = pages(pdf(false));
        String all = String.join("\n", pages.stream().map(Page::text).toList());
        String itemTotal = number(all, "Table (\\d+)\\s+Item–Total Statistics");
        List<Page> continued = pages.stream()
                .filter(p -> p.lines().get(0).strip().equals("Table " + itemTotal + " (continued)")).toList();
        assertThat(continued).isNotEmpty();
        for (Page page : continued) {
            assertThat(page.text()).contains("Scale mean if");
            assertThat(labelBeforeFirstItem(page, "Construct \\d+ \\(")).as(page.text()).isTrue();
        }
        assertThat(all).containsPattern("Construct \\d+ \\(continued\\)");
    }

    @Test
    void aTableTooWideForThePortraitPageGoesOnALandscapePage() throws IOException {
        assumeTrue(FontDiscovery.discover().cjk() != null, "needs a CJK TrueType font");
        List<Page> pages = pages(pdf(true));
        // twelve constructs: the correlation table has fifteen columns
        Page correlations = pages.stream().filter(p -> p.text().contains("描述性统计与相关分析")).findFirst().orElseThrow();
        assertThat(correlations.landscape()).isTrue();
        assertThat(correlations.text()).contains("12. 构念12", "(.8");
        // the page before and after are portrait: only the table turns
        int at = pages.indexOf(correlations);
        assertThat(pages.get(at - 1).landscape()).isFalse();
        assertThat(pages.get(at + 1).landscape()).isFalse();
        // and the portrait tables stay portrait
        assertThat(pages.stream().filter(p -> p.text().contains("项总计统计")).findFirst().orElseThrow().landscape())
                .isFalse();
    }

    @Test
    void theWidthRuleShrinksThenTurns() {
        assertThat(TableFit.fit(40, false)).isEqualTo(TableFit.Fit.NORMAL);          // 380 pt
        assertThat(TableFit.fit(53, false)).isEqualTo(TableFit.Fit.WIDE);            // 504 pt, 450.5 pt smaller
        assertThat(TableFit.fit(53, true)).isEqualTo(TableFit.Fit.NORMAL);           // already smaller
        assertThat(TableFit.fit(60, false)).isEqualTo(TableFit.Fit.LANDSCAPE);       // 510 pt even smaller
    }

    @Test
    void theSplitPdfIsTheSameEveryTime() {
        assertThat(pdf(false)).isEqualTo(pdf(false));
    }

    private byte[] pdf(boolean zh) {
        byte[] pdf = renderer.pdf(ManyConstructs.study(zh), ManyConstructs.results(zh));
        try {
            Files.createDirectories(Fixtures.output(""));
            Files.write(Fixtures.output("many-constructs-" + (zh ? "zh" : "en") + ".pdf"), pdf);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pdf;
    }

    private static String number(String text, String caption) {
        Matcher m = Pattern.compile(caption).matcher(text);
        assertThat(m.find()).as(caption).isTrue();
        return m.group(1);
    }

    /** Whether a line with a group's label comes before the page's first item row (K1_1 …). */
    private static boolean labelBeforeFirstItem(Page page, String label) {
        Pattern item = Pattern.compile("^K\\d+_\\d\\b");
        Pattern group = Pattern.compile("^" + label);
        for (String line : page.lines()) {
            if (group.matcher(line.strip()).find()) {
                return true;
            }
            if (item.matcher(line.strip()).find()) {
                return false;
            }
        }
        return false;
    }

    static List<Page> pages(byte[] pdf) throws IOException {
        List<Page> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                PDPage page = document.getPage(p - 1);
                pages.add(new Page(stripper.getText(document).strip(),
                        page.getMediaBox().getWidth() > page.getMediaBox().getHeight()));
            }
        }
        return pages;
    }
}
