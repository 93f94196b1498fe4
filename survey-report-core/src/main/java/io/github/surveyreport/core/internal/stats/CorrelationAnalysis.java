package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.results.Correlations;

import java.util.ArrayList;
import java.util.List;

/** Pearson correlations of construct scores with two-sided p values from t (n - 2 df). */
final class CorrelationAnalysis {

    private CorrelationAnalysis() {
    }

    static Correlations analyse(List<String> names, double[][] r, long n) {
        int k = names.size();
        double df = n - 2;
        List<List<Double>> rows = new ArrayList<>();
        List<List<Double>> ps = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<Double> row = new ArrayList<>();
            List<Double> prow = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                row.add(r[i][j]);
                prow.add(i == j ? null : pValue(r[i][j], df));
            }
            rows.add(row);
            ps.add(prow);
        }
        return new Correlations(names, rows, ps);
    }

    static Double pValue(double r, double df) {
        if (df < 1) {
            return null;
        }
        if (Math.abs(r) >= 1.0) {
            return 0.0;
        }
        double t = r * Math.sqrt(df / (1 - r * r));
        return TailProbabilities.studentTwoSided(t, df);
    }
}
