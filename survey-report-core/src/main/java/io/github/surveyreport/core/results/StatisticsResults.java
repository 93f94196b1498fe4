package io.github.surveyreport.core.results;

import java.util.List;

/**
 * Everything the statistics engine computes for one listwise sample.
 *
 * @param reliability   Cronbach's alpha of all construct items together and of each construct
 *                      with at least two items; {@code null} if the study has fewer than two
 *                      construct items
 * @param factorability KMO, per-item MSA, determinant and Bartlett's test of the correlation
 *                      matrix of all construct items; {@code null} if fewer than two items
 * @param efa           principal components with varimax rotation over all construct items;
 *                      {@code null} if fewer than two items
 * @param cfa           confirmatory factor analysis of the constructs; {@code null} unless the
 *                      study asks for it (and has a construct with two or more items)
 * @param commonMethod  Harman's single-factor test and, with {@code cfa}, the one-factor CFA;
 *                      {@code null} if fewer than two construct items
 * @param correlations  Pearson correlations of the construct scores; {@code null} if fewer than
 *                      two constructs
 * @param descriptives  descriptives of every analysed column and of every construct score
 * @param differences   the group comparisons of the construct scores, in study order (empty if none)
 * @param regressions   one OLS regression per study regression, in study order (empty if none)
 * @param mediation     the mediation models, in study order (empty if none)
 * @param moderation    the moderation models, in study order (empty if none)
 * @param bootstrap     how indirect effects were bootstrapped; {@code null} without mediation
 * @param hypotheses    the verdict on each hypothesis, in study order (empty if none)
 * @param warnings      human-readable warnings about the sample (for example a negative alpha);
 *                      empty if there are none
 */
public record StatisticsResults(
        Reliability reliability,
        Factorability factorability,
        Efa efa,
        Cfa cfa,
        CommonMethod commonMethod,
        Correlations correlations,
        Descriptives descriptives,
        List<GroupDifferences> differences,
        List<RegressionResult> regressions,
        List<Mediation> mediation,
        List<Moderation> moderation,
        BootstrapRun bootstrap,
        List<HypothesisResult> hypotheses,
        List<String> warnings) {

    public StatisticsResults {
        differences = differences == null ? List.of() : List.copyOf(differences);
        regressions = regressions == null ? List.of() : List.copyOf(regressions);
        mediation = mediation == null ? List.of() : List.copyOf(mediation);
        moderation = moderation == null ? List.of() : List.copyOf(moderation);
        hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
