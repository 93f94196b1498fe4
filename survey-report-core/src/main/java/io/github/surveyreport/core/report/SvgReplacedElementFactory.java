package io.github.surveyreport.core.report;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Graphics2D;
import java.awt.Point;
import java.io.StringReader;
import java.io.StringWriter;
import java.awt.geom.Rectangle2D;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.util.XMLResourceDescriptor;
import org.w3c.dom.Element;
import org.w3c.dom.svg.SVGDocument;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.ReplacedElementFactory;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextFSImage;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.simple.extend.FormSubmissionListener;

/**
 * Draws inline {@code <svg>} elements as vector graphics: Batik builds the graphic, which is
 * painted onto an OpenPDF {@link PdfTemplate} at paint time (text becomes outlines) and placed
 * like an image. Flying Saucer's own SVG support rasterises and is never used. The element must
 * be {@code display: block} with a CSS width; the height follows the viewBox's aspect ratio
 * unless CSS sets it. Everything else goes to the wrapped factory.
 */
final class SvgReplacedElementFactory implements ReplacedElementFactory {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private final ReplacedElementFactory delegate;

    SvgReplacedElementFactory(ReplacedElementFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac,
                                                 int cssWidth, int cssHeight) {
        Element element = box.getElement();
        if (element != null && "svg".equals(localName(element))
                && (element.getNamespaceURI() == null || SVG_NS.equals(element.getNamespaceURI()))) {
            return create(element, cssWidth, cssHeight);
        }
        return delegate.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }

    private static String localName(Element element) {
        String local = element.getLocalName();
        return local != null ? local : element.getNodeName();
    }

    private static ReplacedElement create(Element element, int cssWidth, int cssHeight) {
        String markup = serialize(element);
        SVGDocument document;
        try {
            SAXSVGDocumentFactory factory = new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName());
            document = factory.createSVGDocument("about:figure.svg", new StringReader(markup));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("invalid inline SVG: " + e.getMessage(), e);
        }
        float[] viewBox = viewBox(document.getRootElement().getAttribute("viewBox"));
        if (viewBox != null) {
            // without width and height Batik would fit the viewBox into a default viewport
            if (document.getRootElement().getAttribute("width").isEmpty()) {
                document.getRootElement().setAttribute("width", Float.toString(viewBox[2]));
            }
            if (document.getRootElement().getAttribute("height").isEmpty()) {
                document.getRootElement().setAttribute("height", Float.toString(viewBox[3]));
            }
        }
        UserAgentAdapter agent = new UserAgentAdapter();
        BridgeContext context = new BridgeContext(agent);
        context.setDynamic(false);
        GraphicsNode node = new GVTBuilder().build(context, document);
        float viewWidth = (float) context.getDocumentSize().getWidth();
        float viewHeight = (float) context.getDocumentSize().getHeight();
        if (viewWidth <= 0 || viewHeight <= 0) {
            Rectangle2D bounds = node.getPrimitiveBounds();
            viewWidth = bounds == null ? 100 : (float) bounds.getMaxX();
            viewHeight = bounds == null ? 100 : (float) bounds.getMaxY();
        }
        int width = cssWidth > 0 ? cssWidth : Math.round(viewWidth * 20);
        int height = cssHeight > 0 ? cssHeight : Math.round(width * viewHeight / viewWidth);
        return new SvgElement(node, viewWidth, viewHeight, width, height);
    }

    private static float[] viewBox(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            return null;
        }
        String[] parts = attribute.trim().split("[\\s,]+");
        if (parts.length != 4) {
            return null;
        }
        try {
            float[] box = new float[4];
            for (int i = 0; i < 4; i++) {
                box[i] = Float.parseFloat(parts[i]);
            }
            return box[2] > 0 && box[3] > 0 ? box : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String serialize(Element element) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            String markup = out.toString();
            if (!markup.contains("xmlns=\"" + SVG_NS + "\"")) {
                markup = markup.replaceFirst("<svg", "<svg xmlns=\"" + SVG_NS + "\"");
            }
            return markup;
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise inline SVG", e);
        }
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
        private final GraphicsNode node;
        private final float viewWidth;
        private final float viewHeight;
        private final int width;
        private final int height;
        private Point location = new Point(0, 0);

        SvgElement(GraphicsNode node, float viewWidth, float viewHeight, int width, int height) {
            this.node = node;
            this.viewWidth = viewWidth;
            this.viewHeight = viewHeight;
            this.width = width;
            this.height = height;
        }

        @Override
        public void paint(RenderingContext c, ITextOutputDevice outputDevice, BlockBox box) {
            PdfContentByte page = outputDevice.getCurrentPage();
            PdfTemplate template = page.createTemplate(viewWidth, viewHeight);
            Graphics2D g = template.createGraphicsShapes(viewWidth, viewHeight);
            try {
                node.paint(g);
            } finally {
                g.dispose();
            }
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
