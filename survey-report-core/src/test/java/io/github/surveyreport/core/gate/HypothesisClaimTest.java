package io.github.surveyreport.core.gate;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.Check;
import io.github.surveyreport.core.results.HypothesisResult;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hypotheses as the manuscript's claims, on the Big Five data (golden/bfi-plus.json, R): C → A
 * → N is a negative indirect effect (bootstrap interval [−.037, −.008] in the reference), the
 * C × A interaction on N has p = .062, and O → A (p = .268) is not supported. The gate checks
 * the claim: a hypothesis reported as not supported passes while it stays unsupported and fails
 * once the data support it.
 */
class HypothesisClaimTest {
    private static Study study;
    private static Results results;

    @BeforeAll
    static void analyse(@TempDir Path dir) throws IOException {
        try (InputStream in = HypothesisClaimTest.class.getResourceAsStream("/reference/survey/data/bfi.csv")) {
            Files.copy(in, dir.resolve("bfi.csv"));
        }
        Files.writeString(dir.resolve("study.yaml"), """
                data: {file: bfi.csv}
                scale: {min: 1, max: 6}
                constructs:
                  A: {items: [A1, A2, A3, A4, A5], reverse: [A1]}
                  C: {items: [C1, C2, C3, C4, C5], reverse: [C4, C5]}
                  E: {items: [E1, E2, E3, E4, E5], reverse: [E1, E2]}
                  N: {items: [N1, N2, N3, N4, N5]}
                  O: {items: [O1, O2, O3, O4, O5], reverse: [O2, O5]}
                regressions:
                  - A ~ C + E + N + O
                mediation:
                  - {x: C, mediators: [A, E], y: N, covariates: [O]}
                moderation:
                  - {x: C, moderator: A, y: N}
                bootstrap: {samples: 2000, seed: 7}
                hypotheses:
                  - {id: H1, path: C -> A, sign: positive}
                  - {id: H4, path: O -> A, sign: positive, expect: not supported}
                  - {id: H5, indirect: C -> A -> N, sign: negative}
                  - {id: H6, indirect: C -> E -> N, sign: positive, expect: not supported}
                  - {id: H7, interaction: C x A -> N, sign: negative, expect: not supported}
                  - {id: H8, interaction: A x C -> N, sign: negative}
                """);
        study = StudyLoader.load(dir.resolve("study.yaml"));
        results = SurveyAnalysis.run(study);
    }

    private static HypothesisResult hypothesis(String id) {
        return results.hypotheses().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void verdictsFollowTheTestOfEachKind() {
        assertThat(hypothesis("H1").supported()).isTrue();
        assertThat(hypothesis("H4").supported()).isFalse();
        HypothesisResult h5 = hypothesis("H5");
        assertThat(h5.kind()).isEqualTo("indirect");
        assertThat(h5.supported()).isTrue();
        assertThat(h5.upper()).isNegative();
        assertThat(h5.estimate()).isCloseTo(-0.0215415154731659, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(hypothesis("H6").supported()).isFalse(); // negative effect, positive expected
        HypothesisResult h7 = hypothesis("H7");
        assertThat(h7.kind()).isEqualTo("interaction");
        assertThat(h7.p()).isCloseTo(0.0615606782123061, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(h7.supported()).isFalse();
        // the product term is symmetric: A x C names the same moderation
        assertThat(hypothesis("H8").estimate()).isEqualTo(h7.estimate());
    }

    @Test
    void theGateChecksTheClaimNotTheWish() {
        List<Check> checks = new QualityGate(Thresholds.defaults()).evaluate(study, results).stream()
                .filter(c -> c.name().equals("requireSupportedHypotheses")).toList();
        assertThat(checks).extracting(Check::subject).containsExactly("H1", "H4", "H5", "H6", "H7", "H8");
        assertThat(checks).filteredOn(c -> !c.passed()).extracting(Check::message).containsExactly(
                "Hypothesis H8 (A × C → N): not supported (b = −0.044, p = .062; expected a negative effect at "
                        + "p < .05), but the manuscript reports it supported (requireSupportedHypotheses)");
        assertThat(checks.get(1).message()).isEqualTo("Hypothesis H4 (O → A): not supported (β = .020, p = .268), "
                + "as the manuscript reports (expect: not supported) (requireSupportedHypotheses)");
        assertThat(checks.get(2).message()).startsWith("Hypothesis H5 (C → A → N): supported (indirect effect = "
                + "−0.022, 95% bootstrap CI [");
    }
}
