package io.github.surveyreport.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Chinese example (examples/henan) copied once per test JVM with its data re-encoded as
 * UTF-8 (the file is GBK, as Excel on Chinese Windows saves it; Spark's CSV reader expects
 * UTF-8): the same rows, so the plugin's pass over the copy is the reference, without the note on
 * how a GBK file's bytes were read. Shared with the Spark module's tests (test-jar).
 */
public final class HenanExample {
    private static Path directory;

    private HenanExample() {
    }

    /** The directory holding study.yaml and responses.csv. */
    public static synchronized Path directory() {
        if (directory == null) {
            try {
                Path example = Path.of("..", "examples", "henan", "src", "survey");
                Path copy = Files.createTempDirectory("henan-utf8");
                Files.copy(example.resolve("study.yaml"), copy.resolve("study.yaml"));
                Files.writeString(copy.resolve("responses.csv"),
                        Files.readString(example.resolve("responses.csv"), Charset.forName("GB18030")));
                copy.toFile().deleteOnExit();
                copy.resolve("study.yaml").toFile().deleteOnExit();
                copy.resolve("responses.csv").toFile().deleteOnExit();
                directory = copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }
}
