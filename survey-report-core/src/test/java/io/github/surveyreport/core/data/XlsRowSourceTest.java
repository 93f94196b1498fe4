package io.github.surveyreport.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.surveyreport.core.ResultsJson;
import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .xls twin of the 问卷星 fixture, written by xlwt (make-xlsx.py), read as its CSV is. */
class XlsRowSourceTest {
    @TempDir
    Path dir;

    private static Path reference(String name) {
        try {
            return Path.of(XlsRowSourceTest.class.getResource("/reference/survey/xlsx/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Line(long line, List<String> cells) {
    }

    private static List<Line> rows(RowSource source) {
        List<Line> rows = new ArrayList<>();
        source.forEachRow((line, cells) -> rows.add(new Line(line, Arrays.asList(cells.clone()))));
        return rows;
    }

    @Test
    void everyCellAsInTheCsvExport() {
        CsvRowSource csv = new CsvRowSource(reference("wjx.csv"), StandardCharsets.UTF_8, ',');
        try (XlsRowSource xls = new XlsRowSource(reference("wjx.xls"), null)) {
            assertThat(xls.header()).isEqualTo(csv.header());
            assertThat(xls.sheet()).isEqualTo("答卷数据");
            List<Line> actual = rows(xls);
            assertThat(actual).hasSize(40);
            assertThat(actual).isEqualTo(rows(csv));
            assertThat(xls.warnings()).isEmpty();
        }
    }

    @Test
    void sheetByNameOrNumber() {
        try (XlsRowSource byName = new XlsRowSource(reference("wjx.xls"), "说明")) {
            assertThat(byName.header()).containsExactly("项目", "内容");
            assertThat(byName.sheets()).containsExactly("答卷数据", "说明");
            List<Line> rows = rows(byName);
            assertThat(rows).singleElement().isEqualTo(new Line(2, List.of("量表", "1 = 非常不同意 … 5 = 非常同意")));
        }
        try (XlsRowSource byNumber = new XlsRowSource(reference("wjx.xls"), "2")) {
            assertThat(byNumber.header()).containsExactly("项目", "内容");
        }
        assertThatThrownBy(() -> new XlsRowSource(reference("wjx.xls"), "Sheet1").header())
                .isInstanceOf(DataFileException.class).hasMessageContaining("1 '答卷数据', 2 '说明'");
    }

    @Test
    void cellsAreCitedAsExcelDoes() {
        try (XlsRowSource xls = new XlsRowSource(reference("wjx.xls"), null)) {
            assertThat(xls.at(17, 5)).isEqualTo("wjx.xls 答卷数据!F17 (Q2)");
        }
    }

    @Test
    void damagedFiles() throws IOException {
        byte[] whole = Files.readAllBytes(reference("wjx.xls"));
        for (int length : new int[] {100, 600, whole.length / 2, whole.length - 600}) {
            Path cut = dir.resolve("cut" + length + ".xls");
            Files.write(cut, Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> {
                try (XlsRowSource xls = new XlsRowSource(cut, null)) {
                    rows(xls);
                }
            }).as("cut at %d", length).isInstanceOf(DataFileException.class).hasMessageContaining("cut" + length);
        }
        assertThatThrownBy(() -> new XlsRowSource(reference("wjx.xlsx"), null).header())
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("is not an Excel 97–2003 workbook (.xls): it is a zip archive");
    }

    @Test
    void sameResultsAsTheCsv() throws IOException {
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, """
                data: {file: unused.csv}
                scale: {min: 1, max: 5}
                constructs:
                  A: {items: [Q1, Q2, Q3, Q4]}
                  B: {items: [Q5, Q6, Q7, Q8], reverse: [Q8]}
                profile:
                  - {column: 性别}
                """);
        var loaded = StudyLoader.load(study);
        var fromCsv = SurveyAnalysis.run(loaded, new CsvRowSource(reference("wjx.csv"), StandardCharsets.UTF_8, ','));
        var fromXls = SurveyAnalysis.run(loaded, new XlsRowSource(reference("wjx.xls"), null));
        assertThat(ResultsJson.toJson(fromXls.sample())).isEqualTo(ResultsJson.toJson(fromCsv.sample()));
        assertThat(ResultsJson.toJson(fromXls.reliability())).isEqualTo(ResultsJson.toJson(fromCsv.reliability()));
    }
}
