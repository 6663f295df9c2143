package org.ketasim.engine.solve;

/**
 * An adaptive integrator that advances a state across one smooth segment [t0, t1] and reports every
 * accepted step with its dense output.
 *
 * <p>The simulator calls it once per segment between dosing breakpoints, so no step ever crosses a
 * discontinuity of the input. Implementations keep working arrays between calls (they are not
 * thread-safe: use one per thread) and accumulate their {@link #statistics()} over all calls.
 *
 * @see SolverOptions#createIntegrator(int)
 */
public interface SegmentIntegrator {

    /**
     * Number of state variables this integrator was built for.
     *
     * @return the dimension
     */
    int dimension();

    /**
     * Integrates from {@code t0} to exactly {@code t1}.
     *
     * @param ode      the right-hand side, assumed smooth on [t0, t1]
     * @param t0       start time (h)
     * @param y        state at {@code t0} on entry, at {@code t1} on return (state units)
     * @param t1       end time (h), &ge; t0; nothing happens when equal
     * @param observer receives each accepted step
     * @throws IllegalStateException if the step size underflows (the problem is singular or not finite)
     */
    void integrate(OdeSystem ode, double t0, double[] y, double t1, StepObserver observer);

    /**
     * The work done so far, summed over all calls.
     *
     * @return a snapshot of the counters
     */
    SolverStatistics statistics();
}
