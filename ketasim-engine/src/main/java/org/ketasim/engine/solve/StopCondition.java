package org.ketasim.engine.solve;

/** Decides, at the end of each accepted step of an explicit integrator, whether to stop the integration there. */
interface StopCondition {

    /**
     * @param t    step end (h)
     * @param y    state at t
     * @param yDot derivative at t
     * @param h    length of the step just taken (h)
     * @return true to stop at t
     */
    boolean stopAfter(double t, double[] y, double[] yDot, double h);
}
