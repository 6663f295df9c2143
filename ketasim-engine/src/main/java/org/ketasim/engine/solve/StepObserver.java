package org.ketasim.engine.solve;

/**
 * Receives every accepted step of an integration, with its dense output (compare Hipparchus'
 * {@code ODEStepHandler}).
 */
@FunctionalInterface
public interface StepObserver {

    /** An observer that ignores every step. */
    StepObserver NONE = step -> { };

    /**
     * Called once per accepted step, in time order.
     *
     * @param step the step's dense output, valid only during this call
     */
    void stepAccepted(StepInterpolator step);
}
