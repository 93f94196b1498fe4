package io.github.surveyreport.core.report;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.internal.AtomicFiles;
import io.github.surveyreport.core.internal.Digests;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PDFCreationListener;

/**
 * Renders a study's {@link Results} as a paper-ready report: numbered, captioned three-line
 * tables and the research-model figure, in the study's language (Chinese or English, APA 7).
 * The HTML and the PDF come from the same FreeMarker templates ({@code report.ftlx} and what it
 * includes, shipped in {@code survey-report-templates}); a {@link ReportOptions#templateDirectory()}
 * overrides or adds templates by name.
 *
 * <ul>
 *   <li>{@link #html} is one self-contained file: inline CSS and SVG, nothing fetched.</li>
 *   <li>{@link #writePdf} lays the same XHTML out with Flying Saucer on OpenPDF: A4, page
 *       numbers, a CJK TrueType font from the operating system embedded as a subset (or the
 *       configured fonts), the figure as vector graphics, and identical bytes for identical
 *       inputs (fixed dates, a document ID from a hash of the content, seeded subset
 *       prefixes).</li>
 *   <li>A quality-gate section appears when checks are given: a list of maps or records with
 *       {@code name}, {@code subject}, {@code value}, {@code limit}, {@code passed} and
 *       {@code message}; the two-argument methods take the checks carried by the results, if
 *       any.</li>
 * </ul>
 *
 * A renderer is thread-safe; PDF renders run one at a time per JVM (font subsets are seeded
 * per document). Rendering problems are thrown as {@link SurveyReportException}.
 */
public final class ReportRenderer {
    private static final String TEMPLATE_PACKAGE = "io/github/surveyreport/templates";
    private static final String MAIN_TEMPLATE = "report.ftlx";
    private static final Object PDF_LOCK = new Object();

    private final ReportOptions options;
    private final Consumer<String> warnings;
    private final Configuration configuration;

    /**
     * @param options  how to render ({@link ReportOptions#defaults()} for the defaults)
     * @param warnings receives problems that do not stop the render, e.g. that no CJK font was
     *                 found and how to install one
     */
    public ReportRenderer(ReportOptions options, Consumer<String> warnings) {
        this.options = Objects.requireNonNull(options, "options");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.configuration = configuration(options.templateDirectory());
    }

    /** The report as an HTML string, with the gate checks the results carry, if any. */
    public String html(Study study, Results results) {
        return html(study, results, ReportModel.checksOf(results));
    }

    /**
     * The report as an HTML string: one self-contained XHTML-conformant HTML5 document.
     *
     * @param checks the quality gate's checks, or {@code null} to leave the gate section out
     */
    public String html(Study study, Results results, List<?> checks) {
        return html(study, results, checks, Map.of());
    }

    /**
     * The report as an HTML string with links to files published next to it, e.g. its PDF on a
     * site page.
     *
     * @param checks    the quality gate's checks, or {@code null} to leave the gate section out
     * @param downloads link text to relative address, in display order, e.g. {@code PDF -> report.pdf}
     */
    public String html(Study study, Results results, List<?> checks, Map<String, String> downloads) {
        String figureFont = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Segoe UI', "
                + "Helvetica, Arial, sans-serif";
        String figure = new PathDiagram(study, results, options.numberFormats(study.language()), figureFont).svg();
        return render(ReportModel.build(study, results, checks, options, "html", null, figure, downloads, figureFont));
    }

    /** Writes {@link #html(Study, Results)} to a file, atomically, as UTF-8. */
    public void writeHtml(Study study, Results results, Path file) {
        writeHtml(study, results, ReportModel.checksOf(results), file);
    }

