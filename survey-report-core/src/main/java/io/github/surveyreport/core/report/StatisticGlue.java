package io.github.surveyreport.core.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps each statistic of the narrative on one line: wraps {@code p = .955},
 * {@code F(4, 380) = 135.23}, {@code χ²/df = 2.41}, {@code 95% CI [0.05, 0.21]} and every other
 * decimal number in {@code <span class="nowrap">}. Flying Saucer otherwise breaks lines after a
 * decimal point ("p = .⏎955"): its line breaker treats the point like a full stop, whatever break
 * strategy is set, but it honours {@code white-space: nowrap} (report.css). The span carries no
 * characters of its own, so the HTML text statcheck reads, the DOCX and the LaTeX (which pass an
 * unknown span's text through with plain spaces) are unchanged.
 */
final class StatisticGlue {
    /**
     * A symbol (italic, maybe with Δ, ², ′, a /df or a superscript; or a plain word: RMSEA, or the
     * last word of a moderator's name in "at Openness = 0.12"), its degrees of freedom, a
     * relation and a value.
     */
    private static final String STATISTIC = "(?:Δ)?(?:<i>[^<]{1,12}</i>|[\\p{L}\\p{N}_'’-]{1,30})"
            + "(?:²|′|<sup>[^<]{1,4}</sup>)?(?:/<i>[^<]{1,6}</i>)?"
            + "(?:\\([^()<]{1,40}\\))? (?:=|&lt;|&gt;|≤|≥) [−-]?\\d*\\.?\\d+%?";
    private static final String INTERVAL = "\\d{2}% CI \\[[^\\]<]{1,60}\\]";
    /** A lone decimal number ("the overall α was .72"), not inside a word or a longer number. */
    private static final String NUMBER = "(?<![\\w.])[−-]?\\d*\\.\\d+%?";
    /**
     * An opening parenthesis before and closing punctuation after join the span: a line must not
     * end in "(" nor start with ")" or ",", which Flying Saucer would allow at the span's edges.
     */
    private static final Pattern GLUED = Pattern.compile(
            "[(（]?(?:" + STATISTIC + "|" + INTERVAL + "|" + NUMBER + ")[),.;:\\]）），。；：、]*");

    private StatisticGlue() {
    }

    /** The narrative markup with its statistics in no-wrap spans; {@code null} stays {@code null}. */
    static String nowrap(String markup) {
        if (markup == null) {
            return null;
        }
        Matcher m = GLUED.matcher(markup);
        StringBuilder out = new StringBuilder(markup.length() + 64);
        while (m.find()) {
            m.appendReplacement(out, "");
            out.append("<span class=\"nowrap\">").append(m.group()).append("</span>");
        }
        m.appendTail(out);
        return out.toString();
    }
}
