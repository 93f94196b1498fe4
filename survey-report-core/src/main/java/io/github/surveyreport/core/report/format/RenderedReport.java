package io.github.surveyreport.core.report.format;

import io.github.surveyreport.core.report.ReportOptions;
import io.github.surveyreport.core.report.ReportRenderer;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A study's results rendered once for every format of a run: the templates render the XHTML
 * once, and each {@link ReportFormat} writes its file from it. Renders lazily; when both the
 * HTML and the PDF are wanted they are rendered together ({@link ReportRenderer#htmlAndPdf}, on
 * two threads). Not thread-safe: one run uses one.
 */
public final class RenderedReport {
    private final Study study;
    private final Results results;
    private final ReportOptions options;
    private final Consumer<String> warnings;
    private final Map<String, String> downloads;
    private final ReportRenderer renderer;
    private boolean htmlWithPdf;
    private byte[] html;
    private byte[] pdf;
    private String xhtml;
    private XhtmlReport document;

    /**
     * @param downloads links for the HTML page to files published beside it (e.g.
     *                  {@code PDF -> report.pdf}); may be empty
     * @param warnings  receives problems that do not stop the render
     */
    public RenderedReport(Study study, Results results, ReportOptions options, Map<String, String> downloads,
                          Consumer<String> warnings) {
        this.study = Objects.requireNonNull(study, "study");
        this.results = Objects.requireNonNull(results, "results");
        this.options = Objects.requireNonNull(options, "options");
        this.downloads = Map.copyOf(downloads);
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.renderer = new ReportRenderer(options, warnings);
    }

    public Study study() {
        return study;
    }

    public Results results() {
        return results;
    }

    public ReportOptions options() {
        return options;
    }

    public Consumer<String> warnings() {
        return warnings;
    }

    /** Render the HTML and the PDF together when both are asked for. */
    void expectHtmlAndPdf() {
        htmlWithPdf = true;
    }

    /** The HTML page (UTF-8), with the download links. */
    public byte[] html() {
        if (html == null) {
            if (htmlWithPdf && pdf == null) {
                ReportRenderer.Reports both = renderer.htmlAndPdf(study, results, downloads);
                html = both.html();
                pdf = both.pdf();
            } else {
                html = renderer.html(study, results, checks(), downloads).getBytes(StandardCharsets.UTF_8);
            }
        }
        return html;
    }

    /** The PDF. */
    public byte[] pdf() {
        if (pdf == null) {
            if (htmlWithPdf && html == null) {
                html();
            } else {
                pdf = renderer.pdf(study, results);
            }
        }
        return pdf;
    }

    /** The rendered XHTML document, without download links: what DOCX and LaTeX are made from. */
    public String xhtml() {
        if (xhtml == null) {
            xhtml = downloads.isEmpty() && html != null ? new String(html, StandardCharsets.UTF_8)
                    : renderer.html(study, results, checks());
        }
        return xhtml;
    }

    XhtmlReport document() {
        if (document == null) {
            document = XhtmlReport.read(xhtml());
        }
        return document;
    }

    private java.util.List<?> checks() {
        return results.checks();
    }
}
