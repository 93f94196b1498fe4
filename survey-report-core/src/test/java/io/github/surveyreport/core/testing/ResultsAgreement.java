package io.github.surveyreport.core.testing;

import io.github.surveyreport.core.ResultsJson;
import io.github.surveyreport.core.internal.stats.Json;
import io.github.surveyreport.core.results.Results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares two results as their results.json, apart from the provenance block: the same keys,
 * the same texts, and numbers whose difference {@code |x − y| / max(|x|, |y|, 1)} is within a
 * tolerance: relative for values above 1 (a χ² of 115, an F of 1,200), absolute for smaller
 * ones, whose scale is that of the statistics around them (a coefficient of 5e-4 next to
 * coefficients of 0.4, a p-value of 1e-200, a correlation that is zero up to rounding). The
 * results of the iterative CFA ({@value #ITERATIVE}) may get their own tolerance. Shared with
 * the Spark module's tests (test-jar).
 */
public final class ResultsAgreement {

    /** The results.json block computed by iteration (maximum likelihood CFA). */
    public static final String ITERATIVE = "cfa";

    private ResultsAgreement() {
    }

    /** The results.json text of {@code results} with its provenance block left out. */
    public static String jsonWithoutProvenance(Results results) {
        return ResultsJson.toJson(ResultsCopies.with(results, Map.of("provenance", ResultsCopies.NULL)));
    }

    /**
     * The differences between {@code actual} and {@code expected} beyond {@code tolerance},
     * each as {@code path: actual vs expected} (at most 20); empty when they agree.
     */
    public static List<String> differences(Results actual, Results expected, double tolerance) {
        return differences(actual, expected, tolerance, tolerance);
    }

    /**
     * As {@link #differences(Results, Results, double)}, with {@code iterative} as the tolerance
     * of the {@value #ITERATIVE} block.
     */
    public static List<String> differences(Results actual, Results expected, double tolerance, double iterative) {
        List<String> found = new ArrayList<>();
        Map<?, ?> a = (Map<?, ?>) Json.read(jsonWithoutProvenance(actual));
        Map<?, ?> e = (Map<?, ?>) Json.read(jsonWithoutProvenance(expected));
        if (!new ArrayList<>(a.keySet()).equals(new ArrayList<>(e.keySet()))) {
            found.add("keys " + a.keySet() + " vs " + e.keySet());
            return found;
        }
        e.forEach((key, value) -> compare("." + key, a.get(key), value,
                ITERATIVE.equals(key) ? iterative : tolerance, found));
        return found;
    }

    /** The largest difference (as the class comment measures it) between numbers of the two results. */
    public static double largestDifference(Results actual, Results expected) {
        double[] worst = {0};
        largest(Json.read(jsonWithoutProvenance(actual)), Json.read(jsonWithoutProvenance(expected)), worst);
        return worst[0];
    }

    /** The difference measure of the class comment. */
    public static double difference(double a, double e) {
        if (a == e) {
            return 0;
        }
        return Math.abs(a - e) / Math.max(1, Math.max(Math.abs(a), Math.abs(e)));
    }

    private static void largest(Object a, Object e, double[] worst) {
        if (a instanceof Number x && e instanceof Number y) {
            worst[0] = Math.max(worst[0], difference(x.doubleValue(), y.doubleValue()));
        } else if (a instanceof List<?> x && e instanceof List<?> y && x.size() == y.size()) {
            for (int i = 0; i < x.size(); i++) {
                largest(x.get(i), y.get(i), worst);
            }
        } else if (a instanceof Map<?, ?> x && e instanceof Map<?, ?> y) {
            y.forEach((key, value) -> {
                if (x.containsKey(key)) {
                    largest(x.get(key), value, worst);
                }
            });
        }
    }

    private static void compare(String path, Object a, Object e, double tolerance, List<String> found) {
        if (found.size() >= 20) {
            return;
        }
        if (a instanceof Number x && e instanceof Number y) {
            if (difference(x.doubleValue(), y.doubleValue()) > tolerance) {
                found.add(path + ": " + x + " vs " + y);
            }
        } else if (a instanceof List<?> x && e instanceof List<?> y) {
            if (x.size() != y.size()) {
                found.add(path + ": " + x.size() + " elements vs " + y.size());
                return;
            }
            for (int i = 0; i < x.size(); i++) {
                compare(path + "[" + i + "]", x.get(i), y.get(i), tolerance, found);
            }
        } else if (a instanceof Map<?, ?> x && e instanceof Map<?, ?> y) {
            if (!new ArrayList<>(x.keySet()).equals(new ArrayList<>(y.keySet()))) {
                found.add(path + ": keys " + x.keySet() + " vs " + y.keySet());
                return;
            }
            y.forEach((key, value) -> compare(path + "." + key, x.get(key), value, tolerance, found));
        } else if (a == null ? e != null : !a.equals(e)) {
            found.add(path + ": " + a + " vs " + e);
        }
    }
}
