package io.github.surveyreport.core.gate;

import io.github.surveyreport.core.results.Efa;

/**
 * Which rotated component stands for which construct, as the engine assigned them
 * ({@link Efa#componentOfConstruct()}: one-to-one, maximizing the constructs' items' squared
 * loadings on their components). Components carry no names, so this is how a loading is read
 * as "on its own construct" or "a cross-loading"; the report orders its rotated matrix by the
 * same assignment.
 */
final class ComponentAssignment {
    private final Efa efa;

    private ComponentAssignment(Efa efa) {
        this.efa = efa;
    }

    static ComponentAssignment of(Efa efa) {
        return new ComponentAssignment(efa);
    }

    /** The component index (0-based) of a construct, or -1. */
    int componentOf(String constructId) {
        return efa.componentIndexOf(constructId);
    }

    /** "the component of HD", or "component 5" when no construct claims it. */
    String describe(int component) {
        StringBuilder owners = new StringBuilder();
        efa.componentOfConstruct().forEach((id, k) -> {
            if (k != null && k - 1 == component) {
                owners.append(owners.length() == 0 ? "" : "/").append(id);
            }
        });
        return owners.length() == 0 ? "component " + (component + 1) : "the component of " + owners;
    }
}
