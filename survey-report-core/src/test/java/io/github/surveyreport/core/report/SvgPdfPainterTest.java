package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xhtmlrenderer.pdf.ITextFontResolver;

class SvgPdfPainterTest {

    private final List<String> warnings = new ArrayList<>();

    /** Paints the SVG onto one page and returns the PDF. */
    private byte[] paint(String svg) throws Exception {
        FontDiscovery.Found found = FontDiscovery.discover();
        assumeTrue(found.cjk() != null, "needs a CJK TrueType font (fonts-wqy-microhei)");
        ITextFontResolver fonts = new ITextFontResolver();
        fonts.addFont(found.cjk().openPdfPath(), "Report CJK", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, null);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg))).getDocumentElement();
        double[] viewBox = SvgReplacedElementFactory.viewBox(root);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.open();
        PdfContentByte page = writer.getDirectContent();
        PdfTemplate template = page.createTemplate((float) viewBox[2], (float) viewBox[3]);
        new SvgPdfPainter(fonts, warnings::add).paint(root, template, viewBox);
        page.addTemplate(template, 50, 500);
        document.close();
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void textIsRealTextInTheRegisteredFontWithPerCharacterFallback() throws Exception {
        byte[] pdf = paint("""
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" font-family="'Missing Font', 'Report CJK', serif" font-size="13">
                  <rect x="10" y="10" width="80" height="30" rx="4" fill="#fff" stroke="#000" stroke-width="1.2"/>
                  <text x="50" y="30" text-anchor="middle">数智化 β = .344***</text>
                  <text x="10" y="80" font-weight="bold">R² = −.05</text>
                </svg>""");
        String text = text(pdf);
        assertThat(text).contains("数智化 β = .344***").contains("R² = −.05");
        assertThat(warnings).isEmpty();
    }

    @Test
    void everyShapeIsDrawnAndUnsupportedContentIsReportedOncePerKind() throws Exception {
        paint("""
                <svg xmlns="http://www.w3.org/2000/svg" width="120" height="60">
                  <defs><marker id="m"/></defs>
                  <g transform="translate(5 5) scale(2)" stroke="navy" fill="none" style="stroke-width: 0.5; opacity: .5">
                    <circle cx="10" cy="10" r="5"/>
                    <ellipse cx="20" cy="10" rx="5" ry="3" fill="rgb(255, 0, 0)"/>
                    <line x1="0" y1="0" x2="10" y2="10" stroke-dasharray="2"/>
                    <polyline points="0,0 5,5 10,0"/>
                    <polygon points="0 0 5 5 10 0" fill-rule="evenodd" fill="silver"/>
                    <path d="M0 0 A5 5 0 0 1 10 0" marker-end="url(#m)"/>
                    <image href="photo.png" width="10" height="10"/>
                    <image href="other.png" width="10" height="10"/>
                    <path d="M0 0 L 5"/>
                  </g>
                  <rect width="10" height="10" fill="url(#gradient)"/>
                  <text x="0" y="50" display="none">hidden</text>
                </svg>""");
        assertThat(warnings).hasSize(5);
        assertThat(warnings.get(0)).startsWith("The PDF figure leaves out <defs>");
        assertThat(String.join("\n", warnings))
                .contains("the marker-end attribute")
                .contains("<image>")
                .contains("the rest of a path whose data it cannot read (expected a number at position 9 in \"M0 0 L 5\")")
                .contains("the paint fill=\"url(#gradient)\" (drawn black)");
    }

    @Test
    void italicTextWithoutAnItalicFaceIsSlantedAndBaselineAttributesAreReported() throws Exception {
        byte[] pdf = paint("""
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40" font-family="'Report CJK'">
                  <text x="10" y="20" font-style="italic" dominant-baseline="middle">p</text>
                </svg>""");
        assertThat(text(pdf)).contains("p");
        // the only text matrix: the y flip of the canvas, with the 12 degree slant
        List<float[]> matrices = textMatrices(pdf);
        assertThat(matrices).hasSize(1);
        float[] matrix = matrices.get(0);
        assertThat(matrix[2]).isCloseTo((float) Math.tan(Math.toRadians(12)), within(1e-4f));
        assertThat(matrix[3]).isEqualTo(-1f);
        assertThat(warnings).singleElement().asString().startsWith("The PDF figure leaves out the dominant-baseline attribute.");
    }

    @Test
    void anItalicTspanSlantsOnlyItsOwnPartOfTheLine() throws Exception {
        byte[] pdf = paint("""
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40" font-family="'Report CJK'" font-size="13">
                  <text x="100" y="20" text-anchor="middle"> <tspan font-style="italic">R</tspan>² = .587 </text>
                </svg>""");
        assertThat(text(pdf)).contains("R² = .587");
        // two runs: the slanted R, then the upright rest, which starts where the R ends
        List<float[]> matrices = textMatrices(pdf);
        assertThat(matrices).hasSize(2);
        assertThat(matrices.get(0)[2]).isCloseTo((float) Math.tan(Math.toRadians(12)), within(1e-4f));
        assertThat(matrices.get(1)[2]).isZero();
        assertThat(matrices.get(1)[4]).isGreaterThan(matrices.get(0)[4] + 5);
        assertThat(warnings).isEmpty();
    }

    private static List<float[]> textMatrices(byte[] pdf) throws IOException {
        List<float[]> matrices = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDStream stream = new PDStream(document.getPage(0).getResources().getXObject(
                    document.getPage(0).getResources().getXObjectNames().iterator().next()).getCOSObject());
            List<Object> tokens = new PDFStreamParser(stream.toByteArray()).parse();
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i) instanceof Operator op && op.getName().equals("Tm")) {
                    float[] m = new float[6];
                    for (int k = 0; k < 6; k++) {
                        m[k] = ((COSNumber) tokens.get(i - 6 + k)).floatValue();
                    }
                    matrices.add(m);
                }
            }
        }
        return matrices;
    }

    @Test
    void transformsFollowTheSvgDefinitions() {
        // rotate(90, 10, 0) maps (20, 0) to (10, 10)
        double[] m = SvgValues.matrix("rotate", new double[] {90, 10, 0});
        assertThat(m[0] * 20 + m[2] * 0 + m[4]).isCloseTo(10, within(1e-12));
        assertThat(m[1] * 20 + m[3] * 0 + m[5]).isCloseTo(10, within(1e-12));
        assertThat(SvgValues.matrix("translate", new double[] {3})).containsExactly(1, 0, 0, 1, 3, 0);
        assertThat(SvgValues.matrix("scale", new double[] {2})).containsExactly(2, 0, 0, 2, 0, 0);
        assertThat(SvgValues.matrix("skewY", new double[] {1, 2})).isNull();
        assertThat(SvgValues.length("12pt", 16)).isCloseTo(16, within(1e-12));
        assertThat(SvgValues.length("2em", 13)).isEqualTo(26);
    }
}
