package io.github.surveyreport.core.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the survey data are and how to read them.
 *
 * @param file         the data file (CSV), resolved against the study file's directory
 * @param encoding     a Java charset name, or {@code null} to detect it (BOM, then strict UTF-8,
 *                     then GB18030)
 * @param delimiter    the field delimiter, or {@code null} to detect it among {@code , ; \t}
 *                     from the header line
 * @param missing      cell values (after trimming) that mean "no answer"
 * @param decimalComma whether numbers are written with a decimal comma ({@code 3,5})
 * @param format       the file's format ({@code csv}, {@code xlsx}, {@code sav}), or {@code null} to
 *                     recognise it from the file's first bytes
 * @param sheet        the worksheet of a workbook, by name or 1-based number, or {@code null} for the
 *                     first
 */
public record DataSpec(Path file, String encoding, Character delimiter, List<String> missing, boolean decimalComma,
                       String format, String sheet) implements java.io.Serializable {

    /** The formats {@code data.format} may name. */
    public static final List<String> FORMATS = List.of("csv", "xlsx", "xls", "sav");

    /** A CSV file's data section, as before formats and sheets existed. */
    public DataSpec(Path file, String encoding, Character delimiter, List<String> missing, boolean decimalComma) {
        this(file, encoding, delimiter, missing, decimalComma, null, null);
    }

    /** Cell values that mean missing when the study file does not say. */
    public static final List<String> DEFAULT_MISSING = List.of("", "NA");

    public DataSpec {
        Objects.requireNonNull(file, "file");
        missing = List.copyOf(missing);
    }

    /**
     * A path is not serializable (a study travels to Spark executors): the file is written as
     * its text and read back as a path of the reading machine's file system.
     */
    private Object writeReplace() {
        return new SerialForm(file.toString(), encoding, delimiter, missing, decimalComma, format, sheet);
    }

    private record SerialForm(String file, String encoding, Character delimiter, List<String> missing,
                              boolean decimalComma, String format, String sheet) implements java.io.Serializable {
        private Object readResolve() {
            return new DataSpec(Path.of(file), encoding, delimiter, missing, decimalComma, format, sheet);
        }
    }

    /** Data read with every option detected or defaulted. */
    public static DataSpec of(Path file) {
        return new DataSpec(file, null, null, DEFAULT_MISSING, false);
    }
}
