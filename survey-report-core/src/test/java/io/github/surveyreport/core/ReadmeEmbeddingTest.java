package io.github.surveyreport.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.report.ReportOptions;
import io.github.surveyreport.core.report.ReportRenderer;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example, on the bundled example study: it must keep working as written. */
class ReadmeEmbeddingTest {
    @Test
    void embeddingExampleRuns(@TempDir Path target) throws IOException {
        Study study = StudyLoader.load(Path.of("../examples/henan/src/survey/study.yaml"));
        Results results = SurveyAnalysis.run(study);
        assertThat(results.sample().n()).isEqualTo(385);
        assertThat(results.reliability().overall().alpha()).isBetween(0.8, 1.0);
        assertThat(results.hypotheses()).allMatch(h -> h.claimHolds()); // H6 is reported as not supported
        ResultsJson.write(results, target.resolve("results.json"));
        new ReportRenderer(ReportOptions.defaults(), message -> { }).writePdf(study, results, target.resolve("report.pdf"));
        assertThat(Files.size(target.resolve("results.json"))).isPositive();
        assertThat(Files.readAllBytes(target.resolve("report.pdf"))).startsWith("%PDF".getBytes());
    }
}
