package io.github.surveyreport.core.report.format;

/**
 * One output of a run: its file name and how it writes its bytes from the rendered report
 * ({@link RenderedReport}: the study, the results, the rendered XHTML and the options). The
 * formats are {@link ReportFormats#JSON}, {@link ReportFormats#HTML}, {@link ReportFormats#PDF},
 * {@link ReportFormats#DOCX} and {@link ReportFormats#LATEX}; {@link ReportFormats#render}
 * writes a set of them in memory, for {@code ReportFiles} to write as one set.
 */
public interface ReportFormat {
    /** The name in {@code <formats>}, e.g. {@code docx}. */
    String name();

    /** The file it writes, e.g. {@code report.docx}. */
    String fileName();

    /** Its bytes for {@code report}. */
    byte[] write(RenderedReport report);
}
