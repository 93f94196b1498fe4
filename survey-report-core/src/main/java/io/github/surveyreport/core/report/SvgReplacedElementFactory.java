package io.github.surveyreport.core.report;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Point;
import java.util.function.Consumer;
import org.w3c.dom.Element;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.ReplacedElementFactory;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextFSImage;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.simple.extend.FormSubmissionListener;

/**
 * Draws inline {@code <svg>} elements as PDF vector graphics with {@link SvgPdfPainter}: the
 * drawing goes onto a {@link PdfTemplate} at paint time and is placed like an image, and its
 * text is real text in the PDF's fonts. Flying Saucer's own SVG support rasterises and is never
 * used. The element must be {@code display: block} with a CSS width; the height follows the
 * viewBox's aspect ratio unless CSS sets it. Everything else goes to the wrapped factory.
 */
final class SvgReplacedElementFactory implements ReplacedElementFactory {
    /** SVG's default viewport, used when the element gives neither a viewBox nor a size. */
    private static final double[] DEFAULT_VIEWPORT = {0, 0, 300, 150};

    private final ReplacedElementFactory delegate;
    private final Consumer<String> warnings;

    SvgReplacedElementFactory(ReplacedElementFactory delegate, Consumer<String> warnings) {
        this.delegate = delegate;
        this.warnings = warnings;
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac,
                                                 int cssWidth, int cssHeight) {
        Element element = box.getElement();
        if (element != null && "svg".equals(SvgPdfPainter.localName(element))
                && (element.getNamespaceURI() == null || SvgPdfPainter.SVG_NS.equals(element.getNamespaceURI()))) {
            double[] viewBox = viewBox(element);
            // Flying Saucer lays out in dots (20 per CSS pixel in a PDF)
            int width = cssWidth > 0 ? cssWidth : (int) Math.round(viewBox[2] * 20);
            int height = cssHeight > 0 ? cssHeight : (int) Math.round(width * viewBox[3] / viewBox[2]);
            return new SvgElement(element, viewBox, width, height, warnings);
        }
        return delegate.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }

    /** The viewBox, else {@code 0 0 width height}, else SVG's default 300 × 150. */
    static double[] viewBox(Element svg) {
        double[] box = SvgValues.numbers(svg.getAttribute("viewBox"));
        if (box.length == 4 && box[2] > 0 && box[3] > 0) {
            return box;
        }
        double width = SvgValues.number(svg, "width", 0);
        double height = SvgValues.number(svg, "height", 0);
        if (width > 0 && height > 0) {
            return new double[] {0, 0, width, height};
        }
        return DEFAULT_VIEWPORT.clone();
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public void remove(Element e) {
        delegate.remove(e);
    }

    @Override
    public void setFormSubmissionListener(FormSubmissionListener listener) {
        delegate.setFormSubmissionListener(listener);
    }

    /** A laid-out SVG that paints itself as PDF vector graphics. */
    private static final class SvgElement implements ITextReplacedElement {
        private final Element svg;
        private final double[] viewBox;
        private final int width;
        private final int height;
        private final Consumer<String> warnings;
        private Point location = new Point(0, 0);

        SvgElement(Element svg, double[] viewBox, int width, int height, Consumer<String> warnings) {
            this.svg = svg;
            this.viewBox = viewBox;
            this.width = width;
            this.height = height;
            this.warnings = warnings;
        }

        @Override
        public void paint(RenderingContext c, ITextOutputDevice outputDevice, BlockBox box) {
            PdfContentByte page = outputDevice.getCurrentPage();
            PdfTemplate template = page.createTemplate((float) viewBox[2], (float) viewBox[3]);
            new SvgPdfPainter((ITextFontResolver) c.getFontResolver(), warnings).paint(svg, template, viewBox);
            Image image;
            try {
                image = Image.getInstance(template);
            } catch (BadElementException e) {
                throw new IllegalStateException("cannot place SVG figure", e);
            }
            java.awt.Rectangle content = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
            ITextFSImage fsImage = new ITextFSImage(image);
            fsImage = (ITextFSImage) fsImage.scale(content.width, content.height);
            outputDevice.drawImage(fsImage, content.x, content.y);
        }

        @Override
        public int getIntrinsicWidth() {
            return width;
        }

        @Override
        public int getIntrinsicHeight() {
            return height;
        }

        @Override
        public Point getLocation() {
            return location;
        }

        @Override
        public void setLocation(int x, int y) {
            location = new Point(x, y);
        }

        @Override
        public void detach(LayoutContext c) {
        }

        @Override
        public boolean isRequiresInteractivePaint() {
            return false;
        }

        @Override
        public boolean hasBaseline() {
            return false;
        }

        @Override
        public int getBaseline() {
            return 0;
        }
    }
}
