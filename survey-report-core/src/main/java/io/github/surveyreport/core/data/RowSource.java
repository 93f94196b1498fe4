package io.github.surveyreport.core.data;

import java.util.List;
import java.util.Objects;

/**
 * Survey responses as raw text cells under a header, read once from start to end. The CSV
 * reader is one; embedding code can analyse rows it already holds with {@link #of}.
 */
public interface RowSource {

    /** Receives one data row. */
    @FunctionalInterface
    interface RowHandler {
        /**
         * @param line  1-based line of the row's first character, as an editor shows it
         * @param cells the row's cells, one per header column
         */
        void row(long line, String[] cells);
    }

    /** A short name for messages, e.g. the data file's name. */
    String name();

    /** The column names, trimmed, in file order. */
    List<String> header();

    /** Hands every data row to {@code handler}, in order. May be called once. */
    void forEachRow(RowHandler handler);

    /**
     * Value labels the file carries (an SPSS file's {@code 1 = 男}), per column: code (as the cells
     * give it) to label, in the file's order; empty when the format has none.
     */
    default java.util.Map<String, java.util.Map<String, String>> valueLabels() {
        return java.util.Map.of();
    }

    /** What the reader noticed and handled (a guessed encoding, Excel's sep= line, ...); known after reading. */
    default List<String> warnings() {
        return List.of();
    }

    /**
     * Where a row is, for the start of a message: {@code data.csv line 17}.
     *
     * @param line the line (the row number) {@link RowHandler#row} was given
     */
    default String atRow(long line) {
        return name() + " line " + line;
    }

    /**
     * Where a cell is, for the start of a message: {@code data.csv line 17, column Q3 (F)} for
     * a text file, the sheet and cell as Excel shows them for a workbook
     * ({@code survey.xlsx 答卷数据!F17 (Q3)}).
     *
     * @param line        the line (the row number) {@link RowHandler#row} was given
     * @param columnIndex the 0-based column in {@link #header()}
     */
    default String at(long line, int columnIndex) {
        List<String> names = header();
        String name = columnIndex >= 0 && columnIndex < names.size() ? names.get(columnIndex) : "";
        return atRow(line) + ", column " + (name.isEmpty() ? Columns.letter(columnIndex)
                : name + " (" + Columns.letter(columnIndex) + ")");
    }

    /**
     * Rows held in memory, e.g. by a program embedding the engine. Line numbers in messages
     * count the header as line 1.
     *
     * @param name   what messages call the data
     * @param header the column names
     * @param rows   the rows, each with one cell per column
     */
    static RowSource of(String name, List<String> header, Iterable<String[]> rows) {
        Objects.requireNonNull(rows, "rows");
        List<String> columns = List.copyOf(header);
        return new RowSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> header() {
                return columns;
            }

            @Override
            public void forEachRow(RowHandler handler) {
                long line = 1;
                for (String[] row : rows) {
                    handler.row(++line, row);
                }
            }
        };
    }
}
