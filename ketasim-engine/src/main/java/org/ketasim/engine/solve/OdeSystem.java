package org.ketasim.engine.solve;

/**
 * A system of first-order ODEs {@code dy/dt = f(t, y)} that writes its derivatives into an array the caller
 * owns, so that evaluating it allocates nothing.
 *
 * <p>Unlike Hipparchus' {@code OrdinaryDifferentialEquation}, which returns a new array per call, this
 * form lets the hot path reuse one buffer for the whole run.
 */
@FunctionalInterface
public interface OdeSystem {

    /**
     * Evaluates the right-hand side.
     *
     * @param t    time (h in KetaSim; any unit consistent with the system)
     * @param y    state, not to be modified
     * @param yDot receives dy/dt (state units per time unit); same length as {@code y}
     */
    void computeDerivatives(double t, double[] y, double[] yDot);
}
