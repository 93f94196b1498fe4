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

    /** What the reader noticed and handled (a guessed encoding, Excel's sep= line, ...); known after reading. */
    default List<String> warnings() {
        return List.of();
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
