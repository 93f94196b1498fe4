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
    private static Analysed structuralEn;
    private static Analysed structuralZh;

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

    /**
     * The bfi study with group differences, a hierarchical regression, a mediation, a moderation
     * and hypotheses of all three kinds ({@code report/bfi/structural.yaml}), in English or, with
     * {@code language: zh}, in Chinese.
     */
    static synchronized Analysed structural(boolean zh) {
        if (zh ? structuralZh == null : structuralEn == null) {
            Path file = resource("report/bfi/structural.yaml");
            try {
                Path dir = java.nio.file.Files.createDirectories(output("structural-" + (zh ? "zh" : "en")));
                java.nio.file.Files.copy(file.resolveSibling("responses.csv"), dir.resolve("responses.csv"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                String yaml = java.nio.file.Files.readString(file);
                if (zh) {
                    yaml = yaml.replace("language: en", "language: zh");
                }
                java.nio.file.Files.writeString(dir.resolve("study.yaml"), yaml);
                Study study = StudyLoader.load(dir.resolve("study.yaml"));
                Analysed a = new Analysed(study, SurveyAnalysis.run(study));
                if (zh) {
                    structuralZh = a;
                } else {
                    structuralEn = a;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return zh ? structuralZh : structuralEn;
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
