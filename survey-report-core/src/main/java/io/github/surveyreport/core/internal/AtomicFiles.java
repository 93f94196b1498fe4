package io.github.surveyreport.core.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a
 * half-written one: the bytes go to a temporary file in the same directory, which is forced to
 * disk (so a crash after the rename cannot leave an empty file under the final name) and then
 * moved into place.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes what {@code content} writes into {@code target}. */
    public static void write(Path target, IoConsumer<OutputStream> content) throws IOException {
        Path temporary = writeTemporary(target, content);
        try {
            moveIntoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Writes what {@code content} writes into a new temporary file beside {@code target}, named
     * {@code .TARGETNAME…tmp}, forced to disk; the caller moves it into place with
     * {@link #moveIntoPlace} or deletes it.
     */
    public static Path writeTemporary(Path target, IoConsumer<OutputStream> content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, temporaryPrefix(target), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                // writers may close the stream they are given (a JSON generator does): that must
                // not close the channel before it is forced to disk
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                content.accept(out);
                out.flush();
                channel.force(true);
            }
            readableByAll(temporary);
            return temporary;
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** The name prefix of {@code target}'s temporary files, for finding ones a killed run left. */
    public static String temporaryPrefix(Path target) {
        return "." + target.getFileName();
    }

    /** Renames a temporary file of {@link #writeTemporary} to {@code target}, atomically where the file system can. */
    public static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Temporary files are created owner-only; a report is for everyone who may read the directory. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes {@code bytes} into {@code target}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** A consumer that may throw {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T value) throws IOException;
    }
}
