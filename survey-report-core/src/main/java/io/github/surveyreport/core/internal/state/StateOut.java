package io.github.surveyreport.core.internal.state;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes an accumulator's state as bytes: big-endian primitives (Java's {@code DataOutput}),
 * lengths before arrays, strings as UTF-8 with their byte length. Doubles are written as their
 * bits, so a state read back is exactly the state written. The matching reader is
 * {@link StateIn}; the layout of the bytes is the writing classes' {@code write} methods, and
 * its version is {@code SurveyAccumulator}'s.
 */
public final class StateOut {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    private final DataOutputStream out = new DataOutputStream(bytes);

    public void writeInt(int value) {
        try {
            out.writeInt(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    public void writeLong(long value) {
        try {
            out.writeLong(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeDouble(double value) {
        writeLong(Double.doubleToRawLongBits(value));
    }

    public void writeBoolean(boolean value) {
        writeInt(value ? 1 : 0);
    }

    /** An array with its length. */
    public void writeDoubles(double[] values) {
        writeInt(values.length);
        for (double v : values) {
            writeDouble(v);
        }
    }

    /** Part of an array, without its length (the reader knows it). */
    public void writeDoubles(double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            writeDouble(values[i]);
        }
    }

    /** An array with its length. */
    public void writeLongs(long[] values) {
        writeInt(values.length);
        for (long v : values) {
            writeLong(v);
        }
    }

    /** A string or {@code null}. */
    public void writeString(String value) {
        if (value == null) {
            writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        try {
            out.write(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list of strings (or nulls) with its size. */
    public void writeStrings(List<String> values) {
        writeInt(values.size());
        for (String v : values) {
            writeString(v);
        }
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
