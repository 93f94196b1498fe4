package io.github.surveyreport.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.ResultsJson;
import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.Results;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same data saved as Excel and other tools save them (UTF-8 with and without BOM, UTF-16
 * with BOM, GBK, semicolon- and tab-separated) must give the same results.
 */
class EncodingAndDelimiterTest {
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("UTF-8", StandardCharsets.UTF_8, new byte[0], ','),
                Arguments.of("UTF-8 with BOM", StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ','),
                Arguments.of("UTF-16LE with BOM", StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, ','),
                Arguments.of("UTF-16BE with BOM", StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}, ','),
                Arguments.of("UTF-16LE without BOM", StandardCharsets.UTF_16LE, new byte[0], ','),
                Arguments.of("UTF-16BE without BOM", StandardCharsets.UTF_16BE, new byte[0], ','),
                Arguments.of("GBK", GBK, new byte[0], ','),
                Arguments.of("GBK, semicolons", GBK, new byte[0], ';'),
                Arguments.of("UTF-8, tabs", StandardCharsets.UTF_8, new byte[0], '\t'));
    }

    /** Holzinger-Swineford 1939: listwise n = 300, 1 excluded (R, complete.cases). */
    @ParameterizedTest(name = "hs1939 as {0}")
    @MethodSource("variants")
    void hs1939(String name, Charset charset, byte[] bom, char delimiter) throws IOException {
        String csv;
        try (InputStream in = getClass().getResourceAsStream("/reference/survey/data/hs1939.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path study = write(csv, charset, bom, delimiter, """
                data: {file: data.csv}
                constructs:
                  visual: {items: [x1, x2, x3]}
                  textual: {items: [x4, x5, x6]}
                  speed: {items: [x7, x8, x9]}
                efa: {factors: 3}
                regressions:
                  - textual ~ visual + speed
                  - speed ~ ageyr + grade
                """);
        Results results = SurveyAnalysis.run(study);
        assertThat(results.sample().n()).isEqualTo(300);
        assertThat(results.sample().excluded()).isEqualTo(1);
    }

    /** Like {@link #variants()}, but without semicolons: the example's multi-select answers are ";"-joined. */
    static Stream<Arguments> exampleVariants() {
        return variants().filter(a -> (char) a.get()[3] != ';');
    }

    /** The bundled example (GBK as Excel writes it, Chinese header and answers). */
    @ParameterizedTest(name = "Henan example as {0}")
    @MethodSource("exampleVariants")
    void chineseExample(String name, Charset charset, byte[] bom, char delimiter) throws IOException {
        Path example = Path.of("../examples/henan/src/survey");
        String csv = new String(Files.readAllBytes(example.resolve("responses.csv")), GBK);
        String studyYaml = Files.readString(example.resolve("study.yaml"), StandardCharsets.UTF_8)
                .replace("file: responses.csv", "file: data.csv");
        Path study = write(csv, charset, bom, delimiter, studyYaml);
        Results results = SurveyAnalysis.run(study);
        Results reference = SurveyAnalysis.run(example.resolve("study.yaml"));
        assertThat(results.sample().n()).isEqualTo(385);
        assertThat(ResultsJson.toJson(results.sample())).isEqualTo(ResultsJson.toJson(reference.sample()));
        assertThat(ResultsJson.toJson(results.regressions())).isEqualTo(ResultsJson.toJson(reference.regressions()));
        assertThat(results.provenance().encoding()).isEqualTo(charset == GBK ? "GB18030" : charset.name());
    }

    private Path write(String csv, Charset charset, byte[] bom, char delimiter, String studyYaml) throws IOException {
        String text = delimiter == ',' ? csv : csv.replace(',', delimiter);
        byte[] body = text.getBytes(charset);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        Files.write(dir.resolve("data.csv"), bytes);
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, studyYaml, StandardCharsets.UTF_8);
        return study;
    }
}
