package io.github.surveyreport.core.data;

import io.github.surveyreport.core.internal.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scan of a file in chunks of a fixed size ({@link CsvRowSource#CHUNK}) split after line feeds, on all
 * cores, with the SHA-256 of the file computed alongside. Each chunk gets its own part; parts
 * are merged in file order as soon as their predecessors are done (at most a few are held at a
 * time, so memory does not grow with the file).
 *
 * <p>A split point can fall inside a quoted field with a line break. Then the chunk before it
 * ends later than the next chunk starts; the next chunk is scanned again from where its
 * predecessor really ended (and so on). A chunk that fails where it started correctly fails
 * the whole parallel scan: {@link #run()} returns {@code null} and the caller scans the file
 * as a whole, which reports the problems in file order with their line numbers.
 */
final class ChunkedScan<T extends CsvRowSource.ScanPart<T>> {
    private final FileChannel channel;
    private final Charset charset;
    private final char delimiter;
    private final int headerSize;
    private final long size;
    private final CsvRowSource.PartFactory<T> parts;
    private final int[] selfChecked;
    private final long[] bounds;
    private final int chunks;
    private final int workers;

    private final AtomicInteger next = new AtomicInteger();
    private final Semaphore window;
    private final Object lock = new Object();
    private final List<Part<T>> done;
    private int merged;
    private long position;
    /** The line of the file at {@link #position}. */
    private long line;
    private T total;
    private volatile boolean failed;
    private volatile Throwable fatal;
    private String sha256;

    private record Part<T>(long start, long end, long actualEnd, long lines, T part, RuntimeException error) {
    }

    ChunkedScan(FileChannel channel, Charset charset, char delimiter, int headerSize, long dataStart, long size,
                long chunk, CsvRowSource.PartFactory<T> parts, int[] selfChecked, long firstLine) throws IOException {
        this.line = firstLine;
        this.selfChecked = selfChecked.clone();
        this.channel = channel;
        this.charset = charset;
        this.delimiter = delimiter;
        this.headerSize = headerSize;
        this.size = size;
        this.parts = parts;
        int n = (int) ((size - dataStart + chunk - 1) / chunk);
        bounds = new long[n + 1];
        bounds[0] = dataStart;
        for (int i = 1; i < n; i++) {
            bounds[i] = Math.max(bounds[i - 1], afterLineFeed(dataStart + i * chunk - 1));
        }
        bounds[n] = size;
        chunks = n;
        workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n));
        window = new Semaphore(2 * workers);
        done = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            done.add(null);
        }
        position = dataStart;
    }

    /** The merged parts, or {@code null} if the file must be scanned as a whole. */
    T run() {
        List<Thread> threads = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            Thread thread = new Thread(this::work, "survey-report-scan-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        work();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
            }
        }
        if (fatal instanceof Error error) {
            throw error;
        }
        if (failed || merged != chunks || sha256 == null) {
            return null;
        }
        return total;
    }

    String sha256() {
        return sha256;
    }

    private void work() {
        try {
            if (next.get() == 0 && next.compareAndSet(0, 1)) {
                sha256 = sha256(channel, size);
            }
            CsvScanner scanner = new CsvScanner(charset, delimiter, headerSize).deferChecks(selfChecked);
            while (!failed) {
                window.acquire();
                int i = next.getAndIncrement() - 1;
                if (i >= chunks || failed) {
                    window.release();
                    break;
                }
                complete(i, scanChunk(scanner, bounds[i], bounds[i + 1]));
            }
        } catch (Throwable t) {
            fatal = t;
            fail();
        }
    }

    private Part<T> scanChunk(CsvScanner scanner, long start, long end) {
        T part = parts.create(false);
        try {
            if (start >= end) {
                return new Part<>(start, end, start, 0, part, null);
            }
            long actualEnd = scanner.scan(channel, start, end, 0, part);
            return new Part<>(start, end, actualEnd, scanner.scannedLines(), part, null);
        } catch (IOException e) {
            return new Part<>(start, end, -1, 0, null, new UncheckedIOException(e));
        } catch (RuntimeException e) {
            return new Part<>(start, end, -1, 0, null, e);
        }
    }

    /** Stores chunk {@code i} and merges every chunk whose predecessors are merged. */
    private void complete(int i, Part<T> part) {
        synchronized (lock) {
            done.set(i, part);
            while (!failed && merged < chunks && done.get(merged) != null) {
                Part<T> p = done.get(merged);
                done.set(merged, null);
                if (p.start() != position) {
                    // the previous chunk ended past this one's start: a quoted line break at the split
                    p = scanChunk(new CsvScanner(charset, delimiter, headerSize).deferChecks(selfChecked), position, Math.max(position, p.end()));
                }
                if (p.error() != null) {
                    fail();
                    return;
                }
                try {
                    p.part().startsAtLine(line);
                    if (total == null) {
                        total = p.part();
                    } else {
                        total.merge(p.part());
                    }
                } catch (RuntimeException e) {
                    fail();
                    return;
                }
                position = p.actualEnd();
                line += p.lines();
                merged++;
                window.release();
            }
        }
    }

    private void fail() {
        failed = true;
        window.release(chunks + workers);
    }

    /** The position after the first line feed at or after {@code from}, or the file size. */
    private long afterLineFeed(long from) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 14);
        long pos = from;
        while (pos < size) {
            buffer.clear();
            int n = channel.read(buffer, pos);
            if (n <= 0) {
                break;
            }
            byte[] bytes = buffer.array();
            for (int k = 0; k < n; k++) {
                if (bytes[k] == '\n') {
                    return pos + k + 1;
                }
            }
            pos += n;
        }
        return size;
    }

    /** Hex SHA-256 of the first {@code size} bytes of the file. */
    static String sha256(FileChannel channel, long size) throws IOException {
        MessageDigest digest = Digests.newSha256();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 18);
        long pos = 0;
        while (pos < size) {
            buffer.clear();
            int n = channel.read(buffer, pos);
            if (n <= 0) {
                break;
            }
            digest.update(buffer.array(), 0, n);
            pos += n;
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
