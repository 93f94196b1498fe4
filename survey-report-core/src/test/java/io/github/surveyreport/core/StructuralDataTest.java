package io.github.surveyreport.core;

import io.github.surveyreport.core.results.AnovaTest;
import io.github.surveyreport.core.results.GroupDifferences;
import io.github.surveyreport.core.results.Moderation;
import io.github.surveyreport.core.results.RegressionResult;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.results.TwoGroupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

/**
 * The structural analyses on files as researchers have them: categorical columns holding text,
 * grouping columns with gaps, groups too small to compare, a seeded bootstrap rerun on any
 * number of threads.
 */
class StructuralDataTest {
    @TempDir
    Path dir;

    private static final String[] GENDER = {"女", "男"};
    private static final String[] POSITION = {"经理", "专员", "主管"};

    /** 300 respondents: two 3-item constructs X and Y (1–5), gender, position (some blank), age. */
    private String csv(IntFunction<String> gender, boolean gaps) {
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder csv = new StringBuilder("X1,X2,X3,Y1,Y2,Y3,gender,position,age\n");
        for (int i = 0; i < 300; i++) {
            int g = random.nextInt(2);
            double trait = random.nextGaussian();
            double outcome = 0.5 * trait + 0.3 * g + random.nextGaussian();
            for (int k = 0; k < 3; k++) {
                csv.append(likert(trait + 0.7 * random.nextGaussian())).append(',');
            }
            for (int k = 0; k < 3; k++) {
                csv.append(likert(outcome + 0.7 * random.nextGaussian())).append(',');
            }
            csv.append(gender.apply(g)).append(',');
            csv.append(gaps && i % 25 == 0 ? "" : POSITION[random.nextInt(3)]).append(',');
            csv.append(20 + random.nextInt(40)).append('\n');
        }
        return csv.toString();
    }

    private static int likert(double z) {
        return (int) Math.max(1, Math.min(5, Math.round(3 + z)));
    }

