package io.github.surveyreport.core.report.format;

import io.github.surveyreport.core.ResultsJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report formats and the one place a run renders them: {@link #render} writes each asked
 * format's bytes from one {@link RenderedReport}, in the order of {@link #ALL}.
 */
public final class ReportFormats {
    /** {@code results.json}: every number of the analysis, for other tools. */
    public static final ReportFormat JSON = new Simple("json", "results.json") {
        @Override
        public byte[] write(RenderedReport report) {
            return ResultsJson.toBytes(report.results());
        }
    };
    /** {@code report.html}: one self-contained page. */
    public static final ReportFormat HTML = new Simple("html", "report.html") {
        @Override
        public byte[] write(RenderedReport report) {
            return report.html();
        }
    };
    /** {@code report.pdf}: A4, fonts embedded. */
    public static final ReportFormat PDF = new Simple("pdf", "report.pdf") {
        @Override
        public byte[] write(RenderedReport report) {
            return report.pdf();
        }
    };
    /** {@code report.docx}: Word, three-line tables, the figures as pictures. */
    public static final ReportFormat DOCX = new Simple("docx", "report.docx") {
        @Override
        public byte[] write(RenderedReport report) {
            return new DocxWriter(report.document(), report.warnings()).write();
        }
    };
    /** {@code report.tex}: LaTeX for XeLaTeX, booktabs tables, TikZ figures. */
    public static final ReportFormat LATEX = new Simple("latex", "report.tex") {
        @Override
        public byte[] write(RenderedReport report) {
            return new LatexWriter(report.document(), report.warnings()).write().getBytes(StandardCharsets.UTF_8);
        }
    };

    /** Every format, in the order a run writes them. */
    public static final List<ReportFormat> ALL = List.of(JSON, HTML, PDF, DOCX, LATEX);
    /** The formats written when none are chosen: json, html, pdf, docx. */
    public static final List<ReportFormat> DEFAULTS = List.of(JSON, HTML, PDF, DOCX);
    /** The {@code formats} default as the plugin writes it. */
    public static final String DEFAULT_NAMES = "json,html,pdf,docx";

    private ReportFormats() {
    }

    /** The format of a name ({@code json}, {@code html}, {@code pdf}, {@code docx}, {@code latex}; any case). */
    public static ReportFormat named(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat format : ALL) {
            if (format.name().equals(key) || key.equals("tex") && format == LATEX) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown report format '" + name.trim() + "'; use "
                + String.join(", ", ALL.stream().map(ReportFormat::name).toList()));
    }

    /** Comma-separated names (in any order and case, possibly several strings) as formats, in {@link #ALL}'s order. */
    public static List<ReportFormat> parse(Collection<String> names) {
        Set<ReportFormat> chosen = new LinkedHashSet<>();
        for (String name : names) {
            for (String part : name.split(",")) {
                if (!part.isBlank()) {
                    chosen.add(named(part));
                }
            }
        }
        List<ReportFormat> ordered = new ArrayList<>();
        for (ReportFormat format : ALL) {
            if (chosen.contains(format)) {
                ordered.add(format);
            }
        }
        return ordered;
    }

    /** Every format's file name, for clearing an earlier run's files. */
    public static List<String> fileNames() {
        return ALL.stream().map(ReportFormat::fileName).toList();
    }

    /**
     * The bytes of each format, file name to bytes in the formats' order; all in memory, to be
     * written as one set.
     */
    public static Map<String, byte[]> render(Collection<ReportFormat> formats, RenderedReport report) {
        if (formats.contains(HTML) && formats.contains(PDF)) {
            report.expectHtmlAndPdf();
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (ReportFormat format : formats) {
            contents.put(format.fileName(), format.write(report));
        }
        return contents;
    }

    private abstract static class Simple implements ReportFormat {
        private final String name;
        private final String fileName;

        Simple(String name, String fileName) {
            this.name = name;
            this.fileName = fileName;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String fileName() {
            return fileName;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
