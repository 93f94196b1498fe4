package io.github.surveyreport.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.surveyreport.core.data.DataFileException;
import io.github.surveyreport.core.data.RowSource;
import io.github.surveyreport.core.results.ProfileTable;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.StudyLoader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading survey data: the listwise sample, profile counts and every bad input a researcher can make. */
class SurveyAnalysisInputTest {
    private static final String STUDY = """
            data: {file: data.csv}
            scale: {min: 1, max: 5}
            constructs:
              A: {items: [A1, A2, A3], reverse: [A3]}
            profile:
              - {column: 性别}
              - {column: 平台, multiple: ";", order: [淘宝, 京东]}
            """;

    @TempDir
    Path dir;

    private Path project(String study, String csv, Charset charset) throws IOException {
        Files.writeString(dir.resolve("study.yaml"), study, StandardCharsets.UTF_8);
        Files.write(dir.resolve("data.csv"), csv.getBytes(charset));
        return dir.resolve("study.yaml");
    }

    private DataFileException dataFailure(String study, String csv) throws IOException {
        Path file = project(study, csv, StandardCharsets.UTF_8);
        try {
            SurveyAnalysis.run(file);
        } catch (DataFileException e) {
            return e;
        }
        throw new AssertionError("expected the data to be rejected");
    }

    @Test
    void listwiseSampleAndProfile() throws IOException {
        String csv = "id,性别,平台,A1,A2,A3\n"
                + "1,男,淘宝;京东,4,5,2\n"
                + "2,女,京东,3,,1\n"          // excluded: A2 missing
                + "3,女,拼多多;京东;京东,5,4,1\n"
                + "4,,淘宝,2,2,4\n"
                + "5,男,\"京东\",4,NA,3\n";   // excluded: NA
        Results results = SurveyAnalysis.run(project(STUDY, csv, StandardCharsets.UTF_8));
        assertThat(results.sample().read()).isEqualTo(5);
        assertThat(results.sample().n()).isEqualTo(3);
        assertThat(results.sample().excluded()).isEqualTo(2);
        ProfileTable gender = results.sample().profile().get(0);
        assertThat(gender.categories()).extracting(ProfileTable.Category::value).containsExactly("男", "女");
        assertThat(gender.missing()).isEqualTo(1);
        assertThat(gender.categories().get(0).percent()).isEqualTo(100.0 / 3);
        ProfileTable platform = results.sample().profile().get(1);
        assertThat(platform.multiple()).isTrue();
        assertThat(platform.categories()).extracting(ProfileTable.Category::value, ProfileTable.Category::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("淘宝", 2L), org.assertj.core.groups.Tuple.tuple("京东", 2L),
                        org.assertj.core.groups.Tuple.tuple("拼多多", 1L));
        // reverse coding 1..5: A3 = 6 - x, so the three analysed A3 values 2, 1, 4 become 4, 5, 2
        assertThat(results.descriptives().items().get(2).mean()).isCloseTo((4 + 5 + 2) / 3.0, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(results.warnings()).anySatisfy(w -> assertThat(w).contains("拼多多"));
    }

    @Test
    void qualtricsMetadataRowsAreSkipped() throws IOException {
        String csv = "StartDate,性别,平台,A1,A2,A3\n"
                + "Start Date,\"Your gender\",Platforms,\"I am satisfied, overall\",Q2,Q3\n"
                + "\"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"X\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\","
                + "\"{\"\"ImportId\"\":\"\"QID2\"\"}\",\"{\"\"ImportId\"\":\"\"QID3_1\"\"}\",\"{\"\"ImportId\"\":\"\"QID3_2\"\"}\","
                + "\"{\"\"ImportId\"\":\"\"QID3_3\"\"}\"\n"
                + "2024-01-01,男,淘宝,4,5,2\n2024-01-02,女,京东,3,2,1\n2024-01-03,男,京东,5,4,x\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16)) {
            Path study = project(STUDY, csv, charset);
            DataFileException bad = org.junit.jupiter.api.Assertions.assertThrows(DataFileException.class,
                    () -> SurveyAnalysis.run(study));
            assertThat(bad.problems()).as(charset.name()).containsExactly("data.csv line 6, column A3 (F): 'x' is not "
                    + "a number; map answer text to numbers with recode in the study file (e.g. recode: {items: {'x': "
                    + "4}}), or add it to data.missing only if it truly means no answer");
            Results results = SurveyAnalysis.run(project(STUDY, csv.replace(",x\n", ",1\n"), charset));
            assertThat(results.sample().read()).as(charset.name()).isEqualTo(3);
            assertThat(results.warnings()).anySatisfy(w -> assertThat(w).contains("Qualtrics"));
        }
    }

