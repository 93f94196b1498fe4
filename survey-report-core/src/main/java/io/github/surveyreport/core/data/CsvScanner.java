package io.github.surveyreport.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Splits CSV records on bytes, for charsets in which the bytes of {@code , ; \t " \r \n} never
 * occur inside a multibyte character (UTF-8, GB18030/GBK/GB2312, single-byte charsets): the
 * same records, fields and line numbers as Apache Commons CSV's RFC 4180 format gives on the
 * decoded text (quoted fields with delimiters, line breaks and doubled quotes; whitespace
 * between a closing quote and the delimiter ignored; CR, LF and CRLF as line ends), without
 * decoding the cells that are read as numbers. Every non-ASCII field is checked to be valid
 * in the charset, so a file that is not in it is rejected as the decoding reader would.
 *
 * <p>Input that needs the full rules of Commons CSV (an unclosed quote, text or a non-ASCII
 * character after a closing quote) raises {@link Unscannable}: the caller then reads the file
 * with Commons CSV, which gives its messages.
 *
 * <p>One scanner per thread; it owns a growable buffer.
 */
final class CsvScanner {
    private static final int BUFFER = 1 << 20;
    /**
     * The longest record (row) read, in bytes. A survey row is kilobytes; without a limit an
     * unclosed quote near the start of a large file, or a file without line ends, would make
     * the rest of the file one record and exhaust the heap.
     */
    static final int MAX_RECORD = 8 << 20;
    private static final Set<String> GB_FAMILY = Set.of("GB18030", "GBK", "GB2312");
    private static final Set<String> ASCII_COMPATIBLE = Set.of("UTF-8", "GB18030", "GBK", "GB2312", "US-ASCII",
            "ISO-8859-1", "ISO-8859-15", "windows-1252");

    private final Charset charset;
    private final boolean utf8;
    private final byte delimiter;
    /** Header size for the blank-line rule; 0 while scanning the header itself. */
    private final int headerSize;
    private final CharsetDecoder decoder;
    private CharBuffer chars;

    private byte[] buf;
    private int limit;
    private long bufPos;
    private boolean eof;
    private FileChannel channel;

    private final RawRow row;
    /** Line ends inside the record just parsed, its own end included. */
    private int recordLines;
    /** Fields with doubled quotes to undo, as a bit per field (overflowing into a flag). */
    private boolean anyDoubled;
    private boolean[] doubled = new boolean[64];
    /** Fields whose charset check the consumer does itself ({@link RawRow#check}). */
    private boolean[] deferred = new boolean[0];

    CsvScanner(Charset charset, char delimiter, int headerSize) {
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.delimiter = (byte) delimiter;
        this.headerSize = headerSize;
        this.decoder = utf8 ? null : charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.row = new RawRow(charset);
        this.buf = new byte[BUFFER];
        row.buffer = buf;
        row.owner = this;
    }

    /** Leaves the charset check of these fields to the consumer, which calls {@link RawRow#check}. */
    CsvScanner deferChecks(int[] fields) {
        for (int f : fields) {
            if (f >= deferred.length) {
                deferred = java.util.Arrays.copyOf(deferred, f + 1);
            }
            deferred[f] = true;
        }
        return this;
    }

    /** Whether files in {@code charset} with {@code delimiter} can be split on bytes. */
    static boolean supports(Charset charset, char delimiter) {
        if (!ASCII_COMPATIBLE.contains(charset.name()) || delimiter >= 0x80 || delimiter == '"'
                || delimiter == '\r' || delimiter == '\n') {
            return false;
        }
        // in the GB family 0x30-0x39 and 0x40-0x7E occur as trailing bytes of multibyte characters
        return !GB_FAMILY.contains(charset.name()) || delimiter < 0x30 || (delimiter > 0x39 && delimiter < 0x40);
    }

    /** Signals input that only Commons CSV handles as this project promises; read the file with it. */
    static final class Unscannable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unscannable(String why) {
            super(why, null, false, false);
        }
    }

    /** Signals a record longer than {@link #MAX_RECORD} bytes, starting at a line. */
    static final class TooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long line;
        final boolean quoted;

        TooLong(long line, boolean quoted) {
            super("a record longer than " + MAX_RECORD + " bytes at line " + line, null, false, false);
            this.line = line;
            this.quoted = quoted;
        }
    }

    /** Signals bytes that are not valid in the charset, at a line. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long line;

        Malformed(long line) {
            super("malformed input at line " + line, null, false, false);
            this.line = line;
        }
    }

    /**
     * Scans the records that start at or after {@code start} and before {@code end} (a record
     * that starts before {@code end} is read to its end, wherever that is).
     *
     * @param firstLine line number of the record at {@code start}
     * @return the position just after the last record handled (its line end included)
     */
    long scan(FileChannel in, long start, long end, long firstLine, RawRow.Handler handler) throws IOException {
        channel = in;
        recordLine = firstLine;
        bufPos = start;
        limit = 0;
        eof = false;
        int i = 0;
        long lines = 0;
        while (bufPos + i < end) {
            if (i == limit) {
                if (eof) {
                    break;
                }
                i = fill(i);
                continue;
            }
            int next = parseRecord(i);
            if (next < 0) {
                recordLine = firstLine + lines;
                i = fill(i);
                continue;
            }
            long line = firstLine + lines;
            lines += recordLines;
            if (anyDoubled) {
                undoDoubledQuotes();
            }
            if (!(row.size == 1 && headerSize > 1 && row.blank(0))) { // a blank line is no response
                row.line = line;
                validate(line);
                handler.row(line, row);
            }
            i = next;
        }
        channel = null;
        scannedLines = lines;
        return bufPos + i;
    }

    /** Line ends in the records of the last {@link #scan}. */
    long scannedLines() {
        return scannedLines;
    }

    private long scannedLines;

    /** The line the record being read starts on (for {@link TooLong}). */
    private long recordLine;

    /** Line ends of the last scan so far: lets the caller number the line after the header. */
    int lastRecordLines() {
        return recordLines;
    }

    /** Keeps the bytes from {@code keep} on, reads more; returns {@code keep}'s new index (0). */
    private int fill(int keep) throws IOException {
        int kept = limit - keep;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, kept);
            bufPos += keep;
        } else if (kept == buf.length) {
            if (buf.length >= MAX_RECORD) {
                throw new TooLong(recordLine, buf[0] == '"' || indexOf(buf, (byte) ('"'), limit) >= 0);
            }
            buf = java.util.Arrays.copyOf(buf, buf.length * 2); // a record longer than the buffer
            row.buffer = buf;
        }
        limit = kept;
        ByteBuffer target = ByteBuffer.wrap(buf, limit, buf.length - limit);
        int n;
        do {
            n = channel.read(target, bufPos + limit);
        } while (n == 0);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        return 0;
    }

    private static int indexOf(byte[] b, byte value, int limit) {
        for (int i = 0; i < limit; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Parses the record starting at {@code p} into {@link #row}. Returns the index after its
     * line end, or -1 when the buffer ends before the record does (and the file does not).
     */
    private int parseRecord(int p) {
        final byte[] b = buf;
        final byte delim = delimiter;
        final RawRow r = row;
        int f = 0;
        int lines = 0;
        anyDoubled = false;
        while (true) {
            if (f >= r.starts.length || f >= doubled.length) {
                r.ensureCapacity(f);
                if (f >= doubled.length) {
                    doubled = java.util.Arrays.copyOf(doubled, r.starts.length);
                }
            }
            if (p == limit) {
                if (!eof) {
                    return -1;
                }
                // end of file right after a delimiter: an empty last field
                set(f++, p, p, 0, false);
                r.size = f;
                recordLines = lines;
                return p;
            }
            if (b[p] == '"') {
                final int s = p + 1;
                int q = s;
                int or = 0;
                boolean dq = false;
                while (true) {
                    if (q == limit) {
                        if (!eof) {
                            return -1;
                        }
                        throw new Unscannable("a quoted field is never closed");
                    }
                    byte c = b[q];
                    if (c == '"') {
                        if (q + 1 == limit && !eof) {
                            return -1;
                        }
                        if (q + 1 < limit && b[q + 1] == '"') {
                            dq = true;
                            q += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\r' || (c == '\n' && !(q > s && b[q - 1] == '\r'))) {
                        lines++;
                    }
                    or |= c;
                    q++;
                }
                final int e = q;
                p = q + 1;
                // after the closing quote: whitespace up to the delimiter or the line end
                while (true) {
                    if (p == limit) {
                        if (!eof) {
                            return -1;
                        }
                        set(f++, s, e, or, dq);
                        r.size = f;
                        recordLines = lines;
                        return p;
                    }
                    byte c = b[p];
                    if (c == delim) {
                        set(f++, s, e, or, dq);
                        p++;
                        break;
                    }
                    if (c == '\n' || c == '\r') {
                        set(f++, s, e, or, dq);
                        r.size = f;
                        return lineEnd(p, lines);
                    }
                    if (c < 0 || !isAsciiWhitespace(c)) {
                        throw new Unscannable("text after a closing quote");
                    }
                    p++;
                }
            } else {
                final int s = p;
                int or = 0;
                final int lim = limit;
                byte c = 0;
                while (p < lim) {
                    c = b[p];
                    if (c == delim || c == '\n' || c == '\r') {
                        break;
                    }
                    or |= c;
                    p++;
                }
                if (p == lim) {
                    if (!eof) {
                        return -1;
                    }
                    set(f++, s, p, or, false);
                    r.size = f;
                    recordLines = lines;
                    return p;
                }
                set(f++, s, p, or, false);
                if (c == delim) {
                    p++;
                } else {
                    r.size = f;
                    return lineEnd(p, lines);
                }
            }
        }
    }

    /** The record ends with the CR, LF or CRLF at {@code p}. */
    private int lineEnd(int p, int lines) {
        recordLines = lines + 1;
        if (buf[p] == '\n') {
            return p + 1;
        }
        if (p + 1 == limit && !eof) {
            return -1;
        }
        return p + 1 < limit && buf[p + 1] == '\n' ? p + 2 : p + 1;
    }

    private void set(int f, int s, int e, int or, boolean dq) {
        row.starts[f] = s;
        row.ends[f] = e;
        row.ascii[f] = or >= 0;
        doubled[f] = dq;
        anyDoubled |= dq;
    }

    /** Character.isWhitespace for ASCII, line ends excluded (they end the record first). */
    private static boolean isAsciiWhitespace(byte c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1F);
    }

    private void undoDoubledQuotes() {
        final RawRow r = row;
        for (int f = 0; f < r.size; f++) {
            if (!doubled[f]) {
                continue;
            }
            int w = r.starts[f];
            int e = r.ends[f];
            for (int q = w; q < e; q++) {
                byte c = buf[q];
                buf[w++] = c;
                if (c == '"') {
                    q++; // the second quote of the pair
                }
            }
            r.ends[f] = w;
        }
    }

    /** Checks every non-ASCII field of the row against the charset. */
    private void validate(long line) {
        final RawRow r = row;
        final boolean[] skip = deferred;
        for (int f = 0; f < r.size; f++) {
            if (!r.ascii[f] && !(f < skip.length && skip[f]) && !valid(r.starts[f], r.ends[f])) {
                throw new Malformed(line);
            }
        }
    }

    boolean valid(int s, int e) {
        if (utf8) {
            return validUtf8(buf, s, e);
        }
        int length = e - s;
        if (chars == null || chars.capacity() < length) {
            chars = CharBuffer.allocate(Math.max(256, length));
        }
        chars.clear();
        decoder.reset();
        CoderResult result = decoder.decode(ByteBuffer.wrap(buf, s, length), chars, true);
        if (result.isError()) {
            return false;
        }
        return !decoder.flush(chars).isError();
    }

    /** Strict UTF-8 as Java's decoder checks it: no overlongs, surrogates or code points past U+10FFFF. */
    static boolean validUtf8(byte[] b, int s, int e) {
        int i = s;
        while (i < e) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= e || !cont(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                if (i + 2 >= e) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                if (c == 0xE0 ? (c1 < 0xA0 || c1 > 0xBF) : c == 0xED ? (c1 < 0x80 || c1 > 0x9F) : !cont(b[i + 1])) {
                    return false;
                }
                if (!cont(b[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                if (i + 3 >= e) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                if (c == 0xF0 ? (c1 < 0x90 || c1 > 0xBF) : c == 0xF4 ? (c1 < 0x80 || c1 > 0x8F) : !cont(b[i + 1])) {
                    return false;
                }
                if (!cont(b[i + 2]) || !cont(b[i + 3])) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean cont(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
