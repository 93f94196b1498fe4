package io.github.surveyreport.core.gate;

import io.github.surveyreport.core.results.Efa;
import io.github.surveyreport.core.study.Construct;
import io.github.surveyreport.core.study.Study;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rotated component stands for which construct: the component on which the construct's
 * items have the largest sum of squared loadings. Components carry no names, so this is how a
 * loading is read as "on its own construct" or "a cross-loading".
 */
final class ComponentAssignment {
    private final Map<String, Integer> componentOf;

    private ComponentAssignment(Map<String, Integer> componentOf) {
        this.componentOf = componentOf;
    }

    static ComponentAssignment of(Study study, Efa efa) {
        Map<String, Integer> assignment = new LinkedHashMap<>();
        for (Construct construct : study.constructs()) {
            int best = -1;
            double bestSum = -1;
            for (int k = 0; k < efa.factors(); k++) {
                double sum = 0;
                for (String item : construct.items()) {
                    List<Double> row = efa.rotatedLoadings().get(item);
                    if (row != null && k < row.size()) {
                        sum += row.get(k) * row.get(k);
                    }
                }
                if (sum > bestSum) {
                    bestSum = sum;
                    best = k;
                }
            }
            assignment.put(construct.id(), best);
        }
        return new ComponentAssignment(assignment);
    }

    /** The component index of a construct, or -1. */
    int componentOf(String constructId) {
        return componentOf.getOrDefault(constructId, -1);
    }

    /** "the component of HD", or "component 5" when no construct claims it. */
    String describe(int component) {
        StringBuilder owners = new StringBuilder();
        componentOf.forEach((id, k) -> {
            if (k == component) {
                owners.append(owners.length() == 0 ? "" : "/").append(id);
            }
        });
        return owners.length() == 0 ? "component " + (component + 1) : "the component of " + owners;
    }
}