    private Results run(String csv, String yaml) throws IOException {
        Files.writeString(dir.resolve("d.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("study.yaml"), """
                data: {file: d.csv}
                scale: {min: 1, max: 5}
                constructs:
                  X: {items: [X1, X2, X3]}
                  Y: {items: [Y1, Y2, Y3]}
                """ + yaml, StandardCharsets.UTF_8);
        return SurveyAnalysis.run(dir.resolve("study.yaml"));
    }

    @Test
    void aCategoricalColumnOfTextIsTheSameModelAsItsCodes() throws IOException {
        String yaml = "regressions:\n  - {dv: Y, blocks: [[gender, age], [X]], categorical: [gender]}\n";
        RegressionResult text = run(csv(g -> GENDER[g], false), yaml).regressions().get(0);
        RegressionResult codes = run(csv(g -> Integer.toString(g + 1), false), yaml).regressions().get(0);
        // 女 (U+5973) sorts before 男 (U+7537): 女 is the reference, as code 1 is
        assertThat(text.coefficients()).extracting(RegressionResult.Coefficient::term)
                .containsExactly("(Intercept)", "gender = 男", "age", "X");
        assertThat(codes.coefficients()).extracting(RegressionResult.Coefficient::term)
                .containsExactly("(Intercept)", "gender = 2", "age", "X");
        for (int i = 0; i < text.coefficients().size(); i++) {
            assertThat(text.coefficients().get(i).b()).isEqualTo(codes.coefficients().get(i).b());
        }
        assertThat(text.steps()).hasSize(2);
        assertThat(text.steps().get(1).rSquaredChange()).isPositive();
        assertThat(text.durbinWatson()).isNull();
    }

    @Test
    void aGapInTheGroupingColumnLeavesOnlyThatComparison() throws IOException {
        Results results = run(csv(g -> GENDER[g], true), """
                differences:
                  - {by: gender}
                  - {by: position, posthoc: bonferroni}
                """);
        assertThat(results.sample().n()).isEqualTo(300);
        GroupDifferences byGender = results.differences().get(0);
        GroupDifferences byPosition = results.differences().get(1);
        assertThat(byGender.n()).isEqualTo(300);
        assertThat(byPosition.n()).isEqualTo(288); // every 25th row has no position
        assertThat(byGender.tests().get(0)).isInstanceOf(TwoGroupTest.class);
        AnovaTest anova = (AnovaTest) byPosition.tests().get(1);
        assertThat(anova.groups()).extracting(g -> g.group()).containsExactly("专员", "主管", "经理");
        assertThat(anova.posthoc().method()).isEqualTo("bonferroni");
        assertThat(anova.posthoc().comparisons()).hasSize(3);
    }

    @Test
    void aGroupOfOneRowIsLeftOutWithAWarning() throws IOException {
        String data = csv(g -> GENDER[g], false).replaceFirst("(\n[^\n]*,)(经理|专员|主管)(,\\d+\n)", "$1实习$3");
        Results results = run(data, "differences: [{by: position}]\n");
        assertThat(results.warnings()).anyMatch(w -> w.contains("line 6, differences[1]: the group 实习 of position "
                + "has one row only and was left out of the comparison"));
        assertThat(results.differences().get(0).tests().get(0).groups()).hasSize(3);
    }

    @Test
    void oneGroupIsAnErrorNamingTheEntry() throws IOException {
        String data = csv(g -> "男", false);
        Throwable e = catchThrowable(() -> run(data, "differences:\n  - {by: gender}\n"));
        assertThat(e).isInstanceOf(AnalysisException.class).hasMessageContaining(
                "Study file line 7, differences[1]: the column gender has one group (男) in the analysed rows; "
                        + "comparing groups needs at least two groups of two or more rows");
    }

    @Test
    void aCategoricalModeratorNeedsTwoCategories() throws IOException {
        Throwable e = catchThrowable(() -> run(csv(g -> GENDER[g], false),
                "moderation:\n  - {x: X, moderator: position, y: Y, categorical: [position]}\n"));
        assertThat(e).isInstanceOf(AnalysisException.class).hasMessageContaining("Study file line 7, moderation[1]: "
                + "the moderator position is categorical with 3 categories (专员, 主管, 经理)");
        // with two categories, the same model as its 0/1 code
        Moderation categorical = run(csv(g -> GENDER[g], false),
                "moderation:\n  - {x: X, moderator: gender, y: Y, categorical: [gender]}\n").moderation().get(0);
        Moderation numeric = run(csv(g -> Integer.toString(g), false),
                "moderation:\n  - {x: X, moderator: gender, y: Y}\n").moderation().get(0);
        assertThat(categorical.effects().interaction().b()).isCloseTo(numeric.effects().interaction().b(),
                within(1e-12));
        assertThat(categorical.simpleSlopes()).hasSize(2);
        assertThat(categorical.simpleSlopes().get(1).effect()).isCloseTo(
                numeric.effects().x().b() + numeric.effects().interaction().b(), within(1e-12));
        assertThat(categorical.johnsonNeyman()).isEmpty();
    }

    @Test
    void collinearTermsNameTheModelAndItsEntry() {
        // X is the mean of X1..X3: exactly collinear with them
        Throwable e = catchThrowable(() -> run(csv(g -> GENDER[g], false),
                "regressions:\n  - {dv: Y, blocks: [[X1, X2, X3], [X]], categorical: []}\n"));
        assertThat(e).isInstanceOf(AnalysisException.class).hasMessageContaining("The model Y ~ X1 + X2 + X3 | X "
                + "(study file line 7, regressions[1]) has collinear terms: 'X' is (almost) a linear combination of "
                + "'X1', 'X2', 'X3'");
    }

    @Test
    void aTextColumnUsedAsANumberIsPointedToCategorical() {
        Throwable e = catchThrowable(() -> run(csv(g -> GENDER[g], false),
                "moderation:\n  - {x: X, moderator: gender, y: Y}\n"));
        assertThat(e).hasMessageContaining("column gender").hasMessageContaining("is not a number")
                .hasMessageContaining("if the column holds categories, list it as categorical: [gender] in the "
                        + "regression (or, with two categories, the moderation) that uses it");
    }

    @Test
    void aSeededBootstrapGivesTheSameBytesOnAnyNumberOfThreads() throws Exception {
        String data = csv(g -> GENDER[g], false);
        String yaml = """
                mediation:
                  - {x: X, mediators: [Y], y: age}
                bootstrap: {samples: 2000, seed: 99}
                """;
        byte[] parallel = ResultsJson.toBytes(withoutProvenance(run(data, yaml)));
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            byte[] single = one.submit(() -> ResultsJson.toBytes(withoutProvenance(run(data, yaml)))).get();
            assertThat(single).isEqualTo(parallel);
        } finally {
            one.shutdown();
        }
        Results results = run(data, yaml);
        assertThat(results.bootstrap().samples()).isEqualTo(2000);
        assertThat(results.bootstrap().seed()).isEqualTo(99);
        assertThat(results.mediation().get(0).distinctRows()).isLessThanOrEqualTo(300);
    }

    private static List<Object> withoutProvenance(Results r) {
        return List.of(r.mediation(), r.bootstrap(), r.hypotheses());
    }
}
