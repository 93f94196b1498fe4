package io.github.surveyreport.core.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The study file's sections of the structural analyses, and the problems they are checked for. */
class StructuralSectionsTest {
    @TempDir
    Path dir;

    private static final String HEAD = """
            data: {file: d.csv}
            scale: {min: 1, max: 5}
            constructs:
              HR: {items: [HR1, HR2]}
              PS: {items: [PS1, PS2]}
              MA: {items: [MA1, MA2]}
              PO: {items: [PO1, PO2]}
              HD: {items: [HD1, HD2]}
            """;

    private Study load(String yaml) throws IOException {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, HEAD + yaml, StandardCharsets.UTF_8);
        return StudyLoader.load(file);
    }

    private List<String> problems(String yaml) {
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> load(yaml));
        assertThat(e).isInstanceOf(StudyFileException.class);
        return ((StudyFileException) e).problems();
    }

    @Test
    void readsTheIssuesExample() throws IOException {
        Study study = load("""
                differences:
                  - {by: 性别}
                  - {by: 岗位, posthoc: games-howell}
                regressions:
                  - HD ~ HR + PS + MA + PO
                  - {dv: HD, blocks: [[性别, 年龄], [HR, PS], [MA, PO]], categorical: [性别]}
                mediation:
                  - {x: HR, mediators: [MA], y: HD, covariates: [PS, PO]}
                moderation:
                  - {x: PS, moderator: PO, y: HD, covariates: []}
                bootstrap: {samples: 5000, seed: 20240101, confidence: 0.95}
                hypotheses:
                  - {id: H1, path: HR -> HD, sign: positive}
                  - {id: H5, indirect: HR -> MA -> HD, sign: positive}
                  - {id: H6, interaction: PS x PO -> HD, sign: positive}
                  - {id: H4, path: PO -> HD, sign: positive, expect: not supported}
                """);
        assertThat(study.differences()).containsExactly(new GroupComparison("性别"),
                new GroupComparison("岗位", PostHocMethod.GAMES_HOWELL, null));
        assertThat(study.differences().get(1).where()).isEqualTo("line 11, differences[2]");
        RegressionModel hierarchical = study.regressions().get(1);
        assertThat(hierarchical.blocks()).containsExactly(List.of("性别", "年龄"), List.of("HR", "PS"),
                List.of("MA", "PO"));
        assertThat(hierarchical.categorical()).containsExactly("性别");
        assertThat(hierarchical.hierarchical()).isTrue();
        assertThat(study.regressions().get(0).hierarchical()).isFalse();
        assertThat(study.mediation()).containsExactly(new MediationModel("HR", List.of("MA"), "HD", List.of("PS", "PO"),
                null));
        assertThat(study.moderation()).containsExactly(new ModerationModel("PS", "PO", "HD", List.of()));
        assertThat(study.bootstrap()).isEqualTo(new BootstrapSpec(5000, 20240101L, 0.95));
        assertThat(study.hypotheses()).extracting(Hypothesis::notation)
                .containsExactly("HR -> HD", "HR -> MA -> HD", "PS x PO -> HD", "PO -> HD");
        assertThat(study.hypotheses()).extracting(Hypothesis::expected).containsExactly(true, true, true, false);
        // 性别 is read as categories, not parsed as numbers; 岗位 only groups a comparison
        assertThat(study.categoricalColumns()).containsExactly("性别");
        assertThat(study.groupingColumns()).containsExactly("性别", "岗位");
        assertThat(study.analysedColumns()).contains("年龄").doesNotContain("性别", "岗位");
    }

    @Test
    void defaultsAreTukeyAndFiveThousandSeededResamples() throws IOException {
        Study study = load("differences: [{by: g}]\n");
        assertThat(study.differences().get(0).posthoc()).isEqualTo(PostHocMethod.TUKEY);
        assertThat(study.bootstrap()).isEqualTo(BootstrapSpec.DEFAULT);
        assertThat(BootstrapSpec.DEFAULT.samples()).isEqualTo(5000);
    }

    @Test
    void problemsNameTheKeyAndLine() {
        List<String> problems = problems("""
                differences:
                  - {by: HR}
                  - {by: g, posthoc: scheffe}
                regressions:
                  - {dv: HD, blocks: [[g], [HR, HR]], categorical: [age]}
                mediation:
                  - {x: HR, mediators: [HR], y: HD}
                moderation:
                  - {x: PS, moderator: PS, y: HD}
                bootstrap: {samples: 500}
                hypotheses:
                  - {id: H1, indirect: HR -> PS -> HD, sign: positive}
                  - {id: H2, interaction: HR x PO -> HD, sign: positive}
                  - {id: H3, path: HR -> HD, sign: positive, expect: maybe}
                  - {id: H4, path: HR -> MA -> HD, sign: positive}
                """);
        assertThat(problems).containsExactly(
                "line 13, regressions[1].blocks[2][2]: term HR appears twice in the regression (as the dependent or "
                        + "in an earlier block)",
                "line 13, regressions[1].categorical: age is not a term of this regression's blocks (g, HR)",
                "line 10, differences[1].by: HR is a construct id; group by a data column such as gender or education "
                        + "(the construct scores are the outcomes compared)",
                "line 11, differences[2].posthoc: 'scheffe' must be tukey (the default), lsd, bonferroni or "
                        + "games-howell",
                "line 15, mediation[1].mediators: mediator HR is also the model's x; a mediator lies between x and y",
                "line 17, moderation[1].moderator: x and moderator are both PS; they must be different terms",
                "line 18, bootstrap.samples: 500 must be a whole number from 1000 to 1000000 (PROCESS uses 5000; "
                        + "fewer than 1000 resamples make the interval's ends themselves noisy)",
                "line 20, hypotheses[1].indirect: HR -> PS -> HD is in no mediation model: none has x: HR, y: HD and "
                        + "PS among its mediators (mediation: none)",
                "line 21, hypotheses[2].interaction: HR x PO -> HD is in no moderation model (moderation: none)",
                "line 22, hypotheses[3].expect: 'maybe' must be supported or not supported (what the manuscript "
                        + "reports)",
                "line 23, hypotheses[4].path: 'HR -> MA -> HD' must have the form FROM -> TO, e.g. HR -> HD (a "
                        + "mediated path is written indirect: HR -> MA -> HD)");
    }

    @Test
    void aCategoricalTermCannotBeAPathHypothesis() {
        assertThat(problems("""
                regressions:
                  - {dv: HD, blocks: [[g], [HR]], categorical: [g]}
                hypotheses:
                  - {id: H1, path: g -> HD, sign: positive}
                """)).containsExactly("line 12, hypotheses[1].path: g is a categorical term, with one coefficient per "
                + "category; a path hypothesis needs a numeric predictor");
    }

    @Test
    void differencesNeedConstructs() throws IOException {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, "data: {file: d.csv}\ndifferences: [{by: g}]\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StudyLoader.load(file)).isInstanceOf(StudyFileException.class)
                .hasMessageContaining("line 2, differences[1].by: differences compares the construct scores across "
                        + "groups, but the study has no constructs");
    }

    @Test
    void embeddersGetTheSameChecksFromTheRecords() {
        assertThatThrownBy(() -> new BootstrapSpec(999, 1, 0.95)).hasMessageContaining("below 1000");
        assertThatThrownBy(() -> new Hypothesis("H1", Hypothesis.Kind.INDIRECT, "X", null, "Y", Hypothesis.Sign.POSITIVE,
                true, null)).hasMessageContaining("needs via");
    }
}
