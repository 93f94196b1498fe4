package io.github.surveyreport.core.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.report.ManyConstructs;
import io.github.surveyreport.core.report.ReportOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long and wide tables in the LaTeX, on the 12-construct study whose item tables run over
 * pages and whose component matrix and correlation table are too wide for portrait: a longtable's later pages say
 * "Table N (continued)" / "表N（续）", the wide table sits in a landscape environment (the
 * decision the PDF and the DOCX take), and the document compiles with XeLaTeX where it is
 * installed, with the continued caption and a landscape page in the PDF.
 */
class LatexTablePagesTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void longTablesSayTheyContinueAndWideOnesTurnThePage(boolean zh) throws Exception {
        RenderedReport report = new RenderedReport(ManyConstructs.study(zh), ManyConstructs.results(zh),
                ReportOptions.defaults(), Map.of(), w -> { });
        String tex = new String(ReportFormats.LATEX.write(report), StandardCharsets.UTF_8);
        String continued = zh ? "}{l}{表" : "}{l}{\\textit{Table ";
        assertThat(tex).contains("\\usepackage{array,booktabs,longtable,threeparttable,pdflscape}");
        int longtable = tex.indexOf("\\begin{longtable}");
        assertThat(longtable).isPositive();
        String first = tex.substring(longtable, tex.indexOf("\\end{longtable}", longtable));
        assertThat(first).contains("\\endfirsthead\n\\multicolumn{").contains(continued)
                .contains(zh ? "（续）}\\\\\n\\toprule" : " (continued)}}\\\\\n\\toprule");
        int landscape = tex.indexOf("\\begin{landscape}");
        assertThat(landscape).isPositive();
        String turned = tex.substring(landscape, tex.indexOf("\\end{landscape}", landscape));
        // the first is the 12-component matrix (a longtable, continued on landscape pages)
        assertThat(turned).contains(zh ? "成分" : "Component").contains("\\begin{longtable}");
        assertThat(tex.split("\\\\begin\\{landscape\\}", -1).length - 1)
                .isEqualTo(tex.split("\\\\end\\{landscape\\}", -1).length - 1).isPositive();

        Assumptions.assumeTrue(ManuscriptFormatsTest.onPath("xelatex"), "xelatex is not installed");
        Path dir = Files.createTempDirectory("tex-pages");
        Files.writeString(dir.resolve("many.tex"), tex);
        Process p = new ProcessBuilder("xelatex", "-interaction=nonstopmode", "-halt-on-error", "many.tex")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("many.log"), StandardCharsets.ISO_8859_1);
        assertThat(p.exitValue()).as(log.substring(Math.max(0, log.indexOf("\n!")))).isZero();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("many.pdf").toFile())) {
            boolean anyLandscape = false;
            for (var page : pdf.getPages()) {
                var box = page.getMediaBox();
                anyLandscape |= box.getWidth() > box.getHeight() || page.getRotation() % 180 != 0;
            }
            assertThat(anyLandscape).as("a page turned for the wide table").isTrue();
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains(zh ? "（续）" : "(continued)");
        }
    }
}
