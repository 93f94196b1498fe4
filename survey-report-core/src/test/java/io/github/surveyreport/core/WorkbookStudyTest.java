package io.github.surveyreport.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.surveyreport.core.data.DataFileException;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A study whose {@code data.file} is a workbook exported like 问卷星's (metadata columns first, a
 * submission date, a duration as text; fixtures written by openpyxl and xlwt, see
 * reference/survey/xlsx/make-xlsx.py) gives exactly the results of the same responses as CSV.
 */
class WorkbookStudyTest {
    private static final String STUDY = """
            data: {file: %s%s}
            scale: {min: 1, max: 5}
            constructs:
              A: {items: [Q1, Q2, Q3, Q4]}
              B: {items: [Q5, Q6, Q7, Q8]}
            regressions:
              - B ~ A
            profile:
              - {column: 性别}
            """;

    @TempDir
    Path dir;

    private Path project(String data, String extra, String yaml) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/reference/survey/xlsx/" + data)) {
            Files.copy(in, dir.resolve(data));
        }
        Path study = dir.resolve(yaml);
        Files.writeString(study, STUDY.formatted(data, extra), StandardCharsets.UTF_8);
        return study;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wjx.xlsx", "wjx.xls"})
    void givesTheResultsOfTheSameResponsesAsCsv(String workbook) throws IOException {
        Results fromCsv = SurveyAnalysis.run(project("wjx.csv", "", "csv.yaml"));
        Results fromWorkbook = SurveyAnalysis.run(project(workbook, ", sheet: 答卷数据", "workbook.yaml"));
        assertThat(ResultsJson.toJson(fromWorkbook.sample())).isEqualTo(ResultsJson.toJson(fromCsv.sample()));
        assertThat(ResultsJson.toJson(fromWorkbook.reliability())).isEqualTo(ResultsJson.toJson(fromCsv.reliability()));
        assertThat(ResultsJson.toJson(fromWorkbook.regressions())).isEqualTo(ResultsJson.toJson(fromCsv.regressions()));
        assertThat(fromWorkbook.provenance().format()).isEqualTo(workbook.substring(4));
        assertThat(fromWorkbook.provenance().sheet()).isEqualTo("答卷数据");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wjx.xlsx", "wjx.xls"})
    void aSheetThatDoesNotExistListsTheSheets(String workbook) throws IOException {
        Path study = project(workbook, ", sheet: Sheet9", "workbook.yaml");
        assertThatThrownBy(() -> SurveyAnalysis.run(StudyLoader.load(study))).isInstanceOf(DataFileException.class)
                .hasMessageContaining("Sheet9").hasMessageContaining("答卷数据");
    }
}
