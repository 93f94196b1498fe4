package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.results.RegressionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NIST StRD linear regression (public domain, https://www.itl.nist.gov/div898/strd/lls/lls.shtml;
 * data and certified values in {@code /reference/nist}, provenance in {@code /reference/README.md}).
 * Accuracy is the log relative error LRE = -log10(|est - cert| / |cert|), or -log10|est| where
 * the certified value is 0 (NIST's convention), capped at 15. Required minima: Longley 12,
 * Pontius 11, Wampler1 9, Wampler2 13, Wampler3 9, Wampler4 8, Wampler5 6, Filip 7, for every
 * coefficient, standard error, the residual SD and R².
 */
class NistRegressionTest {

    @ParameterizedTest(name = "{0}: LRE >= {1}")
    @CsvSource({"longley, 12", "pontius, 11", "wampler1, 9", "wampler2, 13", "wampler3, 9", "wampler4, 8",
            "wampler5, 6", "filip, 7"})
    void meetsCertifiedAccuracy(String name, double minLre) {
        RegressionResult fit = fit(name);
        Map<String, Object> cert = certified(name);
        List<Double> lres = lres(fit, cert);
        assertThat(lres).as(name + " LREs (b..., se..., residualSd, rSquared)").allSatisfy(l -> assertThat(l)
                .isGreaterThanOrEqualTo(minLre));
    }

    /**
     * Replicating a data set 200 times leaves the least-squares coefficients unchanged but
     * takes more rows than the regression's precision probe, so this checks the choice between
     * the double and double-double factorization (NIST certified coefficients as above).
     */
    @ParameterizedTest(name = "{0} x200: coefficient LRE >= {1}")
    @CsvSource({"longley, 12", "pontius, 11", "wampler4, 12", "wampler3, 12"})
    @SuppressWarnings("unchecked")
    void replicatedDataKeepCertifiedCoefficients(String name, double minLre) {
        AnalysisLayout layout = layout(name);
        ReferenceStudy data = ReferenceStudy.readCsv("/reference/nist/" + name + ".csv", layout, null, 0);
        StatisticsAccumulator acc = new StatisticsAccumulator(layout);
        for (int r = 0; r < 200; r++) {
            data.rows.forEach(acc::add);
        }
        RegressionResult fit = acc.finish().regressions().get(0);
        List<Double> b = (List<Double>) (List<?>) certified(name).get("b");
        for (int i = 0; i < b.size(); i++) {
            assertThat(lre(fit.coefficients().get(i).b(), b.get(i))).as(name + " b" + i).isGreaterThanOrEqualTo(minLre);
        }
    }

    private static AnalysisLayout layout(String name) {
        int k = certifiedB(name).size() - 1;
        List<String> columns = new ArrayList<>();
        columns.add("y");
        List<String> xs = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            xs.add("x" + i);
        }
        columns.addAll(xs);
        return new AnalysisLayout(columns, List.of(), List.of(new AnalysisLayout.RegressionSpec("y", xs)), List.of(),
                null, 0.05);
    }

    static RegressionResult fit(String name) {
        AnalysisLayout layout = layout(name);
        ReferenceStudy data = ReferenceStudy.readCsv("/reference/nist/" + name + ".csv", layout, null, 0);
        return data.accumulate().finish().regressions().get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> certified(String name) {
        return (Map<String, Object>) ((Map<String, Object>) Json.readResource("/reference/nist/certified.json")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Double> certifiedB(String name) {
        return (List<Double>) (List<?>) certified(name).get("b");
    }

    @SuppressWarnings("unchecked")
    static List<Double> lres(RegressionResult fit, Map<String, Object> cert) {
        List<Double> b = (List<Double>) (List<?>) cert.get("b");
        List<Double> se = (List<Double>) (List<?>) cert.get("se");
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            out.add(lre(fit.coefficients().get(i).b(), b.get(i)));
        }
        for (int i = 0; i < se.size(); i++) {
            out.add(lre(fit.coefficients().get(i).standardError(), se.get(i)));
        }
        out.add(lre(fit.standardErrorOfEstimate(), (Double) cert.get("residualSd")));
        out.add(lre(fit.rSquared(), (Double) cert.get("rSquared")));
        return out;
    }

    static double lre(double estimate, double certified) {
        double err = certified == 0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
        return err == 0 ? 15.0 : Math.min(15.0, -Math.log10(err));
    }
}
