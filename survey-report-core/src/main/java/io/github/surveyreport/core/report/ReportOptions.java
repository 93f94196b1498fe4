package io.github.surveyreport.core.report;

import io.github.surveyreport.core.study.Language;
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
 * @param decimals          decimals of the numbers in the tables, or {@link #LANGUAGE_DECIMALS} (the
 *                          default) for the language's: 2 in English (APA 7), 3 in Chinese (the
 *                          seed paper); p values always have at least three
 * @param loadingCutoff     loadings whose magnitude is below this are left blank in the rotated
 *                          component matrix (default .50)
 * @param timestamp         the PDF's creation and modification date, e.g. from
 *                          {@code project.build.outputTimestamp}; {@code null} for the fixed
 *                          date {@link #DEFAULT_TIMESTAMP}, so that the bytes never depend on
 *                          the clock
 * @param narrative         whether a paragraph under each table states its result in words (default
 *                          {@code true})
 * @param style             how values bounded by 1 (α, r, β, R², p) are written: {@link NumberStyle#APA}
 *                          without a leading zero ({@code .55}, the default), or
 *                          {@link NumberStyle#LEADING_ZERO} ({@code 0.55}, as many Chinese journals)
 */
public record ReportOptions(Path templateDirectory, List<Path> fonts, int decimals, double loadingCutoff,
                            Instant timestamp, boolean narrative, NumberStyle style) {

    /** Decimals chosen by the report's language: {@link #ENGLISH_DECIMALS} or {@link #CHINESE_DECIMALS}. */
    public static final int LANGUAGE_DECIMALS = -1;
    /** Default decimals: the language's. */
    public static final int DEFAULT_DECIMALS = LANGUAGE_DECIMALS;
    /** Decimals of English reports unless set: two, as APA 7 asks (p values keep three). */
    public static final int ENGLISH_DECIMALS = 2;
    /** Decimals of Chinese reports unless set: three, as the seed paper. */
    public static final int CHINESE_DECIMALS = 3;
    /** Default loading cut-off. */
    public static final double DEFAULT_LOADING_CUTOFF = 0.50;
    /** The PDF date used when no timestamp is given (1980-01-01, as reproducible jars use). */
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("1980-01-01T00:00:00Z");

    /** How values bounded by 1 are written. */
    public enum NumberStyle {
        /** No leading zero: {@code .55}, {@code p = .015} (APA 7). */
        APA,
        /** A leading zero: {@code 0.55}, {@code p = 0.015}. */
        LEADING_ZERO;

        /** {@code apa} or {@code leading-zero} (case and {@code _} / {@code -} ignored). */
        public static NumberStyle parse(String text) {
            String key = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            return switch (key) {
                case "", "apa" -> APA;
                case "leading-zero", "leadingzero", "zero" -> LEADING_ZERO;
                default -> throw new IllegalArgumentException("style must be apa or leading-zero, not " + text);
            };
        }
    }

    /** As the canonical constructor, with the narrative on and the APA number style. */
    public ReportOptions(Path templateDirectory, List<Path> fonts, int decimals, double loadingCutoff,
                         Instant timestamp) {
        this(templateDirectory, fonts, decimals, loadingCutoff, timestamp, true, NumberStyle.APA);
    }

    public ReportOptions {
        fonts = fonts == null ? List.of() : List.copyOf(fonts);
        style = style == null ? NumberStyle.APA : style;
        if (decimals != LANGUAGE_DECIMALS && (decimals < 0 || decimals > 10)) {
            throw new IllegalArgumentException("decimals must be between 0 and 10, not " + decimals);
        }
        if (!(loadingCutoff >= 0 && loadingCutoff < 1)) {
            throw new IllegalArgumentException("loadingCutoff must be in [0, 1), not " + loadingCutoff);
        }
    }

    /** Bundled templates, discovered fonts, the language's decimals, cut-off .50, fixed PDF date, narrative on. */
    public static ReportOptions defaults() {
        return new ReportOptions(null, List.of(), DEFAULT_DECIMALS, DEFAULT_LOADING_CUTOFF, null);
    }

    /** The decimals of a report in {@code language}: {@link #decimals} unless it is {@link #LANGUAGE_DECIMALS}. */
    public int decimalsFor(Language language) {
        if (decimals != LANGUAGE_DECIMALS) {
            return decimals;
        }
        return language == Language.ZH ? CHINESE_DECIMALS : ENGLISH_DECIMALS;
    }

    /** The number formats of a report in {@code language}. */
    public NumberFormats numberFormats(Language language) {
        return new NumberFormats(decimalsFor(language), style == NumberStyle.LEADING_ZERO);
    }

    /** These options with the narrative on or off. */
    public ReportOptions withNarrative(boolean on) {
        return new ReportOptions(templateDirectory, fonts, decimals, loadingCutoff, timestamp, on, style);
    }

    /** These options with another number style. */
    public ReportOptions withStyle(NumberStyle numberStyle) {
        return new ReportOptions(templateDirectory, fonts, decimals, loadingCutoff, timestamp, narrative, numberStyle);
    }

    /** These options with another template directory. */
    public ReportOptions withTemplateDirectory(Path directory) {
        return new ReportOptions(directory, fonts, decimals, loadingCutoff, timestamp, narrative, style);
    }

    /** These options with other fonts. */
    public ReportOptions withFonts(List<Path> fontFiles) {
        return new ReportOptions(templateDirectory, fontFiles, decimals, loadingCutoff, timestamp, narrative, style);
    }

    /** These options with another PDF timestamp. */
    public ReportOptions withTimestamp(Instant instant) {
        return new ReportOptions(templateDirectory, fonts, decimals, loadingCutoff, instant, narrative, style);
    }

    /** The PDF date: {@link #timestamp} or {@link #DEFAULT_TIMESTAMP}. */
    public Instant effectiveTimestamp() {
        return Objects.requireNonNullElse(timestamp, DEFAULT_TIMESTAMP);
    }
}
