package io.github.surveyreport.maven;

import io.github.surveyreport.core.report.ReportOptions;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/** Turns the report parameters shared by the goals into the engine's {@link ReportOptions}. */
final class ReportSettings {
    private ReportSettings() {
    }

    static ReportOptions options(File templateDirectory, List<String> fonts, int decimals, double loadingCutoff,
                                 String outputTimestamp, File basedir) throws MojoExecutionException {
        if (templateDirectory != null && !templateDirectory.isDirectory()) {
            throw new MojoExecutionException("The template directory " + templateDirectory
                    + " (surveyReport.templateDirectory) does not exist");
        }
        List<Path> fontPaths = new ArrayList<>();
        if (fonts != null) {
            for (String font : fonts) {
                String file = font.replaceFirst(",\\d+$", "");
                Path path = basedir.toPath().resolve(file);
                if (!path.toFile().isFile()) {
                    throw new MojoExecutionException("The font " + font + " (<fonts>) does not exist");
                }
                fontPaths.add(Path.of(path + font.substring(file.length())));
            }
        }
        try {
            return new ReportOptions(templateDirectory == null ? null : templateDirectory.toPath(), fontPaths, decimals,
                    loadingCutoff, timestamp(outputTimestamp));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid report settings: " + e.getMessage());
        }
    }

    /**
     * {@code project.build.outputTimestamp} as Maven accepts it (ISO-8601 or seconds since the
     * epoch); {@code null} when unset, which gives the engine's fixed default date.
     */
    static Instant timestamp(String value) throws MojoExecutionException {
        if (value == null || value.isBlank() || value.trim().length() < 2) {
            return null; // Maven treats a single character as "not reproducible"
        }
        String text = value.trim();
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MojoExecutionException("project.build.outputTimestamp '" + value
                    + "' is neither an ISO-8601 date-time (2026-01-01T00:00:00Z) nor seconds since the epoch");
        }
    }
}
