package io.github.surveyreport.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The bytes of an SPSS system file, read through a buffer with the file's byte order; every
 * read that cannot be completed becomes a {@link DataFileException} naming the byte offset.
 */
final class SavInput implements SavBytes, AutoCloseable {
    private final FileChannel channel;
    private final Path file;
    private final String name;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private final byte[] scratch = new byte[8];
    /** The file offset of {@code buffer}'s index 0. */
    private long bufferStart;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    SavInput(FileChannel channel, Path file, String name) throws IOException {
        this.channel = channel;
        this.file = file;
        this.name = name;
        this.size = channel.size();
        buffer.limit(0);
    }

    void order(ByteOrder order) {
        this.order = order;
    }

    ByteOrder order() {
        return order;
    }

    long size() {
        return size;
    }

    long position() {
        return bufferStart + buffer.position();
    }

    void seek(long offset) {
        if (offset >= bufferStart && offset <= bufferStart + buffer.limit()) {
            buffer.position((int) (offset - bufferStart));
        } else {
            bufferStart = offset;
            buffer.clear().limit(0);
        }
    }

    private boolean fill() {
        long at = position();
        buffer.clear();
        int n;
        try {
            n = channel.read(buffer, at);
        } catch (IOException e) {
            throw new DataFileException(file, name + " byte offset " + at + ": the file cannot be read (" + e.getMessage()
                    + "); check that it is readable and not being written, then run again");
        }
        buffer.flip();
        bufferStart = at;
        return n > 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int total = 0;
        while (total < len) {
            if (!buffer.hasRemaining() && !fill()) {
                break;
            }
            int k = Math.min(len - total, buffer.remaining());
            buffer.get(b, off + total, k);
            total += k;
        }
        return total;
    }

    @Override
    public String where() {
        return "byte offset " + position();
    }

    /** Reads exactly {@code len} bytes, or fails saying the file ends inside {@code what}. */
    void readFully(byte[] b, int off, int len, String what) {
        long at = position();
        if (read(b, off, len) < len) {
            throw truncated(at, what);
        }
    }

    DataFileException truncated(long at, String what) {
        return fail(at, "the file ends inside " + what + " (it is " + size + " bytes long): it is truncated, "
                + "probably by an interrupted download or copy; copy or export it again from its source");
    }

    DataFileException fail(long at, String problem) {
        return new DataFileException(file, name + " byte offset " + at + ": " + problem);
    }

    byte[] bytes(long count, String what) {
        long at = position();
        if (count < 0 || count > size - at) {
            if (count >= 0) {
                throw truncated(at, what);
            }
            throw fail(at, what + " has a negative length (" + count + "): the file is corrupt; export it again");
        }
        byte[] b = new byte[(int) count];
        readFully(b, 0, b.length, what);
        return b;
    }

    int int32(String what) {
        readFully(scratch, 0, 4, what);
        return ByteBuffer.wrap(scratch, 0, 4).order(order).getInt();
    }

    long int64(String what) {
        readFully(scratch, 0, 8, what);
        return ByteBuffer.wrap(scratch).order(order).getLong();
    }

    double flt64(String what) {
        readFully(scratch, 0, 8, what);
        return ByteBuffer.wrap(scratch).order(order).getDouble();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
