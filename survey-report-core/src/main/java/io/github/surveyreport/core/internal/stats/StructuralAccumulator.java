package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.internal.stats.groups.ValueCounts;
import io.github.surveyreport.core.study.MediationModel;
import io.github.surveyreport.core.study.ModerationModel;
import io.github.surveyreport.core.study.RegressionModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The streaming state of the structural analyses, in memory independent of the number of rows
 * for survey data; mergeable.
 *
 * <ul>
 *   <li><b>Cells.</b> Rows are grouped by their categories of the categorical columns; each cell
 *       keeps the co-moments of the numeric terms (and of the moderation products). A dummy is
 *       constant within a cell, so the cross-products of any design of numeric terms, dummies
 *       and their products follow exactly from the cells ({@link DesignMoments}). Cells number
 *       the product of the columns' categories, not the rows.</li>
 *   <li><b>Groups.</b> Per grouping column and group, the frequency table of each construct
 *       score: means, variances and Levene's test (absolute deviations from the group mean,
 *       which is known only at the end) follow exactly.</li>
 *   <li><b>Distinct rows.</b> Per mediation, the distinct rows of its terms with their counts,
 *       which the bootstrap resamples.</li>
 * </ul>
 */
final class StructuralAccumulator {
    final StructuralLayout layout;
    /** Variable-vector index of each numeric term position of the cells' co-moments. */
    final int[] numeric;
    /** Per moderation with a numeric moderator, the cell position of x·w; −1 otherwise. */
    final int[] productPosition;
    private final int[][] productFactors;
    final Map<String, Integer> position;
    private final int width;
    final Map<List<String>, CoMoments> cells = new HashMap<>();
    /** Per grouping column: group label → frequency table of each outcome. */
    final List<Map<String, ValueCounts[]>> groups = new ArrayList<>();
    /** Variable-vector indices of the outcomes of the group comparisons (the construct scores). */
    final int[] outcomes;
    /** The outcomes' names (construct ids). */
    final List<String> outcomeNames;
    final DistinctRows[] mediationRows;
    final int[][] mediationPositions;
    private final double[] z;
    private final String[] cellProbe;
    private final List<String> cellView;

    /**
     * @param layout   what to compute
     * @param variable the variable-vector index of a term (construct id or analysed column)
     * @param outcomes variable-vector indices of the construct scores
     * @param outcomeNames their construct ids
     */
    StructuralAccumulator(StructuralLayout layout, java.util.function.ToIntFunction<String> variable, int[] outcomes,
                          List<String> outcomeNames) {
        this.layout = layout;
        this.outcomes = outcomes.clone();
        this.outcomeNames = List.copyOf(outcomeNames);
        Map<String, Integer> pos = new LinkedHashMap<>();
        List<Integer> idx = new ArrayList<>();
        java.util.function.Consumer<String> addTerm = term -> {
            if (!layout.cellColumns().contains(term) && !pos.containsKey(term)) {
                pos.put(term, idx.size());
                idx.add(variable.applyAsInt(term));
            }
        };
        for (RegressionModel r : layout.hierarchical()) {
            for (String t : r.terms()) {
                if (!r.isCategorical(t)) {
                    addTerm.accept(t);
                }
            }
        }
        for (MediationModel m : layout.mediation()) {
            addTerm.accept(m.x());
            m.mediators().forEach(addTerm);
            m.covariates().forEach(addTerm);
            addTerm.accept(m.y());
        }
        for (ModerationModel m : layout.moderation()) {
            addTerm.accept(m.x());
            if (!m.categorical()) {
                addTerm.accept(m.moderator());
            }
            addTerm.accept(m.y());
            m.covariates().forEach(addTerm);
        }
        int base = idx.size();
        productPosition = new int[layout.moderation().size()];
        List<int[]> factors = new ArrayList<>();
        for (int i = 0; i < productPosition.length; i++) {
            ModerationModel m = layout.moderation().get(i);
            if (m.categorical()) {
                productPosition[i] = -1;
            } else {
                productPosition[i] = base + factors.size();
                factors.add(new int[] {pos.get(m.x()), pos.get(m.moderator())});
            }
        }
        this.position = Map.copyOf(pos);
        this.numeric = idx.stream().mapToInt(Integer::intValue).toArray();
        this.productFactors = factors.toArray(new int[0][]);
        this.width = base + factors.size();
        this.z = new double[width];
        for (int g = 0; g < layout.groupColumns().size(); g++) {
            groups.add(new HashMap<>());
        }
        mediationRows = new DistinctRows[layout.mediation().size()];
        mediationPositions = new int[mediationRows.length][];
        for (int i = 0; i < mediationRows.length; i++) {
            MediationModel m = layout.mediation().get(i);
            List<String> terms = new ArrayList<>();
            terms.add(m.x());
            terms.addAll(m.mediators());
            terms.addAll(m.covariates());
            terms.add(m.y());
            mediationPositions[i] = terms.stream().mapToInt(pos::get).toArray();
            mediationRows[i] = new DistinctRows(terms.size());
        }
        cellProbe = new String[layout.cellColumns().size()];
        cellView = Arrays.asList(cellProbe);
    }

    /** Position of a numeric term in the cells' co-moments. */
    int position(String term) {
        Integer p = position.get(term);
        if (p == null) {
            throw new IllegalArgumentException("not a numeric structural term: " + term);
        }
        return p;
    }

