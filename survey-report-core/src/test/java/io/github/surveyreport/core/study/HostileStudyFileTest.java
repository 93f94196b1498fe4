package io.github.surveyreport.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.gate.GateRule;
import io.github.surveyreport.core.gate.Thresholds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Study-file and gate-configuration defects of issue 11 (2, 6 and 9), each failed before its fix. */
class HostileStudyFileTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aControlCharacterInALabelIsAProblemNamingItsKeyAndLine() throws IOException {
        Path file = write("data: {file: d.csv}\nlabels:\n  A1: \"first\\vline\"\n  A2: \"x\\x01\"\n");
        assertThatThrownBy(() -> StudyLoader.load(file)).isInstanceOf(StudyFileException.class)
                .hasMessageContaining("line 3, labels.A1: 'first\\x0Bline' contains the control character \\x0B")
                .hasMessageContaining("line 4, labels.A2: 'x\\x01' contains the control character \\x01");
    }

    @Test
    void studyFileProblemsAreCappedLikeDataProblems() throws IOException {
        StringBuilder yaml = new StringBuilder("data: {file: d.csv}\nconstructs:\n");
        for (int i = 0; i < 25; i++) {
            yaml.append("  C").append(i).append(": {items: [X").append(i).append("], reverse: [Y]}\n");
        }
        StudyFileException e = org.junit.jupiter.api.Assertions.assertThrows(StudyFileException.class,
                () -> StudyLoader.load(write(yaml.toString())));
        assertThat(e.problems()).hasSizeGreaterThan(25);
        assertThat(e.getMessage()).contains("  ... and ").doesNotContain("C24");
        assertThat(e.getMessage().lines().filter(l -> l.startsWith("  - "))).hasSize(20);
    }

    @Test
    void aNonAsciiFileNameUnderThePosixLocaleSaysWhyAndHowToFixIt() {
        String saved = System.getProperty("sun.jnu.encoding");
        try {
            System.setProperty("sun.jnu.encoding", "ANSI_X3.4-1968");
            String message = StudyLoader.unusablePath("数据.csv", new InvalidPathException("数据.csv",
                    "Malformed input or input contains unmappable characters"));
            assertThat(message).contains("'数据.csv' cannot be used as a file name by this Java process")
                    .contains("ANSI_X3.4-1968 (the POSIX/C locale)").contains("export LC_ALL=C.UTF-8");
        } finally {
            System.setProperty("sun.jnu.encoding", saved);
        }
    }

    @Test
    void thresholdsOutsideTheirStatisticsRangeAreRefused() {
        assertThatThrownBy(() -> Thresholds.of(Map.of("minKmo", "1.5"))).isInstanceOf(SurveyReportException.class)
                .hasMessageContaining("thresholds.minKmo: 1.5 must lie between 0 and 1, the range of KMO; "
                        + "did you mean 0.15?");
        assertThatThrownBy(() -> Thresholds.of(Map.of("minAlpha", "70"))).hasMessageContaining("did you mean 0.7?");
        assertThatThrownBy(() -> Thresholds.of(Map.of("maxVif", "0.5"))).hasMessageContaining("at least 1");
        assertThat(Thresholds.of(Map.of("minKmo", "1", "maxVif", "5", "maxBartlettP", "0")).limit(GateRule.MIN_KMO)).isEqualByComparingTo("1");
    }
}
