package io.github.surveyreport.core.report;

import io.github.surveyreport.core.SurveyReportException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;

/** The rendered report's XHTML as a DOM, parsed safely (no external entities), for every format that reads it. */
public final class XhtmlDocument {
    private XhtmlDocument() {
    }

    /**
     * Parses the template output for Flying Saucer with the JDK's DOM builder (Flying Saucer's
     * own string input goes through an XSLT identity transform, which costs a cold build about
     * 0.1 s), into a fully built tree, since layout visits every node. Nothing is fetched: no
     * external DTDs or entities. The DOCX and LaTeX outputs read the same document.
     *
     * @param output what is being made, for the message ({@code the PDF report})
     * @throws SurveyReportException naming the line and column of the templates' output that is
     *                               not well-formed, and the line's text
     */
    public static Document parse(String xhtml, String output) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            trySetFeature(factory, "http://apache.org/xml/features/dom/defer-node-expansion", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            // the line numbers are the generated document's; its text lets the user find the template
            throw new SurveyReportException("Cannot render " + output + ": the templates' output is not well-formed "
                    + "XHTML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + sentence(e.getMessage()) + lineText(xhtml, e.getLineNumber()), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new SurveyReportException("Cannot render " + output + ": " + e.getMessage(), e);
        }
    }

    private static String sentence(String message) {
        String text = String.valueOf(message).strip();
        return text.endsWith(".") ? text : text + ".";
    }

    /** {@code " The line reads: …"} for a line of the document, shortened; empty if there is none. */
    static String lineText(String document, int lineNumber) {
        String[] lines = document.split("\n", -1);
        if (lineNumber < 1 || lineNumber > lines.length || lines[lineNumber - 1].isBlank()) {
            return "";
        }
        String line = lines[lineNumber - 1].strip();
        int max = 160;
        return " The line reads: " + (line.length() > max ? line.substring(0, max) + "…" : line);
    }

    /** A parser feature that speeds things up where the JDK's parser supports it. */
    private static void trySetFeature(DocumentBuilderFactory factory, String feature, boolean value) {
        try {
            factory.setFeature(feature, value);
        } catch (ParserConfigurationException e) {
            // another JAXP implementation: its default is fine
        }
    }

}
