package io.github.surveyreport.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {
    record Inner(String item, Double value) {
    }

    record Outer(long n, double alpha, List<Inner> items, Map<String, Double> msa, Boolean passed) {
    }

    @Test
    void recordsBecomeObjectsInComponentOrderWithFullPrecision() {
        Map<String, Double> msa = new LinkedHashMap<>();
        msa.put("b", 0.1);
        msa.put("a", Double.NaN);
        String json = ResultsJson.toJson(new Outer(300, 0.760526259027574,
                List.of(new Inner("x1 \"<script>\" 年龄", 2.67084902741857e-166)), msa, null));
        assertThat(json).isEqualTo("""
                {
                  "n" : 300,
                  "alpha" : 0.760526259027574,
                  "items" : [
                    {
                      "item" : "x1 \\"<script>\\" 年龄",
                      "value" : 2.67084902741857E-166
                    }
                  ],
                  "msa" : {
                    "b" : 0.1,
                    "a" : null
                  },
                  "passed" : null
                }
                """);
    }

    @Test
    void writesAtomicallyAndDeterministically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out/results.json");
        Outer value = new Outer(1, 0.5, List.of(), Map.of(), true);
        ResultsJson.writeValue(value, file);
        byte[] first = Files.readAllBytes(file);
        ResultsJson.writeValue(value, file);
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }
}
