package io.github.surveyreport.core.results;

import java.util.List;

/**
 * Everything one analysis of a study produced: the one object every output (results.json,
 * the HTML and PDF reports, the quality gate) reads. Component names are the key names of
 * {@code results.json}. Blocks a study does not ask for are {@code null}.
 *
 * @param sample        the analysed sample and its profile
 * @param reliability   Cronbach's alpha and item-total statistics
 * @param factorability KMO and Bartlett's test over all construct items
 * @param efa           principal components with varimax rotation
 * @param cfa           confirmatory factor analysis of the measurement model, or {@code null}
 *                      when the study does not ask for it
 * @param commonMethod  common-method-bias checks (Harman's single factor, one-factor CFA), or
 *                      {@code null} with fewer than two construct items
 * @param correlations  Pearson correlations of the construct scores
 * @param descriptives  descriptives of the analysed columns and construct scores
 * @param differences   one result per group comparison of the study
 * @param regressions   one result per regression of the study
 * @param mediation     one result per mediation model of the study
 * @param moderation    one result per moderation model of the study
 * @param bootstrap     how indirect effects were bootstrapped, or {@code null} without mediation
 * @param hypotheses    one result per hypothesis of the study
 * @param warnings      things a researcher should look at, in plain words
 * @param provenance    which files, read how, by which engine
 * @param checks        the quality gate's checks, or {@code null} when no gate was evaluated
 * @param passed        whether every check passed, or {@code null} when no gate was evaluated
 */
public record Results(
        Sample sample,
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
        List<String> warnings,
        Provenance provenance,
        List<Check> checks,
        Boolean passed) {

    public Results {
        differences = differences == null ? List.of() : List.copyOf(differences);
        regressions = List.copyOf(regressions);
        mediation = mediation == null ? List.of() : List.copyOf(mediation);
        moderation = moderation == null ? List.of() : List.copyOf(moderation);
        hypotheses = List.copyOf(hypotheses);
        warnings = List.copyOf(warnings);
        checks = checks == null ? null : List.copyOf(checks);
    }

    /** These results with the gate's checks; {@code passed} is true when every check passed. */
    public Results withChecks(List<Check> gateChecks) {
        boolean allPassed = gateChecks.stream().allMatch(Check::passed);
        return new Results(sample, reliability, factorability, efa, cfa, commonMethod, correlations, descriptives,
                differences, regressions, mediation, moderation, bootstrap, hypotheses, warnings, provenance, gateChecks, allPassed);
    }
}
