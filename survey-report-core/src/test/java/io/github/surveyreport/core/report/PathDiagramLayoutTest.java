package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The research-model figure's geometry for models with one, two and three dependent constructs,
 * with and without a mediator and a moderator: no two arrows that do not share a box cross, and
 * no label overlaps another label or a box. The figure is read back from its SVG: boxes are the
 * rounded rectangles, arrows the lines and curves (curves flattened), and each label's extent is
 * computed from its text with the diagram's own width estimate.
 */
class PathDiagramLayoutTest {
    private static final NumberFormats FMT = new NumberFormats(3);

    /**
     * The last column is the number of crossings no layout in columns can avoid: when every one of
     * m predictors points at every one of n dependents, any order of the two columns has
     * C(m, 2) · C(n, 2) crossings (three for 3 × 2 and for 2 × 3, one for 2 × 2). A moderator of a
     * mediation's b path whose c′ path arcs over the mediator, with more outcomes fanning out of
     * the mediator below, has its box above the arc or below the fan: its arrow crosses one of them
     * (the diagram has no room for the box inside the a–b–c′ triangle).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "one outcome|'A ~ C + E + N + O'|||0",
        "two outcomes|'A ~ C + E', 'O ~ E + N'|||0",
        "two outcomes in study order against the flow|'A ~ N + E', 'O ~ E + C'|||0",
        "two outcomes, shared predictors|'A ~ C + E + N', 'O ~ C + E + N'|||3",
        "three outcomes|'A ~ C + E', 'O ~ C + N', 'N ~ E'|||0",
        "three outcomes, shared predictors|'A ~ C + E', 'O ~ C + E', 'N ~ C + E'|||3",
        "two outcomes and a mediator|'O ~ C + E'|'{x: C, mediators: [E], y: A}'||0",
        "three outcomes and a mediator|'O ~ C + E', 'N ~ E'|'{x: C, mediators: [E], y: A}'||0",
        "two outcomes and a moderator|'A ~ C + E', 'N ~ C'||'{x: E, moderator: O, y: A}'|0",
        "a moderator that is also a predictor|'A ~ C + E + N', 'O ~ C + N'||'{x: E, moderator: N, y: A}'|1",
        "three outcomes, a mediator and a moderator|'O ~ C + E', 'N ~ E'|'{x: C, mediators: [E], y: A}'|'{x: E, moderator: S, y: A}'|1",
    })
    void arrowsDoNotCrossAndLabelsDoNotOverlap(String name, String regressions, String mediation, String moderation,
                                               int unavoidable) throws Exception {
        String svg = diagram(name, regressions, mediation, moderation);
        Figure f = Figure.read(svg);
        // for a look: target/report-test/layout-*/figure.png
        Files.write(Fixtures.output("layout-" + name.replaceAll("[^a-z0-9]+", "-")).resolve("figure.png"),
                SvgFigure.parse(svg, w -> { }).png(1.5));
        assertThat(f.boxes).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < f.arrows.size(); i++) {
            for (int j = i + 1; j < f.arrows.size(); j++) {
                Arrow a = f.arrows.get(i);
                Arrow b = f.arrows.get(j);
                if (a.sharesABoxWith(b, f.boxes)) {
                    continue;
                }
                if (a.crosses(b)) {
                    problems.add("arrow " + i + " crosses arrow " + j);
                }
            }
        }
        for (int i = 0; i < f.arrows.size(); i++) {
            for (int j = 0; j < f.boxes.size(); j++) {
                if (f.arrows.get(i).passesThrough(f.boxes.get(j))) {
                    problems.add("arrow " + i + " passes through box " + j);
                }
            }
        }
        List<double[]> all = new ArrayList<>(f.boxes);
        for (int i = 0; i < f.labels.size(); i++) {
            double[] label = f.labels.get(i);
            for (int j = 0; j < all.size(); j++) {
                if (overlap(label, all.get(j))) {
                    problems.add("label " + f.labelTexts.get(i) + " overlaps "
                            + (j < f.boxes.size() ? "box " + j : "label " + f.labelTexts.get(j - f.boxes.size())));
                }
            }
            all.add(label);
        }
        long crossings = problems.stream().filter(p -> p.contains("crosses")).count();
        assertThat(crossings).as(name + ": " + problems).isLessThanOrEqualTo(unavoidable);
        assertThat(problems).as(name).allMatch(p -> p.contains("crosses"));
        // an arrow through a box is no unavoidable crossing
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5;
    }

    static String diagram(String name, String regressions, String mediation, String moderation) throws IOException {
        Path dir = Files.createDirectories(Fixtures.output("layout-" + name.replaceAll("[^a-z0-9]+", "-")));
        Files.copy(Fixtures.resource("report/bfi/responses.csv"), dir.resolve("responses.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        StringBuilder yaml = new StringBuilder("""
                title: Layout
                language: en
                data:
                  file: responses.csv
                scale: {min: 1, max: 6}
                constructs:
                  A: {label: Agreeableness, items: [A1, A2, A3, A4, A5], reverse: [A1]}
                  C: {label: Conscientiousness, items: [C1, C2, C3, C4, C5], reverse: [C4, C5]}
                  E: {label: Extraversion, items: [E1, E2, E3, E4, E5], reverse: [E1, E2]}
                  N: {label: Neuroticism, items: [N1, N2, N3, N4, N5]}
                  O: {label: Openness to experience, items: [O2, O4, O5], reverse: [O2, O5]}
                  S: {label: Self-efficacy, items: [O1, O3]}
                bootstrap: {samples: 1000, seed: 1, confidence: 0.95}
                """);
        yaml.append("regressions: [").append(regressions).append("]\n");
        if (mediation != null) {
            yaml.append("mediation: [").append(mediation).append("]\n");
        }
        if (moderation != null) {
            yaml.append("moderation: [").append(moderation).append("]\n");
        }
        Files.writeString(dir.resolve("study.yaml"), yaml);
        Study study = StudyLoader.load(dir.resolve("study.yaml"));
        return new PathDiagram(study, SurveyAnalysis.run(study), FMT, "serif").svg();
    }

    /** An arrow as a polyline (its head included). */
    record Arrow(List<double[]> points) {
        boolean sharesABoxWith(Arrow other, List<double[]> boxes) {
            for (double[] box : boxes) {
                if ((touches(box, first()) || touches(box, last()))
                        && (touches(box, other.first()) || touches(box, other.last()))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the arrow ends on the arrow (the moderator's) or the other way round. */
        boolean crosses(Arrow other) {
            for (int i = 1; i < points.size(); i++) {
                for (int j = 1; j < other.points.size(); j++) {
                    if (properlyIntersect(points.get(i - 1), points.get(i), other.points.get(j - 1), other.points.get(j))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether a point of the arrow short of its ends lies inside the box (shrunk by 2). */
        boolean passesThrough(double[] box) {
            for (int i = 0; i + 1 < points.size(); i++) {
                double[] a = points.get(i);
                double[] b = points.get(i + 1);
                for (int k = 0; k <= 20; k++) {
                    double x = a[0] + (b[0] - a[0]) * k / 20;
                    double y = a[1] + (b[1] - a[1]) * k / 20;
                    if (x > box[0] + 2 && x < box[2] - 2 && y > box[1] + 2 && y < box[3] - 2) {
                        return true;
                    }
                }
            }
            return false;
        }

        double[] first() {
            return points.get(0);
        }

        double[] last() {
            return points.get(points.size() - 1);
        }

        private static boolean touches(double[] box, double[] p) {
            return p[0] >= box[0] - 1.5 && p[0] <= box[2] + 1.5 && p[1] >= box[1] - 1.5 && p[1] <= box[3] + 1.5;
        }

        /** Segments cross in their interiors (an end lying on the other segment, as a moderator's head does, is no crossing). */
        private static boolean properlyIntersect(double[] p1, double[] p2, double[] q1, double[] q2) {
            double d1 = cross(q1, q2, p1);
            double d2 = cross(q1, q2, p2);
            double d3 = cross(p1, p2, q1);
            double d4 = cross(p1, p2, q2);
            double eps = 1e-6;
            return (d1 > eps && d2 < -eps || d1 < -eps && d2 > eps) && (d3 > eps && d4 < -eps || d3 < -eps && d4 > eps)
                    && !near(p1, q1, q2) && !near(p2, q1, q2) && !near(q1, p1, p2) && !near(q2, p1, p2);
        }

        private static double cross(double[] a, double[] b, double[] c) {
            return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
        }

        /** p within 2 units of segment ab: an arrow whose head rests on another arrow. */
        private static boolean near(double[] p, double[] a, double[] b) {
            double dx = b[0] - a[0];
            double dy = b[1] - a[1];
            double t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
            return Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]) < 2;
        }
    }

    /** The parts of a path diagram read back from its SVG. */
    static final class Figure {
        final List<double[]> boxes = new ArrayList<>();
        final List<Arrow> arrows = new ArrayList<>();
        final List<double[]> labels = new ArrayList<>();
        final List<String> labelTexts = new ArrayList<>();

        static Figure read(String svg) throws Exception {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(svg))).getDocumentElement();
            Figure f = new Figure();
            NodeList all = root.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                switch (e.getTagName()) {
                    case "rect" -> {
                        if (e.hasAttribute("rx")) {
                            double x = num(e, "x");
                            double y = num(e, "y");
                            f.boxes.add(new double[] {x, y, x + num(e, "width"), y + num(e, "height")});
                        }
                    }
                    case "line" -> f.arrows.add(new Arrow(new ArrayList<>(List.of(
                            new double[] {num(e, "x1"), num(e, "y1")}, new double[] {num(e, "x2"), num(e, "y2")}))));
                    case "path" -> f.arrows.add(new Arrow(flatten(e.getAttribute("d"))));
                    case "polygon" -> {
                        // the head: its tip ends the arrow drawn just before it
                        String[] tip = e.getAttribute("points").trim().split("\\s+")[0].split(",");
                        f.arrows.get(f.arrows.size() - 1).points()
                                .add(new double[] {Double.parseDouble(tip[0]), Double.parseDouble(tip[1])});
                    }
                    case "text" -> {
                        if (!insideABox(f.boxes, num(e, "x"), num(e, "y"))) {
                            String text = e.getTextContent();
                            double w = PathDiagram.textWidth(text);
                            double x = num(e, "x");
                            double y = num(e, "y");
                            // 13-unit text: cap height above the baseline, descenders below
                            f.labels.add(new double[] {x - w / 2, y - 10, x + w / 2, y + 3});
                            f.labelTexts.add(text);
                        }
                    }
                    default -> {
                    }
                }
            }
            return f;
        }

        private static boolean insideABox(List<double[]> boxes, double x, double y) {
            for (double[] b : boxes) {
                if (x > b[0] && x < b[2] && y > b[1] && y < b[3]) {
                    return true;
                }
            }
            return false;
        }

        /** "M x y C x1 y1 x2 y2 x y" as 24 segments. */
        private static List<double[]> flatten(String d) {
            String[] t = d.replace("M", " ").replace("C", " ").trim().split("[\\s,]+");
            double[] v = new double[8];
            for (int i = 0; i < 8; i++) {
                v[i] = Double.parseDouble(t[i]);
            }
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i <= 24; i++) {
                double s = i / 24.0;
                double u = 1 - s;
                points.add(new double[] {
                    u * u * u * v[0] + 3 * u * u * s * v[2] + 3 * u * s * s * v[4] + s * s * s * v[6],
                    u * u * u * v[1] + 3 * u * u * s * v[3] + 3 * u * s * s * v[5] + s * s * s * v[7]});
            }
            return points;
        }

        private static double num(Element e, String name) {
            return Double.parseDouble(e.getAttribute(name));
        }
    }
}
