package io.github.surveyreport.core.internal.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct rows of a few variables and how often each occurs: a frequency table that is
 * the whole sample as far as a bootstrap is concerned, since drawing n rows with replacement is
 * the same as drawing multinomial counts of the distinct rows. Construct scores on a Likert
 * scale take few values, so the table stays small whatever the number of rows; for continuous
 * variables it grows with the rows (about 100 bytes per distinct row). Mergeable.
 */
final class DistinctRows {
    private final int width;
    private final Map<Key, long[]> counts = new HashMap<>();
    private final Key probe;

    DistinctRows(int width) {
        this.width = width;
        this.probe = new Key(new double[width]);
    }

    /** Counts the row {@code (values[positions[0]], values[positions[1]], …)}. */
    void add(double[] values, int[] positions) {
        double[] p = probe.values;
        for (int i = 0; i < width; i++) {
            double v = values[positions[i]];
            p[i] = v == 0.0 ? 0.0 : v; // −0.0 and 0.0 are the same value
        }
        probe.rehash();
        long[] count = counts.get(probe);
        if (count == null) {
            Key key = new Key(p.clone());
            key.rehash();
            counts.put(key, new long[] {1});
        } else {
            count[0]++;
        }
    }

    void merge(DistinctRows other) {
        other.counts.forEach((key, count) -> counts.computeIfAbsent(key, k -> new long[1])[0] += count[0]);
    }

    /** Writes the table in lexicographic order of the rows (same table, same bytes). */
    void write(io.github.surveyreport.core.internal.state.StateOut out) {
        Table table = sorted();
        out.writeInt(width);
        out.writeInt(table.rows().length);
        for (int i = 0; i < table.rows().length; i++) {
            out.writeDoubles(table.rows()[i], 0, width);
            out.writeLong(table.counts()[i]);
        }
    }

    /** Reads what {@link #write} wrote, adding its counts to this table. */
    void read(io.github.surveyreport.core.internal.state.StateIn in) {
        in.expect(in.readInt(), width);
        int rows = in.readCount(8 * (width + 1));
        for (int i = 0; i < rows; i++) {
            double[] values = new double[width];
            in.readDoubles(values, 0, width);
            long count = in.readLong();
            if (count <= 0) {
                throw new io.github.surveyreport.core.internal.state.StateFormatException("a row count of " + count);
            }
            Key key = new Key(values);
            key.rehash();
            counts.computeIfAbsent(key, k -> new long[1])[0] += count;
        }
    }

    /** The table in lexicographic order of the rows, so that a bootstrap does not depend on hashing. */
    Table sorted() {
        List<Map.Entry<Key, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> Arrays.compare(a.getKey().values, b.getKey().values));
        double[][] rows = new double[entries.size()][];
        long[] c = new long[entries.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = entries.get(i).getKey().values;
            c[i] = entries.get(i).getValue()[0];
        }
        return new Table(rows, c);
    }

    /** Distinct rows and their counts. */
    record Table(double[][] rows, long[] counts) {
        long total() {
            long n = 0;
            for (long c : counts) {
                n += c;
            }
            return n;
        }
    }

    private static final class Key {
        final double[] values;
        private int hash;

        Key(double[] values) {
            this.values = values;
        }

        void rehash() {
            hash = Arrays.hashCode(values);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(values, k.values);
        }
    }
}
