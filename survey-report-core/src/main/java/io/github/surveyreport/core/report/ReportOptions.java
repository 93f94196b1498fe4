package io.github.surveyreport.core.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How reports are rendered.
 *
 * @param templateDirectory a directory whose templates override (or add to) the bundled ones of
 *                          the same name, e.g. {@code report.ftlx}, {@code report.css},
 *                          {@code text_zh.ftlx}; {@code null} to use the bundled templates only
 * @param fonts             TrueType fonts ({@code .ttf}, {@code .ttc}; a collection face as
 *                          {@code path,1}) for the PDF, in {@code font-family} order; empty to
 *                          discover a CJK font (and, for English reports, a serif font) in the
 *                          operating system's font directories
 * @param decimals          decimals of the numbers in the tables (default 3)
 * @param loadingCutoff     loadings whose magnitude is below this are left blank in the rotated
 *                          component matrix (default .50)
 * @param timestamp         the PDF's creation and modification date, e.g. from
 *                          {@code project.build.outputTimestamp}; {@code null} for the fixed
 *                          date {@link #DEFAULT_TIMESTAMP}, so that the bytes never depend on
 *                          the clock
 */
public record ReportOptions(Path templateDirectory, List<Path> fonts, int decimals, double loadingCutoff,
                            Instant timestamp) {

    /** Default decimals. */
    public static final int DEFAULT_DECIMALS = 3;
    /** Default loading cut-off. */
    public static final double DEFAULT_LOADING_CUTOFF = 0.50;
    /** The PDF date used when no timestamp is given (1980-01-01, as reproducible jars use). */
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("1980-01-01T00:00:00Z");

    public ReportOptions {
        fonts = fonts == null ? List.of() : List.copyOf(fonts);
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("decimals must be between 0 and 10, not " + decimals);
        }
        if (!(loadingCutoff >= 0 && loadingCutoff < 1)) {
            throw new IllegalArgumentException("loadingCutoff must be in [0, 1), not " + loadingCutoff);
        }
    }

    /** Bundled templates, discovered fonts, 3 decimals, cut-off .50, fixed PDF date. */
    public static ReportOptions defaults() {
        return new ReportOptions(null, List.of(), DEFAULT_DECIMALS, DEFAULT_LOADING_CUTOFF, null);
    }

    /** These options with another template directory. */
    public ReportOptions withTemplateDirectory(Path directory) {
        return new ReportOptions(directory, fonts, decimals, loadingCutoff, timestamp);
    }

    /** These options with other fonts. */
    public ReportOptions withFonts(List<Path> fontFiles) {
        return new ReportOptions(templateDirectory, fontFiles, decimals, loadingCutoff, timestamp);
    }

    /** These options with another PDF timestamp. */
    public ReportOptions withTimestamp(Instant instant) {
        return new ReportOptions(templateDirectory, fonts, decimals, loadingCutoff, instant);
    }

    /** The PDF date: {@link #timestamp} or {@link #DEFAULT_TIMESTAMP}. */
    public Instant effectiveTimestamp() {
        return Objects.requireNonNullElse(timestamp, DEFAULT_TIMESTAMP);
    }
}