    /**
     * Adds one row of the listwise sample.
     *
     * @param vars   the variable vector (analysed columns, then construct scores)
     * @param labels the row's categories: the cell columns', then the grouping columns'
     *               ({@code null} where the row has no group)
     */
    void add(double[] vars, String[] labels) {
        final double[] x = z;
        for (int i = 0; i < numeric.length; i++) {
            x[i] = vars[numeric[i]];
        }
        for (int i = 0; i < productFactors.length; i++) {
            x[numeric.length + i] = x[productFactors[i][0]] * x[productFactors[i][1]];
        }
        if (width > 0 || cellProbe.length > 0) {
            System.arraycopy(labels, 0, cellProbe, 0, cellProbe.length);
            CoMoments cell = cells.get(cellView);
            if (cell == null) {
                cell = new CoMoments(width, false);
                cells.put(List.of(cellProbe.clone()), cell);
            }
            cell.add(x);
        }
        for (int g = 0; g < groups.size(); g++) {
            String label = labels[cellProbe.length + g];
            if (label == null) {
                continue;
            }
            ValueCounts[] counts = groups.get(g).get(label);
            if (counts == null) {
                counts = new ValueCounts[outcomes.length];
                for (int o = 0; o < counts.length; o++) {
                    counts[o] = new ValueCounts();
                }
                groups.get(g).put(label, counts);
            }
            for (int o = 0; o < outcomes.length; o++) {
                counts[o].add(vars[outcomes[o]]);
            }
        }
        for (int m = 0; m < mediationRows.length; m++) {
            mediationRows[m].add(x, mediationPositions[m]);
        }
    }

    void merge(StructuralAccumulator other) {
        other.cells.forEach((key, moments) -> {
            CoMoments mine = cells.get(key);
            if (mine == null) {
                mine = new CoMoments(width, false);
                cells.put(key, mine);
            }
            mine.merge(moments);
        });
        for (int g = 0; g < groups.size(); g++) {
            Map<String, ValueCounts[]> mine = groups.get(g);
            other.groups.get(g).forEach((label, counts) -> {
                ValueCounts[] target = mine.get(label);
                if (target == null) {
                    target = new ValueCounts[counts.length];
                    for (int o = 0; o < target.length; o++) {
                        target[o] = new ValueCounts();
                    }
                    mine.put(label, target);
                }
                for (int o = 0; o < counts.length; o++) {
                    target[o].merge(counts[o]);
                }
            });
        }
        for (int m = 0; m < mediationRows.length; m++) {
            mediationRows[m].merge(other.mediationRows[m]);
        }
    }

    /** Writes cells, group tables and distinct rows, each in a fixed order (same state, same bytes). */
    void write(io.github.surveyreport.core.internal.state.StateOut out) {
        List<Map.Entry<List<String>, CoMoments>> sorted = sortedCells();
        out.writeInt(sorted.size());
        for (Map.Entry<List<String>, CoMoments> cell : sorted) {
            out.writeStrings(cell.getKey());
            cell.getValue().write(out);
        }
        out.writeInt(groups.size());
        for (Map<String, ValueCounts[]> group : groups) {
            List<String> labels = new ArrayList<>(group.keySet());
            labels.sort(null);
            out.writeInt(labels.size());
            for (String label : labels) {
                out.writeString(label);
                ValueCounts[] counts = group.get(label);
                out.writeInt(counts.length);
                for (ValueCounts c : counts) {
                    out.writeDoubles(c.values());
                    out.writeLongs(c.counts());
                }
            }
        }
        out.writeInt(mediationRows.length);
        for (DistinctRows rows : mediationRows) {
            rows.write(out);
        }
    }

    /** Reads what {@link #write} wrote into this new accumulator of the same layout. */
    void read(io.github.surveyreport.core.internal.state.StateIn in) {
        int cellCount = in.readCount(4);
        for (int i = 0; i < cellCount; i++) {
            List<String> key = in.readStrings();
            in.expect(key.size(), cellProbe.length);
            if (key.contains(null)) {
                throw new io.github.surveyreport.core.internal.state.StateFormatException("a cell without a category");
            }
            CoMoments moments = new CoMoments(width, false);
            moments.read(in);
            cells.put(List.copyOf(key), moments);
        }
        in.expect(in.readInt(), groups.size());
        for (Map<String, ValueCounts[]> group : groups) {
            int labels = in.readCount(4);
            for (int i = 0; i < labels; i++) {
                String label = in.readString();
                in.expect(in.readInt(), outcomes.length);
                ValueCounts[] counts = new ValueCounts[outcomes.length];
                for (int o = 0; o < counts.length; o++) {
                    counts[o] = new ValueCounts();
                    double[] values = in.readDoubles();
                    long[] n = in.readLongs();
                    in.expect(n.length, values.length);
                    for (int v = 0; v < values.length; v++) {
                        try {
                            counts[o].add(values[v], n[v]);
                        } catch (IllegalArgumentException e) {
                            throw new io.github.surveyreport.core.internal.state.StateFormatException(e.getMessage());
                        }
                    }
                }
                group.put(label, counts);
            }
        }
        in.expect(in.readInt(), mediationRows.length);
        for (DistinctRows rows : mediationRows) {
            rows.read(in);
        }
    }

    /** The cells in a fixed order (of their labels), so that sums over them do not depend on hashing. */
    List<Map.Entry<List<String>, CoMoments>> sortedCells() {
        List<Map.Entry<List<String>, CoMoments>> entries = new ArrayList<>(cells.entrySet());
        entries.sort((a, b) -> {
            for (int i = 0; i < a.getKey().size(); i++) {
                int c = a.getKey().get(i).compareTo(b.getKey().get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return entries;
    }
}
