package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Path data against the grammar and examples of SVG 1.1 section 8.3 and the arc conversion of
 * appendix F.6; expected values are worked out by hand.
 */
class SvgPathDataTest {

    /** Records the outline as text, coordinates rounded to 1e-6. */
    private static final class Recorder implements SvgPathData.Sink {
        final List<String> ops = new ArrayList<>();
        final List<double[]> curves = new ArrayList<>();

        @Override
        public void moveTo(double x, double y) {
            ops.add("M " + n(x) + " " + n(y));
        }

        @Override
        public void lineTo(double x, double y) {
            ops.add("L " + n(x) + " " + n(y));
        }

        @Override
        public void curveTo(double x1, double y1, double x2, double y2, double x, double y) {
            ops.add("C " + n(x1) + " " + n(y1) + " " + n(x2) + " " + n(y2) + " " + n(x) + " " + n(y));
            curves.add(new double[] {x1, y1, x2, y2, x, y});
        }

        @Override
        public void closePath() {
            ops.add("Z");
        }

        private static String n(double v) {
            String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
            return s.equals("-0") ? "0" : s;
        }
    }

    private static Recorder parse(String d) {
        Recorder r = new Recorder();
        assertThat(SvgPathData.parse(d, r)).as(d).isNull();
        return r;
    }

    @Test
    void absoluteAndRelativeLinesWithImplicitCommands() {
        // after a moveto, further pairs are linetos (relative after m)
        assertThat(parse("M10,20 30,40 l5-5 h10 v-10 H0 V0z").ops).containsExactly(
                "M 10 20", "L 30 40", "L 35 35", "L 45 35", "L 45 25", "L 0 25", "L 0 0", "Z");
        assertThat(parse("m1 1 2 2").ops).containsExactly("M 1 1", "L 3 3");
    }

    @Test
    void compactNumbersAsTheGrammarAllows() {
        // "0.5.5" is two numbers, "-1-2" too, exponents are numbers
        assertThat(parse("M0.5.5L-1-2L1e1,2E-1").ops).containsExactly("M 0.5 0.5", "L -1 -2", "L 10 0.2");
    }

    @Test
    void smoothCurvesReflectThePreviousControlPoint() {
        assertThat(parse("M0 0 C 0 10 10 10 10 0 S 20 -10 20 0").ops).containsExactly(
                "M 0 0", "C 0 10 10 10 10 0", "C 10 -10 20 -10 20 0");
        // S without a curve before it uses the current point as the first control point
        assertThat(parse("M0 0 S 10 10 20 0").ops).containsExactly("M 0 0", "C 0 0 10 10 20 0");
    }

    @Test
    void quadraticCurvesBecomeExactCubics() {
        // Q (0,0) (3,3) (6,0): cubic controls at 2/3 of the way to the quadratic control
        assertThat(parse("M0 0 Q 3 3 6 0 T 12 0").ops).containsExactly(
                "M 0 0", "C 2 2 4 2 6 0", "C 8 -2 10 -2 12 0");
    }

    @Test
    void aSemicircleArcStaysOnTheCircle() {
        // from (0,0) to (20,0) with r = 10: centre (10,0); sweep 1 goes through (10,-10) in y-down space
        Recorder r = parse("M0 0 A10 10 0 0 1 20 0");
        assertThat(r.curves).hasSize(2);
        double[] last = r.curves.get(1);
        assertThat(last[4]).isEqualTo(20.0);
        assertThat(last[5]).isEqualTo(0.0);
        for (double[] c : r.curves) {
            // the curve's midpoint lies on the circle to within the cubic approximation (2.7e-4 r)
            double mx = 0.125 * (r.curves.indexOf(c) == 0 ? 0 : 10) + 0.375 * c[0] + 0.375 * c[2] + 0.125 * c[4];
            double my = 0.125 * (r.curves.indexOf(c) == 0 ? 0 : -10) + 0.375 * c[1] + 0.375 * c[3] + 0.125 * c[5];
            assertThat(Math.hypot(mx - 10, my)).isCloseTo(10, within(10 * 3e-4));
            assertThat(my).isNegative();
        }
        assertThat(r.curves.get(0)[4]).isCloseTo(10, within(1e-9));
        assertThat(r.curves.get(0)[5]).isCloseTo(-10, within(1e-9));
    }

    @Test
    void radiiTooSmallAreScaledUpAndZeroRadiiDrawALine() {
        // r = 1 cannot span 20 units: scaled to 10, a semicircle (F.6.6)
        Recorder r = parse("M0 0 a1 1 0 1 0 20 0");
        assertThat(r.curves).hasSize(2);
        assertThat(r.curves.get(0)[5]).isCloseTo(10, within(1e-9));
        assertThat(parse("M0 0 A0 5 0 0 1 20 0").ops).containsExactly("M 0 0", "L 20 0");
    }

    @Test
    void drawingStopsAtTheFirstErrorWhichIsReported() {
        Recorder r = new Recorder();
        assertThat(SvgPathData.parse("M0 0 L10 10 L20", r)).contains("expected a number at position 16");
        assertThat(r.ops).containsExactly("M 0 0", "L 10 10");
        assertThat(SvgPathData.parse("L 1 1", new Recorder())).contains("must start with a moveto");
        assertThat(SvgPathData.parse("M0 0 X 1 1", new Recorder())).contains("unknown path command 'X'");
        assertThat(SvgPathData.parse("M0 0 A1 1 0 2 0 5 5", new Recorder())).contains("arc flag");
    }
}
