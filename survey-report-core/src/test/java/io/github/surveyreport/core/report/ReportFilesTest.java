package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.surveyreport.core.SurveyReportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs that never look current when they are not (issue 11, defect 8). */
class ReportFilesTest {
    private static final List<String> NAMES = List.of("results.json", "report.html", "report.pdf");

    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void clearRemovesThePreviousRunAndTheTemporariesOfKilledRuns() throws IOException {
        for (String name : NAMES) {
            Files.writeString(dir.resolve(name), "old");
        }
        Files.writeString(dir.resolve(".report.pdf8123456.tmp"), "half");
        Files.writeString(dir.resolve(".results.json77.tmp"), "half");
        Files.writeString(dir.resolve("notes.txt"), "the user's");
        new ReportFiles(dir, NAMES).clear();
        assertThat(listing()).containsExactly("notes.txt");
    }

    @Test
    void writeAllWritesEveryFileAndNoTemporary() throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put("results.json", "{}".getBytes(StandardCharsets.UTF_8));
        contents.put("report.pdf", new byte[] {1, 2, 3});
        new ReportFiles(dir.resolve("out"), NAMES).writeAll(contents);
        assertThat(Files.readString(dir.resolve("out/results.json"))).isEqualTo("{}");
        assertThat(Files.readAllBytes(dir.resolve("out/report.pdf"))).containsExactly(1, 2, 3);
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void aFailureHalfwayLeavesNoneOfTheNewFiles() throws IOException {
        // report.pdf cannot be renamed into place: a non-empty directory stands there
        Files.createDirectories(dir.resolve("report.pdf"));
        Files.writeString(dir.resolve("report.pdf/x"), "x");
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put("results.json", "{}".getBytes(StandardCharsets.UTF_8));
        contents.put("report.html", "<html/>".getBytes(StandardCharsets.UTF_8));
        contents.put("report.pdf", new byte[] {1});
        assertThatThrownBy(() -> new ReportFiles(dir, NAMES).writeAll(contents))
                .isInstanceOf(SurveyReportException.class)
                .hasMessageContaining("Cannot write " + dir.resolve("report.pdf"))
                .hasMessageContaining("directory");
        assertThat(listing()).containsExactly("report.pdf");
    }
}
