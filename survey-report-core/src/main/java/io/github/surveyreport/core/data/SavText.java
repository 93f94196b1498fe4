package io.github.surveyreport.core.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes the strings of an SPSS system file. SPSS cuts strings and labels at a byte width,
 * which may split the last character: that incomplete character is dropped without a word;
 * any other invalid byte makes {@link #decode} return {@code null}, so that the caller can
 * say where.
 */
final class SavText {
    private final Charset charset;
    private final CharsetDecoder decoder;

    SavText(Charset charset) {
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The text of {@code b[from..from+length)}, or {@code null} if the bytes are not valid in the charset. */
    String decode(byte[] b, int from, int length) {
        decoder.reset();
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(decoder.maxCharsPerByte() * length) + 2);
        // not the end of input: bytes of a character cut at the end stay unconsumed instead of being an error
        CoderResult result = decoder.decode(ByteBuffer.wrap(b, from, length), out, false);
        if (result.isError() || result.isOverflow()) {
            return null;
        }
        return out.flip().toString();
    }

    /** The text with invalid bytes replaced by U+FFFD. */
    String lenient(byte[] b, int from, int length) {
        return new String(b, from, length, charset);
    }
}
