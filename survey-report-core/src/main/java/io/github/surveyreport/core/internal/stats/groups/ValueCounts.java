package io.github.surveyreport.core.internal.stats.groups;

import java.util.Arrays;

/**
 * The exact frequency table of one variable's values in one group: what the streaming pass keeps
 * for group comparisons (construct scores on a rating scale take few distinct values), from
 * which means, variances and Levene's test are computed exactly. Mutable and mergeable; not
 * thread-safe. Values are kept by their bit pattern ({@code -0.0} counts as {@code 0.0}); NaN
 * and infinities are rejected.
 */
public final class ValueCounts {

    private static final long EMPTY = 0x7ff8dead_beef0001L; // a NaN bit pattern: never a key

    private long[] keys = new long[16];
    private long[] counts = new long[16];
    private int size;
    private long total;

    private double[] sortedValues;
    private long[] sortedCounts;

    public ValueCounts() {
        Arrays.fill(keys, EMPTY);
    }

    /** Counts one value. */
    public void add(double value) {
        add(value, 1);
    }

    /** Counts {@code count} copies of a value. */
    public void add(double value, long count) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite value: " + value);
        }
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count);
        }
        if (count == 0) {
            return;
        }
        long bits = Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
        int slot = slot(bits);
        if (keys[slot] == EMPTY) {
            keys[slot] = bits;
            size++;
            if (2 * size > keys.length) {
                grow();
                slot = slot(bits);
            }
        }
        counts[slot] += count;
        total += count;
        sortedValues = null;
        sortedCounts = null;
    }

    /** Adds every count of {@code other} to this table. */
    public void merge(ValueCounts other) {
        for (int i = 0; i < other.keys.length; i++) {
            if (other.keys[i] != EMPTY) {
                add(Double.longBitsToDouble(other.keys[i]), other.counts[i]);
            }
        }
    }

    /** Number of values counted. */
    public long count() {
        return total;
    }

    /** Number of distinct values. */
    public int distinct() {
        return size;
    }

    /** The distinct values in ascending order (a copy). */
    public double[] values() {
        sort();
        return sortedValues.clone();
    }

    /** The counts of {@link #values()}, in the same order (a copy). */
    public long[] counts() {
        sort();
        return sortedCounts.clone();
    }

    double[] sortedValues() {
        sort();
        return sortedValues;
    }

    long[] sortedCounts() {
        sort();
        return sortedCounts;
    }

    private void sort() {
        if (sortedValues != null) {
            return;
        }
        double[] v = new double[size];
        int j = 0;
        for (long key : keys) {
            if (key != EMPTY) {
                v[j++] = Double.longBitsToDouble(key);
            }
        }
        Arrays.sort(v);
        long[] c = new long[size];
        for (int i = 0; i < size; i++) {
            c[i] = counts[slot(Double.doubleToLongBits(v[i]))];
        }
        sortedValues = v;
        sortedCounts = c;
    }

    private int slot(long bits) {
        int mask = keys.length - 1;
        long h = bits * 0x9E3779B97F4A7C15L;
        int i = (int) (h >>> 40) & mask;
        while (keys[i] != EMPTY && keys[i] != bits) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                counts[s] = oldCounts[i];
            }
        }
    }
}
