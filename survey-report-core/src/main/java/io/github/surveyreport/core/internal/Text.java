package io.github.surveyreport.core.internal;

import java.util.Locale;

/**
 * Text as it goes into messages and reports. Messages quote what the user wrote, but a cell can
 * be megabytes long or hold control characters that garble a terminal: {@link #forMessage}
 * cuts and escapes it. Reports are XHTML, in which most C0 control characters cannot occur at
 * all: {@link #xmlSafe} replaces them once, when the text is read, so that no output format can
 * fail on them later.
 */
public final class Text {
    /** Characters of a quoted value kept in a message. */
    public static final int MESSAGE_LENGTH = 60;

    private Text() {
    }

    /**
     * {@code value} for a message: control and other invisible characters escaped ({@code \x0B},
     * {@code \u200B}), and cut after {@value #MESSAGE_LENGTH} characters with the full length
     * said, so one huge cell cannot make a huge error line.
     */
    public static String forMessage(String value) {
        if (value == null) {
            return "null";
        }
        int length = value.length();
        String shown = length > MESSAGE_LENGTH
                ? value.substring(0, Character.isHighSurrogate(value.charAt(MESSAGE_LENGTH - 1))
                        ? MESSAGE_LENGTH - 1 : MESSAGE_LENGTH)
                : value;
        String escaped = escape(shown);
        return length > MESSAGE_LENGTH ? escaped + "… (" + length + " characters)" : escaped;
    }

    /** Control, format and unpaired surrogate characters as {@code \xNN} or {@code \}{@code uNNNN}; the rest as is. */
    public static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            boolean invisible = !pair && (Character.isISOControl(c) || Character.isSurrogate(c)
                    || Character.getType(c) == Character.FORMAT || c == '\uFFFE' || c == '\uFFFF');
            if (invisible && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (invisible) {
                    out.append(c < 0x100 ? String.format(Locale.ROOT, "\\x%02X", (int) c)
                            : String.format(Locale.ROOT, "\\u%04X", (int) c));
                } else {
                    out.append(c);
                    if (pair) {
                        out.append(value.charAt(++i));
                    }
                }
            } else if (pair) {
                i++;
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * Whether {@code value} is empty or only spaces and tabs: a cell that holds no answer. (Not
     * {@link String#isBlank()}, which also counts the ideographic space U+3000, an answer some
     * exports use as a placeholder; the byte scanner uses the same rule.)
     */
    public static boolean isSpaces(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The index of the first character XML 1.0 does not allow in text, or -1. */
    public static int firstXmlInvalid(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return i;
                }
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                return i;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code value} with the characters XML 1.0 does not allow replaced: a vertical tab or form
     * feed (what Excel keeps of Word's manual line break, Alt+Enter in some exports) by a space,
     * every other one by U+FFFD, so the reader sees where something was.
     */
    public static String xmlSafe(String value) {
        int first = firstXmlInvalid(value);
        if (first < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length()).append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0x0B || c == 0x0C) {
                out.append(' ');
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
                out.append('\uFFFD');
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    out.append(c).append(value.charAt(++i));
                } else {
                    out.append('\uFFFD');
                }
            } else if (Character.isLowSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Levenshtein distance: how many single-character edits turn {@code a} into {@code b}, for "did you mean". */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
