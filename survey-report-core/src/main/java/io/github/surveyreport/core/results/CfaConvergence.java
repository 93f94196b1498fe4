package io.github.surveyreport.core.results;

import java.util.List;

/**
 * How a CFA's estimation ended (Fisher scoring on the ML discrepancy) and whether its solution
 * can be interpreted.
 *
 * @param converged  whether the iteration converged (largest parameter change below 1e-10)
 * @param iterations iterations taken
 * @param lastChange largest parameter change of the last iteration, on the correlation scale
 * @param identified whether the expected information is regular at the estimate; when not, the
 *                   model is not identified there (for example a two-item factor that correlates
 *                   with no other factor) and standard errors are {@code null}
 * @param proper     whether the solution is proper: every error variance positive, every
 *                   standardized loading within [−1, 1], every factor variance positive and
 *                   every factor correlation within [−1, 1]
 * @param problems   what makes the solution improper or unidentified, naming items and
 *                   constructs; empty when there is nothing to say
 */
public record CfaConvergence(
        boolean converged,
        int iterations,
        double lastChange,
        boolean identified,
        boolean proper,
        List<String> problems) {

    public CfaConvergence {
        problems = List.copyOf(problems);
    }
}
