package io.github.surveyreport.core.report;

import io.github.surveyreport.core.results.Descriptives;
import io.github.surveyreport.core.results.Moderation;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The simple-slopes plot of a moderation as SVG, drawn like {@link PathDiagram} with only what
 * the PDF's own painter ({@link SvgPdfPainter}) draws: lines, circles, polylines and one-line
 * text, no markers, gradients or rotated text. The predicted y at x = mean ± 1 SD, one line per
 * simple slope (moderator at mean − 1 SD, mean, mean + 1 SD, or its two categories), covariates
 * at their means; solid, dashed and dotted, with a legend.
 */
final class SimpleSlopesPlot {
    private static final double FONT_SIZE = 12;
    private static final double WIDTH = 470;
    private static final double HEIGHT = 290;
    private static final double LEFT = 58;
    private static final double RIGHT = 150;
    private static final double TOP = 30;
    private static final double BOTTOM = 48;
    private static final double MM_PER_UNIT = 0.26;
    private static final String[] DASHES = {"", "7,4", "2,3", "10,3,2,3"};

    private final Study study;
    private final Results results;
    private final Moderation m;
    private final NumberFormats fmt;
    private final String fontFamily;

    SimpleSlopesPlot(Study study, Results results, Moderation m, NumberFormats fmt, String fontFamily) {
        this.study = study;
        this.results = results;
        this.m = m;
        this.fmt = fmt;
        this.fontFamily = fontFamily;
    }

    /** The names of the simple slopes' moderator values: −1 SD, M, +1 SD; {@code null}s for categories. */
    static List<String> levels(Moderation m) {
        List<String> out = new ArrayList<>();
        if (m.simpleSlopes().size() == 3) {
            out.add(NumberFormats.MINUS + "1 SD");
            out.add("M");
            out.add("+1 SD");
        }
        return out;
    }

