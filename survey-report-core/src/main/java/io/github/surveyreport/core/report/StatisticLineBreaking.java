package io.github.surveyreport.core.report;

import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.breaker.BreakPoint;
import org.xhtmlrenderer.layout.breaker.BreakPointsProvider;
import org.xhtmlrenderer.layout.breaker.DefaultLineBreakingStrategy;
import org.xhtmlrenderer.layout.breaker.LineBreakingStrategy;

/**
 * Flying Saucer's line breaking without breaks inside a statistic: its default (Java's line
 * {@code BreakIterator}) breaks after the decimal point of a number without a leading zero
 * ("p = .⏎955"), before or after "=" and "<", and inside "(4, 380)". This strategy takes the
 * default break points and skips those. The markup stays as it is, so the HTML text (which
 * statcheck reads), the DOCX and the LaTeX are untouched; only the PDF's lines change.
 *
 * <p>It takes effect only where {@code word-wrap} is {@code normal}: with {@code break-word}
 * Flying Saucer breaks a piece that does not fit the rest of the line anywhere (its
 * {@code BreakAnywhereLineBreakStrategy}, not this one) instead of moving it to the next line.
 * report.css therefore sets {@code word-wrap: normal} on the narrative and the table notes, and
 * this strategy lets a piece longer than {@link #LONG_WORD} characters (a label without spaces)
 * break anywhere itself, as break-word would.
 *
 * <p>Not prevented: a break where an inline element ends, as between the italic symbol and the
 * text after it ("<i>p</i>⏎= .187"); Flying Saucer decides those itself (a no-break space there
 * did not stop it).
 */
final class StatisticLineBreaking implements LineBreakingStrategy {
    private static final String RELATIONS = "=<>≤≥";
    /** Longer than "F(4, 380) = 135.23," or "95% CI [−0.05, 0.21]": a piece this long breaks anywhere. */
    private static final int LONG_WORD = 32;
    private final LineBreakingStrategy delegate = new DefaultLineBreakingStrategy();

    @Override
    public BreakPointsProvider getBreakPointsProvider(String text, String language, CalculatedStyle style) {
        BreakPointsProvider breaks = delegate.getBreakPointsProvider(text, language, style);
        return new BreakPointsProvider() {
            private int previous;
            private BreakPoint held;
            private int end;
            private int filler = Integer.MAX_VALUE;

            @Override
            public BreakPoint next() {
                if (held == null) {
                    BreakPoint point = breaks.next();
                    while (point.getPosition() > 0 && point.getPosition() < text.length()
                            && !allowed(text, point.getPosition())) {
                        point = breaks.next();
                    }
                    held = point;
                    end = point.getPosition() < 0 ? text.length() : point.getPosition();
                    // a word longer than any statistic (a label without spaces) may break anywhere
                    filler = end - previous > LONG_WORD ? previous + 1 : Integer.MAX_VALUE;
                }
                while (filler < end && Character.isLowSurrogate(text.charAt(filler))) {
                    filler++;
                }
                if (filler < end) {
                    return new BreakPoint(filler++);
                }
                BreakPoint point = held;
                held = null;
                previous = end;
                return point;
            }
        };
    }

    /** Whether a line may end before {@code text.charAt(at)}. */
    static boolean allowed(String text, int at) {
        char next = text.charAt(at);
        char last = text.charAt(at - 1);
        char beforeSpace = last == ' ' && at >= 2 ? text.charAt(at - 2) : last;
        if (RELATIONS.indexOf(next) >= 0 || RELATIONS.indexOf(beforeSpace) >= 0) {
            return false; // "p⏎= .05", "p =⏎.05"
        }
        if ((last == '.' || last == ',' || last == '−' || last == '-') && (Character.isDigit(next) || next == '.')) {
            return false; // ".⏎955", "−⏎0.23"
        }
        if (next == ')' || next == ']' || last == '(' || last == '[') {
            return false;
        }
        return !insideDegreesOfFreedom(text, at);
    }

    /** Inside "(4, 380)" or "[0.05, 0.21]": only digits, points, minus signs, commas and spaces to the brackets. */
    private static boolean insideDegreesOfFreedom(String text, int at) {
        int open = at - 1;
        while (open >= 0 && at - open < 24 && isNumberPart(text.charAt(open))) {
            open--;
        }
        int close = at;
        while (close < text.length() && close - at < 24 && isNumberPart(text.charAt(close))) {
            close++;
        }
        return open >= 0 && close < text.length() && (text.charAt(open) == '(' && text.charAt(close) == ')'
                || text.charAt(open) == '[' && text.charAt(close) == ']');
    }

    private static boolean isNumberPart(char c) {
        return Character.isDigit(c) || c == '.' || c == ',' || c == ' ' || c == '−' || c == '-';
    }
}
