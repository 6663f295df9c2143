package org.ketasim.engine.solve;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.ODEStepEndHandler;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Runs a Hipparchus adaptive integrator (Dormand–Prince 5(4) or 8(5,3)) segment by segment, passing its
 * own dense output (the Runge–Kutta continuous extension) to the {@link StepObserver}.
 *
 * <p>The {@link OdeSystem} writes into one reused buffer; the adapter copies that buffer into the fresh
 * array Hipparchus' {@code computeDerivatives(t, y)} contract asks for. Hipparchus itself allocates a few
 * arrays per evaluation and per step; that is the price of its API.
 */
public final class HipparchusSegmentIntegrator implements SegmentIntegrator {

    private final AdaptiveStepsizeIntegrator integrator;
    private final int dimension;
    private final double[] buffer;
    private final Equations equations = new Equations();
    private final Handler handler = new Handler();
    private final StepEnd stepEnd = new StepEnd();
    private long evaluations;
    private int accepted;
    private int segments;

    /**
     * Wraps a configured Hipparchus integrator.
     *
     * @param integrator an adaptive integrator with its tolerances and step bounds set; this adapter adds
     *                   its own step handler and owns the integrator from now on
     * @param dimension  number of state variables
     */
    public HipparchusSegmentIntegrator(final AdaptiveStepsizeIntegrator integrator, final int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("ODE dimension must be >= 1, got " + dimension);
        }
        this.integrator = integrator;
        this.dimension = dimension;
        this.buffer = new double[dimension];
        integrator.addStepHandler(handler);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void integrate(final OdeSystem ode, final double t0, final double[] y, final double t1,
                          final StepObserver observer) {
        integrate(ode, t0, y, t1, observer, null);
    }

    /**
     * Integrates from {@code t0} towards {@code t1}, stopping early at the end of the first step after
     * which {@code stop} answers true.
     *
     * @return the time reached (h): {@code t1}, or the end of the step that triggered the stop
     */
    double integrate(final OdeSystem ode, final double t0, final double[] y, final double t1,
                     final StepObserver observer, final StopCondition stop) {
        Segments.check(dimension, t0, y, t1);
        segments++;
        if (t1 == t0) {
            return t1;
        }
        if (stop != null && !stepEnd.registered) {
            // only integrators that may stop early pay for the step-end hook
            integrator.addStepEndHandler(stepEnd);
            stepEnd.registered = true;
        }
        equations.ode = ode;
        handler.observer = observer;
        stepEnd.stop = stop;
        stepEnd.previousTime = t0;
        try {
            final ODEStateAndDerivative end = integrator.integrate(equations, new ODEState(t0, y), t1);
            System.arraycopy(end.getPrimaryState(), 0, y, 0, dimension);
            return end.getTime();
        } catch (MathRuntimeException e) {
            // one exception type for all integrators: "NaN appears during integration near time 1.187"
            throw new IllegalStateException(integrator.getName() + ": " + e.getMessage() + " h", e);
        } finally {
            equations.ode = null;
            handler.observer = null;
            stepEnd.stop = null;
        }
    }

    /** Counts a right-hand-side evaluation made on this integrator's behalf (stiffness probes). */
    void countEvaluation() {
        evaluations++;
    }

    @Override
    public SolverStatistics statistics() {
        return new SolverStatistics(evaluations, accepted, -1, 0, 0, segments);
    }

    /** Adapts the allocation-free right-hand side to Hipparchus' array-returning one. */
    private final class Equations implements OrdinaryDifferentialEquation {

        private OdeSystem ode;

        @Override
        public int getDimension() {
            return dimension;
        }

        @Override
        public double[] computeDerivatives(final double t, final double[] y) {
            ode.computeDerivatives(t, y, buffer);
            evaluations++;
            return buffer.clone();
        }
    }

    /** Asks the stop condition, if any, after every accepted step. */
    private final class StepEnd implements ODEStepEndHandler {

        private StopCondition stop;
        private double previousTime;
        private boolean registered;

        @Override
        public Action stepEndOccurred(final ODEStateAndDerivative state, final boolean forward) {
            final double h = state.getTime() - previousTime;
            previousTime = state.getTime();
            if (stop != null && stop.stopAfter(state.getTime(), state.getPrimaryState(), state.getPrimaryDerivative(), h)) {
                return Action.STOP;
            }
            return Action.CONTINUE;
        }
    }

    /** Forwards each accepted step with its Runge–Kutta interpolator. */
    private final class Handler implements ODEStepHandler, StepInterpolator {

        private StepObserver observer;
        private ODEStateInterpolator current;

        @Override
        public void handleStep(final ODEStateInterpolator interpolator) {
            if (interpolator.getCurrentState().getTime() == interpolator.getPreviousState().getTime()) {
                // the empty remainder Hipparchus reports after a step-end handler stopped the integration
                return;
            }
            accepted++;
            current = interpolator;
            try {
                observer.stepAccepted(this);
            } finally {
                current = null;
            }
        }

        @Override
        public double previousTime() {
            return current.getPreviousState().getTime();
        }

        @Override
        public double currentTime() {
            return current.getCurrentState().getTime();
        }

        @Override
        public void stateAt(final double t, final double[] y) {
            final ODEStateAndDerivative state = t == current.getCurrentState().getTime()
                    ? current.getCurrentState()
                    : current.getInterpolatedState(t);
            System.arraycopy(state.getPrimaryState(), 0, y, 0, dimension);
        }
    }
}
