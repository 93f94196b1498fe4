package io.github.surveyreport.core.internal.stats;

import java.util.List;
import java.util.Map;

/**
 * Walks a reference tree (parsed golden JSON) against results.json: every key the reference has
 * must be in the results, lists must have the same length, texts and nulls must be equal, and
 * each number must be within the tolerance a {@link Tolerance} assigns to its place.
 */
final class GoldenTree {
    private GoldenTree() {
    }

    /** The tolerance of one number, by where it is. */
    interface Tolerance {
        /**
         * @param path     the number's path, e.g. {@code mediation[0].indirect[0].lower}
         * @param leaf     its key, e.g. {@code lower}
         * @param parent   the reference object holding it (for quantities that scale with a sibling)
         * @return {@code null} when {@code actual} is within tolerance of {@code expected}, else
         *         the tolerance's description for the failure message
         */
        String exceeded(String path, String leaf, Map<?, ?> parent, double expected, double actual);
    }

    static void compare(String path, Object expected, Object actual, List<String> failures, Tolerance tolerance) {
        compare(path, expected, actual, failures, tolerance, Map.of());
    }

    private static void compare(String path, Object expected, Object actual, List<String> failures,
                                Tolerance tolerance, Map<?, ?> parent) {
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
                compare(path + "." + key, e.getValue(), am.get(key), failures, tolerance, em);
            }
        } else if (expected instanceof List<?> el) {
            if (!(actual instanceof List<?> al) || al.size() != el.size()) {
                failures.add(path + ": expected " + expected + ", got " + actual);
                return;
            }
            for (int i = 0; i < el.size(); i++) {
                compare(path + "[" + i + "]", el.get(i), al.get(i), failures, tolerance, Map.of());
            }
        } else if (expected instanceof Double e) {
            if (!(actual instanceof Double a)) {
                failures.add(path + ": expected " + e + ", got " + actual);
                return;
            }
            String leaf = path.substring(path.lastIndexOf('.') + 1);
            String exceeded = tolerance.exceeded(path, leaf, parent, e, a);
            if (exceeded != null) {
                failures.add(path + ": expected " + e + ", got " + a + " (rel " + Math.abs(a - e) / Math.abs(e)
                        + ", tolerance " + exceeded + ")");
            }
        } else if (expected == null) {
            if (actual != null) {
                failures.add(path + ": expected null, got " + actual);
            }
        } else if (!expected.equals(actual)) {
            failures.add(path + ": expected " + expected + ", got " + actual);
        }
    }
}
