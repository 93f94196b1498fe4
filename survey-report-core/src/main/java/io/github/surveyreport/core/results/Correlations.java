package io.github.surveyreport.core.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pearson correlations of the construct scores with two-sided p values (t test, n - 2 df).
 *
 * @param variables construct ids, in study order
 * @param r         correlation matrix, rows and columns in {@code variables} order
 * @param p         two-sided p values; the diagonal is {@code null}
 */
public record Correlations(List<String> variables, List<List<Double>> r, List<List<Double>> p) {

    public Correlations {
        variables = List.copyOf(variables);
        r = copy(r);
        p = copy(p);
    }

    // List.copyOf rejects nulls, and the diagonal of p is null by design
    private static List<List<Double>> copy(List<List<Double>> rows) {
        List<List<Double>> out = new ArrayList<>(rows.size());
        for (List<Double> row : rows) {
            out.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        return Collections.unmodifiableList(out);
    }
}
