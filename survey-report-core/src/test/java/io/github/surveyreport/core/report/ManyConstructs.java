package io.github.surveyreport.core.report;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A synthetic study with twelve constructs of four items each, for the page layout of long and
 * wide tables: its item-total table runs over a page, and its correlation table (twelve
 * construct columns) is too wide for a portrait page. Seeded data, so the same every run.
 */
public final class ManyConstructs {
    public static final int CONSTRUCTS = 12;
    public static final int ITEMS = 4;
    private static Study[] studies = new Study[2];
    private static Results[] results = new Results[2];

    private ManyConstructs() {
    }

    /** The study in Chinese ({@code zh}) or English, analysed once per JVM. */
    public static synchronized Study study(boolean zh) {
        load(zh);
        return studies[zh ? 1 : 0];
    }

    public static synchronized Results results(boolean zh) {
        load(zh);
        return results[zh ? 1 : 0];
    }

    private static void load(boolean zh) {
        int k = zh ? 1 : 0;
        if (studies[k] != null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", "report-test", "many-constructs-" + (zh ? "zh" : "en")));
            Random random = new Random(20261130L);
            StringBuilder csv = new StringBuilder();
            for (int c = 1; c <= CONSTRUCTS; c++) {
                for (int i = 1; i <= ITEMS; i++) {
                    csv.append(c == 1 && i == 1 ? "" : ",").append("K").append(c).append("_").append(i);
                }
            }
            csv.append('\n');
            for (int row = 0; row < 240; row++) {
                double general = random.nextGaussian();
                for (int c = 1; c <= CONSTRUCTS; c++) {
                    double factor = 0.5 * general + random.nextGaussian();
                    for (int i = 1; i <= ITEMS; i++) {
                        long value = Math.round(3 + 0.9 * factor + 0.7 * random.nextGaussian());
                        csv.append(c == 1 && i == 1 ? "" : ",").append(Math.max(1, Math.min(5, value)));
                    }
                }
                csv.append('\n');
            }
            Files.writeString(dir.resolve("responses.csv"), csv);
            StringBuilder yaml = new StringBuilder("title: " + (zh ? "多构念问卷的表格版式" : "Layout of Many Constructs")
                    + "\nlanguage: " + (zh ? "zh" : "en") + "\ndata:\n  file: responses.csv\nscale: {min: 1, max: 5}\n"
                    + "constructs:\n");
            for (int c = 1; c <= CONSTRUCTS; c++) {
                yaml.append("  K").append(c).append(": {label: ").append(zh ? "构念" + c : "Construct " + c)
                        .append(", items: [");
                for (int i = 1; i <= ITEMS; i++) {
                    yaml.append(i == 1 ? "" : ", ").append("K").append(c).append("_").append(i);
                }
                yaml.append("]}\n");
            }
            Files.writeString(dir.resolve("study.yaml"), yaml);
            Study study = StudyLoader.load(dir.resolve("study.yaml"));
            studies[k] = study;
            results[k] = SurveyAnalysis.run(study);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
