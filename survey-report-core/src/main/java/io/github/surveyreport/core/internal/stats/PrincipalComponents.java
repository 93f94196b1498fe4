package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.results.Efa;
import io.github.surveyreport.core.results.Efa.VarianceRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PCA of the correlation matrix with varimax rotation, as psych 2.2.9
 * {@code principal(R, nfactors, rotate = "varimax")} and SPSS Factor (PCA, varimax) report it:
 * loadings = eigenvectors·√eigenvalues, rotated by {@link Varimax}, components ordered by
 * rotated sum of squares (largest first) and reflected so that each column of loadings has
 * a non-negative sum (psych's rule, which makes the signs deterministic).
 */
final class PrincipalComponents {

    private PrincipalComponents() {
    }

    static Efa analyse(List<String> items, Map<String, List<String>> constructs, SymmetricEigen eigen,
                       Integer requested, List<String> warnings) {
        int p = items.size();
        double[] ev = eigen.values;
        int kaiser = 0;
        for (double v : ev) {
            if (v > 1) {
                kaiser++;
            }
        }
        int nf;
        if (requested != null) {
            if (requested < 1 || requested > p) {
                throw new AnalysisException("efaFactors is " + requested + " but the factor analysis has " + p
                        + " items; choose between 1 and " + p + " components (or leave it out for the Kaiser "
                        + "criterion, which suggests " + kaiser + ").");
            }
            nf = requested;
        } else if (kaiser == 0) {
            warnings.add("No eigenvalue of the items' correlation matrix exceeds 1, so the Kaiser criterion "
                    + "extracts no component; one component is reported.");
            nf = 1;
        } else {
            nf = kaiser;
        }
        double[][] loadings = new double[p][nf];
        for (int j = 0; j < nf; j++) {
            double s = Math.sqrt(Math.max(ev[j], 0));
            for (int i = 0; i < p; i++) {
                loadings[i][j] = eigen.vectors[i][j] * s;
            }
        }
        double[][] rotated = NumericalFailure.guard("varimax rotation of " + nf + " principal components", items,
                () -> Varimax.rotate(loadings));
        double[] ss = new double[nf];
        double[] colSum = new double[nf];
        for (double[] row : rotated) {
            for (int j = 0; j < nf; j++) {
                ss[j] += row[j] * row[j];
                colSum[j] += row[j];
            }
        }
        Integer[] order = new Integer[nf];
        for (int j = 0; j < nf; j++) {
            order[j] = j;
        }
        // stable sort: ties keep extraction order, as R's order()
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> ss[j]).reversed());

        Map<String, List<Double>> rotatedLoadings = new LinkedHashMap<>();
        Map<String, Double> communalities = new LinkedHashMap<>();
        for (int i = 0; i < p; i++) {
            List<Double> row = new ArrayList<>(nf);
            double h2 = 0;
            for (int c = 0; c < nf; c++) {
                int j = order[c];
                double sign = colSum[j] < 0 ? -1.0 : 1.0;
                double v = sign * rotated[i][j];
                row.add(v);
                h2 += v * v;
            }
            rotatedLoadings.put(items.get(i), row);
            communalities.put(items.get(i), h2);
        }
        List<Double> rotatedSs = new ArrayList<>(nf);
        for (int c = 0; c < nf; c++) {
            rotatedSs.add(ss[order[c]]);
        }
        List<Double> eigenvalues = new ArrayList<>(p);
        for (double v : ev) {
            eigenvalues.add(v);
        }
        Efa.VarianceExplained table = new Efa.VarianceExplained(rows(eigenvalues, p),
                rows(eigenvalues.subList(0, nf), p), rows(rotatedSs, p));
        Map<String, Integer> componentOf = ComponentMatching.componentOfConstruct(constructs, rotatedLoadings, nf);
        List<String> without = componentOf.keySet().stream().filter(id -> componentOf.get(id) == null).toList();
        if (!without.isEmpty()) {
            warnings.add("The principal components analysis extracted " + nf + (nf == 1 ? " component" : " components")
                    + " for " + constructs.size() + " constructs, so " + String.join(", ", without)
                    + (without.size() == 1 ? " has" : " have") + " no component of its own: the rotated matrix lists "
                    + (without.size() == 1 ? "it" : "them") + " last and the quality gate does not check "
                    + (without.size() == 1 ? "its" : "their") + " loadings.");
        }
        return new Efa("pca", "varimax", nf, kaiser, eigenvalues, rotatedLoadings,
                communalities, rotatedSs, table, componentOf);
    }

    private static List<VarianceRow> rows(List<Double> totals, int p) {
        List<VarianceRow> rows = new ArrayList<>(totals.size());
        double cumulative = 0;
        for (double t : totals) {
            double pct = 100.0 * t / p;
            cumulative += pct;
            rows.add(new VarianceRow(t, pct, cumulative));
        }
        return rows;
    }
}
