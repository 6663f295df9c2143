package org.ketasim.engine.solve;

import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Which integrator to use and how accurately: stored with every result, so a run can be repeated.
 *
 * <p>Tolerances are per state component: a step is accepted when the RMS over components of
 * {@code error_i / (atol + rtol · |y_i|)} is at most 1.
 *
 * @param method       the integration method
 * @param rtol         relative tolerance (dimensionless), in (0, 1)
 * @param atol         absolute tolerance (state units: mg for amounts), &gt; 0
 * @param maxStepH     largest step (h), &gt; 0; {@code Double.POSITIVE_INFINITY} for no limit
 * @param initialStepH first step of every segment (h), &ge; 0; 0 lets the integrator estimate it
 */
public record SolverOptions(SolverMethod method, double rtol, double atol, double maxStepH, double initialStepH) {

    /** Default relative tolerance (dimensionless). */
    public static final double DEFAULT_RTOL = 1e-6;

    /** Default absolute tolerance (state units, mg for amounts). */
    public static final double DEFAULT_ATOL = 1e-9;

    /**
     * Checks the values.
     *
     * @param method       the integration method
     * @param rtol         relative tolerance (dimensionless), in (0, 1)
     * @param atol         absolute tolerance (state units: mg for amounts), &gt; 0
     * @param maxStepH     largest step (h), &gt; 0; {@code Double.POSITIVE_INFINITY} for no limit
     * @param initialStepH first step of every segment (h), &ge; 0; 0 lets the integrator estimate it
     * @throws IllegalArgumentException with a one-line message naming the bad value
     */
    public SolverOptions {
        if (method == null) {
            throw new IllegalArgumentException("solver method is missing");
        }
        checkTolerances(rtol, atol, maxStepH, initialStepH);
    }

    /**
     * The default: {@link SolverMethod#AUTO} (Dormand–Prince 5(4), switching to ROS34PW2 in stiff
     * stretches), rtol 1e-6, atol 1e-9, no step limit, estimated first step.
     *
     * @return the default options
     */
    public static SolverOptions defaults() {
        return of(SolverMethod.AUTO);
    }

    /**
     * A method with the default tolerances, no step limit and an estimated first step.
     *
     * @param method the integration method
     * @return the options
     */
    public static SolverOptions of(final SolverMethod method) {
        return new SolverOptions(method, DEFAULT_RTOL, DEFAULT_ATOL, Double.POSITIVE_INFINITY, 0.0);
    }

    /**
     * A copy with another method.
     *
     * @param newMethod the integration method
     * @return new options
     */
    public SolverOptions withMethod(final SolverMethod newMethod) {
        return new SolverOptions(newMethod, rtol, atol, maxStepH, initialStepH);
    }

    /**
     * A copy with other tolerances.
     *
     * @param newRtol relative tolerance (dimensionless)
     * @param newAtol absolute tolerance (state units)
     * @return new options
     */
    public SolverOptions withTolerances(final double newRtol, final double newAtol) {
        return new SolverOptions(method, newRtol, newAtol, maxStepH, initialStepH);
    }

    /**
     * A copy with another step limit.
     *
     * @param newMaxStepH largest step (h)
     * @return new options
     */
    public SolverOptions withMaxStepH(final double newMaxStepH) {
        return new SolverOptions(method, rtol, atol, newMaxStepH, initialStepH);
    }

    /**
     * A copy with another first step.
     *
     * @param newInitialStepH first step of each segment (h); 0 = estimate
     * @return new options
     */
    public SolverOptions withInitialStepH(final double newInitialStepH) {
        return new SolverOptions(method, rtol, atol, maxStepH, newInitialStepH);
    }

    /**
     * Creates a fresh integrator with these settings. Integrators are not thread-safe; create one per
     * thread (creation is cheap).
     *
     * @param dimension number of state variables
     * @return a new integrator
     */
    public SegmentIntegrator createIntegrator(final int dimension) {
        switch (method) {
            case DORMAND_PRINCE_54:
                return hipparchus(new DormandPrince54Integrator(0.0, maxStepH, atol, rtol), dimension);
            case DORMAND_PRINCE_853:
                return hipparchus(new DormandPrince853Integrator(0.0, maxStepH, atol, rtol), dimension);
            case RODAS4:
                return new RosenbrockIntegrator(RosenbrockTableau.RODAS4, dimension, rtol, atol, maxStepH, initialStepH);
            case ROS34PW2:
                return new RosenbrockIntegrator(RosenbrockTableau.ROS34PW2, dimension, rtol, atol, maxStepH, initialStepH);
            case AUTO:
                return new StiffnessSwitchingIntegrator(
                        hipparchus(new DormandPrince54Integrator(0.0, maxStepH, atol, rtol), dimension),
                        new RosenbrockIntegrator(RosenbrockTableau.ROS34PW2, dimension, rtol, atol, maxStepH, initialStepH),
                        atol / rtol);
            default:
                throw new IllegalStateException("unhandled solver method " + method);
        }
    }

    /** For example {@code "ros34pw2, rtol 1e-06, atol 1e-09"}. */
    @Override
    public String toString() {
        return method.keyword() + ", rtol " + rtol + ", atol " + atol
                + (Double.isInfinite(maxStepH) ? "" : ", max step " + maxStepH + " h")
                + (initialStepH > 0 ? ", first step " + initialStepH + " h" : "");
    }

    private HipparchusSegmentIntegrator hipparchus(final AdaptiveStepsizeIntegrator integrator, final int dimension) {
        if (initialStepH > 0) {
            integrator.setInitialStepSize(initialStepH);
        }
        return new HipparchusSegmentIntegrator(integrator, dimension);
    }

    static void checkTolerances(final double rtol, final double atol, final double maxStepH, final double initialStepH) {
        if (!(rtol > 0 && rtol < 1)) {
            throw new IllegalArgumentException("relative tolerance must be in (0, 1), got " + rtol);
        }
        if (!(atol > 0) || !Double.isFinite(atol)) {
            throw new IllegalArgumentException("absolute tolerance must be a finite number > 0, got " + atol);
        }
        if (!(maxStepH > 0)) {
            throw new IllegalArgumentException("maximum step must be > 0 h (or infinite), got " + maxStepH);
        }
        if (!(initialStepH >= 0) || !Double.isFinite(initialStepH)) {
            throw new IllegalArgumentException("initial step must be a finite time >= 0 h (0 = estimate), got " + initialStepH);
        }
    }
}
