package io.github.surveyreport.core.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.ResultsJson;
import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.Results;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole pipeline as a user runs it: a study file written from each reference spec, the CSV
 * read from disk, results.json written and read back, compared with the R reference values
 * ({@code golden/*.json}, computed by golden.R with R 4.2.2, psych 2.2.9, car 3.1-1; see
 * {@code reference/README.md}) under the same tolerances as {@link GoldenReferenceTest}:
 * relative 1e-8 (absolute 1e-12 near zero), p values relative 1e-6, rotated loadings 1e-4 up to
 * column order and sign. {@code sample} (n, excluded) must match exactly.
 */
class EndToEndGoldenTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"bfi", "hs1939", "attitude"})
    @SuppressWarnings("unchecked")
    void resultsJsonMatchesTheReference(String name) throws IOException {
        Map<String, Object> spec = (Map<String, Object>) Json.readResource("/reference/survey/specs/" + name + ".json");
        Map<String, Object> actual = resultsJson(dir, spec, studyYaml(spec));
        Map<String, Object> golden = (Map<String, Object>) Json.readResource("/reference/survey/golden/" + name + ".json");
        List<String> failures = new ArrayList<>();
        GoldenReferenceTest.compare("", golden, actual, failures);
        assertThat(failures).isEmpty();
    }

    /**
     * Runs the engine on a spec's data set with {@code studyYaml}, as a researcher's build
     * does, and returns the written results.json parsed.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> resultsJson(Path dir, Map<String, Object> spec, String studyYaml) throws IOException {
        String csv = (String) spec.get("csv");
        try (InputStream in = EndToEndGoldenTest.class.getResourceAsStream("/reference/survey/data/" + csv)) {
            Files.copy(in, dir.resolve(csv));
        }
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, studyYaml, StandardCharsets.UTF_8);
        Results results = SurveyAnalysis.run(study);
        Path json = dir.resolve("results.json");
        ResultsJson.write(results, json);
        return (Map<String, Object>) Json.read(Files.readString(json, StandardCharsets.UTF_8));
    }

    /** The study file a researcher would write for a reference spec. */
    @SuppressWarnings("unchecked")
    private static String studyYaml(Map<String, Object> spec) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("title: ").append(spec.get("name")).append('\n');
        yaml.append("data: {file: ").append(spec.get("csv")).append("}\n");
        Map<String, Object> scale = (Map<String, Object>) spec.get("scale");
        if (scale != null) {
            yaml.append("scale: {min: ").append(number(scale.get("min"))).append(", max: ")
                    .append(number(scale.get("max"))).append("}\n");
        }
        List<Map<String, Object>> constructs = (List<Map<String, Object>>) spec.get("constructs");
        if (!constructs.isEmpty()) {
            yaml.append("constructs:\n");
            for (Map<String, Object> c : constructs) {
                yaml.append("  ").append(c.get("id")).append(": {items: ").append(c.get("items"))
                        .append(", reverse: ").append(c.get("reverse")).append("}\n");
            }
        }
        if (spec.get("efaFactors") != null) {
            yaml.append("efa: {factors: ").append(number(spec.get("efaFactors"))).append("}\n");
        }
        yaml.append("regressions:\n");
        for (Object r : (List<Object>) spec.get("regressions")) {
            yaml.append("  - ").append(r).append('\n');
        }
        yaml.append("hypotheses:\n");
        for (Map<String, Object> h : (List<Map<String, Object>>) spec.get("hypotheses")) {
            yaml.append("  - {id: ").append(h.get("id")).append(", path: ").append(h.get("from")).append(" -> ")
                    .append(h.get("to")).append(", sign: ").append(h.get("sign")).append("}\n");
        }
        yaml.append("significance: ").append(spec.get("alpha")).append('\n');
        return yaml.toString();
    }

    private static String number(Object value) {
        double d = (Double) value;
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