    @Test
    void linesOfBareDelimitersAreNoResponses() throws IOException {
        String csv = "id,性别,平台,A1,A2,A3\n1,男,淘宝,4,5,2\n2,女,京东,3,2,1\n3,男,京东,5,4,1\n,,,,,\n,,,,,\n";
        Results results = SurveyAnalysis.run(project(STUDY, csv, StandardCharsets.UTF_8));
        assertThat(results.sample().read()).isEqualTo(3);
        assertThat(results.sample().excluded()).isZero();
        assertThat(results.sample().emptyRows()).isEqualTo(2);
        Results utf16 = SurveyAnalysis.run(project(STUDY, csv, StandardCharsets.UTF_16)); // the Commons CSV path
        assertThat(utf16.sample()).isEqualTo(results.sample());
    }

    @Test
    void nonNumericAndOutOfScaleCellsNameFileLineColumnAndValue() throws IOException {
        DataFileException e = dataFailure(STUDY, "id,性别,平台,A1,A2,A3\n1,男,淘宝,4,5,abc\n"
                + "2,\"女\n(multi-line note)\",京东,7,4,4\n3,男,京东,3,3,3,\n");
        assertThat(e.problems()).containsExactly(
                "data.csv line 2, column A3 (F): 'abc' is not a number; map answer text to numbers with recode in the "
                        + "study file (e.g. recode: {items: {'abc': 4}}), or add it to data.missing only if it truly "
                        + "means no answer",
                "data.csv line 3, column A1 (D): '7' is outside the scale 1–5 (scale in the study file)",
                "data.csv line 5: the row has 7 fields but the header has 6; a text answer containing the delimiter must be quoted");
        assertThat(e.getMessage()).contains(dir.resolve("data.csv").toString()).contains("3 problems");
    }

    @Test
    void decimalCommaHint() throws IOException {
        DataFileException e = dataFailure(STUDY, "id;性别;平台;A1;A2;A3\n1;男;淘宝;4;5;3,5\n");
        assertThat(e.problems().get(0)).startsWith("data.csv line 2, column A3 (F): '3,5' is not a number; if the file "
                + "uses a decimal comma, set data.decimal: \",\"");
    }

    @Test
    void decimalCommaDeclared() throws IOException {
        String study = "data: {file: data.csv, delimiter: \";\", decimal: \",\"}\nregressions:\n  - y ~ x\n";
        Results results = SurveyAnalysis.run(project(study, "y;x\n1,5;2\n2,5;3,25\n2;5\n4,5;6\n", StandardCharsets.UTF_8));
        assertThat(results.descriptives().items().get(0).mean()).isEqualTo((1.5 + 2.5 + 2 + 4.5) / 4);
    }

    @Test
    void atMostTwentyProblemsAreCollected() throws IOException {
        StringBuilder csv = new StringBuilder("id,性别,平台,A1,A2,A3\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i).append(",男,淘宝,x,4,4\n");
        }
        DataFileException e = dataFailure(STUDY, csv.toString());
        assertThat(e.problems()).hasSize(20);
        assertThat(e.truncated()).isTrue();
        assertThat(e.getMessage()).contains("more than 20 problems (the first 20 are listed)");
    }

    @Test
    void columnAbsentFromHeaderListsTheHeader() throws IOException {
        DataFileException e = dataFailure(STUDY, "id,性别,平台,A1,A2,a_3\n1,男,淘宝,4,5,3\n");
        assertThat(e.problems()).containsExactly("data.csv line 1: the column 'A3' is not in the header (the study file "
                + "uses it as an item of construct A); did you mean 'a_3'? The header's columns are: id, 性别, 平台, A1, A2, a_3");
    }

    @Test
    void regressionTermThatIsNeitherConstructNorColumn() throws IOException {
        String study = "data: {file: data.csv}\nregressions:\n  - y ~ x + Age\n";
        DataFileException e = dataFailure(study, "y,x,age\n1,2,3\n");
        assertThat(e.problems()).containsExactly("data.csv line 1: the column 'Age' is not in the header (the study file "
                + "uses it as a term of the regression y ~ x + Age (study file line 3, regressions[1]); a term that is no construct id must be a data column); "
                + "did you mean 'age'? The header's columns are: y, x, age");
    }

