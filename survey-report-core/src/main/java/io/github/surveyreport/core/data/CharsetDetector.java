package io.github.surveyreport.core.data;

import io.github.surveyreport.core.internal.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decides how a survey file is encoded when the study says {@code encoding: auto}: a byte
 * order mark decides (UTF-8, UTF-16LE, UTF-16BE), and so do NUL bytes at every other position of
 * the first bytes (UTF-16 without a mark, as some tools save "Unicode text"); otherwise the file
 * is read as strict UTF-8. When that fails, {@link #classify} looks at the file as a whole: it
 * is read as GB18030 (the superset of GBK that Excel writes on Chinese Windows) only when its
 * bytes are plausibly GBK text, not merely because one byte was not UTF-8: a UTF-8 file with a
 * stray Windows-1252 byte, or a Windows-1252 export, would otherwise turn every Chinese or
 * accented character into another one without any error.
 */
final class CharsetDetector {
    /** The charset tried when strict UTF-8 fails. */
    static final Charset FALLBACK = Charset.forName("GB18030");

    private CharsetDetector() {
    }

    /** A byte order mark (or a mark-less UTF-16 signature, {@code length} 0) at the start of a file. */
    record Bom(Charset charset, int length) {
    }

    /**
     * How to read a file: its charset, how many mark bytes to skip, and whether the charset was
     * guessed (strict UTF-8 that may turn out to be GB18030).
     */
    record Choice(Charset charset, int skip, boolean detected) {
    }

    /**
     * The charset for a file starting with {@code head}: the requested one (skipping its own
     * mark if present), else the mark's, else UTF-8 to be confirmed while reading.
     *
     * @param requested the study's {@code data.encoding}, or {@code null} for auto
     */
    static Choice choose(Charset requested, byte[] head, int length) {
        Bom bom = bom(head, length);
        if (requested != null) {
            return new Choice(requested, bom != null && bom.charset().equals(requested) ? bom.length() : 0, false);
        }
        if (bom != null) {
            return new Choice(bom.charset(), bom.length(), false);
        }
        return new Choice(StandardCharsets.UTF_8, 0, true);
    }

    /** How many bytes of a file's start {@link #bom} wants to see. */
    static final int HEAD = 512;

    /** The BOM or UTF-16 signature at the start of {@code head} (its first bytes), or {@code null}. */
    static Bom bom(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Bom(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Bom(StandardCharsets.UTF_16LE, 2);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Bom(StandardCharsets.UTF_16BE, 2);
        }
        // UTF-16 without a mark: the ASCII characters of a header line (delimiters, quotes, Latin
        // names) put NUL bytes at every other position, which no ASCII-compatible text has. One
        // NUL byte proves nothing (a stray one in a cell): ask for a good share of the positions.
        int oddNul = 0;
        int evenNul = 0;
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                if ((i & 1) == 0) {
                    evenNul++;
                } else {
                    oddNul++;
                }
            }
        }
        int enough = Math.max(2, length / 16);
        if (oddNul >= enough && evenNul == 0) {
            return new Bom(StandardCharsets.UTF_16LE, 0);
        }
        if (evenNul >= enough && oddNul == 0) {
            return new Bom(StandardCharsets.UTF_16BE, 0);
        }
        return null;
    }

    /**
     * What kind of non-text file starts with {@code head}, by its magic number, or {@code null}
     * for anything that may be text: a spreadsheet, PDF or image renamed to {@code .csv} gets a
     * message saying what it is instead of a complaint about its encoding.
     */
    static String binaryKind(byte[] head, int length) {
        if (startsWith(head, length, 'P', 'K', 3, 4)) {
            String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
            if (text.contains("xl/")) {
                return "an Excel workbook (.xlsx)";
            }
            if (text.contains("word/")) {
                return "a Word document (.docx)";
            }
            return "a ZIP archive (an .xlsx, .docx, .ods or .zip file)";
        }
        if (startsWith(head, length, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "an Excel 97-2003 workbook (.xls) or another old Office file";
        }
        if (startsWith(head, length, '%', 'P', 'D', 'F', '-')) {
            return "a PDF document";
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "a PNG image";
        }
        if (startsWith(head, length, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(head, length, '$', 'F', 'L', '2') || startsWith(head, length, '$', 'F', 'L', '3')) {
            return "an SPSS data file (.sav)";
        }
        if (startsWith(head, length, 0x1F, 0x8B)) {
            return "a gzip-compressed file";
        }
        if (startsWith(head, length, '{', '\\', 'r', 't', 'f')) {
            return "an RTF document";
        }
        String start = new String(head, 0, Math.min(length, 256), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<?xml") && start.contains("excel.sheet")) {
            return "an Excel XML spreadsheet";
        }
        if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
            return "an HTML page (Excel can save a sheet as .xls in HTML)";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** What {@link #classify} found out about a file that is not strict UTF-8. */
    record Verdict(boolean gb18030, long utf8Characters, long invalidUtf8, long badOffset, long badLine,
                   String badContext, int badByte, boolean validGb18030, long gbPairs, long gbCommonPairs) {

        /** Why the file was not read as GB18030, for the message. */
        String whyNotGb18030() {
            if (utf8Characters > 0 && invalidUtf8 * 4 < utf8Characters) {
                return "GB18030 would turn its " + utf8Characters + " UTF-8 characters into other characters";
            }
            if (!validGb18030) {
                return "its bytes are not valid GB18030 either";
            }
            return "as GB18030 its text would be mostly rare characters (" + (gbPairs - gbCommonPairs) + " of "
                    + gbPairs + " double-byte pairs outside the common GB2312 range), as Western European "
                    + "text in Windows-1252 or Latin-1 looks when read as Chinese";
        }
    }

    /**
     * Reads a file that failed as strict UTF-8 and decides whether it is plausibly GB18030 (GBK)
     * text as a whole: not a UTF-8 file with a few stray bytes (its valid multi-byte UTF-8
     * characters outnumber the invalid bytes many times), valid GB18030, and with most
     * double-byte pairs in the GB2312 range that ordinary Chinese text uses (Windows-1252 text
     * read as GBK gives pairs of an accented letter and an ASCII letter, which are rare
     * characters). Stops early once a large file's verdict is clear.
     *
     * @param skip bytes of a byte order mark to skip
     */
    static Verdict classify(Path file, int skip) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skip);
            return new Classifier().run(in, skip);
        }
    }

    /** The streaming state of {@link #classify}. */
    private static final class Classifier {
        private static final int CONTEXT = 40;
        long utf8Characters;
        long invalidUtf8;
        long badOffset = -1;
        long badLine = -1;
        int badByte = -1;
        final byte[] lineStart = new byte[CONTEXT];
        int lineStartLength;
        final byte[] after = new byte[CONTEXT];
        int afterLength = -1;
        boolean afterDone;
        boolean validGb = true;
        long gbPairs;
        long gbCommon;

        Verdict run(InputStream in, long base) throws IOException {
            byte[] buf = new byte[1 << 16];
            // bytes of a sequence cut by the buffer end, carried into the next round
            int carry = 0;
            long offset = base;
            long line = 1;
            boolean previousCr = false;
            int n;
            int gbState = 0; // 0 ready; 1 after a lead byte; 2,3,4 inside a four-byte sequence
            int gbLead = 0;
            while ((n = in.read(buf, carry, buf.length - carry)) > 0 || carry > 0) {
                int limit = carry + Math.max(n, 0);
                boolean last = n <= 0;
                int i = 0;
                while (i < limit) {
                    int c = buf[i] & 0xFF;
                    // UTF-8
                    int length = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                            : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
                    if (length > 1 && i + length > limit && !last) {
                        break; // the sequence continues in the next read
                    }
                    int step;
                    if (length == 1) {
                        step = 1;
                    } else if (length > 1 && i + length <= limit && CsvScanner.validUtf8(buf, i, i + length)) {
                        utf8Characters++;
                        step = length;
                    } else {
                        invalidUtf8++;
                        if (badOffset < 0) {
                            badOffset = offset + i;
                            badLine = line;
                            badByte = c;
                            afterLength = 0;
                        }
                        step = 1;
                    }
                    for (int k = i; k < i + step; k++) {
                        int b = buf[k] & 0xFF;
                        // lines as an editor counts them: LF, CRLF and a lone CR
                        if (b == '\n' || b == '\r') {
                            if (b == '\r' || !previousCr) {
                                line++;
                            }
                            if (badOffset < 0) {
                                lineStartLength = 0;
                            } else if (offset + k > badOffset) {
                                afterDone = true; // the context ends with the bad byte's line
                            }
                        } else if (badOffset < 0) {
                            if (lineStartLength == CONTEXT) {
                                System.arraycopy(lineStart, 1, lineStart, 0, CONTEXT - 1);
                                lineStartLength--;
                            }
                            lineStart[lineStartLength++] = (byte) b;
                        } else if (!afterDone && afterLength < CONTEXT && offset + k > badOffset) {
                            after[afterLength++] = (byte) b;
                        }
                        previousCr = b == '\r';
                        // GB18030: one-byte ASCII, two-byte lead 81-FE + trail 40-7E/80-FE,
                        // four-byte lead 81-FE, 30-39, 81-FE, 30-39
                        switch (gbState) {
                            case 0 -> {
                                if (b >= 0x81 && b <= 0xFE) {
                                    gbLead = b;
                                    gbState = 1;
                                } else if (b >= 0x80) {
                                    validGb = false;
                                }
                            }
                            case 1 -> {
                                if (b >= 0x30 && b <= 0x39) {
                                    gbState = 2;
                                } else if ((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE)) {
                                    gbPairs++;
                                    if (gbLead >= 0xA1 && gbLead <= 0xF7 && b >= 0xA1) {
                                        gbCommon++;
                                    }
                                    gbState = 0;
                                } else {
                                    validGb = false;
                                    gbState = 0;
                                }
                            }
                            case 2 -> {
                                validGb &= b >= 0x81 && b <= 0xFE;
                                gbState = 3;
                            }
                            default -> {
                                validGb &= b >= 0x30 && b <= 0x39;
                                gbState = 0;
                            }
                        }
                    }
                    i += step;
                    if (badOffset >= 0 && clearlyGb()) {
                        return verdict();
                    }
                }
                System.arraycopy(buf, i, buf, 0, limit - i);
                carry = limit - i;
                offset += i;
                if (last) {
                    break;
                }
            }
            if (gbState != 0) {
                validGb = false;
            }
            return verdict();
        }

        /** A large file whose verdict the rest cannot change in practice: thousands of GBK pairs, UTF-8 rare. */
        private boolean clearlyGb() {
            return validGb && invalidUtf8 >= 4096 && invalidUtf8 > 4 * utf8Characters && gbPairs >= 4096
                    && gbCommon * 10 >= gbPairs * 8;
        }

        private Verdict verdict() {
            boolean mostlyUtf8 = utf8Characters > 0 && invalidUtf8 * 4 < utf8Characters;
            boolean gb = !mostlyUtf8 && validGb && gbPairs > 0 && gbCommon * 10 >= gbPairs * 8;
            return new Verdict(gb, utf8Characters, invalidUtf8, badOffset, badLine, context(), badByte, validGb,
                    gbPairs, gbCommon);
        }

        /** The text around the first invalid byte, as UTF-8 with that byte shown as {@code \xE9}. */
        private String context() {
            if (badOffset < 0) {
                return "";
            }
            // the kept start of the line may begin inside a multi-byte character: drop its tail
            int from = 0;
            while (from < lineStartLength && (lineStart[from] & 0xC0) == 0x80) {
                from++;
            }
            String before = new String(lineStart, from, lineStartLength - from, StandardCharsets.UTF_8);
            String rest = new String(after, 0, Math.max(afterLength, 0), StandardCharsets.UTF_8);
            return Text.escape(before) + String.format(Locale.ROOT, "\\x%02X", badByte) + Text.escape(rest);
        }
    }

    /** Where a file first fails to decode: byte offset, line, and the text around it. */
    record Malformation(long offset, long line, String context) {
    }

    /**
     * The first place where {@code file} is not valid in {@code charset}, or {@code null} if it
     * decodes to its end. Lines are counted in the decoded text (LF, CRLF and a lone CR).
     */
    static Malformation firstMalformed(Path file, Charset charset, int skip) throws IOException {
        java.nio.charset.CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skip);
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
            java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
            StringBuilder lineText = new StringBuilder();
            long consumed = skip;
            long line = 1;
            boolean previousCr = false;
            boolean eof = false;
            while (true) {
                if (!eof) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                }
                bytes.flip();
                int before = bytes.position();
                java.nio.charset.CoderResult result = decoder.decode(bytes, chars, eof);
                consumed += bytes.position() - before;
                chars.flip();
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    if (c == '\n' || c == '\r') {
                        if (!(c == '\n' && previousCr)) {
                            line++;
                        }
                        lineText.setLength(0);
                    } else {
                        lineText.append(c);
                        if (lineText.length() > 2 * 40) {
                            lineText.delete(0, 40);
                        }
                    }
                    previousCr = c == '\r';
                }
                chars.clear();
                if (result.isError()) {
                    StringBuilder bad = new StringBuilder();
                    for (int k = 0; k < result.length() && bytes.position() + k < bytes.limit(); k++) {
                        bad.append(String.format(Locale.ROOT, "\\x%02X", bytes.get(bytes.position() + k) & 0xFF));
                    }
                    String tail = lineText.length() > 40 ? lineText.substring(lineText.length() - 40) : lineText.toString();
                    return new Malformation(consumed, line, Text.escape(tail) + bad);
                }
                bytes.compact();
                if (eof && result.isUnderflow()) {
                    return null;
                }
            }
        }
    }

    /** The Windows-1252 character of a byte, for messages ({@code 0xE9} is {@code é}). */
    static String windows1252(int b) {
        if (b < 0x80 || !Charset.isSupported("windows-1252")) {
            return null;
        }
        String s = new String(new byte[] {(byte) b}, Charset.forName("windows-1252"));
        return s.equals("\uFFFD") ? null : s;
    }
}
