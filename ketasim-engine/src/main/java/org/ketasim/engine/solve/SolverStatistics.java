package org.ketasim.engine.solve;

/**
 * The work an integrator did, summed over all segments of a run.
 *
 * @param rhsEvaluations      calls of the right-hand side, including those spent on finite-difference
 *                            Jacobians and step-size estimates
 * @param acceptedSteps       accepted integration steps
 * @param rejectedSteps       rejected step attempts, or -1 where the integrator does not report them
 *                            (Hipparchus' Runge–Kutta integrators)
 * @param jacobianEvaluations finite-difference Jacobians computed (0 for explicit methods)
 * @param decompositions      LU factorizations of the stage matrix (0 for explicit methods)
 * @param segments            integrations between consecutive breakpoints (dose starts, infusion ends)
 */
public record SolverStatistics(long rhsEvaluations, int acceptedSteps, int rejectedSteps,
                               int jacobianEvaluations, int decompositions, int segments) {

    /** No work at all. */
    public static final SolverStatistics NONE = new SolverStatistics(0, 0, 0, 0, 0, 0);
}
