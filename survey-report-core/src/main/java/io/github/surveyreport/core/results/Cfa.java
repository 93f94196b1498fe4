package io.github.surveyreport.core.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Confirmatory factor analysis of the measurement model (lavaan's {@code cfa()} with ML): every
 * construct with at least two items is a factor, the factors correlate, and each factor's first
 * item is its marker (loading fixed to 1). Estimated on the listwise covariance matrix.
 *
 * @param likelihood         {@code "wishart"} (covariances divided by N − 1 and χ² = (N − 1)·F_ML,
 *                           as AMOS) or {@code "normal"} (N and N·F_ML, lavaan's default)
 * @param n                  rows the covariance matrix was computed from
 * @param fit                the fit indices; {@code null} when the estimation did not converge
 *                           (see {@code convergence}), because they would describe no optimum
 * @param loadings           one row per item of a factor, constructs and items in study order
 * @param constructs         convergent validity per factor, keyed by construct id in study order
 * @param factorCorrelations the standardized factor covariances, a full matrix keyed by
 *                           construct id (1 on the diagonal)
 * @param htmt               heterotrait–monotrait ratio of correlations (Henseler et al. 2015,
 *                           {@code semTools::htmt(htmt2 = FALSE)}): for each factor its value with
 *                           every other factor, from the absolute correlations of the
 *                           reverse-coded items
 * @param htmt2              the same with geometric means (Roemer et al. 2021,
 *                           {@code htmt2 = TRUE})
 * @param convergence        how the estimation ended and whether the solution is proper
 */
public record Cfa(
        String likelihood,
        long n,
        CfaFit fit,
        List<CfaLoading> loadings,
        Map<String, ConstructValidity> constructs,
        Map<String, Map<String, Double>> factorCorrelations,
        Map<String, Map<String, Double>> htmt,
        Map<String, Map<String, Double>> htmt2,
        CfaConvergence convergence) {

    public Cfa {
        loadings = List.copyOf(loadings);
        constructs = Collections.unmodifiableMap(new LinkedHashMap<>(constructs));
        factorCorrelations = nested(factorCorrelations);
        htmt = nested(htmt);
        htmt2 = nested(htmt2);
    }

    private static Map<String, Map<String, Double>> nested(Map<String, Map<String, Double>> map) {
        LinkedHashMap<String, Map<String, Double>> copy = new LinkedHashMap<>();
        map.forEach((key, row) -> copy.put(key, Collections.unmodifiableMap(new LinkedHashMap<>(row))));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Convergent validity of one factor from its standardized loadings λ*.
     *
     * @param cr      composite reliability (Σλ*)² / ((Σλ*)² + Σ(1 − λ*²))
     * @param ave     average variance extracted, mean(λ*²)
     * @param sqrtAve √AVE, set against the factor's correlations (Fornell–Larcker)
     */
    public record ConstructValidity(double cr, double ave, double sqrtAve) {
    }
}
