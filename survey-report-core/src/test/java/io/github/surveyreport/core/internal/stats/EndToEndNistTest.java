package io.github.surveyreport.core.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.SurveyAnalysis;
import io.github.surveyreport.core.results.RegressionResult;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NIST StRD linear regressions through the whole pipeline (study file, CSV on disk), as a user
 * would fit them: {@code y ~ x1 + ... + xk}. Certified values: NIST Statistical Reference
 * Datasets ({@code reference/nist/certified.json}, provenance in {@code reference/README.md}).
 * Accuracy is the log relative error LRE = -log10(|estimate - certified| / |certified|), capped
 * at 15 (absolute error where the certified value is 0), of every coefficient, standard error, the residual SD and R²; the minimums are those R's
 * {@code lm} reaches (Longley 12, Pontius 11, Wampler3 9, ...) and, for Filip, which {@code lm}
 * and SPSS cannot fit, 7.
 */
class EndToEndNistTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: LRE >= {1}")
    @CsvSource({"longley, 12", "pontius, 11", "wampler1, 9", "wampler2, 13", "wampler3, 9", "wampler4, 8",
            "wampler5, 6", "filip, 7"})
    @SuppressWarnings("unchecked")
    void certifiedValues(String name, double minimumLre) throws IOException {
        String header;
        try (InputStream in = getClass().getResourceAsStream("/reference/nist/" + name + ".csv")) {
            byte[] bytes = in.readAllBytes();
            Files.write(dir.resolve("data.csv"), bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            header = text.substring(0, text.indexOf('\n')).trim();
        }
        List<String> columns = List.of(header.split(","));
        String formula = "y ~ " + String.join(" + ", columns.subList(1, columns.size()));
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, "data: {file: data.csv}\nregressions:\n  - " + formula + "\n");

        RegressionResult fit = SurveyAnalysis.run(study).regressions().get(0);

        Map<String, Object> certified = (Map<String, Object>) ((Map<String, Object>)
                Json.readResource("/reference/nist/certified.json")).get(name);
        List<Double> b = (List<Double>) certified.get("b");
        List<Double> se = (List<Double>) certified.get("se");
        List<String> failures = new ArrayList<>();
        for (int j = 0; j < b.size(); j++) {
            RegressionResult.Coefficient c = fit.coefficients().get(j);
            check(failures, c.term() + " b", c.b(), b.get(j), minimumLre);
            check(failures, c.term() + " se", c.standardError(), se.get(j), minimumLre);
        }
        check(failures, "residual SD", fit.standardErrorOfEstimate(), (Double) certified.get("residualSd"), minimumLre);
        check(failures, "R²", fit.rSquared(), (Double) certified.get("rSquared"), minimumLre);
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, String what, double estimate, double certified, double minimum) {
        // NIST's convention: for a certified value of 0 (exact fits) the absolute error counts
        double error = certified == 0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
        double lre = error == 0 ? 15 : Math.min(15, -Math.log10(error));
        if (!(lre >= minimum)) {
            failures.add(what + ": " + estimate + " vs certified " + certified + ", LRE " + lre);
        }
    }
}
