package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.results.StatisticsResults;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splitting the rows (in file order) over several accumulators and merging them gives the
 * results of one pass, including Durbin–Watson (which depends on the boundary rows) and
 * across the regression's precision choice (split points below and above the probe rows).
 */
class MergeTest {

    @ParameterizedTest(name = "{0} split at {1} and {2}")
    @CsvSource({"bfi, 1, 2435", "bfi, 500, 1200", "bfi, 999, 1001", "bfi, 1500, 2000", "hs1939, 7, 150",
            "attitude, 10, 20"})
    void mergedEqualsOnePass(String name, int s1, int s2) {
        ReferenceStudy study = ReferenceStudy.load(name);
        int n = study.rows.size();
        StatisticsResults onePass = study.accumulate().finish();

        StatisticsAccumulator a = study.accumulate(0, s1);
        StatisticsAccumulator b = study.accumulate(s1, s2);
        StatisticsAccumulator c = study.accumulate(s2, n);
        b.merge(c);
        a.merge(b);
        assertThat(a.count()).isEqualTo(n);
        List<String> diffs = new ArrayList<>();
        assertClose("", Json.tree(onePass), Json.tree(a.finish()), 1e-10, diffs);
        assertThat(diffs).isEmpty();

        // merging into an empty accumulator, and merging an empty one, change nothing
        StatisticsAccumulator empty = new StatisticsAccumulator(study.layout);
        empty.merge(study.accumulate());
        empty.merge(new StatisticsAccumulator(study.layout));
        diffs.clear();
        assertClose("", Json.tree(onePass), Json.tree(empty.finish()), 1e-12, diffs);
        assertThat(diffs).isEmpty();
    }

    static void assertClose(String path, Object e, Object a, double rel, List<String> diffs) {
        if (e instanceof Map<?, ?> em) {
            Map<?, ?> am = (Map<?, ?>) a;
            assertThat(am.keySet()).as(path).isEqualTo(em.keySet());
            em.forEach((k, v) -> assertClose(path + "." + k, v, am.get(k), rel, diffs));
        } else if (e instanceof List<?> el) {
            List<?> al = (List<?>) a;
            assertThat(al).as(path).hasSize(el.size());
            for (int i = 0; i < el.size(); i++) {
                assertClose(path + "[" + i + "]", el.get(i), al.get(i), rel, diffs);
            }
        } else if (e instanceof Double x) {
            double y = (Double) a;
            if (!(Math.abs(x - y) <= rel * Math.abs(x) || Math.abs(x - y) <= 1e-14)) {
                diffs.add(path + ": " + x + " vs " + y);
            }
        } else if (e == null ? a != null : !e.equals(a)) {
            diffs.add(path + ": " + e + " vs " + a);
        }
    }
}
