package io.github.surveyreport.core.internal.stats;

import java.util.List;
import java.util.Map;

/**
 * Means and centred cross-products of a regression design assembled from the cells of
 * {@link StructuralAccumulator}. A design column is a numeric term (or the constant 1) times an
 * indicator of one category of a categorical column (or 1); within a cell the indicator is
 * constant, so with the cell's mean μ and centred co-moments M,
 * Σ(x_a − x̄_a)(x_b − x̄_b) = Σ_cells [d_a d_b M_ab + n_c (d_a μ_a − x̄_a)(d_b μ_b − x̄_b)]
 * exactly, with no raw power sums.
 */
final class DesignMoments {

    /**
     * One design column.
     *
     * @param position   position of the numeric term in the cells' co-moments, or −1 for the
     *                   constant 1 (a plain dummy)
     * @param cellColumn index of the categorical column of the indicator, or −1 for none
     * @param category   the category the indicator is 1 for
     */
    record Column(int position, int cellColumn, String category) {
        static Column numeric(int position) {
            return new Column(position, -1, null);
        }

        static Column dummy(int cellColumn, String category) {
            return new Column(-1, cellColumn, category);
        }

        double indicator(List<String> labels) {
            return cellColumn < 0 || labels.get(cellColumn).equals(category) ? 1.0 : 0.0;
        }
    }

    final long n;
    final double[] means;
    final double[][] crossProducts;

    DesignMoments(List<Map.Entry<List<String>, CoMoments>> cells, List<Column> columns) {
        int k = columns.size();
        long total = 0;
        double[] sum = new double[k];
        for (Map.Entry<List<String>, CoMoments> cell : cells) {
            CoMoments m = cell.getValue();
            total += m.count();
            for (int a = 0; a < k; a++) {
                sum[a] += m.count() * cellMean(columns.get(a), cell.getKey(), m);
            }
        }
        n = total;
        means = new double[k];
        for (int a = 0; a < k; a++) {
            means[a] = sum[a] / total;
        }
        crossProducts = new double[k][k];
        double[] deviation = new double[k];
        double[] indicator = new double[k];
        for (Map.Entry<List<String>, CoMoments> cell : cells) {
            CoMoments m = cell.getValue();
            for (int a = 0; a < k; a++) {
                indicator[a] = columns.get(a).indicator(cell.getKey());
                deviation[a] = cellMean(columns.get(a), cell.getKey(), m) - means[a];
            }
            for (int a = 0; a < k; a++) {
                Column ca = columns.get(a);
                for (int b = 0; b <= a; b++) {
                    Column cb = columns.get(b);
                    double within = ca.position() < 0 || cb.position() < 0 ? 0.0
                            : indicator[a] * indicator[b] * m.comoment(ca.position(), cb.position());
                    crossProducts[a][b] += within + m.count() * deviation[a] * deviation[b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                crossProducts[b][a] = crossProducts[a][b];
            }
        }
    }

    private static double cellMean(Column column, List<String> labels, CoMoments m) {
        double value = column.position() < 0 ? 1.0 : m.mean(column.position());
        return column.indicator(labels) * value;
    }
}