    /** The SVG markup, or {@code null} when the mean and SD of x are unknown. */
    String svg() {
        double[] xStats = meanSd(m.x());
        if (xStats == null || m.simpleSlopes().isEmpty()) {
            return null;
        }
        double b0 = 0;
        double bx = 0;
        double bw = 0;
        double bxw = 0;
        double covariates = 0;
        for (RegressionResult.Coefficient c : m.coefficients()) {
            String term = c.term();
            if (RegressionResult.INTERCEPT.equals(term)) {
                b0 = c.b();
            } else if (term.equals(m.x())) {
                bx = c.b();
            } else if (term.contains(" \u00D7 ")) {
                bxw = c.b();
            } else if (term.equals(m.moderator()) || term.startsWith(m.moderator() + " = ")) {
                bw = c.b();
            } else {
                double[] stats = meanSd(term);
                covariates += stats == null ? 0 : c.b() * stats[0];
            }
        }
        double xLow = xStats[0] - xStats[1];
        double xHigh = xStats[0] + xStats[1];
        int lines = m.simpleSlopes().size();
        double[][] y = new double[lines][2];
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < lines; i++) {
            double w = m.simpleSlopes().get(i).moderatorValue();
            y[i][0] = b0 + bx * xLow + bw * w + bxw * xLow * w + covariates;
            y[i][1] = b0 + bx * xHigh + bw * w + bxw * xHigh * w + covariates;
            min = Math.min(min, Math.min(y[i][0], y[i][1]));
            max = Math.max(max, Math.max(y[i][0], y[i][1]));
        }
        double[] ticks = ticks(min, max);
        double lo = ticks[0];
        double hi = ticks[ticks.length - 1];
        double plotLeft = LEFT;
        double plotRight = WIDTH - RIGHT;
        double plotTop = TOP;
        double plotBottom = HEIGHT - BOTTOM;
        double x0 = plotLeft + (plotRight - plotLeft) * 0.15;
        double x1 = plotLeft + (plotRight - plotLeft) * 0.85;

        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure\" viewBox=\"0 0 ").append(n(WIDTH))
                .append(' ').append(n(HEIGHT)).append("\" width=\"").append(n(WIDTH)).append("\" height=\"")
                .append(n(HEIGHT)).append("\" style=\"width: ").append(n(WIDTH * MM_PER_UNIT)).append("mm\"")
                .append(" role=\"img\" font-family=\"").append(PathDiagram.escape(fontFamily))
                .append("\" font-size=\"").append(n(FONT_SIZE)).append("\">");
        // axes
        line(svg, plotLeft, plotTop, plotLeft, plotBottom, "", 1);
        line(svg, plotLeft, plotBottom, plotRight, plotBottom, "", 1);
        for (double t : ticks) {
            double ty = scale(t, lo, hi, plotBottom, plotTop);
            line(svg, plotLeft - 4, ty, plotLeft, ty, "", 1);
            text(svg, plotLeft - 7, ty + 4, fmt.num(t, 2), "end");
        }
        line(svg, x0, plotBottom, x0, plotBottom + 4, "", 1);
        line(svg, x1, plotBottom, x1, plotBottom + 4, "", 1);
        text(svg, x0, plotBottom + 17, NumberFormats.MINUS + "1 SD", "middle");
        text(svg, x1, plotBottom + 17, "+1 SD", "middle");
        text(svg, (plotLeft + plotRight) / 2, plotBottom + 36, study.label(m.x()), "middle");
        text(svg, plotLeft - 7, plotTop - 14, study.label(m.y()), "start");
        // one line per moderator value, and the legend
        List<String> levels = levels(m);
        text(svg, plotRight + 18, plotTop + 4, study.label(m.moderator()), "start");
        for (int i = 0; i < lines; i++) {
            double ya = scale(y[i][0], lo, hi, plotBottom, plotTop);
            double yb = scale(y[i][1], lo, hi, plotBottom, plotTop);
            String dash = DASHES[i % DASHES.length];
            line(svg, x0, ya, x1, yb, dash, 1.6);
            circle(svg, x0, ya);
            circle(svg, x1, yb);
            double ly = plotTop + 24 + 20 * i;
            line(svg, plotRight + 18, ly - 4, plotRight + 48, ly - 4, dash, 1.6);
            String level = i < levels.size() ? levels.get(i)
                    : "= " + fmt.num(m.simpleSlopes().get(i).moderatorValue(), 0);
            text(svg, plotRight + 54, ly, level, "start");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** Mean and SD of a construct score or column, from the results' descriptives, or {@code null}. */
    private double[] meanSd(String term) {
        Descriptives d = results.descriptives();
        if (d == null) {
            return null;
        }
        if (d.constructs() != null) {
            for (Descriptives.ConstructDescriptives c : d.constructs()) {
                if (c.id().equals(term) && c.sd() != null) {
                    return new double[] {c.mean(), c.sd()};
                }
            }
        }
        if (d.items() != null) {
            for (Descriptives.ItemDescriptives c : d.items()) {
                if (c.item().equals(term) && c.sd() != null) {
                    return new double[] {c.mean(), c.sd()};
                }
            }
        }
        return null;
    }

    /** Four to six round tick values covering [min, max]. */
    static double[] ticks(double min, double max) {
        if (!(max > min)) {
            max = min + 1;
        }
        double range = max - min;
        double raw = range / 4;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            step = f * magnitude;
            if (range / step <= 5) {
                break;
            }
        }
        double start = Math.floor(min / step) * step;
        double end = Math.ceil(max / step) * step;
        int count = (int) Math.round((end - start) / step) + 1;
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = start + i * step;
        }
        return out;
    }

    private static double scale(double v, double lo, double hi, double bottom, double top) {
        return bottom - (v - lo) / (hi - lo) * (bottom - top);
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String dash, double width) {
        svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"#000000\" stroke-width=\"").append(n(width))
                .append('"');
        if (!dash.isEmpty()) {
            svg.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        svg.append("/>");
    }

    private static void circle(StringBuilder svg, double cx, double cy) {
        svg.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy))
                .append("\" r=\"3\" fill=\"#000000\"/>");
    }

    private static void text(StringBuilder svg, double x, double y, String text, String anchor) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" fill=\"#000000\">").append(PathDiagram.escape(text)).append("</text>");
    }

    private static String n(double value) {
        String s = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return s.equals("-0") ? "0" : s;
    }
}
