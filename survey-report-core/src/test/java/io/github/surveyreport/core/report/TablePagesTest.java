package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Long tables across pages (continued caption, header, group label) and wide tables (landscape) in the PDF. */
class TablePagesTest {
    private final ReportRenderer renderer = new ReportRenderer(ReportOptions.defaults(), w -> { });

    @Test
    void dump() throws IOException {
        assumeTrue(FontDiscovery.discover().cjk() != null, "needs a CJK TrueType font");
        for (boolean zh : new boolean[] {true, false}) {
            byte[] pdf = renderer.pdf(ManyConstructs.study(zh), ManyConstructs.results(zh));
            Files.createDirectories(Fixtures.output(""));
            Files.write(Fixtures.output("many-constructs-" + (zh ? "zh" : "en") + ".pdf"), pdf);
            for (String page : pages(pdf)) {
                System.out.println("=====\n" + page);
            }
        }
    }

    static List<String> pages(byte[] pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                PDPage page = document.getPage(p - 1);
                String orientation = page.getMediaBox().getWidth() > page.getMediaBox().getHeight() ? "[landscape]\n" : "";
                pages.add(orientation + stripper.getText(document));
            }
        }
        return pages;
    }
}
