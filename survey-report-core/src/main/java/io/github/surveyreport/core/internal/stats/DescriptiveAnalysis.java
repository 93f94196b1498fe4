package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.results.Descriptives;
import io.github.surveyreport.core.results.Descriptives.ConstructDescriptives;
import io.github.surveyreport.core.results.Descriptives.ItemDescriptives;

import java.util.ArrayList;
import java.util.List;

/**
 * SPSS Descriptives: SD with n - 1; skewness G1 = n/((n-1)(n-2))·Σz³ and excess kurtosis
 * G2 = n(n+1)/((n-1)(n-2)(n-3))·Σz⁴ - 3(n-1)²/((n-2)(n-3)) with z standardized by the n - 1 SD.
 */
final class DescriptiveAnalysis {

    private DescriptiveAnalysis() {
    }

    static Descriptives analyse(AnalysisLayout layout, CoMoments m) {
        List<ItemDescriptives> items = new ArrayList<>();
        int p = layout.columns().size();
        for (int i = 0; i < p; i++) {
            Double[] s = shape(m, i);
            items.add(new ItemDescriptives(layout.columns().get(i), m.count(), m.mean(i), s[0], m.min(i), m.max(i),
                    s[1], s[2]));
        }
        List<ConstructDescriptives> constructs = null;
        if (!layout.constructs().isEmpty()) {
            constructs = new ArrayList<>();
            for (int c = 0; c < layout.constructs().size(); c++) {
                int i = p + c;
                Double[] s = shape(m, i);
                constructs.add(new ConstructDescriptives(layout.constructs().get(c).id(), m.count(), m.mean(i), s[0],
                        m.min(i), m.max(i), s[1], s[2]));
            }
        }
        return new Descriptives(items, constructs);
    }

    /** {sd, skewness, kurtosis}, each null where n is too small. */
    private static Double[] shape(CoMoments m, int i) {
        double n = m.count();
        Double sd = null;
        Double skew = null;
        Double kurt = null;
        if (n >= 2) {
            double var = m.comoment(i, i) / (n - 1);
            sd = Math.sqrt(var);
            if (var > 0) {
                if (n >= 3) {
                    skew = n / ((n - 1) * (n - 2)) * (m.m3(i) / (var * sd));
                }
                if (n >= 4) {
                    kurt = n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * (m.m4(i) / (var * var))
                            - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3));
                }
            }
        }
        return new Double[] {sd, skew, kurt};
    }
}
