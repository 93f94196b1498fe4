package io.github.surveyreport.core.report;

import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.internal.AtomicFiles;
import io.github.surveyreport.core.internal.IoErrors;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output files of one run (e.g. {@code results.json}, {@code report.html},
 * {@code report.pdf}), written as a set: either all of this run's, or none. A run first
 * {@link #clear clears} the previous run's files, so that a run that fails leaves nothing that
 * looks current, together with temporary files a killed run left behind; it then renders every
 * output in memory and {@link #writeAll writes} them together, each forced to disk before it is
 * renamed into place. If writing fails part way, the files of this run written so far are
 * removed again: never a mix of old and new, never a half-written file.
 */
public final class ReportFiles {
    private final Path directory;
    private final List<String> names;

    /**
     * @param directory where the files go
     * @param names     every file name a run may write there, also those this run does not write
     *                  (a report of an earlier run with other formats must not look current)
     */
    public ReportFiles(Path directory, List<String> names) {
        this.directory = directory;
        this.names = List.copyOf(names);
    }

    /**
     * Removes the files of an earlier run and the temporary files of killed runs.
     *
     * @throws SurveyReportException if one cannot be removed, with the reason
     */
    public void clear() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        for (String name : names) {
            Path file = directory.resolve(name);
            try {
                Files.deleteIfExists(file);
                String prefix = AtomicFiles.temporaryPrefix(file);
                try (DirectoryStream<Path> stale = Files.newDirectoryStream(directory,
                        entry -> entry.getFileName().toString().startsWith(prefix)
                                && entry.getFileName().toString().endsWith(".tmp"))) {
                    for (Path temporary : stale) {
                        Files.deleteIfExists(temporary);
                    }
                }
            } catch (IOException e) {
                throw new SurveyReportException("Cannot remove the previous " + file + ": " + IoErrors.reason(e), e);
            }
        }
    }

    /**
     * Writes every file of {@code contents} (name to bytes, in order): all to temporary files
     * first, then all renamed into place.
     *
     * @throws SurveyReportException if one cannot be written; then none of them is left
     */
    public void writeAll(Map<String, byte[]> contents) {
        Map<Path, Path> temporaries = new LinkedHashMap<>();
        List<Path> placed = new ArrayList<>();
        Path current = directory;
        try {
            for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
                current = directory.resolve(entry.getKey());
                byte[] bytes = entry.getValue();
                temporaries.put(current, AtomicFiles.writeTemporary(current, out -> out.write(bytes)));
            }
            for (Map.Entry<Path, Path> entry : temporaries.entrySet()) {
                current = entry.getKey();
                AtomicFiles.moveIntoPlace(entry.getValue(), entry.getKey());
                placed.add(entry.getKey());
            }
        } catch (IOException e) {
            for (Path temporary : temporaries.values()) {
                deleteQuietly(temporary);
            }
            for (Path file : placed) {
                deleteQuietly(file);
            }
            throw new SurveyReportException("Cannot write " + current + ": " + IoErrors.reason(e), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the first failure is the one reported
        }
    }
}
