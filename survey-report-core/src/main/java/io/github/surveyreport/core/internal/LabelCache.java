package io.github.surveyreport.core.internal;

import io.github.surveyreport.core.data.RawRow;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The categories of one label column by the bytes of their cells, so that a pass scanning bytes
 * decodes and normalizes each distinct answer once (a gender or education column has a handful)
 * instead of once per row. A column with more distinct cells than {@link #CAPACITY} is decoded
 * row by row beyond them. Not thread-safe: one per pass or chunk.
 */
final class LabelCache {
    static final int CAPACITY = 64;
    /** What a cell means: its category, or {@link #MISSING}. */
    static final String MISSING = new String("<missing>");

    private final byte[][] cells = new byte[CAPACITY][];
    private final String[] categories = new String[CAPACITY];
    private int size;

    /**
     * The category of field {@code f} of {@code row}; {@code decode} turns the cell's text into a
     * category (or {@link #MISSING}) when its bytes are new.
     */
    String category(RawRow row, int f, Function<String, String> decode) {
        byte[] bytes = row.bytes();
        int start = row.start(f);
        int end = row.end(f);
        int length = end - start;
        for (int i = 0; i < size; i++) {
            byte[] cell = cells[i];
            if (cell.length == length && Arrays.equals(cell, 0, length, bytes, start, end)) {
                return categories[i];
            }
        }
        String category = decode.apply(row.text(f));
        if (size < CAPACITY) {
            cells[size] = Arrays.copyOfRange(bytes, start, end);
            categories[size++] = category;
        }
        return category;
    }
}
