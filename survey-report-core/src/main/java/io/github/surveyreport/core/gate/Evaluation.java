package io.github.surveyreport.core.gate;

import io.github.surveyreport.core.results.Check;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Study;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One run of the gate over one study's results: what a {@link GateRule} reads (study, results,
 * its limit, the construct-to-component assignment) and where it puts its checks. The checks
 * come back in the order of the results (see {@link #add}), whatever order the rules ran in.
 */
final class Evaluation {
    private final Study study;
    private final Results results;
    private final Thresholds thresholds;
    private final List<Placed> placed = new ArrayList<>();
    private ComponentAssignment assignment;

    Evaluation(Study study, Results results, Thresholds thresholds) {
        this.study = study;
        this.results = results;
        this.thresholds = thresholds;
    }

    Study study() {
        return study;
    }

    Results results() {
        return results;
    }

    /** The rule's limit; {@code null} for a yes/no rule. */
    BigDecimal limit(GateRule rule) {
        return thresholds.limit(rule);
    }

    /** Which component stands for which construct; only when the results carry an EFA. */
    ComponentAssignment assignment() {
        if (assignment == null) {
            assignment = ComponentAssignment.of(results.efa());
        }
        return assignment;
    }

    /**
     * Adds a check at its subject's position in the results: e.g. {@code (c)} for the c-th
     * construct and {@code (c, i)} for its i-th item. Checks are listed by the rule's section,
     * then by position (a position before its extensions: a construct before its items), then
     * by rule, so that the rules of one subject stand together as the results list them.
     */
    void add(GateRule rule, Check check, int... position) {
        placed.add(new Placed(rule, position.clone(), check));
    }

    /** A column or construct with its label, as messages name it: {@code PO (政策扶持力度)}. */
    String named(String name) {
        String label = study.label(name);
        return label.equals(name) ? name : name + " (" + label + ")";
    }

    /** The checks in the gate's order. */
    List<Check> checks() {
        List<Placed> sorted = new ArrayList<>(placed);
        // a stable sort: checks of one rule at one position keep the order the rule added them in
        sorted.sort(Comparator.comparing((Placed p) -> p.rule().section())
                .thenComparing(Placed::position, java.util.Arrays::compare)
                .thenComparing(Placed::rule));
        return sorted.stream().map(Placed::check).toList();
    }

    private record Placed(GateRule rule, int[] position, Check check) {
    }
}
