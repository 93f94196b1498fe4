package io.github.surveyreport.core.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The construct → component assignment: one-to-one, maximizing the squared loadings. */
class ComponentMatchingTest {

    /**
     * Two constructs of three items on two components, worked by hand. Sums of |loading| on
     * components 1 and 2: A 1.1 / 1.0, B 1.1 / 1.5; sums of squares: A .43 / .82, B .59 / .89.
     * The report's old rule (|loading|, per construct) put A on 1 and B on 2, the gate's old rule
     * (squares, per construct) put both on 2. The optimum pairs A with 2 and B with 1
     * (.82 + .59 = 1.41 against .43 + .89 = 1.32 the other way), which neither greedy rule found.
     */
    static final Map<String, List<String>> CONSTRUCTS = constructs();
    static final Map<String, List<Double>> LOADINGS = loadings();

    private static Map<String, List<String>> constructs() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("A", List.of("a1", "a2", "a3"));
        c.put("B", List.of("b1", "b2", "b3"));
        return c;
    }

    private static Map<String, List<Double>> loadings() {
        Map<String, List<Double>> l = new LinkedHashMap<>();
        l.put("a1", List.of(0.5, 0.1));
        l.put("a2", List.of(0.3, 0.9));
        l.put("a3", List.of(0.3, 0.0));
        l.put("b1", List.of(0.7, 0.6));
        l.put("b2", List.of(0.3, 0.2));
        l.put("b3", List.of(0.1, 0.7));
        return l;
    }

    @Test
    void theOptimumDiffersFromBothGreedyRules() {
        Map<String, Integer> byAbsolute = greedy(Math::abs);
        Map<String, Integer> bySquares = greedy(x -> x * x);
        assertThat(byAbsolute).containsExactly(Map.entry("A", 1), Map.entry("B", 2));
        assertThat(bySquares).containsExactly(Map.entry("A", 2), Map.entry("B", 2));
        Map<String, Integer> optimal = ComponentMatching.componentOfConstruct(CONSTRUCTS, LOADINGS, 2);
        assertThat(optimal).containsExactly(Map.entry("A", 2), Map.entry("B", 1));
    }

    /** The old rules: per construct, the component with the largest sum of f(loading), 1-based. */
    private static Map<String, Integer> greedy(DoubleUnaryOperator f) {
        Map<String, Integer> out = new LinkedHashMap<>();
        CONSTRUCTS.forEach((id, items) -> {
            int best = -1;
            double bestSum = -1;
            for (int k = 0; k < 2; k++) {
                double sum = 0;
                for (String item : items) {
                    sum += f.applyAsDouble(LOADINGS.get(item).get(k));
                }
                if (sum > bestSum) {
                    bestSum = sum;
                    best = k;
                }
            }
            out.put(id, best + 1);
        });
        return out;
    }

    @Test
    void extraComponentsStandForNoConstruct() {
        Map<String, List<String>> one = Map.of("B", List.of("b1", "b2", "b3"));
        assertThat(ComponentMatching.componentOfConstruct(one, LOADINGS, 2)).containsExactly(Map.entry("B", 2));
    }

    @Test
    void constructsBeyondTheComponentsGetNone() {
        Map<String, List<String>> three = new LinkedHashMap<>(CONSTRUCTS);
        three.put("C", List.of("c1"));
        Map<String, List<Double>> loadings = new LinkedHashMap<>(LOADINGS);
        loadings.put("c1", List.of(0.95, 0.1));
        // sums of squares on components 1 / 2: A .43 / .82, B .59 / .89, C .9025 / .01; the best
        // pairing is C–1 and B–2 (1.7925, against 1.7225 for C–1 and A–2), so A has none
        Map<String, Integer> assigned = ComponentMatching.componentOfConstruct(three, loadings, 2);
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("A", null);
        expected.put("B", 2);
        expected.put("C", 1);
        assertThat(assigned).containsExactlyEntriesOf(expected);
        assertThat(ComponentMatching.componentOfConstruct(three, loadings, 0).values()).containsOnlyNulls();
        assertThat(ComponentMatching.assign(new double[0][0])).isEmpty();
    }

    @Test
    void theHungarianAlgorithmFindsTheExhaustiveOptimum() {
        Random random = new Random(12);
        for (int trial = 0; trial < 2000; trial++) {
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(6);
            double[][] w = new double[rows][cols];
            for (double[] row : w) {
                for (int j = 0; j < cols; j++) {
                    // coarse values make ties frequent, the case where greedy choices go wrong
                    row[j] = random.nextInt(5) * 0.25;
                }
            }
            int[] assigned = ComponentMatching.assign(w);
            assertThat(assigned).hasSize(rows);
            long matched = Arrays.stream(assigned).filter(j -> j >= 0).count();
            assertThat(matched).as("one-to-one for as many as possible").isEqualTo(Math.min(rows, cols));
            assertThat(Arrays.stream(assigned).filter(j -> j >= 0).distinct().count()).isEqualTo(matched);
            double total = 0;
            for (int i = 0; i < rows; i++) {
                total += assigned[i] < 0 ? 0 : w[i][assigned[i]];
            }
            assertThat(total).as(Arrays.deepToString(w)).isCloseTo(exhaustive(w), Offset.offset(1e-12));
        }
    }

    /** The best total over every one-to-one assignment, by trying them all. */
    private static double exhaustive(double[][] w) {
        return best(w, 0, new boolean[w[0].length]);
    }

    private static double best(double[][] w, int row, boolean[] used) {
        if (row == w.length) {
            return 0;
        }
        double best = best(w, row + 1, used); // this row unassigned
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.max(best, w[row][j] + best(w, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void aConstructWithoutAComponentIsNamedInAWarning() {
        // three items correlating .6: one eigenvalue above 1, so one component for two constructs
        double[][] r = {{1, 0.6, 0.6}, {0.6, 1, 0.6}, {0.6, 0.6, 1}};
        Map<String, List<String>> constructs = new LinkedHashMap<>();
        constructs.put("A", List.of("x1", "x2"));
        constructs.put("B", List.of("x3"));
        List<String> warnings = new ArrayList<>();
        var efa = PrincipalComponents.analyse(List.of("x1", "x2", "x3"), constructs, new SymmetricEigen(r), null,
                warnings);
        assertThat(efa.componentIndexOf("A")).isZero();
        assertThat(efa.componentIndexOf("B")).isEqualTo(-1);
        assertThat(warnings).containsExactly("The principal components analysis extracted 1 component for 2 "
                + "constructs, so B has no component of its own: the rotated matrix lists it last and the quality "
                + "gate does not check its loadings.");
    }

    @Test
    void theEngineStoresTheAssignmentWithTheEfa() {
        // bfi's five constructs on five components: each its own (golden loadings, R psych)
        ReferenceStudy study = ReferenceStudy.load("bfi");
        var efa = study.accumulate().finish().efa();
        List<Integer> components = new ArrayList<>(efa.componentOfConstruct().values());
        assertThat(components).doesNotContainNull().doesNotHaveDuplicates().hasSize(efa.factors());
    }
}
