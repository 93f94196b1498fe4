package io.github.surveyreport.maven;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/** The files the {@code analyze} goal can write. */
enum OutputFormat {
    JSON("results.json"),
    HTML("report.html"),
    PDF("report.pdf");

    private final String fileName;

    OutputFormat(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }

    /** Parses {@code json, html, pdf} (any case, any order). */
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
                            + "' in <formats> (surveyReport.formats); use json, html and/or pdf");
                }
            }
        }
        return formats;
    }
}
