package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.AnalysisException;
import io.github.surveyreport.core.internal.stats.sem.MeasurementModel;

import io.github.surveyreport.core.study.Hypothesis;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to compute, in terms of the analysed columns.
 *
 * @param columns      analysed columns in row order: construct items (study order), then the
 *                     other regression columns
 * @param constructs   constructs; their items are names in {@code columns}
 * @param regressions  regressions; each term is a construct id (score = mean of its items) or a
 *                     column name
 * @param hypotheses   hypotheses on regression paths
 * @param efaFactors   number of components to extract; {@code null} = Kaiser criterion
 *                     (eigenvalues greater than 1)
 * @param significance alpha level for hypotheses
 * @param cfa          the likelihood of the confirmatory factor analysis of the constructs, or
 *                     {@code null} for none
 * @param overallReliability whether the reliability of all construct items together is computed
 * @param structural   the structural analyses (hierarchical regressions, group comparisons,
 *                     mediation, moderation), or {@code null} for none
 */
public record AnalysisLayout(
        List<String> columns,
        List<ConstructSpec> constructs,
        List<RegressionSpec> regressions,
        List<HypothesisSpec> hypotheses,
        Integer efaFactors,
        double significance,
        MeasurementModel.Likelihood cfa,
        boolean overallReliability,
        StructuralLayout structural) {

    /** A construct: its score is the mean of its items (reverse coding applied by the caller). */
    public record ConstructSpec(String id, List<String> items) {
        public ConstructSpec {
            Objects.requireNonNull(id, "id");
            items = List.copyOf(items);
        }
    }

    /** {@code dependent ~ predictors}; each term is a construct id or a column name. */
    public record RegressionSpec(String dependent, List<String> predictors) {
        public RegressionSpec {
            Objects.requireNonNull(dependent, "dependent");
            predictors = List.copyOf(predictors);
        }
    }

    /** The expected sign of a path's standardized coefficient. */
    public enum Sign { POSITIVE, NEGATIVE }

    /**
     * A hypothesis with the expected sign and the manuscript's claim: a path {@code from -> to}, an
     * indirect effect {@code from -> via -> to} or an interaction {@code from x via -> to}.
     */
    public record HypothesisSpec(String id, Hypothesis.Kind kind, String from, String via, String to, Sign sign,
                                 boolean expected) {
        public HypothesisSpec {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(sign, "sign");
        }

        /** A path hypothesis claimed supported. */
        public HypothesisSpec(String id, String from, String to, Sign sign) {
            this(id, Hypothesis.Kind.PATH, from, null, to, sign, true);
        }
    }

    public AnalysisLayout {
        columns = List.copyOf(columns);
        constructs = constructs == null ? List.of() : List.copyOf(constructs);
        regressions = regressions == null ? List.of() : List.copyOf(regressions);
        hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
        validate(columns, constructs, regressions);
        for (HypothesisSpec h : hypotheses) {
            if (h.kind() != Hypothesis.Kind.PATH) {
                continue; // the study file's reader checked that the model exists
            }
            boolean found = regressions.stream()
                    .anyMatch(r -> r.dependent().equals(h.to()) && r.predictors().contains(h.from()))
                    || structural != null && structural.regressions().stream()
                    .anyMatch(r -> r.dependent().equals(h.to()) && r.predictors().contains(h.from()));
            if (!found) {
                throw new AnalysisException(HypothesisEvaluation.missingPath(h));
            }
        }
    }

    /** A layout whose reliability includes all construct items together. */
    public AnalysisLayout(List<String> columns, List<ConstructSpec> constructs, List<RegressionSpec> regressions,
                          List<HypothesisSpec> hypotheses, Integer efaFactors, double significance,
                          MeasurementModel.Likelihood cfa) {
        this(columns, constructs, regressions, hypotheses, efaFactors, significance, cfa, true, null);
    }

    /** A layout without a CFA. */
    public AnalysisLayout(List<String> columns, List<ConstructSpec> constructs, List<RegressionSpec> regressions,
                          List<HypothesisSpec> hypotheses, Integer efaFactors, double significance) {
        this(columns, constructs, regressions, hypotheses, efaFactors, significance, null);
    }

    /** Index of a regression term in the variable vector: columns first, then construct scores. */
    int variableIndex(String term) {
        for (int c = 0; c < constructs.size(); c++) {
            if (constructs.get(c).id().equals(term)) {
                return columns.size() + c;
            }
        }
        int i = columns.indexOf(term);
        if (i < 0) {
            throw new AnalysisException("The regression term '" + term
                    + "' is neither a construct id nor an analysed column.");
        }
        return i;
    }

    /** All items of all constructs, in column order (each once). */
    List<String> constructItems() {
        Set<String> seen = new HashSet<>();
        for (ConstructSpec c : constructs) {
            seen.addAll(c.items());
        }
        return columns.stream().filter(seen::contains).toList();
    }

    private static void validate(List<String> columns, List<ConstructSpec> constructs,
                                 List<RegressionSpec> regressions) {
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new AnalysisException("The analysed columns contain a name twice: " + columns);
        }
        Set<String> ids = new HashSet<>();
        for (ConstructSpec c : constructs) {
            if (!ids.add(c.id())) {
                throw new AnalysisException("The construct id '" + c.id() + "' is used twice.");
            }
            if (columns.contains(c.id())) {
                throw new AnalysisException("The construct id '" + c.id()
                        + "' is also a data column name; rename the construct so regression terms are unambiguous.");
            }
            if (c.items().isEmpty()) {
                throw new AnalysisException("The construct '" + c.id() + "' has no items.");
            }
            for (String item : c.items()) {
                if (!columns.contains(item)) {
                    throw new AnalysisException("The item '" + item + "' of construct '" + c.id()
                            + "' is not among the analysed columns.");
                }
            }
        }
        for (RegressionSpec r : regressions) {
            if (r.predictors().isEmpty()) {
                throw new AnalysisException("The regression of '" + r.dependent() + "' has no predictors.");
            }
            Set<String> terms = new HashSet<>();
            terms.add(r.dependent());
            for (String p : r.predictors()) {
                if (!terms.add(p)) {
                    throw new AnalysisException("The regression of '" + r.dependent() + "' uses the term '" + p
                            + "' twice (or as both dependent and predictor).");
                }
            }
            for (String term : terms) {
                if (!ids.contains(term) && !columns.contains(term)) {
                    throw new AnalysisException("The regression term '" + term
                            + "' is neither a construct id nor an analysed column.");
                }
            }
        }
    }
}
