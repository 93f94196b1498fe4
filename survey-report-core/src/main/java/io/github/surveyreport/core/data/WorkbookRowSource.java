package io.github.surveyreport.core.data;

import io.github.surveyreport.core.internal.Digests;
import io.github.surveyreport.core.internal.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the workbook readers ({@link XlsxRowSource}, {@link XlsRowSource}) share: the sheet
 * chosen, cells named as Excel names them, the header read on first use, and the rows handed
 * out padded to the header's width, empty rows skipped, a value in a nameless column refused.
 * A reader supplies how it opens the workbook (setting {@link #sheetName}, {@link #sheetNames},
 * {@link #header} and {@link #headerRow}), reads the next row, and closes.
 */
abstract class WorkbookRowSource implements RowSource, AutoCloseable {
    final Path file;
    final String requestedSheet;
    final List<String> warnings = new ArrayList<>();

    String sheetName;
    List<String> sheetNames;
    List<String> header;
    long headerRow = 1;
    private boolean consumed;
    private String sha256;

    /** One row of the sheet: its Excel row number and its cells, as many as it has. */
    record Row(long number, String[] cells) {
    }

    WorkbookRowSource(Path file, String sheet) {
        this.file = file;
        this.requestedSheet = sheet == null || sheet.isBlank() ? null : sheet.strip();
    }

    /** Opens the workbook and reads the header: sets the sheet's names, the header and its row. */
    abstract void open();

    /** The next row of the sheet, or {@code null} after the last. */
    abstract Row readRow();

    @Override
    public abstract void close();

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    /** The workbook. */
    public Path file() {
        return file;
    }

    /** The worksheet read (known once the header has been read). */
    public String sheet() {
        header();
        return sheetName;
    }

    /** The workbook's worksheets, in the order Excel shows their tabs. */
    public List<String> sheets() {
        header();
        return sheetNames;
    }

    /** The row the header is on. */
    public long headerRow() {
        header();
        return headerRow;
    }

    /** What the reader noticed and handled, e.g. nameless columns at the end of the header. */
    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Hex SHA-256 of the workbook's bytes, for the report's provenance. */
    public String sha256() {
        if (sha256 == null) {
            sha256 = Digests.sha256(file);
        }
        return sha256;
    }

    /** A cell as Excel names it: {@code 答卷数据!F17}, {@code 'My data'!F17}. */
    public String location(long row, int column) {
        if (sheetName == null) {
            header();
        }
        return XlsxRowSource.sheetReference(sheetName) + "!" + Columns.letter(column) + row;
    }

    /** {@code survey.xlsx 答卷数据!F17 (Q3)}. */
    @Override
    public String at(long line, int columnIndex) {
        List<String> names = header();
        String column = columnIndex >= 0 && columnIndex < names.size() ? names.get(columnIndex) : "";
        return name() + " " + location(line, columnIndex) + (column.isEmpty() ? "" : " (" + column + ")");
    }

    @Override
    public List<String> header() {
        if (header == null) {
            open();
        }
        return header;
    }

    @Override
    public void forEachRow(RowHandler handler) {
        header();
        if (consumed) {
            throw new IllegalStateException("rows of " + file + " were already read");
        }
        consumed = true;
        try {
            Row row;
            while ((row = readRow()) != null) {
                String[] cells = row.cells();
                int last = cells.length;
                while (last > 0 && cells[last - 1].isEmpty()) {
                    last--;
                }
                if (last == 0) {
                    continue; // an empty (perhaps only formatted) row is no response
                }
                if (last > header.size()) {
                    throw new DataFileException(file, name() + " " + location(row.number(), last - 1)
                            + ": the cell holds '" + Text.forMessage(cells[last - 1]) + "' but its column has no name "
                            + "in the header (row " + headerRow + "); name the column or delete the value");
                }
                if (cells.length != header.size()) {
                    int length = cells.length;
                    cells = Arrays.copyOf(cells, header.size());
                    Arrays.fill(cells, Math.min(length, cells.length), cells.length, "");
                }
                handler.row(row.number(), cells);
            }
        } finally {
            close();
        }
    }
}
