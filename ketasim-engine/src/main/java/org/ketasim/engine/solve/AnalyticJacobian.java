package org.ketasim.engine.solve;

/**
 * An {@link OdeSystem} that also knows its Jacobian. The Rosenbrock integrator uses it instead of
 * forward differences, saving {@code n + 1} right-hand-side evaluations per Jacobian and the rounding noise
 * of the difference quotients.
 */
public interface AnalyticJacobian extends OdeSystem {

    /**
     * Evaluates the partial derivatives of the right-hand side.
     *
     * @param t    time (h)
     * @param y    state, not to be modified
     * @param dfdy receives ∂f_i/∂y_j at {@code [i * n + j]} (row-major, n × n; per time unit)
     * @param dfdt receives ∂f_i/∂t (state units per time unit squared); zeros for an autonomous system
     */
    void computeJacobian(double t, double[] y, double[] dfdy, double[] dfdt);
}
