package io.github.surveyreport.core.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decides how a survey file is encoded when the study says {@code encoding: auto}: a byte
 * order mark decides (UTF-8, UTF-16LE, UTF-16BE), and so do NUL bytes at every other position of
 * the first bytes (UTF-16 without a mark, as some tools save "Unicode text");
 * otherwise the file is read as strict UTF-8,
 * and if its bytes are not valid UTF-8 it is read again as GB18030, the superset of GBK that
 * Excel writes on Chinese Windows.
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
        // names) put NUL bytes at every other position, which no ASCII-compatible text has
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
        if (oddNul > 0 && evenNul == 0) {
            return new Bom(StandardCharsets.UTF_16LE, 0);
        }
        if (evenNul > 0 && oddNul == 0) {
            return new Bom(StandardCharsets.UTF_16BE, 0);
        }
        return null;
    }
}
