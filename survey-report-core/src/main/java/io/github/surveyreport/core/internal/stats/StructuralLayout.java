package io.github.surveyreport.core.internal.stats;

import io.github.surveyreport.core.study.BootstrapSpec;
import io.github.surveyreport.core.study.GroupComparison;
import io.github.surveyreport.core.study.MediationModel;
import io.github.surveyreport.core.study.ModerationModel;
import io.github.surveyreport.core.study.RegressionModel;

import java.util.List;
import java.util.Map;

/**
 * What the structural analyses compute: hierarchical regressions (with categorical terms),
 * group comparisons, mediation and moderation models, in terms of the variable vector of
 * {@link StatisticsAccumulator} (analysed columns, then construct scores) and the category
 * labels the pass reads.
 *
 * @param cellColumns   categorical columns that join the listwise sample; the rows' labels of
 *                      these come first in the label array
 * @param groupColumns  the {@code differences.by} columns; their labels follow, {@code null}
 *                      where the row has no group
 * @param declaredOrder category order declared for a column (the profile's {@code order})
 * @param regressions   every regression of the study, in study order; the hierarchical ones
 *                      (blocks or categorical terms) are computed here
 * @param differences   the group comparisons
 * @param mediation     the mediation models
 * @param moderation    the moderation models
 * @param bootstrap     how the indirect effects are bootstrapped
 * @param significance  the alpha level of the Johnson–Neyman points
 * @param valueLabels   the data file's value labels of the grouping columns, by category
 */
public record StructuralLayout(List<String> cellColumns, List<String> groupColumns,
                               Map<String, List<String>> declaredOrder, List<RegressionModel> regressions,
                               List<GroupComparison> differences, List<MediationModel> mediation,
                               List<ModerationModel> moderation, BootstrapSpec bootstrap, double significance,
                               Map<String, Map<String, String>> valueLabels) {
    public StructuralLayout {
        cellColumns = List.copyOf(cellColumns);
        groupColumns = List.copyOf(groupColumns);
        declaredOrder = Map.copyOf(declaredOrder);
        regressions = List.copyOf(regressions);
        differences = List.copyOf(differences);
        mediation = List.copyOf(mediation);
        moderation = List.copyOf(moderation);
        valueLabels = valueLabels == null ? Map.of() : Map.copyOf(valueLabels);
    }

    /** The regressions computed here: those with blocks or categorical terms. */
    public List<RegressionModel> hierarchical() {
        return regressions.stream().filter(RegressionModel::hierarchical).toList();
    }

    /** Whether there is anything to compute. */
    public boolean isEmpty() {
        return hierarchical().isEmpty() && differences.isEmpty() && mediation.isEmpty() && moderation.isEmpty();
    }
}
