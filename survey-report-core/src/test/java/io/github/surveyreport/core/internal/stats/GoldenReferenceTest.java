package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.results.StatisticsResults;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value of the golden results (R 4.2.2, psych 2.2.9, car 3.1-1; computed by
 * {@code golden.R}, see {@code /reference/README.md}) must be reproduced: relative 1e-8
 * (absolute 1e-12 near zero), p values relative 1e-6, rotated loadings 1e-4 up to column
 * order and sign. The comparison walks the golden JSON, so it also checks that every key name
 * of the contract exists in the results.
 */
class GoldenReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"bfi", "hs1939", "attitude"})
    @SuppressWarnings("unchecked")
    void reproducesGoldenValues(String name) {
        ReferenceStudy study = ReferenceStudy.load(name);
        StatisticsResults results = study.accumulate().finish();
        Map<String, Object> golden = (Map<String, Object>) Json.readResource("/reference/survey/golden/" + name + ".json");
        Map<String, Object> actual = (Map<String, Object>) Json.tree(results);

        Map<String, Object> sample = (Map<String, Object>) golden.remove("sample");
        assertThat((double) study.accumulate().count()).isEqualTo(sample.get("n"));
        assertThat((double) study.excluded).isEqualTo(sample.get("excluded"));

        List<String> failures = new ArrayList<>();
        compare("", golden, actual, failures);
        assertThat(failures).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static void compare(String path, Object expected, Object actual, List<String> failures) {
        if (expected instanceof Map<?, ?> em) {
            if (!(actual instanceof Map<?, ?> am)) {
                failures.add(path + ": expected an object, got " + actual);
                return;
            }
            for (Map.Entry<?, ?> e : em.entrySet()) {
                String key = (String) e.getKey();
                if (!am.containsKey(key)) {
                    failures.add(path + "." + key + ": missing");
                    continue;
                }
                if (key.equals("rotatedLoadings")) {
                    compareLoadings(path + "." + key, (Map<String, Object>) e.getValue(),
                            (Map<String, Object>) am.get(key), failures);
                } else {
                    compare(path + "." + key, e.getValue(), am.get(key), failures);
                }
            }
        } else if (expected instanceof List<?> el) {
            if (!(actual instanceof List<?> al) || al.size() != el.size()) {
                failures.add(path + ": expected " + expected + ", got " + actual);
                return;
            }
            for (int i = 0; i < el.size(); i++) {
                compare(path + "[" + i + "]", el.get(i), al.get(i), failures);
            }
        } else if (expected instanceof Double e) {
            if (!(actual instanceof Double a)) {
                failures.add(path + ": expected " + e + ", got " + actual);
                return;
            }
            boolean isP = path.endsWith(".p") || path.contains(".p[");
            double rel = isP ? 1e-6 : 1e-8;
            double err = Math.abs(a - e);
            if (!(err <= rel * Math.abs(e) || err <= 1e-12)) {
                failures.add(path + ": expected " + e + ", got " + a + " (rel " + err / Math.abs(e) + ")");
            }
        } else if (expected == null) {
            if (actual != null) {
                failures.add(path + ": expected null, got " + actual);
            }
        } else if (!expected.equals(actual)) {
            failures.add(path + ": expected " + expected + ", got " + actual);
        }
    }

    /** Components are matched up to order and sign (the golden README's rule). */
    @SuppressWarnings("unchecked")
    private static void compareLoadings(String path, Map<String, Object> expected, Map<String, Object> actual,
                                        List<String> failures) {
        List<String> items = new ArrayList<>(expected.keySet());
        int k = ((List<Object>) expected.get(items.get(0))).size();
        boolean[] used = new boolean[k];
        for (int c = 0; c < k; c++) {
            boolean matched = false;
            for (int a = 0; a < k && !matched; a++) {
                if (used[a]) {
                    continue;
                }
                for (double sign : new double[] {1, -1}) {
                    boolean ok = true;
                    for (String item : items) {
                        double e = (Double) ((List<Object>) expected.get(item)).get(c);
                        double v = (Double) ((List<Object>) actual.get(item)).get(a);
                        ok &= Math.abs(sign * v - e) <= 1e-4;
                    }
                    if (ok) {
                        used[a] = true;
                        matched = true;
                        break;
                    }
                }
            }
            if (!matched) {
                failures.add(path + ": component " + c + " has no match");
            }
        }
    }
}
