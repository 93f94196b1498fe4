package io.github.surveyreport.core.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * One data row of a CSV file as the byte-level scanner sees it: the fields are byte ranges of
 * a buffer (quotes removed, doubled quotes undone), valid in the file's charset; text is
 * decoded only when asked for. A view that the scanner reuses for the next row: do not keep
 * it. Engine-internal (used by the one-pass analysis), not a stable API.
 */
public final class RawRow {
    private final Charset charset;
    byte[] buffer;
    int[] starts = new int[64];
    int[] ends = new int[64];
    boolean[] ascii = new boolean[64];
    int size;
    long line;
    CsvScanner owner;

    RawRow(Charset charset) {
        this.charset = charset;
    }

    /**
     * Checks that field {@code f} is valid in the file's charset, for a field whose check the
     * consumer took over (see {@link CsvRowSource#scan(CsvRowSource.PartFactory, int[])}); throws
     * as the scanner would have.
     */
    public void check(int f) {
        if (!ascii[f] && !owner.valid(starts[f], ends[f])) {
            throw new CsvScanner.Malformed(line);
        }
    }

    /** Whether the row has several fields, all empty or spaces: a line of bare delimiters. */
    public boolean allEmpty() {
        for (int f = 0; f < size; f++) {
            if (!blank(f)) {
                return false;
            }
        }
        return size > 1;
    }

    /** Whether field {@code f} is empty or only spaces and tabs. */
    boolean blank(int f) {
        for (int i = starts[f]; i < ends[f]; i++) {
            byte c = buffer[i];
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Number of fields. */
    public int size() {
        return size;
    }

    /** The buffer holding the fields' bytes. */
    public byte[] bytes() {
        return buffer;
    }

    /** First byte of field {@code f} in {@link #bytes()}. */
    public int start(int f) {
        return starts[f];
    }

    /** End (exclusive) of field {@code f} in {@link #bytes()}. */
    public int end(int f) {
        return ends[f];
    }

    /** Whether field {@code f} is plain ASCII (then its bytes are its characters). */
    public boolean isAscii(int f) {
        return ascii[f];
    }

    /** Field {@code f} decoded. */
    public String text(int f) {
        int s = starts[f];
        int length = ends[f] - s;
        if (length == 0) {
            return "";
        }
        return new String(buffer, s, length, ascii[f] ? StandardCharsets.ISO_8859_1 : charset);
    }

    void ensureCapacity(int fields) {
        if (fields >= starts.length) {
            int n = Math.max(fields + 1, starts.length * 2);
            starts = java.util.Arrays.copyOf(starts, n);
            ends = java.util.Arrays.copyOf(ends, n);
            ascii = java.util.Arrays.copyOf(ascii, n);
        }
    }

    /** Receives the rows of a scan. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param line 1-based line of the row's first character, as an editor shows it; only
         *             meaningful in a whole-file scan (see {@link CsvRowSource#scan})
         * @param row  the row, valid during the call only
         */
        void row(long line, RawRow row);
    }
}
