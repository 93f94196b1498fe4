package io.github.surveyreport.core.data;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Limits how many characters one CSV record may take. Commons CSV keeps a record's text in
 * memory until the record ends, so an unclosed quote near the start of a large file would make
 * the rest of the file one field and exhaust the heap. The reader counts the characters read
 * since the caller last said a record starts ({@link #recordStarts}); past the limit it fails
 * with {@link TooLongException}. Read-ahead buffers make the count approximate, which a limit of
 * megabytes does not mind.
 */
final class RecordLengthGuard extends FilterReader {
    private final long limit;
    private long sinceRecordStart;

    RecordLengthGuard(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** The parser is about to read a new record. */
    void recordStarts() {
        sinceRecordStart = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws TooLongException {
        sinceRecordStart += n;
        if (sinceRecordStart > limit) {
            throw new TooLongException();
        }
    }

    /** A record longer than the limit. */
    static final class TooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLongException() {
            super("a record is longer than the limit");
        }
    }
}
