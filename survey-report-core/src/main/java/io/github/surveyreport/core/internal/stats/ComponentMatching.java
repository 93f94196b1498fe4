package io.github.surveyreport.core.internal.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rotated component stands for which construct. Components carry no names; a construct's
 * component is how the report orders the rotated matrix and how the gate tells a loading on
 * the own construct from a cross-loading, so both read this one assignment.
 *
 * <p>The assignment is one-to-one and optimal: it maximizes, over all pairings, the total of
 * each construct's items' summed squared loadings on its component (the variance of the
 * construct's items that its component explains). Per-construct maxima ("greedy") can give two
 * constructs the same component and depend on whether |loading| or loading² is summed; the
 * optimum does neither. With more components than constructs the extra components stand for
 * no construct; with more constructs than components, as many constructs as there are
 * components get one (the pairing with the largest total) and the rest get none.
 *
 * <p>Solved by the Hungarian algorithm (Kuhn–Munkres with potentials), O(n²m) for n ≤ m.
 */
final class ComponentMatching {
    private ComponentMatching() {
    }

    /**
     * Per construct (in the given order) its component's number, 1-based as the report's columns,
     * or {@code null} when it gets none.
     *
     * @param constructs construct id → its items
     * @param loadings   item → its loadings on the {@code factors} rotated components
     */
    static Map<String, Integer> componentOfConstruct(Map<String, List<String>> constructs,
                                                     Map<String, List<Double>> loadings, int factors) {
        List<String> ids = List.copyOf(constructs.keySet());
        double[][] weight = new double[ids.size()][factors];
        for (int c = 0; c < ids.size(); c++) {
            for (String item : constructs.get(ids.get(c))) {
                List<Double> row = loadings.get(item);
                for (int k = 0; row != null && k < factors && k < row.size(); k++) {
                    double l = row.get(k);
                    // a loading that is not a number explains nothing
                    weight[c][k] += Double.isFinite(l) ? l * l : 0;
                }
            }
        }
        int[] assigned = assign(weight);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int c = 0; c < ids.size(); c++) {
            out.put(ids.get(c), assigned[c] < 0 ? null : assigned[c] + 1);
        }
        return out;
    }

    /**
     * The one-to-one assignment of rows to columns with the largest total weight: per row its
     * column (0-based), or -1 for rows left over when there are more rows than columns.
     * Weights must be finite.
     */
    static int[] assign(double[][] weight) {
        int rows = weight.length;
        int cols = rows == 0 ? 0 : weight[0].length;
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        if (rows == 0 || cols == 0) {
            return result;
        }
        // the algorithm below needs no more rows than columns: else assign columns to rows
        boolean transposed = rows > cols;
        int n = transposed ? cols : rows;
        int m = transposed ? rows : cols;
        double[][] cost = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                // minimizing the negated weight maximizes the weight
                cost[i][j] = -(transposed ? weight[j][i] : weight[i][j]);
            }
        }
        int[] matchOfColumn = hungarian(cost, n, m);
        for (int j = 0; j < m; j++) {
            int i = matchOfColumn[j];
            if (i >= 0) {
                if (transposed) {
                    result[j] = i;
                } else {
                    result[i] = j;
                }
            }
        }
        return result;
    }

    /**
     * Minimum-cost assignment of every row to a distinct column (n ≤ m), with row and column
     * potentials u, v (e-maxx's formulation, 1-based with a virtual column 0): per column its
     * row, or -1.
     */
    private static int[] hungarian(double[][] cost, int n, int m) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];      // p[j]: the row (1-based) matched to column j, 0 for none
        int[] way = new int[m + 1];    // way[j]: the previous column on the augmenting path
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                int j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double reduced = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (reduced < minv[j]) {
                            minv[j] = reduced;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] matchOfColumn = new int[m];
        for (int j = 1; j <= m; j++) {
            matchOfColumn[j - 1] = p[j] - 1;
        }
        return matchOfColumn;
    }
}
