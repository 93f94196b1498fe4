package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.gate.QualityGate;
import io.github.surveyreport.core.gate.Thresholds;
import io.github.surveyreport.core.results.Check;
import io.github.surveyreport.core.results.Efa;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's rotated matrix and the gate's own-component rule read one assignment. The
 * loadings are ComponentMatchingTest's, where the old rules disagreed (the report put A on
 * component 1, the gate on 2) and the optimum is A on 2, B on 1.
 */
class ComponentAgreementTest {

    @Test
    void reportAndGateNameTheSameComponentOfEachConstruct(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("data.csv"), "a1,a2,a3,b1,b2,b3\n1,2,3,4,5,1\n");
        Files.writeString(dir.resolve("study.yaml"), """
                language: en
                data: {file: data.csv}
                scale: {min: 1, max: 5}
                constructs:
                  A: {label: Autonomy, items: [a1, a2, a3]}
                  B: {label: Belonging, items: [b1, b2, b3]}
                """);
        Study study = StudyLoader.load(dir.resolve("study.yaml"));
        Map<String, List<Double>> loadings = new LinkedHashMap<>();
        loadings.put("a1", List.of(0.5, 0.1));
        loadings.put("a2", List.of(0.3, 0.9));
        loadings.put("a3", List.of(0.3, 0.0));
        loadings.put("b1", List.of(0.7, 0.6));
        loadings.put("b2", List.of(0.3, 0.2));
        loadings.put("b3", List.of(0.1, 0.7));
        Map<String, Double> communalities = new LinkedHashMap<>();
        loadings.forEach((item, row) -> communalities.put(item, row.get(0) * row.get(0) + row.get(1) * row.get(1)));
        Efa.VarianceRow row = new Efa.VarianceRow(1, 50, 50);
        Map<String, Integer> assignment = new LinkedHashMap<>();
        assignment.put("A", 2);
        assignment.put("B", 1);
        Efa efa = new Efa("pca", "varimax", 2, 2, List.of(2.0, 1.0), loadings, communalities, List.of(1.48, 1.43),
                new Efa.VarianceExplained(List.of(row, row), List.of(row, row), List.of(row, row)), assignment);
        Results results = new Results(null, null, null, efa, null, null, null, null, List.of(), List.of(), List.of(),
                List.of(), null, List.of(), List.of(), null, null, null);

        // the report: B's block (component 1) first, then A's (component 2), A's items by their loading on 2
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) ReportModel.build(study, results, null,
                ReportOptions.defaults(), "html", null, null, Map.of()).get("efa");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> matrix = (List<Map<String, Object>>) model.get("matrix");
        assertThat(matrix).extracting(g -> g.get("label")).containsExactly("Belonging", "Autonomy");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> autonomy = (List<Map<String, Object>>) matrix.get(1).get("rows");
        assertThat(autonomy).extracting(r -> r.get("id")).containsExactly("a2", "a1", "a3");

        // the gate: A's loadings are read on component 2, its cross-loadings on B's component 1
        List<Check> checks = new QualityGate(Thresholds.of(Map.of("maxCrossLoading", "0.40")))
                .evaluate(study, results);
        assertThat(checks).filteredOn(c -> c.subject().equals("a1")).extracting(Check::message).containsExactly(
                "Item a1: loading .100 on the component of A is below the minimum .50 (minLoading)",
                "Item a1: cross-loading .500 on the component of B is above the maximum .40 (maxCrossLoading)");
        assertThat(checks).filteredOn(c -> c.subject().equals("b3")).extracting(Check::message).containsExactly(
                "Item b3: loading .100 on the component of B is below the minimum .50 (minLoading)",
                "Item b3: cross-loading .700 on the component of A is above the maximum .40 (maxCrossLoading)");
    }
}
