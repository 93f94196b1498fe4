package io.github.surveyreport.core.report;

/**
 * Parses SVG path data (the {@code d} attribute, SVG 1.1 section 8.3) into absolute moves,
 * lines and cubic Béziers: all commands, relative and absolute, with quadratic curves raised
 * to cubics and elliptical arcs approximated by cubics (SVG 1.1 appendix F.6). As the
 * specification asks, drawing stops at the first error, and the error is returned.
 */
final class SvgPathData {
    /** Receives the outline in absolute coordinates. */
    interface Sink {
        void moveTo(double x, double y);

        void lineTo(double x, double y);

        void curveTo(double x1, double y1, double x2, double y2, double x, double y);

        void closePath();
    }

    private final String d;
    private int pos;

    private SvgPathData(String d) {
        this.d = d;
    }

    /**
     * Sends the outline of {@code d} to {@code sink}.
     *
     * @return {@code null}, or what is wrong at the point where drawing stopped
     */
    static String parse(String d, Sink sink) {
        return new SvgPathData(d == null ? "" : d).run(sink);
    }

    private String run(Sink sink) {
        double x = 0;
        double y = 0;
        double startX = 0;
        double startY = 0;
        // the reflected control point for S and T, valid only right after a curve of the same kind
        double ctrlX = 0;
        double ctrlY = 0;
        char previous = ' ';
        char command = ' ';
        skipSeparators();
        while (pos < d.length()) {
            char c = d.charAt(pos);
            if (Character.isLetter(c)) {
                command = c;
                pos++;
            } else if (command == ' ' || command == 'Z' || command == 'z') {
                return "expected a command at position " + (pos + 1) + " of \"" + d + "\"";
            } else if (command == 'M') {
                command = 'L'; // coordinates after a moveto are implicit linetos
            } else if (command == 'm') {
                command = 'l';
            }
            if ((previous == ' ') && command != 'M' && command != 'm') {
                return "path data must start with a moveto: \"" + d + "\"";
            }
            boolean relative = Character.isLowerCase(command);
            double ox = relative ? x : 0;
            double oy = relative ? y : 0;
            try {
                switch (Character.toUpperCase(command)) {
                    case 'M' -> {
                        x = ox + number();
                        y = oy + number();
                        startX = x;
                        startY = y;
                        sink.moveTo(x, y);
                    }
                    case 'L' -> {
                        x = ox + number();
                        y = oy + number();
                        sink.lineTo(x, y);
                    }
                    case 'H' -> {
                        x = ox + number();
                        sink.lineTo(x, y);
                    }
                    case 'V' -> {
                        y = oy + number();
                        sink.lineTo(x, y);
                    }
                    case 'C' -> {
                        double x1 = ox + number();
                        double y1 = oy + number();
                        ctrlX = ox + number();
                        ctrlY = oy + number();
                        x = ox + number();
                        y = oy + number();
                        sink.curveTo(x1, y1, ctrlX, ctrlY, x, y);
                    }
                    case 'S' -> {
                        boolean follows = "CcSs".indexOf(previous) >= 0;
                        double x1 = follows ? 2 * x - ctrlX : x;
                        double y1 = follows ? 2 * y - ctrlY : y;
                        ctrlX = ox + number();
                        ctrlY = oy + number();
                        x = ox + number();
                        y = oy + number();
                        sink.curveTo(x1, y1, ctrlX, ctrlY, x, y);
                    }
                    case 'Q' -> {
                        ctrlX = ox + number();
                        ctrlY = oy + number();
                        double ex = ox + number();
                        double ey = oy + number();
                        quadratic(sink, x, y, ctrlX, ctrlY, ex, ey);
                        x = ex;
                        y = ey;
                    }
                    case 'T' -> {
                        boolean follows = "QqTt".indexOf(previous) >= 0;
                        ctrlX = follows ? 2 * x - ctrlX : x;
                        ctrlY = follows ? 2 * y - ctrlY : y;
                        double ex = ox + number();
                        double ey = oy + number();
                        quadratic(sink, x, y, ctrlX, ctrlY, ex, ey);
                        x = ex;
                        y = ey;
                    }
                    case 'A' -> {
                        double rx = number();
                        double ry = number();
                        double rotation = number();
                        boolean large = flag();
                        boolean sweep = flag();
                        double ex = ox + number();
                        double ey = oy + number();
                        arc(sink, x, y, rx, ry, rotation, large, sweep, ex, ey);
                        x = ex;
                        y = ey;
                    }
                    case 'Z' -> {
                        sink.closePath();
                        x = startX;
                        y = startY;
                    }
                    default -> {
                        return "unknown path command '" + command + "' in \"" + d + "\"";
                    }
                }
            } catch (IllegalArgumentException e) {
                return e.getMessage() + " in \"" + d + "\"";
            }
            previous = command;
            skipSeparators();
        }
        return null;
    }

