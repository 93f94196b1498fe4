package io.github.surveyreport.core.report;

import io.github.surveyreport.core.results.HypothesisResult;
import io.github.surveyreport.core.results.Mediation;
import io.github.surveyreport.core.results.Moderation;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The research model as an SVG path diagram, laid out from the study: one box per term,
 * arranged in columns by the longest path leading to it (predictors on the left, dependents
 * on the right, mediators in between), arrows for the hypothesised paths (or, without
 * hypotheses, for every regression path) labelled with β and stars, solid when the path is
 * significant and dashed when not, and R² (with an italic <i>R</i>, a {@code tspan}) on each
 * dependent box. All text is XML-escaped.
 */
final class PathDiagram {
    private static final double BOX_HEIGHT_LINE = 18;
    private static final double FONT_SIZE = 13;
    private static final double PAD_X = 12;
    private static final double PAD_Y = 9;
    private static final double ROW_GAP = 28;
    private static final double COLUMN_GAP = 160;
    /** Physical size of one SVG unit (about 0.74 pt: 13-unit text prints at 9.6 pt). */
    private static final double MM_PER_UNIT = 0.26;
    private static final double MAX_WIDTH_MM = 165;
    private static final double ARC_CLEARANCE = 16;
    private static final double MARGIN = 12;
    private static final double MAX_TEXT_WIDTH = 170;

    private final Study study;
    private final Results results;
    private final NumberFormats fmt;
    private final String fontFamily;

    PathDiagram(Study study, Results results, NumberFormats fmt, String fontFamily) {
        this.study = study;
        this.results = results;
        this.fmt = fmt;
        this.fontFamily = fontFamily;
    }

    /**
     * An arrow: {@code prefix} and {@code value} make its label ({@code β = .344***}, or for the
     * unstandardized paths of a mediation {@code a = 0.295***}); no label when {@code prefix} is null.
     */
    private record Edge(String from, String to, String prefix, Double value, boolean bounded, Double p,
                        boolean significant) {
        Edge(String from, String to, Double beta, Double p, boolean significant) {
            this(from, to, "\u03B2 = ", beta, true, p, significant);
        }
    }

    /** A moderator's arrow onto the path x → y, labelled with the product term's b. */
    private record ModeratorArrow(String moderator, String x, String y, double b, Double p, boolean significant) {
    }

    /** An edge's geometry: a straight line, or an arc through {@code apex} over skipped columns. */
    private static final class Route {
        final Edge edge;
        final Node from;
        final Node to;
        Double apex;
        double x1;
        double y1;
        double x2;
        double y2;

        Route(Edge edge, Node from, Node to) {
            this.edge = edge;
            this.from = from;
            this.to = to;
        }

        /** The height at which the arrow comes in: its arc's apex, or its source's middle. */
        double approach() {
            return apex != null ? apex : from.cy();
        }

        /**
         * The arc's control height: a cubic Bézier whose midpoint is the apex has both control
         * points at c with apex = (y1 + y2) / 8 + 3c / 4.
         */
        double control() {
            return (apex - (y1 + y2) / 8) * 4 / 3;
        }

        /** The point at {@code t} (0 at the source, 1 at the target) along the line or arc. */
        double[] pointAt(double t) {
            if (apex == null) {
                return new double[] {x1 + (x2 - x1) * t, y1 + (y2 - y1) * t};
            }
            double c = control();
            double c1x = x1 + (x2 - x1) / 3;
            double c2x = x2 - (x2 - x1) / 3;
            double u = 1 - t;
            return new double[] {
                u * u * u * x1 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x2,
                u * u * u * y1 + 3 * u * u * t * c + 3 * u * t * t * c + t * t * t * y2};
        }

        /** The line, or the arc as 16 segments. */
        List<double[]> polyline() {
            List<double[]> points = new ArrayList<>();
            int steps = apex == null ? 1 : 16;
            for (int i = 0; i <= steps; i++) {
                points.add(pointAt((double) i / steps));
            }
            return points;
        }
    }

    private static final class Node {
        final String id;
        final List<String> lines;
        final String r2;
        int layer;
        double x;
        double y;
        double width;
        double height;
        double order;

        Node(String id, List<String> lines, String r2) {
            this.id = id;
            this.lines = lines;
            this.r2 = r2;
        }

        double cy() {
            return y + height / 2;
        }
    }