    @Test
    void emptyFileHeaderOnlyAndBadHeader() throws IOException {
        assertThat(dataFailure(STUDY, "").getMessage()).contains("is empty");
        assertThat(dataFailure(STUDY, "id,性别,平台,A1,A2,A3\n").getMessage())
                .isEqualTo("data.csv: the header has no rows under it; the file needs one row per respondent");
        assertThat(dataFailure(STUDY, "id,A1,,A1\n").problems()).containsExactly(
                "data.csv line 1, column C: the header has an empty column name; every column needs a name (delete the empty column or name it)",
                "data.csv line 1, columns B and D: the column name 'A1' is used twice; column names must be unique");
    }

    @Test
    void tooFewCompleteRows() throws IOException {
        String study = "data: {file: data.csv}\nregressions:\n  - y ~ a + b + c\n";
        DataFileException e = dataFailure(study, "y,a,b,c\n1,2,3,4\n2,3,4,1\n3,,1,1\n4,1,2,3\n");
        assertThat(e.getMessage()).isEqualTo("data.csv: only 3 complete rows (4 read, 1 excluded for missing values in "
                + "analysed columns); the regression y ~ a + b + c (predictors + 2) need at least 5. Check data.missing and "
                + "the empty cells of the analysed columns.");
    }

    @Test
    void zeroVarianceItemIsNamed() throws IOException {
        assertThatThrownBy(() -> SurveyAnalysis.run(project(STUDY,
                "id,性别,平台,A1,A2,A3\n1,男,淘宝,4,5,3\n2,男,淘宝,4,2,1\n3,男,淘宝,4,3,2\n4,女,京东,4,1,5\n",
                StandardCharsets.UTF_8)))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("data.csv").hasMessageContaining("A1").hasMessageContaining("variance");
    }

    @Test
    void unclosedQuote() throws IOException {
        DataFileException e = dataFailure(STUDY, "id,性别,平台,A1,A2,A3\n1,男,淘宝,4,5,3\n2,\"女,京东,4,5,3\n3,男,淘宝,4,5,3\n");
        assertThat(e.getMessage()).contains("data.csv line").contains("quoted field").contains("never closed");
    }

    @Test
    void textAfterAClosingQuote() throws IOException {
        DataFileException e = dataFailure(STUDY, "id,性别,平台,A1,A2,A3\n1,男,淘宝,4,5,3\n2,\"女\"x,京东,4,5,3\n");
        assertThat(e.getMessage()).startsWith("data.csv line 3: text follows a closing quote");
    }

    @Test
    void explicitEncodingThatDoesNotFit() throws IOException {
        String study = STUDY.replace("data: {file: data.csv}", "data: {file: data.csv, encoding: UTF-8}");
        Path file = project(study, "id,性别,平台,A1,A2,A3\n1,男,淘宝,4,5,3\n", Charset.forName("GBK"));
        assertThatThrownBy(() -> SurveyAnalysis.run(file)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("data.csv line 1 (byte offset 3): the bytes are not valid UTF-8: \"id,\\xD0")
                .hasMessageContaining("data.encoding");
    }

    @Test
    void rowsFromCode() {
        var study = StudyLoader.load(writeQuietly("data: {file: unused.csv}\nregressions:\n  - y ~ x\n"));
        Results results = SurveyAnalysis.run(study, RowSource.of("rows", List.of("y", "x"), List.of(
                new String[] {"1", "1"}, new String[] {"2", "2.5"}, new String[] {"4", "2"}, new String[] {"3", "5"})));
        assertThat(results.sample().n()).isEqualTo(4);
        assertThat(results.regressions()).hasSize(1);
        assertThat(results.provenance().dataFile()).isEqualTo("rows");
    }

    @Test
    void hugeValueWithoutScaleIsAnAnalysisErrorNamingTheColumn() {
        // without a scale there is no range check: 1e308 reaches the statistics, whose squares overflow
        var study = StudyLoader.load(writeQuietly("data: {file: unused.csv}\nconstructs:\n"
                + "  A: {items: [A1, A2, A3]}\n"));
        List<String[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new String[] {String.valueOf(1 + i % 5), String.valueOf(1 + i * 7 % 5),
                    i == 11 ? "1e308" : String.valueOf(1 + i * 3 % 5)});
        }
        assertThatThrownBy(() -> SurveyAnalysis.run(study, RowSource.of("rows", List.of("A1", "A2", "A3"), rows)))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("'A3'").hasMessageContaining("too large")
                .hasMessageContaining("1.0E308");
    }

    private Path writeQuietly(String yaml) {
        try {
            return project(yaml, "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
