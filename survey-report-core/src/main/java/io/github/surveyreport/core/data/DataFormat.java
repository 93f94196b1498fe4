package io.github.surveyreport.core.data;

import io.github.surveyreport.core.study.DataSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * The formats a survey data file can have, and which one a file has: {@code data.format} when
 * the study names one, else the file's first bytes (not its name: an SPSS file renamed .csv is
 * still read as one).
 */
public enum DataFormat {
    /** Delimited text (.csv, .tsv, .txt). */
    CSV,
    /** An Excel workbook (.xlsx). */
    XLSX,
    /** An Excel 97–2003 workbook (.xls). */
    XLS,
    /** An SPSS system file (.sav, .zsav). */
    SAV;

    /** The format of the data a study names. */
    public static DataFormat of(DataSpec spec) {
        if (spec.format() != null) {
            return valueOf(spec.format().toUpperCase(Locale.ROOT));
        }
        if (!Files.isRegularFile(spec.file())) {
            return CSV; // a directory, pipe or missing file: opening a FIFO would block; the CSV reader refuses it
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(spec.file())) {
            head = in.readNBytes(512);
        } catch (NoSuchFileException e) {
            return CSV; // the CSV reader says that the file does not exist, naming data.file
        } catch (IOException e) {
            // a directory or an unreadable file: the CSV reader reports it with the reason
            return CSV;
        }
        if (head.length >= 4 && head[0] == '$' && head[1] == 'F' && head[2] == 'L'
                && (head[3] == '2' || head[3] == '3')) {
            return SAV;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4
                && isWorkbook(spec)) {
            return XLSX;
        }
        if (head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && head[2] == 0x11
                && (head[3] & 0xFF) == 0xE0 && (head[4] & 0xFF) == 0xA1 && (head[5] & 0xFF) == 0xB1
                && head[6] == 0x1A && (head[7] & 0xFF) == 0xE1) {
            return XLS; // an OLE2 compound file: the .xls reader says so if it holds no workbook
        }
        return CSV;
    }

    /** Whether a ZIP file is an Excel workbook: it has {@code xl/workbook.xml} (read from the central directory). */
    private static boolean isWorkbook(DataSpec spec) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(spec.file().toFile())) {
            return zip.getEntry("xl/workbook.xml") != null;
        } catch (IOException e) {
            return true; // a damaged workbook: its reader says what is wrong with it
        }
    }
}