    /** Writes {@link #html(Study, Results, List, Map)} to a file, atomically, as UTF-8. */
    public void writeHtml(Study study, Results results, Map<String, String> downloads, Path file) {
        write(file, html(study, results, ReportModel.checksOf(results), downloads).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@link #html(Study, Results, List)} to a file, atomically, as UTF-8. */
    public void writeHtml(Study study, Results results, List<?> checks, Path file) {
        byte[] bytes = html(study, results, checks).getBytes(StandardCharsets.UTF_8);
        write(file, bytes);
    }

    /** The report as PDF bytes, with the gate checks the results carry, if any. */
    public byte[] pdf(Study study, Results results) {
        return pdf(study, results, ReportModel.checksOf(results));
    }

    /**
     * The report as PDF bytes; the same inputs (and fonts) give the same bytes.
     *
     * @param checks the quality gate's checks, or {@code null} to leave the gate section out
     */
    public byte[] pdf(Study study, Results results, List<?> checks) {
        ensureHeadless();
        return pdf(study, results, checks, PdfFonts.choose(study, results, options.fonts(), warnings));
    }

    byte[] pdf(Study study, Results results, List<?> checks, PdfFonts fonts) {
        String xhtml = pdfXhtml(study, results, checks, fonts);
        return layOut(xhtml, XhtmlDocument.parse(xhtml, "the PDF report"), fonts, newRenderer(fonts));
    }

    /** The XHTML that Flying Saucer lays out: the report in the PDF medium with the PDF's fonts. */
    private String pdfXhtml(Study study, Results results, List<?> checks, PdfFonts fonts) {
        String figure = new PathDiagram(study, results, options.numberFormats(study.language()),
                fonts.figureFamily()).svg();
        return render(ReportModel.build(study, results, checks, options, "pdf", fonts.cssFamily(), figure, Map.of(),
                fonts.figureFamily()));
    }

    /** A Flying Saucer renderer with the fonts registered, the SVG painter and the statistics' line breaking installed. */
    private ITextRenderer newRenderer(PdfFonts fonts) {
        try {
            ITextRenderer renderer = new ITextRenderer(fonts.resolver());
            renderer.getSharedContext().setReplacedElementFactory(new SvgReplacedElementFactory(
                    renderer.getSharedContext().getReplacedElementFactory(), warnings));
            // no line break inside "p = .955" (Flying Saucer's default breaks after the point)
            renderer.getSharedContext().setLineBreakingStrategy(new StatisticLineBreaking());
            return renderer;
        } catch (SurveyReportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SurveyReportException("Cannot render the PDF report: " + e.getMessage(), e);
        }
    }

    private byte[] layOut(String xhtml, Document document, PdfFonts fonts, ITextRenderer renderer) {
        byte[] documentHash = sha256(xhtml, fonts);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        synchronized (PDF_LOCK) {
            try {
                renderer.setListener(new Reproducible(documentHash, options.effectiveTimestamp().toEpochMilli()));
                // a too wide table is set smaller or on a landscape page, as the DOCX does (TableFit)
                TableFit.apply(document);
                // a table that crosses a page is cut there and its second part says "continued" (TableBreaks)
                TableBreaks.layOut(document, renderer);
                renderer.createPDF(out);
            } catch (RuntimeException e) {
                throw new SurveyReportException("Cannot render the PDF report: " + e.getMessage(), e);
            } catch (NoClassDefFoundError e) {
                if (String.valueOf(e.getMessage()).contains("batik")) {
                    // Flying Saucer rasterises <img src="….svg"> with Batik, which is left out
                    throw new SurveyReportException("Cannot render the PDF report: an <img> shows an SVG file, which "
                            + "the PDF does not support; put the SVG inline in the template instead", e);
                }
                throw e;
            }
        }
        return out.toByteArray();
    }

    /**
     * Writes both reports: the same files as {@link #writeHtml(Study, Results, Map, Path)} and
     * {@link #writePdf(Study, Results, Path)}, sooner. Work that does not wait for the other
     * runs on a second thread: the PDF's fonts are read while the templates compile, and the
     * PDF's XHTML is parsed while the HTML is rendered.
     *
     * @param downloads links for the HTML page, e.g. {@code PDF -> report.pdf}; may be empty
     */
    public void writeHtmlAndPdf(Study study, Results results, Map<String, String> downloads, Path htmlFile,
                                Path pdfFile) {
        Reports reports = htmlAndPdf(study, results, downloads);
        write(htmlFile, reports.html());
        write(pdfFile, reports.pdf());
    }

    /** Both reports as bytes: the HTML page (UTF-8) and the PDF. */
    public record Reports(byte[] html, byte[] pdf) {
    }

    /**
     * Both reports in memory, as {@link #writeHtmlAndPdf} writes them, for a caller that writes
     * its outputs as one set (see {@link ReportFiles}). Work that does not wait for the other
     * runs on a second thread: the PDF's fonts are read while the templates compile, and the
     * PDF's XHTML is parsed while the HTML is rendered.
     *
     * @param downloads links for the HTML page, e.g. {@code PDF -> report.pdf}; may be empty
     */
    public Reports htmlAndPdf(Study study, Results results, Map<String, String> downloads) {
        ensureHeadless();
        List<?> checks = ReportModel.checksOf(results);
        ExecutorService helper = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "survey-report-render");
            thread.setDaemon(true);
            return thread;
        });
        try {
            PdfFonts fonts = PdfFonts.choose(study, results, options.fonts(), warnings);
            Future<ITextRenderer> renderer = helper.submit(() -> newRenderer(fonts));
            String xhtml = pdfXhtml(study, results, checks, fonts);
            Future<Document> document = helper.submit(() -> XhtmlDocument.parse(xhtml, "the PDF report"));
            // here, after the PDF's XHTML, so that the two threads never compile the same templates
            byte[] html = html(study, results, checks, downloads).getBytes(StandardCharsets.UTF_8);
            return new Reports(html, layOut(xhtml, await(document), fonts, await(renderer)));
        } finally {
            helper.shutdownNow();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SurveyReportException("Interrupted while rendering the report", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new SurveyReportException("Cannot render the report: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Writes {@link #pdf(Study, Results)} to a file, atomically. */
    public void writePdf(Study study, Results results, Path file) {
        writePdf(study, results, ReportModel.checksOf(results), file);
    }

    /** Writes {@link #pdf(Study, Results, List)} to a file, atomically. */
    public void writePdf(Study study, Results results, List<?> checks, Path file) {
        write(file, pdf(study, results, checks));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new SurveyReportException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private String render(Map<String, Object> model) {
        RecursionGuard guard = new RecursionGuard();
        try {
            Template template = configuration.getTemplate(MAIN_TEMPLATE);
            StringWriter out = new StringWriter(64 * 1024);
            Environment environment = template.createProcessingEnvironment(model, out);
            environment.setTemplateProcessingTracer(guard);
            environment.process();
            // characters XML does not allow, from a Study or Results built in code, become U+FFFD (see XmlChars)
            return XmlChars.valid(out.toString());
        } catch (RecursionGuard.TooDeep e) {
            throw e.report;
        } catch (StackOverflowError e) {
            // only here, in the render's own thread, is the overflow the templates' (see RecursionGuard)
            throw guard.overflowed(e);
        } catch (TemplateException e) {
            throw templateProblem(e);
        } catch (IOException e) {
            throw new SurveyReportException("Cannot render the report template: " + e.getMessage(), e);
        }
    }

    /** A template's runtime error: a feature templates may not use is said so, the rest as FreeMarker puts it. */
    private static SurveyReportException templateProblem(TemplateException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RecursionGuard.TooDeep tooDeep) {
                // the recursion went through a function call, whose errors FreeMarker wraps
                return tooDeep.report;
            }
        }
        String feature = e instanceof NotAllowed notAllowed ? notAllowed.feature
                : String.valueOf(e.getBlamedExpressionString()).endsWith("?api") ? "?api" : null;
        if (feature == null) {
            return new SurveyReportException("Cannot render the report template: " + e.getMessage(), e);
        }
        String why = feature.equals("?new")
                ? "it would create a Java object, " + ((NotAllowed) e).subject + ", and such objects can run commands"
                : "it would call the Java methods behind " + e.getBlamedExpressionString();
        String where = e.getTemplateSourceName() == null ? "a template"
                : "the template " + e.getTemplateSourceName() + (e.getLineNumber() == null ? ""
                        : " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")");
        return new SurveyReportException("Cannot render the report: " + where + " uses " + feature + ", which is not "
                + "allowed in report templates: " + why + ". Templates format the data they are given.", e);
    }

    /** A feature the configuration refuses templates; thrown by FreeMarker's own hooks. */
    private static final class NotAllowed extends TemplateException {
        private static final long serialVersionUID = 1L;
        private final String feature;
        private final String subject;

        NotAllowed(String feature, String subject, Environment environment) {
            super(feature + " is not allowed in report templates (" + subject + ")", environment);
            this.feature = feature;
            this.subject = subject;
        }
    }

    private static Configuration configuration(Path templateDirectory) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader bundled = new ClassTemplateLoader(ReportRenderer.class.getClassLoader(), TEMPLATE_PACKAGE);
        if (templateDirectory != null) {
            if (!Files.isDirectory(templateDirectory)) {
                throw new SurveyReportException("The report template directory " + templateDirectory
                        + " does not exist or is not a directory");
            }
            try {
                cfg.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                        new FileTemplateLoader(templateDirectory.toFile()), bundled}));
            } catch (IOException e) {
                throw new SurveyReportException("Cannot read the report template directory " + templateDirectory
                        + ": " + e.getMessage(), e);
            }
        } else {
            cfg.setTemplateLoader(bundled);
        }
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setLocalizedLookup(false);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // A template from a project's template directory is code the build runs, but it only formats:
        // ?api (the Java methods behind a value) stays off, and ?new creates no object at all, as
        // TemplateClassResolver.ALLOWS_NOTHING_RESOLVER, with a message that says why (it could create
        // freemarker.template.utility.Execute, which runs commands). The bundled templates use neither.
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver((className, environment, template) -> {
            throw new NotAllowed("?new", className, environment);
        });
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        return cfg;
    }

    private static byte[] sha256(String xhtml, PdfFonts fonts) {
        MessageDigest digest = Digests.newSha256();
        digest.update(xhtml.getBytes(StandardCharsets.UTF_8));
        for (PdfFonts.Registration r : fonts.registrations()) {
            digest.update(r.path().getBytes(StandardCharsets.UTF_8));
        }
        return digest.digest();
    }

    private static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * Makes the bytes a function of the input: subset prefixes from a seeded random source,
     * fixed creation and modification dates, and a document ID from the content's hash.
     */
    private static final class Reproducible implements PDFCreationListener {
        private final byte[] hash;
        private final long timestamp;

        Reproducible(byte[] hash, long timestamp) {
            this.hash = hash;
            this.timestamp = timestamp;
        }

        @Override
        public void preOpen(ITextRenderer renderer) {
            for (FontFamily family : renderer.getFontResolver().getFonts().values()) {
                for (FontDescription description : family.getFontDescriptions()) {
                    BaseFont font = description.getFont();
                    font.setSecureRandom(seeded(font.getPostscriptFontName()));
                }
            }
        }

        private SecureRandom seeded(String name) {
            try {
                SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
                MessageDigest digest = Digests.newSha256();
                digest.update(hash);
                digest.update(String.valueOf(name).getBytes(StandardCharsets.UTF_8));
                random.setSeed(digest.digest());
                return random;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA1PRNG is available on every Java runtime", e);
            }
        }

        @Override
        public void preWrite(ITextRenderer renderer, int pageCount) {
        }

        @Override
        public void onClose(ITextRenderer renderer) {
            Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            calendar.setTimeInMillis(timestamp);
            PdfDictionary info = renderer.getWriter().getInfo();
            info.put(PdfName.CREATIONDATE, new PdfDate(calendar));
            info.put(PdfName.MODDATE, new PdfDate(calendar));
            byte[] id = Arrays.copyOf(hash, 16);
            info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
        }
    }
}
