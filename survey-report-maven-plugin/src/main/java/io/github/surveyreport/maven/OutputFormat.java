package io.github.surveyreport.maven;

import io.github.surveyreport.core.report.format.ReportFormat;
import io.github.surveyreport.core.report.format.ReportFormats;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/** The files the {@code analyze} goal can write: the core's {@link ReportFormats}, by name. */
enum OutputFormat {
    JSON(ReportFormats.JSON),
    HTML(ReportFormats.HTML),
    PDF(ReportFormats.PDF),
    DOCX(ReportFormats.DOCX),
    LATEX(ReportFormats.LATEX);

    private final ReportFormat format;

    OutputFormat(ReportFormat format) {
        this.format = format;
    }

    String fileName() {
        return format.fileName();
    }

    ReportFormat format() {
        return format;
    }

    /** Parses {@code json, html, pdf, docx, latex} (any case, any order). */
    static Set<OutputFormat> parse(List<String> names) throws MojoExecutionException {
        Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
        for (String name : names) {
            for (String part : name.split(",")) {
                String trimmed = part.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    formats.add(valueOf(trimmed.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new MojoExecutionException("Unknown report format '" + trimmed
                            + "' in <formats> (surveyReport.formats); use json, html, pdf, docx and/or latex");
                }
            }
        }
        return formats;
    }
}