    /** The SVG markup, or {@code null} when the study has no paths to draw. */
    String svg() {
        List<Edge> edges = edges();
        if (edges.isEmpty()) {
            return null;
        }
        Map<String, RegressionResult> byDependent = new LinkedHashMap<>();
        for (RegressionResult r : results.regressions()) {
            byDependent.putIfAbsent(r.dependent(), r);
        }
        // nodes in first-mention order, predictors before dependents
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Edge e : edges) {
            nodes.computeIfAbsent(e.from(), id -> node(id, byDependent));
        }
        for (Edge e : edges) {
            nodes.computeIfAbsent(e.to(), id -> node(id, byDependent));
        }
        layer(nodes, edges);
        int layers = nodes.values().stream().mapToInt(n -> n.layer).max().orElse(0) + 1;

        // order within layers: first layer by study order, later layers by the mean position of
        // their predecessors (barycentre), which keeps arrows from crossing in the usual models
        List<List<Node>> columns = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            columns.add(new ArrayList<>());
        }
        int seen = 0;
        for (Node n : nodes.values()) {
            n.order = seen++;
            columns.get(n.layer).add(n);
        }
        for (int l = 1; l < layers; l++) {
            for (Node n : columns.get(l)) {
                double sum = 0;
                int count = 0;
                for (Edge e : edges) {
                    if (e.to().equals(n.id)) {
                        sum += nodes.get(e.from()).order;
                        count++;
                    }
                }
                n.order = count == 0 ? n.order : sum / count + n.order * 1e-6;
            }
            columns.get(l).sort(Comparator.comparingDouble(n -> n.order));
            for (int i = 0; i < columns.get(l).size(); i++) {
                columns.get(l).get(i).order = i;
            }
        }
        // moderators that are no other box of the model get a box of their own, above the path
        List<ModeratorArrow> moderators = moderatorArrows();
        Map<String, Node> moderatorNodes = new LinkedHashMap<>();
        for (ModeratorArrow arrow : moderators) {
            if (!nodes.containsKey(arrow.moderator())) {
                moderatorNodes.computeIfAbsent(arrow.moderator(), id -> node(id, byDependent));
            }
        }
        Layout layout = new LayoutSearch(columns, edges, nodes, moderators, moderatorNodes).best();
        double width = layout.width;
        double totalHeight = layout.bottom + MARGIN;
        double widthMm = Math.min(MAX_WIDTH_MM, width * MM_PER_UNIT);

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure\" viewBox=\"0 0 ")
                .append(n(width)).append(' ').append(n(totalHeight))
                .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(totalHeight))
                .append("\" style=\"width: ").append(n(widthMm)).append("mm\"")
                .append(" role=\"img\" font-family=\"").append(escape(fontFamily))
                .append("\" font-size=\"").append(n(FONT_SIZE)).append("\">");
        // arrows first, then boxes, then the labels on top
        List<double[]> occupied = new ArrayList<>();
        for (Node node : nodes.values()) {
            occupied.add(new double[] {node.x, node.y, node.x + node.width, node.y + node.height});
        }
        for (Node node : moderatorNodes.values()) {
            occupied.add(new double[] {node.x, node.y, node.x + node.width, node.y + node.height});
        }
        List<List<double[]>> lines = new ArrayList<>();
        for (Route r : layout.routes) {
            lines.add(r.polyline());
        }
        for (ModeratorLine m : layout.moderatorLines) {
            lines.add(List.of(new double[] {m.sx, m.sy}, new double[] {m.tx, m.ty}));
        }
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < layout.routes.size(); i++) {
            arrow(svg, labels, layout.routes.get(i), occupied, lines, lines.get(i));
        }
        for (int i = 0; i < layout.moderatorLines.size(); i++) {
            moderatorArrow(svg, labels, layout.moderatorLines.get(i), occupied, lines,
                    lines.get(layout.routes.size() + i));
        }
        for (Node node : nodes.values()) {
            box(svg, node);
        }
        for (Node node : moderatorNodes.values()) {
            box(svg, node);
        }
        svg.append(labels);
        svg.append("</svg>");
        return svg.toString();
    }

    /** A moderator's arrow from its box ({@code sx, sy}) onto the middle of the path it moderates ({@code tx, ty}). */
    private record ModeratorLine(ModeratorArrow arrow, Node box, Route route, double sx, double sy, double tx, double ty) {
    }

    /** Where everything goes for one order of the boxes in their columns. */
    private static final class Layout {
        final List<Route> routes = new ArrayList<>();
        final List<ModeratorLine> moderatorLines = new ArrayList<>();
        double width;
        double bottom;
        int crossings;
    }

    /**
     * Tries the orders of the boxes within their columns, both sides (over or under) for each arc
     * and for each moderator's own box, and keeps the layout whose arrows cross least, the first
     * such in the order tried (study order, barycentres and the nearer side first), so the figure
     * is stable. Small models (the usual research model has a handful of constructs) are searched
     * exhaustively; beyond {@link #MAX_ORDERS} layouts only the barycentre order is laid out.
     */
    private final class LayoutSearch {
        private static final int MAX_ORDERS = 5040;
        private final List<List<Node>> columns;
        private final List<Edge> edges;
        private final Map<String, Node> nodes;
        private final List<ModeratorArrow> moderators;
        private final Map<String, Node> moderatorNodes;
        private List<List<Node>> bestOrder;
        private int bestFlips;
        private int bestCrossings = Integer.MAX_VALUE;
        private int variants = 1;
        /** Bit i set: the i-th arc, then the i-th moderator box, goes to the other side. */
        private int flips;

        LayoutSearch(List<List<Node>> columns, List<Edge> edges, Map<String, Node> nodes,
                     List<ModeratorArrow> moderators, Map<String, Node> moderatorNodes) {
            this.columns = columns;
            this.edges = edges;
            this.nodes = nodes;
            this.moderators = moderators;
            this.moderatorNodes = moderatorNodes;
        }

        Layout best() {
            long orders = 1;
            for (List<Node> column : columns) {
                for (int k = 2; k <= column.size(); k++) {
                    orders = Math.min(Long.MAX_VALUE / k, orders * k);
                }
            }
            int choices = moderatorNodes.size();
            for (Edge e : edges) {
                if (nodes.get(e.to()).layer > nodes.get(e.from()).layer + 1) {
                    choices++;
                }
            }
            if (choices < 16 && orders * (1L << choices) <= MAX_ORDERS) {
                variants = 1 << choices;
            }
            if (orders * variants <= MAX_ORDERS) {
                search(0);
            }
            if (bestOrder != null) {
                for (int l = 0; l < columns.size(); l++) {
                    columns.set(l, bestOrder.get(l));
                }
            }
            flips = bestFlips;
            return place();
        }

        private void search(int column) {
            if (bestCrossings == 0) {
                return;
            }
            if (column == columns.size()) {
                for (flips = 0; flips < variants && bestCrossings > 0; flips++) {
                    int crossings = place().crossings;
                    if (crossings < bestCrossings) {
                        bestCrossings = crossings;
                        bestFlips = flips;
                        bestOrder = new ArrayList<>();
                        for (List<Node> c : columns) {
                            bestOrder.add(new ArrayList<>(c));
                        }
                    }
                }
                return;
            }
            permute(column, 0);
        }

        /** Heap-free permutation in place: positions from {@code k} on take every remaining node in turn. */
        private void permute(int column, int k) {
            List<Node> c = columns.get(column);
            if (k >= c.size() - 1) {
                search(column + 1);
                return;
            }
            for (int i = k; i < c.size(); i++) {
                java.util.Collections.swap(c, k, i);
                permute(column, k + 1);
                java.util.Collections.swap(c, k, i);
            }
        }

        /** Lays the boxes out in the current column order, routes the arrows and counts their crossings. */
        private Layout place() {
            Layout layout = new Layout();
            int layers = columns.size();
            // geometry: each column as wide as its widest box, columns centred vertically
            double[] columnWidth = new double[layers];
            double[] columnHeight = new double[layers];
            for (int l = 0; l < layers; l++) {
                for (Node n : columns.get(l)) {
                    columnWidth[l] = Math.max(columnWidth[l], n.width);
                    columnHeight[l] += n.height;
                }
                columnHeight[l] += ROW_GAP * Math.max(0, columns.get(l).size() - 1);
            }
            double height = 0;
            for (double h : columnHeight) {
                height = Math.max(height, h);
            }
            double x = MARGIN;
            for (int l = 0; l < layers; l++) {
                double y = MARGIN + (height - columnHeight[l]) / 2;
                for (Node n : columns.get(l)) {
                    n.x = x + (columnWidth[l] - n.width) / 2;
                    n.y = y;
                    y += n.height + ROW_GAP;
                }
                x += columnWidth[l] + COLUMN_GAP;
            }
            layout.width = x - COLUMN_GAP + MARGIN;

            // edges that skip a column arc over (or under) the columns in between
            int above = 0;
            int below = 0;
            int choice = 0;
            double top = MARGIN;
            double bottom = MARGIN + height;
            for (Edge e : edges) {
                Node from = nodes.get(e.from());
                Node to = nodes.get(e.to());
                Route route = new Route(e, from, to);
                if (to.layer > from.layer + 1) {
                    double betweenTop = Double.MAX_VALUE;
                    double betweenBottom = -Double.MAX_VALUE;
                    for (int l = from.layer + 1; l < to.layer; l++) {
                        for (Node n : columns.get(l)) {
                            betweenTop = Math.min(betweenTop, n.y);
                            betweenBottom = Math.max(betweenBottom, n.y + n.height);
                        }
                    }
                    double middle = (from.cy() + to.cy()) / 2;
                    boolean over = middle - betweenTop < betweenBottom - middle;
                    if (over != ((flips >> choice++ & 1) == 1)) {
                        route.apex = betweenTop - ARC_CLEARANCE * (1 + above++);
                    } else {
                        route.apex = betweenBottom + ARC_CLEARANCE * (1 + below++);
                    }
                    top = Math.min(top, route.apex - 10);
                    bottom = Math.max(bottom, route.apex + 10);
                }
                layout.routes.add(route);
            }
            double shift = MARGIN - top;
            if (shift > 0) {
                move(layout, shift);
                bottom += shift;
            }
            // a moderator's own box sits above the middle of the path it moderates: everything
            // else moves down to make room (once per box)
            List<Node> placed = new ArrayList<>();
            for (Node w : moderatorNodes.values()) {
                w.x = 0;
            }
            List<Object[]> targets = new ArrayList<>();
            for (ModeratorArrow arrow : moderators) {
                Route route = null;
                for (Route r : layout.routes) {
                    if (r.edge.from().equals(arrow.x()) && r.edge.to().equals(arrow.y())) {
                        route = r;
                    }
                }
                if (route == null) {
                    continue;
                }
                Node w = nodes.get(arrow.moderator());
                if (w == null) {
                    w = moderatorNodes.get(arrow.moderator());
                    if (!placed.contains(w)) {
                        double room = w.height + 2 * ARC_CLEARANCE + 10;
                        boolean under = (flips >> (choice + new ArrayList<>(moderatorNodes.values()).indexOf(w)) & 1) == 1;
                        if (under) {
                            w.y = bottom + 2 * ARC_CLEARANCE + 10;
                        } else {
                            move(layout, room);
                            for (Node n : placed) {
                                n.y += room;
                            }
                            w.y = MARGIN;
                        }
                        bottom += room;
                        w.x = Math.max(MARGIN, (route.from.x + route.from.width + route.to.x) / 2 - w.width / 2);
                        layout.width = Math.max(layout.width, w.x + w.width + MARGIN);
                        placed.add(w);
                    }
                }
                targets.add(new Object[] {arrow, w, route});
            }
            layout.bottom = bottom;
            for (Route r : layout.routes) {
                endpoints(r, layout.routes);
            }
            for (Object[] t : targets) {
                Node w = (Node) t[1];
                Route route = (Route) t[2];
                double[] mid = route.pointAt(0.5);
                double sx = w.x + w.width / 2;
                double sy = w.y + w.height < mid[1] ? w.y + w.height : w.y;
                layout.moderatorLines.add(new ModeratorLine((ModeratorArrow) t[0], w, route, sx, sy, mid[0], mid[1]));
            }
            List<Node> boxes = new ArrayList<>(nodes.values());
            boxes.addAll(placed);
            layout.crossings = crossings(layout, boxes);
            return layout;
        }

        private void move(Layout layout, double dy) {
            for (Node n : nodes.values()) {
                n.y += dy;
            }
            for (Route r : layout.routes) {
                if (r.apex != null) {
                    r.apex += dy;
                }
            }
        }
    }

    /**
     * Where an arrow leaves and meets its boxes: from the middle of the source's right edge to the
     * target's left edge, where the arrowheads are spread in the order the arrows come in from top
     * to bottom, so that they do not cross just before the box.
     */
    private static void endpoints(Route route, List<Route> all) {
        Node from = route.from;
        Node to = route.to;
        route.x1 = from.x + from.width;
        route.y1 = from.cy();
        route.x2 = to.x;
        route.y2 = to.cy();
        if (to.layer <= from.layer) {
            // same column (not a valid recursive model): connect bottom to top
            route.x1 = from.x + from.width / 2;
            route.y1 = from.y + from.height;
            route.x2 = to.x + to.width / 2;
            route.y2 = to.y;
            return;
        }
        List<Route> incoming = new ArrayList<>();
        for (Route r : all) {
            if (r.to == to && r.to.layer > r.from.layer) {
                incoming.add(r);
            }
        }
        if (incoming.size() > 1) {
            incoming.sort(Comparator.comparingDouble(Route::approach));
            int index = incoming.indexOf(route);
            int count = incoming.size();
            double span = Math.min(to.height - 8, 12.0 * (count - 1));
            route.y2 = to.cy() - span / 2 + span * index / (count - 1);
        }
    }

    /**
     * The number of proper crossings between arrows that do not share a box, plus the number of
     * arrows that run through a box other than their own.
     */
    private static int crossings(Layout layout, List<Node> boxes) {
        List<List<double[]>> lines = new ArrayList<>();
        List<Set<Node>> ends = new ArrayList<>();
        for (Route r : layout.routes) {
            lines.add(r.polyline());
            ends.add(Set.of(r.from, r.to));
        }
        List<Integer> targets = new ArrayList<>();
        for (ModeratorLine m : layout.moderatorLines) {
            lines.add(List.of(new double[] {m.sx(), m.sy()}, new double[] {m.tx(), m.ty()}));
            ends.add(Set.of(m.box()));
            targets.add(layout.routes.indexOf(m.route()));
        }
        int routes = layout.routes.size();
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            for (Node box : boxes) {
                double[] rect = {box.x + 1, box.y + 1, box.x + box.width - 1, box.y + box.height - 1};
                if (!ends.get(i).contains(box) && touches(rect, lines.get(i))) {
                    count++;
                }
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            for (int j = i + 1; j < lines.size(); j++) {
                // a moderator's arrow ends on its path: they meet, they do not cross
                boolean meet = j >= routes && targets.get(j - routes) == i;
                if (!meet && java.util.Collections.disjoint(ends.get(i), ends.get(j)) && cross(lines.get(i), lines.get(j))) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Whether two polylines cross (touching ends do not count). */
    static boolean cross(List<double[]> a, List<double[]> b) {
        for (int i = 1; i < a.size(); i++) {
            for (int j = 1; j < b.size(); j++) {
                if (segmentsCross(a.get(i - 1), a.get(i), b.get(j - 1), b.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean segmentsCross(double[] p1, double[] p2, double[] q1, double[] q2) {
        double d1 = side(q1, q2, p1);
        double d2 = side(q1, q2, p2);
        double d3 = side(p1, p2, q1);
        double d4 = side(p1, p2, q2);
        return d1 * d2 < -1e-9 && d3 * d4 < -1e-9;
    }

    private static double side(double[] a, double[] b, double[] c) {
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    }

    private List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        double alpha = study.significance();
        if (!results.hypotheses().isEmpty()) {
            for (HypothesisResult h : results.hypotheses()) {
                if ("indirect".equals(h.kind())) {
                    Mediation m = mediationOf(h.from(), h.via(), h.to());
                    if (m != null) {
                        mediationEdges(m, h.via(), edges, seen, alpha);
                    }
                } else if ("interaction".equals(h.kind())) {
                    if (seen.add(h.from() + "\u0000" + h.to())) {
                        edges.add(new Edge(h.from(), h.to(), null, null, false, null, true));
                    }
                } else if (seen.add(h.from() + "\u0000" + h.to())) {
                    edges.add(new Edge(h.from(), h.to(), h.beta(), h.p(), h.supported()));
                }
            }
            return edges;
        }
        for (Mediation m : results.mediation()) {
            for (String mediator : m.mediators()) {
                mediationEdges(m, mediator, edges, seen, alpha);
            }
        }
        for (Moderation m : results.moderation()) {
            if (seen.add(m.x() + "\u0000" + m.y())) {
                edges.add(new Edge(m.x(), m.y(), null, null, false, null, true));
            }
        }
        for (RegressionResult r : results.regressions()) {
            for (RegressionResult.Coefficient c : r.coefficients()) {
                if (c.beta() != null && seen.add(c.term() + "\u0000" + r.dependent())) {
                    edges.add(new Edge(c.term(), r.dependent(), c.beta(), c.p(), c.p() != null && c.p() < alpha));
                }
            }
        }
        return edges;
    }

    private Mediation mediationOf(String x, String mediator, String y) {
        for (Mediation m : results.mediation()) {
            if (m.x().equals(x) && m.y().equals(y) && m.mediators().contains(mediator)) {
                return m;
            }
        }
        return null;
    }

    /** The paths a (x → m), b (m → y) and c′ (x → y) of a mediation, unstandardized, as PROCESS reports them. */
    private static void mediationEdges(Mediation m, String mediator, List<Edge> edges, Set<String> seen, double alpha) {
        for (Mediation.MediatorPath a : m.a()) {
            if (a.mediator().equals(mediator) && seen.add(m.x() + "\u0000" + mediator)) {
                edges.add(new Edge(m.x(), mediator, "a = ", a.b(), false, a.p(), a.p() != null && a.p() < alpha));
            }
        }
        for (Mediation.MediatorPath b : m.b()) {
            if (b.mediator().equals(mediator) && seen.add(mediator + "\u0000" + m.y())) {
                edges.add(new Edge(mediator, m.y(), "b = ", b.b(), false, b.p(), b.p() != null && b.p() < alpha));
            }
        }
        Mediation.PathEstimate d = m.direct();
        if (seen.add(m.x() + "\u0000" + m.y())) {
            edges.add(new Edge(m.x(), m.y(), "c\u2032 = ", d.b(), false, d.p(), d.p() != null && d.p() < alpha));
        }
    }

    /** The moderators to draw: those of interaction hypotheses, or without hypotheses every moderation. */
    private List<ModeratorArrow> moderatorArrows() {
        List<ModeratorArrow> out = new ArrayList<>();
        double alpha = study.significance();
        for (Moderation m : results.moderation()) {
            boolean wanted = results.hypotheses().isEmpty() || results.hypotheses().stream().anyMatch(h ->
                    "interaction".equals(h.kind()) && h.from().equals(m.x()) && m.moderator().equals(h.via())
                            && h.to().equals(m.y()));
            Mediation.PathEstimate i = m.effects().interaction();
            if (wanted && out.stream().noneMatch(a -> a.moderator().equals(m.moderator()) && a.x().equals(m.x())
                    && a.y().equals(m.y()))) {
                out.add(new ModeratorArrow(m.moderator(), m.x(), m.y(), i.b(), i.p(), i.p() != null && i.p() < alpha));
            }
        }
        return out;
    }

    private Node node(String id, Map<String, RegressionResult> byDependent) {
        RegressionResult r = byDependent.get(id);
        String r2 = r == null ? null : "R\u00B2 = " + fmt.bounded(r.rSquared());
        List<String> lines = wrap(study.label(id));
        Node node = new Node(id, lines, r2);
        double textWidth = 0;
        for (String line : lines) {
            textWidth = Math.max(textWidth, textWidth(line));
        }
        if (r2 != null) {
            textWidth = Math.max(textWidth, textWidth(r2));
        }
        node.width = Math.max(90, textWidth + 2 * PAD_X);
        node.height = (lines.size() + (r2 == null ? 0 : 1)) * BOX_HEIGHT_LINE + 2 * PAD_Y;
        return node;
    }

    /** Longest-path layering; a cycle (not a valid model) is cut at the first repeated node. */
    private static void layer(Map<String, Node> nodes, List<Edge> edges) {
        for (int round = 0; round < nodes.size(); round++) {
            boolean changed = false;
            for (Edge e : edges) {
                Node from = nodes.get(e.from());
                Node to = nodes.get(e.to());
                if (from != to && to.layer < from.layer + 1 && from.layer + 1 < nodes.size()) {
                    to.layer = from.layer + 1;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
    }

    private void box(StringBuilder svg, Node node) {
        svg.append("<rect x=\"").append(n(node.x)).append("\" y=\"").append(n(node.y))
                .append("\" width=\"").append(n(node.width)).append("\" height=\"").append(n(node.height))
                .append("\" rx=\"4\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1.2\"/>");
        double cx = node.x + node.width / 2;
        double y = node.y + PAD_Y + BOX_HEIGHT_LINE * 0.72;
        for (String line : node.lines) {
            text(svg, cx, y, line, "middle");
            y += BOX_HEIGHT_LINE;
        }
        if (node.r2 != null) {
            // APA sets the statistic's letter in italics, the superscript two stays upright
            svg.append("<text x=\"").append(n(cx)).append("\" y=\"").append(n(y))
                    .append("\" text-anchor=\"middle\" fill=\"#000000\"><tspan font-style=\"italic\">R</tspan>")
                    .append(escape(node.r2.substring(1))).append("</text>");
        }
    }

    private void arrow(StringBuilder svg, StringBuilder labels, Route route, List<double[]> occupied,
                       List<List<double[]>> lines, List<double[]> own) {
        Edge edge = route.edge;
        double x1 = route.x1;
        double y1 = route.y1;
        double x2 = route.x2;
        double y2 = route.y2;
        double head = 9;
        String dash = edge.significant() ? "" : " stroke-dasharray=\"5,3\"";
        double tx;
        double ty;
        if (route.apex == null) {
            double length = Math.hypot(x2 - x1, y2 - y1);
            if (length < 1) {
                return;
            }
            tx = (x2 - x1) / length;
            ty = (y2 - y1) / length;
            svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1))
                    .append("\" x2=\"").append(n(x2 - tx * head)).append("\" y2=\"").append(n(y2 - ty * head))
                    .append("\" stroke=\"#000000\" stroke-width=\"1.1\"").append(dash).append("/>");
        } else {
            double c = route.control();
            double c1x = x1 + (x2 - x1) / 3;
            double c2x = x2 - (x2 - x1) / 3;
            double length = Math.hypot(x2 - c2x, y2 - c);
            tx = (x2 - c2x) / length;
            ty = (y2 - c) / length;
            svg.append("<path d=\"M ").append(n(x1)).append(' ').append(n(y1))
                    .append(" C ").append(n(c1x)).append(' ').append(n(c)).append(' ')
                    .append(n(c2x)).append(' ').append(n(c)).append(' ')
                    .append(n(x2 - tx * head)).append(' ').append(n(y2 - ty * head))
                    .append("\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1.1\"").append(dash).append("/>");
        }
        head(svg, x2, y2, tx, ty, head);
        if (edge.prefix() == null) {
            return;
        }
        String label = edge.prefix() + (edge.bounded() ? fmt.bounded(edge.value()) : fmt.num(edge.value()))
                + fmt.stars(edge.p());
        // on the line, where it covers no box, no other label and as few other arrows as can be
        double[] ts = route.apex != null ? new double[] {0.5, 0.4, 0.6, 0.3, 0.7}
                : new double[] {0.4, 0.3, 0.5, 0.22, 0.6, 0.7, 0.15, 0.78, 0.85};
        List<double[]> candidates = new ArrayList<>();
        for (double t : ts) {
            candidates.add(route.pointAt(t));
        }
        placeLabel(labels, label, candidates, occupied, lines, own);
    }

    private static void head(StringBuilder svg, double x2, double y2, double tx, double ty, double head) {
        double ex = x2 - tx * head;
        double ey = y2 - ty * head;
        double px = -ty * 4;
        double py = tx * 4;
        svg.append("<polygon points=\"").append(n(x2)).append(',').append(n(y2)).append(' ')
                .append(n(ex + px)).append(',').append(n(ey + py)).append(' ')
                .append(n(ex - px)).append(',').append(n(ey - py))
                .append("\" fill=\"#000000\"/>");
    }

    /**
     * Puts a label (white box, text centred) at the first candidate centre that overlaps no box
     * and no label and crosses the fewest arrows other than its own; failing that, where it
     * overlaps least.
     */
    private void placeLabel(StringBuilder labels, String label, List<double[]> candidates, List<double[]> occupied,
                            List<List<double[]>> lines, List<double[]> own) {
        double w = textWidth(label) + 8;
        double h = 16;
        double[] best = null;
        double bestOverlap = Double.MAX_VALUE;
        int bestCrossed = Integer.MAX_VALUE;
        for (double[] c : candidates) {
            double[] rect = {c[0] - w / 2, c[1] - h / 2 - 1, c[0] + w / 2, c[1] + h / 2 - 1};
            double overlap = 0;
            for (double[] o : occupied) {
                overlap += Math.max(0, Math.min(rect[2], o[2]) - Math.max(rect[0], o[0]))
                        * Math.max(0, Math.min(rect[3], o[3]) - Math.max(rect[1], o[1]));
            }
            int crossed = 0;
            for (List<double[]> line : lines) {
                if (line != own && touches(rect, line)) {
                    crossed++;
                }
            }
            if (overlap < bestOverlap || overlap == bestOverlap && crossed < bestCrossed) {
                best = c;
                bestOverlap = overlap;
                bestCrossed = crossed;
            }
        }
        double lx = best[0];
        double ly = best[1];
        occupied.add(new double[] {lx - w / 2, ly - h / 2 - 1, lx + w / 2, ly + h / 2 - 1});
        labels.append("<rect x=\"").append(n(lx - w / 2)).append("\" y=\"").append(n(ly - h / 2 - 1))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h))
                .append("\" fill=\"#ffffff\"/>");
        text(labels, lx, ly + 4.5, label, "middle");
    }

    /** Whether a polyline passes through a rectangle {x1, y1, x2, y2} (tested at its points and segment midpoints). */
    private static boolean touches(double[] rect, List<double[]> line) {
        for (int i = 0; i < line.size(); i++) {
            double[] p = line.get(i);
            if (inside(rect, p[0], p[1])) {
                return true;
            }
            if (i > 0) {
                double[] q = line.get(i - 1);
                List<double[]> edges = List.of(new double[] {rect[0], rect[1]}, new double[] {rect[2], rect[1]},
                        new double[] {rect[2], rect[3]}, new double[] {rect[0], rect[3]});
                for (int k = 0; k < 4; k++) {
                    if (segmentsCross(q, p, edges.get(k), edges.get((k + 1) % 4))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean inside(double[] rect, double x, double y) {
        return x > rect[0] && x < rect[2] && y > rect[1] && y < rect[3];
    }

    /** A straight arrow from the moderator onto a path, labelled b, to its right or else to its left. */
    private void moderatorArrow(StringBuilder svg, StringBuilder labels, ModeratorLine line, List<double[]> occupied,
                                List<List<double[]>> lines, List<double[]> own) {
        double x1 = line.sx();
        double y1 = line.sy();
        double x2 = line.tx();
        double y2 = line.ty();
        double length = Math.hypot(x2 - x1, y2 - y1);
        if (length < 1) {
            return;
        }
        double head = 9;
        double tx = (x2 - x1) / length;
        double ty = (y2 - y1) / length;
        String dash = line.arrow().significant() ? "" : " stroke-dasharray=\"5,3\"";
        svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1))
                .append("\" x2=\"").append(n(x2 - tx * head)).append("\" y2=\"").append(n(y2 - ty * head))
                .append("\" stroke=\"#000000\" stroke-width=\"1.1\"").append(dash).append("/>");
        head(svg, x2, y2, tx, ty, head);
        String label = "b = " + fmt.num(line.arrow().b()) + fmt.stars(line.arrow().p());
        double w = textWidth(label) + 8;
        double mx = (x1 + x2) / 2;
        double my = (y1 + y2) / 2;
        List<double[]> candidates = List.of(new double[] {mx + w / 2 + 4, my}, new double[] {mx - w / 2 - 4, my},
                new double[] {mx + w / 2 + 4, (y1 + 3 * y2) / 4}, new double[] {mx - w / 2 - 4, (y1 + 3 * y2) / 4});
        placeLabel(labels, label, candidates, occupied, lines, own);
    }

    private void text(StringBuilder svg, double x, double y, String text, String anchor) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append("\" fill=\"#000000\">");
        svg.append(escape(text));
        svg.append("</text>");
    }

    /** Width estimate: CJK and full-width characters one em, others about 0.6 em. */
    static double textWidth(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += wide(cp) ? FONT_SIZE : FONT_SIZE * 0.6;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean wide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F);
    }

    /**
     * Breaks a label into lines of at most {@link #MAX_TEXT_WIDTH}, at spaces where possible, four
     * lines at most: the rest of a longer label is cut off with an ellipsis. A box is a name for
     * the construct (Table 1 has its whole label), and the figure is scaled to fit the page's
     * width, so one overlong box would shrink every label in it until none could be read.
     */
    static List<String> wrap(String label) {
        List<String> lines = new ArrayList<>();
        String rest = label.strip();
        while (textWidth(rest) > MAX_TEXT_WIDTH && lines.size() < 3) {
            int cut = 0;
            double w = 0;
            int lastSpace = -1;
            while (cut < rest.length()) {
                int cp = rest.codePointAt(cut);
                double cw = wide(cp) ? FONT_SIZE : FONT_SIZE * 0.6;
                if (w + cw > MAX_TEXT_WIDTH) {
                    break;
                }
                if (cp == ' ') {
                    lastSpace = cut;
                }
                w += cw;
                cut += Character.charCount(cp);
            }
            if (lastSpace > 0) {
                cut = lastSpace;
            }
            if (cut == 0) {
                cut = Character.charCount(rest.codePointAt(0));
            }
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        lines.add(textWidth(rest) > MAX_TEXT_WIDTH ? shortened(rest) : rest);
        return lines;
    }

    /** The text cut to fit {@link #MAX_TEXT_WIDTH} with an ellipsis, at a space where one is near. */
    private static String shortened(String text) {
        double limit = MAX_TEXT_WIDTH - textWidth("\u2026");
        int cut = 0;
        double w = 0;
        while (cut < text.length()) {
            int cp = text.codePointAt(cut);
            double cw = wide(cp) ? FONT_SIZE : FONT_SIZE * 0.6;
            if (w + cw > limit) {
                break;
            }
            w += cw;
            cut += Character.charCount(cp);
        }
        int space = text.lastIndexOf(' ', cut);
        if (space > cut * 2 / 3) {
            cut = space;
        }
        return text.substring(0, cut).strip() + "\u2026";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** One decimal at most, as {@code %.1f} rounds, without a trailing {@code .0}. */
    private static String n(double value) {
        // BigDecimal instead of String.format: the figure has hundreds of coordinates, and
        // Formatter's first calls are slow in a cold JVM
        String s = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return s.equals("-0") ? "0" : s;
    }
}
