package io.github.surveyreport.core.internal.stats;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structural analyses as a user runs them: a study file with {@code differences},
 * hierarchical {@code regressions} with categorical terms, {@code mediation}, {@code moderation}
 * and {@code bootstrap} written from each second-wave spec ({@code specs/*-plus.json}), the CSV
 * read from disk, results.json written and read back, and every number of those blocks compared
 * with {@code golden/*-plus.json}, computed by the shared fixtures' {@code golden_plus.R} with
 * R 4.2.2 and car 3.1 ({@code leveneTest(center = mean)}, {@code t.test}, {@code aov},
 * {@code oneway.test}, {@code ptukey}/{@code qtukey}, {@code lm}, {@code anova}, {@code confint},
 * and a row bootstrap with 20,000 resamples and {@code quantile(type = 6)}); see
 * {@code reference/README.md}.
 *
 * <p>Tolerances: closed forms (means, SDs, t, F, df, η², d, b, SE, R², ΔR², intervals of b,
 * conditional effects, Johnson–Neyman points) 1e-8 relative; p values 1e-8 relative or 1e-12
 * absolute near 0 (R prints 15 digits); post hoc p values from the studentized range 5e-9
 * absolute (R's {@code ptukey} is itself only absolutely accurate: it returns 1 − lower tail from
 * a fixed Gauss–Legendre quadrature; most agree within 1e-9, the largest difference seen, with
 * Games–Howell's non-integer df, is 2.7e-9), and the ends of their intervals 1e-8 absolute (R's
 * {@code qtukey} stops its secant iteration
 * early; observed differences are below 5e-9 in critical values of 3 to 4);
 * group sizes and n exactly. Bootstrap quantities are compared within Monte Carlo error: the
 * reference drew 20,000 resamples, the project 5,000 with its own seed, so the standard error of
 * a 2.5% or 97.5% percentile is about 0.04 bootstrap SEs (normal theory,
 * √(p(1−p)/B)/φ(1.96)); interval ends must agree within 0.25 bootstrap SE (six such SEs) and
 * the bootstrap SE itself within 6% (its relative MC error is about 1/√(2B) = 1%).
 */
class StructuralGoldenTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"hs1939-plus", "bfi-plus"})
    @SuppressWarnings("unchecked")
    void structuralAnalysesMatchR(String name) throws IOException {
        Map<String, Object> spec = (Map<String, Object>) Json.readResource("/reference/survey/specs/" + name + ".json");
        Map<String, Object> actual = EndToEndGoldenTest.resultsJson(dir, spec, studyYaml(spec));
        Map<String, Object> golden = (Map<String, Object>) Json.readResource("/reference/survey/golden/" + name + ".json");
        List<String> failures = new ArrayList<>();
        for (String block : List.of("differences", "regressions", "mediation", "moderation")) {
            GoldenTree.compare(block, golden.get(block), actual.get(block), failures, StructuralGoldenTest::exceeded);
        }
        assertThat(failures).isEmpty();
    }

    /** The study file a researcher would write for a second-wave spec. */
    @SuppressWarnings("unchecked")
    static String studyYaml(Map<String, Object> spec) {
        StringBuilder yaml = CfaGoldenTest.measurementPart(spec);
        yaml.append("differences:\n");
        for (Map<String, Object> d : (List<Map<String, Object>>) spec.get("differences")) {
            yaml.append("  - {by: ").append(d.get("by"));
            if (d.get("posthoc") != null) {
                yaml.append(", posthoc: ").append(d.get("posthoc"));
            }
            yaml.append("}\n");
        }
        yaml.append("regressions:\n");
        for (Map<String, Object> r : (List<Map<String, Object>>) spec.get("regressions")) {
            yaml.append("  - {dv: ").append(r.get("dv")).append(", blocks: ").append(r.get("blocks"))
                    .append(", categorical: ").append(r.get("categorical")).append("}\n");
        }
        yaml.append("mediation:\n");
        for (Map<String, Object> m : (List<Map<String, Object>>) spec.get("mediation")) {
            yaml.append("  - {x: ").append(m.get("x")).append(", mediators: ").append(m.get("mediators"))
                    .append(", y: ").append(m.get("y")).append(", covariates: ").append(m.get("covariates"))
                    .append("}\n");
        }
        yaml.append("moderation:\n");
        for (Map<String, Object> m : (List<Map<String, Object>>) spec.get("moderation")) {
            yaml.append("  - {x: ").append(m.get("x")).append(", moderator: ").append(m.get("moderator"))
                    .append(", y: ").append(m.get("y")).append(", covariates: ").append(m.get("covariates"))
                    .append("}\n");
        }
        Map<String, Object> b = (Map<String, Object>) spec.get("bootstrap");
        yaml.append("bootstrap: {samples: ").append(CfaGoldenTest.number(b.get("samples"))).append(", seed: ")
                .append(CfaGoldenTest.number(b.get("seed"))).append(", confidence: ").append(b.get("confidence")).append("}\n");
        return yaml.toString();
    }


    /** Where each number of the structural blocks is compared how (see the class comment). */
    static String exceeded(String path, String leaf, Map<?, ?> parent, double e, double a) {
        double err = Math.abs(a - e);
        if (parent.get("bootStandardError") instanceof Double bootSe && (leaf.equals("lower") || leaf.equals("upper"))) {
            return err <= 0.25 * bootSe ? null : "0.25 boot SE";
        }
        if (leaf.equals("bootStandardError")) {
            return err <= 0.06 * e ? null : "6%";
        }
        if (path.contains(".posthoc.") && leaf.equals("p")) {
            return err <= 5e-9 ? null : "5e-9 abs";
        }
        if (path.contains(".posthoc.") && (leaf.equals("lower") || leaf.equals("upper"))) {
            return err <= 1e-8 ? null : "1e-8 abs";
        }
        if (leaf.equals("n") || leaf.equals("df1") && e == Math.rint(e)) {
            return err == 0 ? null : "exact";
        }
        if (leaf.equals("p") || leaf.equals("pChange")) {
            return err <= 1e-8 * Math.abs(e) || err <= 1e-12 ? null : "1e-8 rel / 1e-12 abs";
        }
        return err <= 1e-8 * Math.abs(e) || err <= 1e-13 ? null : "1e-8 rel";
    }
}
