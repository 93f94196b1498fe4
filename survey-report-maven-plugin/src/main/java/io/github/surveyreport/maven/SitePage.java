package io.github.surveyreport.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's HTML page made into the content of a site page, for the site's skin to frame
 * with its navigation: the body in a {@code div.survey-report-page}, and the report's
 * stylesheet scoped to it (so that the skin's menus keep their own look). {@code body}
 * selectors become the inner {@code div} that carries the body's classes, {@code html} rules and
 * {@code @page} rules (which are for the PDF) are dropped.
 */
final class SitePage {
    static final String SCOPE = ".survey-report-page";

    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<body class=\"([^\"]*)\">(.*)</body>", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern BODY_SELECTOR = Pattern.compile("^body(?=[.\\s:\\[>]|$)");

    final String title;
    final String content;

    private SitePage(String title, String content) {
        this.title = title;
        this.content = content;
    }

    /** The site content of the report page {@code html} (as the templates render it). */
    static SitePage of(String html) {
        int bodyStart = html.indexOf("<body");
        String head = bodyStart < 0 ? html : html.substring(0, bodyStart);
        Matcher title = TITLE.matcher(head);
        StringBuilder css = new StringBuilder();
        Matcher style = STYLE.matcher(head);
        while (style.find()) {
            css.append(scope(style.group(1))).append('\n');
        }
        Matcher body = BODY.matcher(html);
        if (!body.find()) {
            throw new IllegalArgumentException("the report page has no <body class=\"…\">");
        }
        String content = "<style>\n" + css + "</style>\n"
                + "<div class=\"survey-report-page\"><div class=\"" + body.group(1) + "\">"
                + body.group(2)
                + "</div></div>\n";
        return new SitePage(title.find() ? title.group(1).strip() : "Survey report", content);
    }

    /** The stylesheet with every rule limited to the report's content. */
    static String scope(String css) {
        StringBuilder out = new StringBuilder();
        scope(COMMENT.matcher(css).replaceAll(""), out);
        return out.toString();
    }

    private static void scope(String css, StringBuilder out) {
        int i = 0;
        while (i < css.length()) {
            int open = css.indexOf('{', i);
            if (open < 0) {
                break;
            }
            String prelude = css.substring(i, open).strip();
            int close = matching(css, open);
            String block = css.substring(open + 1, close);
            i = close + 1;
            if (prelude.startsWith("@page")) {
                continue;
            }
            if (prelude.startsWith("@media")) {
                StringBuilder inner = new StringBuilder();
                scope(block, inner);
                out.append(prelude).append(" {\n").append(inner).append("}\n");
                continue;
            }
            if (prelude.startsWith("@")) {
                out.append(prelude).append(" {").append(block).append("}\n");
                continue;
            }
            List<String> selectors = new ArrayList<>();
            for (String selector : prelude.split(",")) {
                String s = selector.strip();
                if (s.equals("html") || s.startsWith("html ") || s.startsWith("html.")) {
                    continue;
                }
                Matcher body = BODY_SELECTOR.matcher(s);
                selectors.add(body.find() ? SCOPE + " > div" + s.substring(body.end()) : SCOPE + " " + s);
            }
            if (!selectors.isEmpty()) {
                out.append(String.join(", ", selectors)).append(" {").append(block).append("}\n");
            }
        }
    }

    /** The index of the brace closing the one at {@code open}. */
    private static int matching(String css, int open) {
        int depth = 0;
        for (int i = open; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces in the report's stylesheet");
    }
}
