package io.github.surveyreport.core.internal.state;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link StateOut} wrote. Every length is checked against what is left and against
 * what the reading class expects, so that damaged or foreign bytes give a
 * {@link StateFormatException} and never an out-of-memory or index error.
 */
public final class StateIn {
    private final ByteBuffer buffer;

    public StateIn(byte[] bytes) {
        this.buffer = ByteBuffer.wrap(bytes);
    }

    public int readInt() {
        try {
            return buffer.getInt();
        } catch (BufferUnderflowException e) {
            throw new StateFormatException("the state ends early (at byte " + buffer.position() + ")");
        }
    }

    public long readLong() {
        try {
            return buffer.getLong();
        } catch (BufferUnderflowException e) {
            throw new StateFormatException("the state ends early (at byte " + buffer.position() + ")");
        }
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    public boolean readBoolean() {
        int v = readInt();
        if (v != 0 && v != 1) {
            throw new StateFormatException("a flag of the state is " + v + " (at byte " + (buffer.position() - 4) + ")");
        }
        return v == 1;
    }

    /** A count of items each at least {@code minBytes} long, checked against the bytes left. */
    public int readCount(int minBytes) {
        int n = readInt();
        if (n < 0 || (long) n * Math.max(1, minBytes) > buffer.remaining()) {
            throw new StateFormatException("a count of the state (" + n + ") does not fit its bytes (at byte "
                    + (buffer.position() - 4) + ")");
        }
        return n;
    }

    /** An array with its length. */
    public double[] readDoubles() {
        int n = readCount(8);
        double[] values = new double[n];
        readDoubles(values, 0, n);
        return values;
    }

    /** Fills part of an array (written without its length). */
    public void readDoubles(double[] into, int from, int to) {
        for (int i = from; i < to; i++) {
            into[i] = readDouble();
        }
    }

    /** Fills an array written with its length, which must be the array's. */
    public void readDoublesInto(double[] into) {
        expect(readCount(8), into.length);
        readDoubles(into, 0, into.length);
    }

    /** Fills an array written with its length, which must be the array's. */
    public void readLongsInto(long[] into) {
        expect(readCount(8), into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = readLong();
        }
    }

    public long[] readLongs() {
        int n = readCount(8);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = readLong();
        }
        return values;
    }

    /** A string or {@code null}. */
    public String readString() {
        int n = readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > buffer.remaining()) {
            throw new StateFormatException("a text of the state has a bad length " + n + " (at byte "
                    + (buffer.position() - 4) + ")");
        }
        byte[] utf8 = new byte[n];
        buffer.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    public List<String> readStrings() {
        int n = readCount(4);
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(readString());
        }
        return values;
    }

    /** Checks that a length read is the one the reader's layout has. */
    public void expect(int found, int expected) {
        if (found != expected) {
            throw new StateFormatException("the state has " + found + " values where this study has " + expected
                    + " (at byte " + buffer.position() + ")");
        }
    }

    /** Whether every byte was read. */
    public boolean atEnd() {
        return !buffer.hasRemaining();
    }
}
