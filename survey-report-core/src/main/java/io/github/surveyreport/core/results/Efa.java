package io.github.surveyreport.core.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Principal component analysis of the construct items' correlation matrix with varimax
 * rotation (Kaiser normalization), as SPSS Factor and psych {@code principal} compute it.
 * Components are ordered by rotated sum of squared loadings, largest first, and each is
 * reflected so that the sum of its loadings is non-negative (psych's rule).
 *
 * @param extraction           always {@code "pca"}
 * @param rotation             always {@code "varimax"} (a single component is left as extracted)
 * @param factors              number of components extracted
 * @param kaiserFactors        number of eigenvalues greater than 1
 * @param eigenvalues          all eigenvalues of the correlation matrix, largest first
 * @param rotatedLoadings      per item (study order) its loadings on the rotated components
 * @param communalities        per item the sum of its squared loadings
 * @param rotatedSumsOfSquares per rotated component its sum of squared loadings
 * @param varianceExplained    SPSS's "Total Variance Explained" table
 * @param componentOfConstruct per construct (study order) the number of the rotated component
 *                             that stands for it, 1-based as the report's columns, or
 *                             {@code null} when none does: the one-to-one assignment with the
 *                             largest total of the constructs' items' squared loadings on their
 *                             components. Extra components stand for no construct; when
 *                             constructs outnumber components, the constructs beyond the
 *                             best pairing get {@code null}. The report's rotated matrix and
 *                             the gate's own-component rule both read it.
 */
public record Efa(
        String extraction,
        String rotation,
        int factors,
        int kaiserFactors,
        List<Double> eigenvalues,
        Map<String, List<Double>> rotatedLoadings,
        Map<String, Double> communalities,
        List<Double> rotatedSumsOfSquares,
        VarianceExplained varianceExplained,
        Map<String, Integer> componentOfConstruct) {

    public Efa {
        eigenvalues = List.copyOf(eigenvalues);
        LinkedHashMap<String, List<Double>> loadings = new LinkedHashMap<>();
        rotatedLoadings.forEach((item, row) -> loadings.put(item, List.copyOf(row)));
        rotatedLoadings = Collections.unmodifiableMap(loadings);
        communalities = Collections.unmodifiableMap(new LinkedHashMap<>(communalities));
        rotatedSumsOfSquares = List.copyOf(rotatedSumsOfSquares);
        // values may be null (no component), which Map.copyOf refuses
        componentOfConstruct = Collections.unmodifiableMap(new LinkedHashMap<>(componentOfConstruct));
    }

    /** The 0-based column of the construct's component in {@link #rotatedLoadings}, or -1 when it has none. */
    public int componentIndexOf(String constructId) {
        Integer component = componentOfConstruct.get(constructId);
        return component == null ? -1 : component - 1;
    }

    /**
     * SPSS "Total Variance Explained": initial eigenvalues, extraction sums of squared loadings
     * and rotation sums of squared loadings.
     *
     * @param initial    one row per item (all eigenvalues)
     * @param extraction one row per extracted component (its eigenvalue)
     * @param rotation   one row per rotated component (its sum of squared loadings)
     */
    public record VarianceExplained(
            List<VarianceRow> initial,
            List<VarianceRow> extraction,
            List<VarianceRow> rotation) {

        public VarianceExplained {
            initial = List.copyOf(initial);
            extraction = List.copyOf(extraction);
            rotation = List.copyOf(rotation);
        }
    }

    /**
     * One row of "Total Variance Explained".
     *
     * @param total             the eigenvalue or sum of squared loadings
     * @param percent           {@code total} as a percentage of the number of items
     * @param cumulativePercent running sum of {@code percent}
     */
    public record VarianceRow(double total, double percent, double cumulativePercent) {
    }
}
