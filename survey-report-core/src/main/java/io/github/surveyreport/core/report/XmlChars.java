package io.github.surveyreport.core.report;

/**
 * The last line of defence against characters that XML 1.0 does not allow (controls other than
 * tab, line feed and carriage return, U+FFFE, U+FFFF, unpaired surrogates): the study and data
 * readers replace them, but a program that builds its {@code Study} or {@code Results} itself
 * may pass them on, and a single one makes the XHTML not well-formed, so that Flying Saucer
 * cannot read the PDF's document. The renderer filters its whole output rather than escaping
 * each value, because values also reach the document unescaped (the figure's SVG markup) and
 * through project templates; neither escaping nor a character reference can carry these
 * characters in XML 1.0, so they become U+FFFD, the replacement character.
 */
final class XmlChars {
    static final char REPLACEMENT = '\uFFFD';

    private XmlChars() {
    }

    /** The text with each character XML 1.0 does not allow replaced; the same string if there is none. */
    static String valid(String text) {
        int first = firstInvalid(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(allowed(c) ? c : REPLACEMENT);
            }
        }
        return out.toString();
    }

    private static int firstInvalid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!allowed(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A char XML 1.0 allows on its own (a surrogate only in a pair, checked by the caller). */
    private static boolean allowed(char c) {
        return c >= 0x20 ? c < 0xD800 || (c > 0xDFFF && c < 0xFFFE) : c == '\t' || c == '\n' || c == '\r';
    }
}
