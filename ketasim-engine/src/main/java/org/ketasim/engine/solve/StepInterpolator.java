package org.ketasim.engine.solve;

/**
 * The dense output of one accepted integration step: the solution anywhere in
 * [{@link #previousTime()}, {@link #currentTime()}] at the integrator's own interpolation order.
 *
 * <p>An interpolator is only valid during the {@link StepObserver#stepAccepted} call that receives it;
 * integrators reuse it for the next step.
 */
public interface StepInterpolator {

    /**
     * Start of the step.
     *
     * @return time (h)
     */
    double previousTime();

    /**
     * End of the step.
     *
     * @return time (h)
     */
    double currentTime();

    /**
     * Writes the interpolated state at a time inside the step.
     *
     * @param t time (h), between {@link #previousTime()} and {@link #currentTime()}
     * @param y receives the state (state units); length = dimension of the system
     */
    void stateAt(double t, double[] y);
}