    private static void quadratic(Sink sink, double x0, double y0, double qx, double qy, double x, double y) {
        sink.curveTo(x0 + 2.0 / 3 * (qx - x0), y0 + 2.0 / 3 * (qy - y0),
                x + 2.0 / 3 * (qx - x), y + 2.0 / 3 * (qy - y), x, y);
    }

    /** Endpoint to centre parameterisation (SVG 1.1 F.6.5), then one cubic per quarter turn at most. */
    static void arc(Sink sink, double x1, double y1, double rx, double ry, double rotationDegrees,
                    boolean largeArc, boolean sweep, double x2, double y2) {
        if (x1 == x2 && y1 == y2) {
            return;
        }
        rx = Math.abs(rx);
        ry = Math.abs(ry);
        if (rx == 0 || ry == 0) {
            sink.lineTo(x2, y2);
            return;
        }
        double phi = Math.toRadians(rotationDegrees % 360);
        double cos = Math.cos(phi);
        double sin = Math.sin(phi);
        double dx = (x1 - x2) / 2;
        double dy = (y1 - y2) / 2;
        double x1p = cos * dx + sin * dy;
        double y1p = -sin * dx + cos * dy;
        double lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
        if (lambda > 1) {
            double s = Math.sqrt(lambda);
            rx *= s;
            ry *= s;
        }
        double num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
        double den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
        double coef = Math.sqrt(Math.max(0, num / den)) * (largeArc == sweep ? -1 : 1);
        double cxp = coef * rx * y1p / ry;
        double cyp = -coef * ry * x1p / rx;
        double cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
        double cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
        double theta1 = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
        double delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
        if (!sweep && delta > 0) {
            delta -= 2 * Math.PI;
        } else if (sweep && delta < 0) {
            delta += 2 * Math.PI;
        }
        int segments = (int) Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9);
        double step = delta / segments;
        // control-point distance for a circular arc of angle step, on the unit circle
        double k = 4.0 / 3 * Math.tan(step / 4);
        double t = theta1;
        for (int i = 0; i < segments; i++) {
            double c1 = Math.cos(t);
            double s1 = Math.sin(t);
            double c2 = Math.cos(t + step);
            double s2 = Math.sin(t + step);
            double[] p1 = point(cx, cy, rx, ry, cos, sin, c1 - k * s1, s1 + k * c1);
            double[] p2 = point(cx, cy, rx, ry, cos, sin, c2 + k * s2, s2 - k * c2);
            double[] end = i == segments - 1 ? new double[] {x2, y2} : point(cx, cy, rx, ry, cos, sin, c2, s2);
            sink.curveTo(p1[0], p1[1], p2[0], p2[1], end[0], end[1]);
            t += step;
        }
    }

    private static double[] point(double cx, double cy, double rx, double ry, double cos, double sin,
                                  double ux, double uy) {
        double px = rx * ux;
        double py = ry * uy;
        return new double[] {cos * px - sin * py + cx, sin * px + cos * py + cy};
    }

    private static double angle(double ux, double uy, double vx, double vy) {
        return Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    }

    private void skipSeparators() {
        while (pos < d.length()) {
            char c = d.charAt(pos);
            if (c == ',' || Character.isWhitespace(c)) {
                pos++;
            } else {
                break;
            }
        }
    }

    private boolean flag() {
        skipSeparators();
        if (pos < d.length() && (d.charAt(pos) == '0' || d.charAt(pos) == '1')) {
            return d.charAt(pos++) == '1';
        }
        throw new IllegalArgumentException("expected an arc flag (0 or 1) at position " + (pos + 1));
    }

    /** One SVG number: sign, digits, fraction, exponent; "1.5.5" is two numbers, "1-2" too. */
    private double number() {
        skipSeparators();
        int start = pos;
        if (pos < d.length() && (d.charAt(pos) == '+' || d.charAt(pos) == '-')) {
            pos++;
        }
        int digits = 0;
        while (pos < d.length() && Character.isDigit(d.charAt(pos))) {
            pos++;
            digits++;
        }
        if (pos < d.length() && d.charAt(pos) == '.') {
            pos++;
            while (pos < d.length() && Character.isDigit(d.charAt(pos))) {
                pos++;
                digits++;
            }
        }
        if (digits == 0) {
            pos = start;
            throw new IllegalArgumentException("expected a number at position " + (start + 1));
        }
        if (pos < d.length() && (d.charAt(pos) == 'e' || d.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < d.length() && (d.charAt(pos) == '+' || d.charAt(pos) == '-')) {
                pos++;
            }
            int exponentDigits = 0;
            while (pos < d.length() && Character.isDigit(d.charAt(pos))) {
                pos++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                pos = mark; // an 'e' that starts no exponent is not part of the number
            }
        }
        return Double.parseDouble(d.substring(start, pos));
    }
}
