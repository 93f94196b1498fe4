package io.github.surveyreport.core.internal.stats.groups;

import io.github.surveyreport.core.study.PostHocMethod;
import static org.assertj.core.api.Assertions.assertThat;


import io.github.surveyreport.core.ResultsJson;
import io.github.surveyreport.core.internal.stats.Json;
import io.github.surveyreport.core.results.DifferenceTest;
import io.github.surveyreport.core.results.GroupDifferences;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every number of {@code differences} in {@code golden/*-plus.json} (R 4.2.2, car 3.1, computed
 * by {@code golden_plus.R}), and in {@code hs1939-posthoc-golden.json} next to this class (the
 * post hoc methods those do not use), from the CSV data: construct scores as item means after reverse
 * coding, the listwise sample over construct items and every column a regression, mediation or
 * moderation uses (not the {@code by} columns), groups in ascending order.
 *
 * <p>Tolerances: 1e-8 relative (or 1e-12 absolute for values near 0) for everything except what
 * R takes from {@code ptukey}/{@code qtukey} (Tukey and Games–Howell p values and intervals).
 * R's ptukey is off by up to about 5e-8 absolute at these df (see {@link StudentizedRangeTest},
 * which checks ours against exact and independent values to 1e-9 relative), so those p values
 * match within 1e-7 absolute; R's qtukey inherits that error and stops its secant iteration at a
 * step of 1e-4, so the interval ends match within 1e-6 relative.
 */
class GroupComparisonGoldenTest {

    private static final String BASE = "/reference/survey/";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bfi, /reference/survey/specs/bfi-plus.json, /reference/survey/golden/bfi-plus.json",
        "hs1939, /reference/survey/specs/hs1939-plus.json, /reference/survey/golden/hs1939-plus.json",
        // LSD, Bonferroni, Games–Howell on hs1939's six age groups; see the README next to these files
        "hs1939-posthoc, /io/github/surveyreport/core/internal/stats/groups/hs1939-posthoc-spec.json, /io/github/surveyreport/core/internal/stats/groups/hs1939-posthoc-golden.json",
    })
    @SuppressWarnings("unchecked")
    void differencesMatchR(String name, String specResource, String goldenResource) {
        Map<String, Object> spec = (Map<String, Object>) Json.readResource(specResource);
        Map<String, Object> golden = (Map<String, Object>) Json.readResource(goldenResource);
        Table data = readCsv(BASE + "data/" + spec.get("csv"));

        List<Map<String, Object>> constructs = (List<Map<String, Object>>) spec.get("constructs");
        List<String> ids = new ArrayList<>();
        Set<String> items = new LinkedHashSet<>();
        for (Map<String, Object> c : constructs) {
            ids.add((String) c.get("id"));
            items.addAll((List<String>) c.get("items"));
        }
        Set<String> used = new LinkedHashSet<>(items);
        for (Map<String, Object> r : list(spec.get("regressions"))) {
            used.add((String) r.get("dv"));
            for (Object block : list(r.get("blocks"))) {
                used.addAll((List<String>) block);
            }
        }
        for (Map<String, Object> m : list(spec.get("mediation"))) {
            used.add((String) m.get("x"));
            used.add((String) m.get("y"));
            used.addAll((List<String>) m.get("mediators"));
            used.addAll((List<String>) m.get("covariates"));
        }
        for (Map<String, Object> m : list(spec.get("moderation"))) {
            used.add((String) m.get("x"));
            used.add((String) m.get("y"));
            used.add((String) m.get("moderator"));
            used.addAll((List<String>) m.get("covariates"));
        }
        used.removeAll(ids);

        Map<String, Object> scale = (Map<String, Object>) spec.get("scale");
        double flip = scale == null ? Double.NaN
                : ((Number) scale.get("min")).doubleValue() + ((Number) scale.get("max")).doubleValue();
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < data.rows.size(); r++) {
            boolean complete = true;
            for (String col : used) {
                complete &= !data.cell(r, col).isEmpty();
            }
            if (complete) {
                rows.add(r);
            }
        }
        // construct scores of the listwise rows
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (Map<String, Object> c : constructs) {
            List<String> its = (List<String>) c.get("items");
            List<String> rev = (List<String>) c.get("reverse");
            double[] s = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                double sum = 0;
                for (String it : its) {
                    double x = Double.parseDouble(data.cell(rows.get(i), it));
                    sum += rev != null && rev.contains(it) ? flip - x : x;
                }
                s[i] = sum / its.size();
            }
            scores.put((String) c.get("id"), s);
        }

        List<Map<String, Object>> expected = (List<Map<String, Object>>) golden.get("differences");
        List<Map<String, Object>> specs = (List<Map<String, Object>>) spec.get("differences");
        assertThat(expected).hasSameSizeAs(specs);
        for (int d = 0; d < specs.size(); d++) {
            String by = (String) specs.get(d).get("by");
            PostHocMethod method = specs.get(d).get("posthoc") == null ? PostHocMethod.TUKEY
                    : PostHocMethod.of((String) specs.get(d).get("posthoc")).orElseThrow();
            boolean numeric = true;
            for (int r : rows) {
                String v = data.cell(r, by);
                if (!v.isEmpty()) {
                    try {
                        Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        numeric = false;
                    }
                }
            }
            // ascending groups: numbers numerically, text by code point (String.compareTo on BMP text)
            TreeMap<Object, List<Integer>> groups = new TreeMap<>();
            long n = 0;
            for (int i = 0; i < rows.size(); i++) {
                String v = data.cell(rows.get(i), by);
                if (v.isEmpty()) {
                    continue;
                }
                n++;
                Object key = numeric ? (Object) Double.valueOf(v) : v;
                groups.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
            }
            List<String> labels = new ArrayList<>();
            for (Object key : groups.keySet()) {
                labels.add(numeric ? label((Double) key) : (String) key);
            }
            List<DifferenceTest> tests = new ArrayList<>();
            for (String id : ids) {
                List<ValueCounts> counts = new ArrayList<>();
                for (List<Integer> members : groups.values()) {
                    ValueCounts vc = new ValueCounts();
                    for (int i : members) {
                        vc.add(scores.get(id)[i]);
                    }
                    counts.add(vc);
                }
                tests.add(GroupComparison.compare(id, labels, counts, method, 0.95));
            }
            GroupDifferences actual = new GroupDifferences(by, n, tests);
            // through the project's JSON writer, so the keys are checked as results.json will show them
            Object json = Json.read(ResultsJson.toJson(actual));
            compare(name + ".differences[" + by + "]", expected.get(d), json, method);
        }
        System.out.printf("%s: worst ptukey p difference %.3g, worst interval end relative %.3g, worst other relative %.3g%n",
                name, worstP, worstInterval, worstOther);
    }

    private static String label(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    // --- tree comparison

    @SuppressWarnings("unchecked")
    private static void compare(String path, Object expected, Object actual, PostHocMethod method) {
        if (expected instanceof Map) {
            assertThat(actual).as(path).isInstanceOf(Map.class);
            Map<String, Object> e = (Map<String, Object>) expected;
            Map<String, Object> a = (Map<String, Object>) actual;
            // exactly the reference's keys; the data file's value labels of the groups are our addition
            java.util.Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
            keys.remove("groupLabels");
            assertThat(keys).as(path + " keys").isEqualTo(e.keySet());
            for (String key : e.keySet()) {
                compare(path + "." + key, e.get(key), a.get(key), method);
            }
        } else if (expected instanceof List) {
            assertThat(actual).as(path).isInstanceOf(List.class);
            List<Object> e = (List<Object>) expected;
            List<Object> a = (List<Object>) actual;
            assertThat(a).as(path).hasSameSizeAs(e);
            for (int i = 0; i < e.size(); i++) {
                compare(path + "[" + i + "]", e.get(i), a.get(i), method);
            }
        } else if (expected instanceof Number) {
            double e = ((Number) expected).doubleValue();
            assertThat(actual).as(path).isInstanceOf(Number.class);
            double a = ((Number) actual).doubleValue();
            boolean range = path.contains(".posthoc.")
                    && (method == PostHocMethod.TUKEY || method == PostHocMethod.GAMES_HOWELL);
            if (range && path.endsWith(".p")) {
                worstP = Math.max(worstP, Math.abs(a - e));
                assertThat(Math.abs(a - e)).as(path + ": %s vs R %s", a, e).isLessThanOrEqualTo(1e-7);
            } else if (range && (path.endsWith(".lower") || path.endsWith(".upper"))) {
                worstInterval = Math.max(worstInterval, Math.abs(a - e) / Math.max(Math.abs(e), 1e-3));
                assertThat(Math.abs(a - e)).as(path + ": %s vs R %s", a, e)
                        .isLessThanOrEqualTo(1e-6 * Math.max(Math.abs(e), 1e-3));
            } else {
                worstOther = Math.max(worstOther, Math.abs(a - e) / Math.max(Math.abs(e), 1e-4));
                assertThat(Math.abs(a - e)).as(path + ": %s vs R %s", a, e)
                        .isLessThanOrEqualTo(Math.max(1e-8 * Math.abs(e), 1e-12));
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static double worstP;
    private static double worstInterval;
    private static double worstOther;


    /** A CSV table of these fixtures: comma separated, fields optionally double-quoted, no embedded commas. */
    static final class Table {
        final Map<String, Integer> columns = new LinkedHashMap<>();
        final List<String[]> rows = new ArrayList<>();

        String cell(int row, String column) {
            Integer c = columns.get(column);
            assertThat(c).as("column " + column).isNotNull();
            String[] r = rows.get(row);
            String v = c < r.length ? r[c] : "";
            return v.equals("NA") ? "" : v;
        }
    }

    static Table readCsv(String resource) {
        Table t = new Table();
        try (InputStream in = GroupComparisonGoldenTest.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            String[] names = split(header);
            for (int i = 0; i < names.length; i++) {
                t.columns.put(names[i], i);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    t.rows.add(split(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return t;
    }

    private static String[] split(String line) {
        assertThat(line.indexOf("\"\"")).as("no escaped quotes in fixtures").isLessThan(0);
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            String s = f[i].trim();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            f[i] = s;
        }
        return f;
    }
}
