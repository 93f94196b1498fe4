package io.github.surveyreport.core.report;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The studies the report tests render, analysed once per JVM. */
final class Fixtures {
    /** The bundled Chinese example (GBK data). */
    static final Path HENAN = Path.of("..", "examples", "henan", "src", "survey", "study.yaml");

    private static Analysed henan;
    private static Analysed bfi;

    private Fixtures() {
    }

    record Analysed(Study study, Results results) {
    }

    static synchronized Analysed henan() {
        if (henan == null) {
            Study study = StudyLoader.load(HENAN);
            henan = new Analysed(study, SurveyAnalysis.run(study));
        }
        return henan;
    }

    static synchronized Analysed bfi() {
        if (bfi == null) {
            Study study = StudyLoader.load(resource("report/bfi/study.yaml"));
            bfi = new Analysed(study, SurveyAnalysis.run(study));
        }
        return bfi;
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where tests leave reports for a look (target/report-test). */
    static Path output(String name) {
        return Path.of("target", "report-test", name);
    }
}
