package io.github.surveyreport.core.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The measurement model as a user runs it: a study file with {@code cfa} written from each
 * second-wave reference spec ({@code specs/*-plus.json}), the CSV read from disk, results.json
 * written and read back, and every number of {@code reliability.constructs.*.omega}, {@code cfa}
 * and {@code commonMethod} compared with {@code golden/*-plus.json}. The reference was computed
 * by the shared fixtures' {@code golden_plus.R} with R 4.2.2, lavaan 0.6.14 and semTools 0.5.6
 * ({@code cfa()}, {@code fitMeasures}, {@code parameterEstimates}, {@code standardizedSolution},
 * {@code htmt}); see {@code reference/README.md}. {@code henan-plus} (the bundled example's
 * simulated data, 17 items, 5 constructs) was computed by the same script with the same versions
 * for this project. (Its group differences, regressions, mediation
 * and moderation belong to other analyses and are not compared here.)
 *
 * <p>Tolerances: fit indices, χ², standardized loadings and everything derived from them (CR,
 * AVE, √AVE, factor correlations, ω) 1e-5 relative; unstandardized loadings, standard errors and
 * z 1e-5 relative; p values (and pclose) 1e-5 absolute; the closed forms HTMT, HTMT2 and Harman's
 * variance 1e-8 relative; degrees of freedom, counts and n exactly. lavaan's own optimizer
 * (nlminb) stops at a relative change of the objective of 1e-10, which leaves its estimates about
 * 1e-7 relative from the optimum the engine converges to (1e-10), hence 1e-5 and not closer.
 *
 * <p>One exception, with its evidence: in bfi-plus lavaan's default run stopped early (max
 * |gradient| 1.8e-6), which leaves several of its loadings 1e-5 to 2.6e-5 relative from the
 * optimum (and its χ² 3.7e-7 above it). Refitted with lavaan 0.6.14's BFGS at {@code reltol = 1e-16}
 * (max |gradient| 7e-8; {@code tight/bfi-plus-tight.R} and {@code .json}) lavaan agrees with the
 * engine within 1e-7. So bfi-plus's loadings (estimate, SE, z, standardized) are compared with the
 * golden file within 5e-5 relative and with the tightly converged lavaan within 1e-6 relative.
 */
class CfaGoldenTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"hs1939-plus", "bfi-plus", "henan-plus"})
    @SuppressWarnings("unchecked")
    void measurementModelMatchesLavaan(String name) throws IOException {
        Map<String, Object> actual = run(name);
        double loadings = name.equals("bfi-plus") ? 5e-5 : 1e-5;
        Map<String, Object> golden = (Map<String, Object>) Json.readResource("/reference/survey/golden/" + name + ".json");
        List<String> failures = new ArrayList<>();
        compare("sample.n", ((Map<String, Object>) golden.get("sample")).get("n"),
                ((Map<String, Object>) actual.get("sample")).get("n"), failures, loadings);
        Map<String, Object> expectedOmega = (Map<String, Object>) ((Map<String, Object>) golden.get("reliability"))
                .get("constructs");
        Map<String, Object> actualReliability = (Map<String, Object>) ((Map<String, Object>) actual.get("reliability"))
                .get("constructs");
        for (Map.Entry<String, Object> e : expectedOmega.entrySet()) {
            Object omega = ((Map<String, Object>) e.getValue()).get("omega");
            Object got = ((Map<String, Object>) actualReliability.get(e.getKey())).get("omega");
            compare("reliability.constructs." + e.getKey() + ".omega", omega, got, failures, loadings);
        }
        compare("cfa", golden.get("cfa"), actual.get("cfa"), failures, loadings);
        compare("commonMethod", golden.get("commonMethod"), actual.get("commonMethod"), failures, loadings);
        assertThat(failures).isEmpty();
    }

    /** bfi-plus against lavaan converged tightly: the engine is at the ML optimum. */
    @Test
    @SuppressWarnings("unchecked")
    void bfiLoadingsMatchTightlyConvergedLavaan() throws IOException {
        Map<String, Object> cfa = (Map<String, Object>) run("bfi-plus").get("cfa");
        Map<String, Object> tight = (Map<String, Object>) Json.readResource("/reference/survey/tight/bfi-plus-tight.json");
        List<String> failures = new ArrayList<>();
        compare("cfa.loadings", tight.get("loadings"), cfa.get("loadings"), failures, 1e-6);
        double chi = (Double) ((Map<String, Object>) cfa.get("fit")).get("chiSquare");
        double expected = (Double) tight.get("chiSquare");
        assertThat(Math.abs(chi - expected)).isLessThanOrEqualTo(1e-10 * expected);
        assertThat(failures).isEmpty();
    }

    /** The lavaan tutorial's published fit of the three-factor Holzinger–Swineford model. */
    @Test
    @SuppressWarnings("unchecked")
    void holzingerSwinefordReproducesTheLavaanTutorial() throws IOException {
        Map<String, Object> fit = (Map<String, Object>) ((Map<String, Object>) run("hs1939-plus").get("cfa")).get("fit");
        assertThat(String.format("%.3f", (Double) fit.get("chiSquare"))).isEqualTo("85.306");
        assertThat(fit.get("df")).isEqualTo(24.0);
        assertThat(String.format("%.3f", (Double) fit.get("cfi"))).isEqualTo("0.931");
        assertThat(String.format("%.3f", (Double) fit.get("tli"))).isEqualTo("0.896");
        assertThat(String.format("%.3f", (Double) fit.get("rmsea"))).isEqualTo("0.092");
        assertThat(String.format("%.3f", (Double) fit.get("srmr"))).isEqualTo("0.065");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run(String name) throws IOException {
        Map<String, Object> spec = (Map<String, Object>) Json.readResource("/reference/survey/specs/" + name + ".json");
        return EndToEndGoldenTest.resultsJson(dir, spec, studyYaml(spec));
    }

    /**
     * The study file for a second-wave spec: constructs, scale and {@code cfa} as given; the
     * regressions' blocks (which golden_plus.R uses only to define the listwise sample here) as
     * one flat regression over the same columns, so that the sample is the reference's.
     */
    @SuppressWarnings("unchecked")
    private static String studyYaml(Map<String, Object> spec) {
        StringBuilder yaml = measurementPart(spec);
        Map<String, Object> cfa = (Map<String, Object>) spec.get("cfa");
        yaml.append("cfa: {likelihood: ").append(cfa.get("likelihood")).append("}\n");
        yaml.append("regressions:\n");
        for (Map<String, Object> r : (List<Map<String, Object>>) spec.get("regressions")) {
            Set<String> terms = new LinkedHashSet<>();
            for (List<String> block : (List<List<String>>) r.get("blocks")) {
                terms.addAll(block);
            }
            yaml.append("  - ").append(r.get("dv")).append(" ~ ").append(String.join(" + ", terms)).append('\n');
        }
        return yaml.toString();
    }

    /** A second-wave spec's title, data file, scale and constructs as a study file's first keys. */
    @SuppressWarnings("unchecked")
    static StringBuilder measurementPart(Map<String, Object> spec) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("title: ").append(spec.get("name")).append('\n');
        yaml.append("data: {file: ").append(spec.get("csv")).append("}\n");
        Map<String, Object> scale = (Map<String, Object>) spec.get("scale");
        if (scale != null) {
            yaml.append("scale: {min: ").append(number(scale.get("min"))).append(", max: ")
                    .append(number(scale.get("max"))).append("}\n");
        }
        yaml.append("constructs:\n");
        for (Map<String, Object> c : (List<Map<String, Object>>) spec.get("constructs")) {
            yaml.append("  ").append(c.get("id")).append(": {items: ").append(c.get("items"))
                    .append(", reverse: ").append(c.get("reverse")).append("}\n");
        }
        return yaml;
    }

    static String number(Object value) {
        double d = (Double) value;
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Walks the reference; every key it has must be in the results with a value within tolerance. */
    static void compare(String path, Object expected, Object actual, List<String> failures, double loadings) {
        GoldenTree.compare(path, expected, actual, failures, (where, leaf, parent, e, a) -> {
            double err = Math.abs(a - e);
            if (leaf.equals("p") || leaf.equals("pclose") || leaf.equals("deltaP")) {
                return err <= 1e-5 ? null : "1e-5 abs";
            } else if (leaf.equals("df") || leaf.equals("n") || leaf.equals("harmanFactors") || leaf.equals("deltaDf")) {
                return err == 0 ? null : "exact";
            } else if (where.startsWith("cfa.loadings")) {
                return err <= loadings * Math.abs(e) ? null : loadings + " rel";
            } else if (where.startsWith("cfa.htmt") || leaf.equals("harmanFirstFactorVariance")) {
                return err <= 1e-8 * Math.abs(e) ? null : "1e-8 rel";
            }
            return err <= 1e-5 * Math.abs(e) ? null : "1e-5 rel";
        });
    }
}
