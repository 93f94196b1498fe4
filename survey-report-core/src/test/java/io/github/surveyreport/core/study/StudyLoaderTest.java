package io.github.surveyreport.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private StudyFileException failure(String yaml) throws IOException {
        Path file = write(yaml);
        try {
            StudyLoader.load(file);
        } catch (StudyFileException e) {
            return e;
        }
        throw new AssertionError("expected the study file to be rejected");
    }

    @Test
    void readsEveryKeyOfTheDocumentedFormat() throws IOException {
        Study study = StudyLoader.load(write("""
                title: 数智化背景下河南省跨境电商高质量发展驱动因素
                language: zh
                data:
                  file: responses.csv
                  encoding: auto
                  delimiter: ","
                  missing: ["", "NA", "-99"]
                scale: {min: 1, max: 5}
                labels:
                  HR1: 专业人才丰富
                constructs:
                  HR:
                    label: 数智化人力资源
                    items: [HR1, HR2, HR3]
                    reverse: [HR3]
                  HD: {items: [HD1, HD2]}
                efa:
                  factors: 5
                regressions:
                  - HD ~ HR + wide.awake + 年龄
                hypotheses:
                  - {id: H1, path: HR -> HD, sign: positive, text: 数智化人力资源对跨境电商高质量发展具有正向影响效应}
                significance: 0.01
                profile:
                  - {column: 年龄}
                  - {column: 服务平台, multiple: ";"}
                """));
        assertThat(study.title()).isEqualTo("数智化背景下河南省跨境电商高质量发展驱动因素");
        assertThat(study.language()).isEqualTo(Language.ZH);
        assertThat(study.data().file()).isEqualTo(dir.resolve("responses.csv").toAbsolutePath());
        assertThat(study.data().encoding()).isNull();
        assertThat(study.data().delimiter()).isEqualTo(',');
        assertThat(study.data().missing()).containsExactly("", "NA", "-99");
        assertThat(study.scale()).isEqualTo(new Scale(1, 5));
        assertThat(study.label("HR1")).isEqualTo("专业人才丰富");
        assertThat(study.label("HR")).isEqualTo("数智化人力资源");
        assertThat(study.constructs()).extracting(Construct::id).containsExactly("HR", "HD");
        assertThat(study.constructs().get(0).reverse()).containsExactly("HR3");
        assertThat(study.efaFactors()).isEqualTo(5);
        assertThat(study.regressions()).containsExactly(
                new RegressionModel("HD", java.util.List.of("HR", "wide.awake", "年龄")));
        assertThat(study.hypotheses()).containsExactly(new Hypothesis("H1", "HR", "HD", Hypothesis.Sign.POSITIVE,
                "数智化人力资源对跨境电商高质量发展具有正向影响效应"));
        assertThat(study.significance()).isEqualTo(0.01);
        assertThat(study.profile()).extracting(ProfileColumn::column).containsExactly("年龄", "服务平台");
        assertThat(study.profile().get(1).multiple()).isEqualTo(";");
        assertThat(study.analysedColumns()).containsExactly("HR1", "HR2", "HR3", "HD1", "HD2", "wide.awake", "年龄");
    }

    @Test
    void appliesDefaults() throws IOException {
        Study study = StudyLoader.load(write("data: {file: d.csv}\n"));
        assertThat(study.language()).isEqualTo(Language.EN);
        assertThat(study.data().missing()).containsExactly("", "NA");
        assertThat(study.scale()).isNull();
        assertThat(study.efaFactors()).isNull();
        assertThat(study.significance()).isEqualTo(0.05);
    }

    @Test
    void cfaIsOffUnlessGivenAndWishartByDefault() throws IOException {
        assertThat(StudyLoader.load(write("data: {file: d.csv}\n")).cfa()).isNull();
        assertThat(StudyLoader.load(write("data: {file: d.csv}\ncfa:\n")).cfa()).isEqualTo(CfaSpec.DEFAULT);
        assertThat(StudyLoader.load(write("data: {file: d.csv}\ncfa: {}\n")).cfa().likelihood())
                .isEqualTo(CfaSpec.Likelihood.WISHART);
        assertThat(StudyLoader.load(write("data: {file: d.csv}\ncfa: {likelihood: normal}\n")).cfa().likelihood())
                .isEqualTo(CfaSpec.Likelihood.NORMAL);
        assertThat(StudyLoader.load(write("data: {file: d.csv}\ncfa:\n  likelihood: Wishart\n")).cfa().likelihood())
                .isEqualTo(CfaSpec.Likelihood.WISHART);
    }

    @Test
    void reportSectionChoosesTheTablesAndTheirOrder() throws IOException {
        assertThat(StudyLoader.load(write("data: {file: d.csv}\n")).report()).isEqualTo(ReportLayout.DEFAULT);
        Study study = StudyLoader.load(write("data: {file: d.csv}\nreport:\n  tables: [hypotheses, Regression, "
                + "model, correlations]\n"));
        assertThat(study.report().tables()).containsExactly("hypotheses", "regression", "model", "correlations");
        // the supplement keeps its default, less the table moved into the manuscript
        assertThat(study.report().supplement()).containsExactly("profile", "item-total", "variance",
                "model-summary", "anova", "coefficients");
        Study none = StudyLoader.load(write("data: {file: d.csv}\nreport: {supplement: []}\n"));
        assertThat(none.report().supplement()).isEmpty();
        assertThat(none.report().tables()).isEqualTo(ReportLayout.DEFAULT_TABLES);
    }

    @Test
    void reportProblemsNameTheTableKeyAndLine() throws IOException {
        StudyFileException e = failure("data: {file: d.csv}\nreport:\n  tables: [reliability, rotated]\n"
                + "  supplement: [reliability]\n  appendix: [gate]\n");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("line 3, report.tables: 'rotated' is not a table of the report; use measures, "
                        + "reliability, kmo, validity"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("line 4, report.supplement: 'reliability' is listed twice"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("line 5, report.appendix: unknown key"));
    }

    @Test
    void cfaProblemsNameKeyAndLine() throws IOException {
        StudyFileException e = failure("data: {file: d.csv}\ncfa:\n  likelihood: gls\n  estimator: ml\n");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("line 3, cfa.likelihood: 'gls' must be wishart"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("line 4, cfa.estimator: unknown key").contains("likelihood"));
        StudyFileException scalar = failure("data: {file: d.csv}\ncfa: yes\n");
        assertThat(scalar.problems()).anySatisfy(p -> assertThat(p).startsWith("line 2, cfa: must be a mapping"));
    }

    @Test
    void kaiserMeansNoFixedNumberOfFactors() throws IOException {
        assertThat(StudyLoader.load(write("data: {file: d.csv}\nefa: {factors: kaiser}\n")).efaFactors()).isNull();
    }

    @Test
    void unknownKeyNamesKeyLineAndSuggestion() throws IOException {
        StudyFileException e = failure("data: {file: d.csv}\nconstructs:\n  A:\n    itmes: [A1, A2]\n");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("line 4, constructs.A.itmes: unknown key; did you mean items?"));
        assertThat(e.getMessage()).contains(e.file().toString());
    }

    @Test
    void itemInTwoConstructs() throws IOException {
        StudyFileException e = failure("""
                data: {file: d.csv}
                constructs:
                  A: {items: [A1, A2]}
                  B: {items: [B1, A2]}
                """);
        assertThat(e.problems()).containsExactly(
                "line 4, constructs.B.items: item A2 is already an item of construct A; an item can belong to one construct only");
    }

    @Test
    void reverseItemNotInItsConstructAndReverseWithoutScale() throws IOException {
        StudyFileException e = failure("""
                data: {file: d.csv}
                constructs:
                  A:
                    items: [A1, A2]
                    reverse: [A3]
                """);
        assertThat(e.problems()).contains(
                "line 5, constructs.A.reverse: 'A3' is not an item of construct A (its items: A1, A2)");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("line 5, constructs.A.reverse: reverse coding needs the Likert range: add scale:"));
    }

    @Test
    void hypothesisPathInNoRegressionAndBadSign() throws IOException {
        StudyFileException e = failure("""
                data: {file: d.csv}
                regressions:
                  - Y ~ A + B
                hypotheses:
                  - {id: H1, path: C -> Y, sign: up}
                """);
        assertThat(e.problems()).containsExactly(
                "line 5, hypotheses[1].sign: 'up' must be positive or negative",
                "line 5, hypotheses[1].path: path C -> Y is in no regression: no regression has Y as dependent with C "
                        + "as predictor (regressions: Y ~ A + B)");
    }

    @Test
    void malformedFormula() throws IOException {
        StudyFileException e = failure("data: {file: d.csv}\nregressions:\n  - Y = A + B\n");
        assertThat(e.problems()).containsExactly("line 3, regressions[1]: 'Y = A + B' must have the form DV ~ IV1 + IV2 "
                + "(one ~ between the dependent and the predictors)");
    }

    @Test
    void backticksQuoteNamesWithOperators() throws IOException {
        Study study = StudyLoader.load(write("data: {file: d.csv}\nregressions:\n  - \"`a+b` ~ `c~d` + e\"\n"));
        assertThat(study.regressions().get(0)).isEqualTo(new RegressionModel("a+b", java.util.List.of("c~d", "e")));
    }

    @Test
    void missingDataFileKey() throws IOException {
        StudyFileException e = failure("title: x\n");
        assertThat(e.problems()).containsExactly(
                "line 1, data: is required: give at least data.file, the survey data (CSV) to read");
    }

    @Test
    void badValuesAreNamed() throws IOException {
        StudyFileException e = failure("""
                language: fr
                data: {file: d.csv, encoding: KLINGON}
                scale: {min: 5, max: 1}
                significance: 2
                efa: {factors: many}
                """);
        assertThat(e.problems()).containsExactly(
                "line 1, language: 'fr' is not a supported language; use zh or en",
                "line 2, data.encoding: 'KLINGON' is not a known charset; use auto, UTF-8, GBK, GB18030, UTF-16 or another Java charset name",
                "line 3, scale.min: min 5 must be below max 1",
                "line 5, efa.factors: 'many' must be a whole number or kaiser",
                "line 4, significance: 2 must lie between 0 and 1, e.g. 0.05");
    }

    @Test
    void moreFactorsThanItems() throws IOException {
        StudyFileException e = failure("data: {file: d.csv}\nconstructs:\n  A: {items: [A1, A2]}\nefa: {factors: 3}\n");
        assertThat(e.problems()).containsExactly(
                "line 4, efa.factors: 3 components requested but the constructs have only 2 items; at most 2 can be extracted");
    }

    @Test
    void duplicateKeyAndInvalidYaml() throws IOException {
        assertThat(failure("data: {file: d.csv}\ndata: {file: e.csv}\n").getMessage()).contains("line 2").contains("data");
        assertThat(failure("data: {file: d.csv\n").getMessage()).contains("not valid YAML");
    }

    @Test
    void yamlTagsDoNotConstructObjects() throws IOException {
        StudyFileException e = failure("data: !!javax.script.ScriptEngineManager [x]\n");
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0)).startsWith("line 1: not valid YAML").contains("tag is not allowed");
    }

    @Test
    void missingStudyFile() {
        assertThatThrownBy(() -> StudyLoader.load(dir.resolve("none.yaml")))
                .isInstanceOf(StudyFileException.class)
                .hasMessageContaining("none.yaml").hasMessageContaining("does not exist");
    }

    // issue 11: control characters, capped problems, file names under the POSIX locale

    @Test
    void aControlCharacterInALabelIsAProblemNamingItsKeyAndLine() throws IOException {
        Path file = write("data: {file: d.csv}\nlabels:\n  A1: \"first\\vline\"\n  A2: \"x\\x01\"\n");
        assertThatThrownBy(() -> StudyLoader.load(file)).isInstanceOf(StudyFileException.class)
                .hasMessageContaining("line 3, labels.A1: 'first\\x0Bline' contains the control character \\x0B")
                .hasMessageContaining("line 4, labels.A2: 'x\\x01' contains the control character \\x01");
    }

    @Test
    void studyFileProblemsAreCappedLikeDataProblems() throws IOException {
        StringBuilder yaml = new StringBuilder("data: {file: d.csv}\nconstructs:\n");
        for (int i = 0; i < 25; i++) {
            yaml.append("  C").append(i).append(": {items: [X").append(i).append("], reverse: [Y]}\n");
        }
        StudyFileException e = org.junit.jupiter.api.Assertions.assertThrows(StudyFileException.class,
                () -> StudyLoader.load(write(yaml.toString())));
        assertThat(e.problems()).hasSizeGreaterThan(25);
        assertThat(e.getMessage()).contains("  ... and ").doesNotContain("C24");
        assertThat(e.getMessage().lines().filter(l -> l.startsWith("  - "))).hasSize(20);
    }

    @Test
    void aNonAsciiFileNameUnderThePosixLocaleSaysWhyAndHowToFixIt() {
        String saved = System.getProperty("sun.jnu.encoding");
        try {
            System.setProperty("sun.jnu.encoding", "ANSI_X3.4-1968");
            String message = StudyLoader.unusablePath("数据.csv", new InvalidPathException("数据.csv",
                    "Malformed input or input contains unmappable characters"));
            assertThat(message).contains("'数据.csv' cannot be used as a file name by this Java process")
                    .contains("ANSI_X3.4-1968 (the POSIX/C locale)").contains("export LC_ALL=C.UTF-8");
        } finally {
            System.setProperty("sun.jnu.encoding", saved);
        }
    }

    @Test
    void theOverallReliabilityIsAChoice() throws IOException {
        assertThat(StudyLoader.load(write("data: {file: d.csv}\n")).overallReliability()).isTrue();
        assertThat(StudyLoader.load(write("data: {file: d.csv}\nreliability: {overall: false}\n"))
                .overallReliability()).isFalse();
        assertThat(failure("data: {file: d.csv}\nreliability: {overall: maybe, total: 1}\n").problems())
                .anyMatch(p -> p.contains("line 2, reliability.overall: 'maybe' must be true or false"))
                .anyMatch(p -> p.contains("reliability.total: unknown key"));
    }
}
