package io.github.surveyreport.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A study whose {@code data.file} is an SPSS system file gives the results of the same responses
 * as CSV (fixtures written by PSPP 1.6.2 and R haven/ReadStat, see
 * reference/survey/sav/README.md), takes the file's variable labels, and records the user-missing
 * codes that applied.
 */
class SavStudyTest {
    private static final String STUDY = """
            data: {file: %s, missing: ["", "NA", "-99"]}
            scale: {min: 1, max: 5}
            labels: {Q4: 从 study.yaml}
            constructs:
              A: {items: [Q1, Q2, Q3, Q4]}
            regressions:
              - score ~ A + 年龄
            profile:
              - {column: 性别}
            """;

    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/reference/survey/sav/" + name)) {
            Files.copy(in, dir.resolve(name));
        }
        return dir.resolve(name);
    }

    private Study study(String dataFile, String fileName) throws IOException {
        Path yaml = dir.resolve(fileName);
        Files.writeString(yaml, STUDY.formatted(dataFile), StandardCharsets.UTF_8);
        return StudyLoader.load(yaml);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pspp-uncompressed.sav", "pspp-bytecode.sav", "pspp-zlib.zsav", "haven-uncompressed.sav",
            "haven-bytecode.sav", "haven-zlib.zsav"})
    void givesTheResultsOfTheSameResponsesAsCsv(String sav) throws IOException {
        copy("responses.csv");
        // named .csv on purpose: the format comes from the first bytes, not the name
        Files.copy(copy(sav), dir.resolve("renamed.csv"));
        Results fromCsv = SurveyAnalysis.run(study("responses.csv", "csv.yaml"));
        Results fromSav = SurveyAnalysis.run(study("renamed.csv", "sav.yaml"));
        // the same sample; the profile's categories are named by the file's value labels (男 -> 男性)
        assertThat(ResultsJson.toJson(fromSav.sample().missingByColumn()))
                .isEqualTo(ResultsJson.toJson(fromCsv.sample().missingByColumn()));
        assertThat(fromSav.sample().n()).isEqualTo(fromCsv.sample().n());
        assertThat(fromSav.sample().excluded()).isEqualTo(fromCsv.sample().excluded());
        // (in the order of the file's value labels, which the writers store differently)
        java.util.Map<String, Long> csvCounts = new java.util.HashMap<>();
        fromCsv.sample().profile().get(0).categories().forEach(c -> csvCounts.put(c.value() + "性", c.count()));
        java.util.Map<String, Long> savCounts = new java.util.HashMap<>();
        fromSav.sample().profile().get(0).categories().forEach(c -> savCounts.put(c.value(), c.count()));
        assertThat(savCounts).isEqualTo(csvCounts);
        assertThat(ResultsJson.toJson(fromSav.reliability())).isEqualTo(ResultsJson.toJson(fromCsv.reliability()));
        assertThat(ResultsJson.toJson(fromSav.regressions())).isEqualTo(ResultsJson.toJson(fromCsv.regressions()));
        assertThat(fromSav.provenance().format()).isEqualTo("sav");
        assertThat(fromSav.provenance().missingCodes()).containsKey("年龄");
        assertThat(fromCsv.provenance().format()).isEqualTo("csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pspp-zlib.zsav", "haven-bytecode.sav"})
    void theFilesVariableLabelsBecomeItemTextsAfterTheStudysOwn(String sav) throws IOException {
        copy(sav);
        Study study = SurveyAnalysis.withFileLabels(study(sav, "sav.yaml"));
        assertThat(study.label("Q1")).isEqualTo("我喜欢这个产品");
        assertThat(study.label("Q4")).isEqualTo("从 study.yaml");
        assertThat(study.label("id")).isEqualTo("id");
    }

    /** The labelled study keeps every part of the study (it once fell back to the first version's components). */
    @Test
    void theLabelledStudyKeepsItsModelsAndReportLayout() throws IOException {
        copy("pspp-zlib.zsav");
        Study study = study("pspp-zlib.zsav", "sav.yaml");
        Study changed = study.withReport(io.github.surveyreport.core.study.ReportLayout.of(List.of("reliability"),
                List.of())).withData(study.data());
        Study labelled = SurveyAnalysis.withFileLabels(changed);
        assertThat(labelled.withLabels(changed.labels())).isEqualTo(changed);
        assertThat(labelled.report().tables()).containsExactly("reliability");
    }

    /** Value labels name and order a profile column's codes; the report shows the file's item texts. */
    @ParameterizedTest
    @ValueSource(strings = {"pspp-zlib.zsav", "haven-uncompressed.sav"})
    void valueLabelsNameTheProfileCategoriesAndTheReportShowsTheItemTexts(String sav) throws IOException {
        copy(sav);
        Path yaml = dir.resolve("labels.yaml");
        Files.writeString(yaml, STUDY.formatted(sav) + "  - {column: satisfaction_overall}\n", StandardCharsets.UTF_8);
        Study study = SurveyAnalysis.withFileLabels(StudyLoader.load(yaml));
        Results results = SurveyAnalysis.run(study);
        var table = results.sample().profile().get(1);
        assertThat(table.categories()).extracting(c -> c.value())
                .isSubsetOf("非常不同意", "不同意", "一般", "同意", "非常同意");
        List<String> shown = table.categories().stream().map(c -> c.value()).toList();
        List<String> inCodeOrder = new java.util.ArrayList<>(List.of("非常不同意", "不同意", "一般", "同意", "非常同意"));
        inCodeOrder.retainAll(shown);
        assertThat(shown).isEqualTo(inCodeOrder);
        String html = new io.github.surveyreport.core.report.ReportRenderer(
                io.github.surveyreport.core.report.ReportOptions.defaults(), w -> { }).html(study, results);
        assertThat(html).contains("我喜欢这个产品").contains("非常同意");
    }

    /** Value labels name the groups of a comparison, text codes (男 = 男性) and numeric ones (1 = 非常不同意) alike. */
    @ParameterizedTest
    @ValueSource(strings = {"pspp-zlib.zsav", "haven-uncompressed.sav"})
    void valueLabelsNameTheGroupsOfAComparison(String sav) throws IOException {
        copy(sav);
        Path yaml = dir.resolve("groups.yaml");
        Files.writeString(yaml, STUDY.formatted(sav) + "differences:\n  - {by: 性别}\n  - {by: satisfaction_overall}\n",
                StandardCharsets.UTF_8);
        Results results = SurveyAnalysis.run(StudyLoader.load(yaml));
        var byGender = results.differences().get(0);
        assertThat(byGender.groupLabels()).containsEntry("男", "男性").containsEntry("女", "女性");
        var bySatisfaction = results.differences().get(1);
        assertThat(bySatisfaction.tests().get(0).groups()).extracting(g -> g.group()).allMatch(g -> g.matches("[1-5]"));
        bySatisfaction.tests().get(0).groups().forEach(g -> assertThat(bySatisfaction.label(g.group()))
                .isIn("非常不同意", "不同意", "一般", "同意", "非常同意"));
    }

    /** A bad cell of an SPSS file is named as SPSS counts: case and variable. */
    @org.junit.jupiter.api.Test
    void aBadCellIsNamedByCaseAndVariable() throws IOException {
        copy("pspp-zlib.zsav");
        Path yaml = dir.resolve("narrow.yaml");
        Files.writeString(yaml, STUDY.formatted("pspp-zlib.zsav").replace("max: 5", "max: 3"), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SurveyAnalysis.run(StudyLoader.load(yaml)))
                .hasMessageMatching("(?s).*pspp-zlib\\.zsav case [0-9]+, variable Q[1-4]: '[45]' is outside the scale 1–3.*");
    }
}
