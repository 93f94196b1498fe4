package io.github.surveyreport.core.internal.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order of a categorical column's categories, whose first is the reference of its dummies
 * and the first group of a comparison: the order the study declares (the profile's
 * {@code order}) first; the rest ascending, numerically when every label is a number (as R
 * sorts a numeric column), else by Unicode code point (as R's {@code sort(method = "radix")}).
 */
final class CategoryOrder {
    private CategoryOrder() {
    }

    static List<String> sort(Collection<String> labels, List<String> declared) {
        Set<String> present = new LinkedHashSet<>(labels);
        List<String> out = new ArrayList<>();
        if (declared != null) {
            for (String d : declared) {
                if (present.remove(d)) {
                    out.add(d);
                }
            }
        }
        List<String> rest = new ArrayList<>(present);
        boolean numeric = rest.stream().allMatch(CategoryOrder::isNumber);
        rest.sort(numeric ? Comparator.comparingDouble(Double::parseDouble) : CategoryOrder::compareCodePoints);
        out.addAll(rest);
        return out;
    }

    private static boolean isNumber(String label) {
        try {
            return Double.isFinite(Double.parseDouble(label));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
