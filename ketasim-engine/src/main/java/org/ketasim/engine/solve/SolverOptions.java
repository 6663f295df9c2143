package org.ketasim.engine.solve;

import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Which integrator to use and how accurately: stored with every result, so a run can be repeated.
 *
 * <p>Tolerances are per state component: a step is accepted when the RMS over components of
 * {@code error_i / (atol · u_i + rtol · |y_i|)} is at most 1, where {@code u_i} is the size of state i's declared
 * unit ({@link #createIntegrator(double[])}; the simulator takes it from the model), so atol is a number of each
 * state's own units: 1e-9 mg for an amount, 1e-9 mmHg for a pressure.
 *
 * @param method       the integration method
 * @param rtol         relative tolerance (dimensionless), in (0, 1)
 * @param atol         absolute tolerance, in each state's declared unit, &gt; 0
 * @param maxStepH     largest step (h), &gt; 0; {@code Double.POSITIVE_INFINITY} for no limit
 * @param initialStepH first step of every segment (h), &ge; 0; 0 lets the integrator estimate it
 */
public record SolverOptions(SolverMethod method, double rtol, double atol, double maxStepH, double initialStepH) {

    /** Default relative tolerance (dimensionless). */
    public static final double DEFAULT_RTOL = 1e-6;

    /** Default absolute tolerance, in each state's declared unit (1e-9 mg for an amount). */
    public static final double DEFAULT_ATOL = 1e-9;

    /**
     * Checks the values.
     *
     * @param method       the integration method
     * @param rtol         relative tolerance (dimensionless), in (0, 1)
     * @param atol         absolute tolerance, in each state's declared unit, &gt; 0
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
        if (dimension < 1) {
            throw new IllegalArgumentException("ODE dimension must be >= 1, got " + dimension);
        }
        final double[] ones = new double[dimension];
        java.util.Arrays.fill(ones, 1.0);
        return createIntegrator(ones);
    }

    /**
     * Creates a fresh integrator whose absolute tolerance for state i is {@code atol · unitSize[i]}.
     *
     * @param unitSize per state, the size of its declared unit in the units the integrator sees (canonical), each
     *                 finite and &gt; 0 ({@code ModelEquations.stateUnitFactors()})
     * @return a new integrator of dimension {@code unitSize.length}
     * @throws IllegalArgumentException if a size is not finite and positive, or there are none
     */
    public SegmentIntegrator createIntegrator(final double[] unitSize) {
        final int dimension = unitSize.length;
        if (dimension < 1) {
            throw new IllegalArgumentException("ODE dimension must be >= 1, got " + dimension);
        }
        final double[] absolute = new double[dimension];
        final double[] relative = new double[dimension];
        final double[] floor = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            if (!(unitSize[i] > 0) || !Double.isFinite(unitSize[i])) {
                throw new IllegalArgumentException("unit size of state " + i + " must be finite and > 0, got " + unitSize[i]);
            }
            absolute[i] = atol * unitSize[i];
            relative[i] = rtol;
            floor[i] = absolute[i] / rtol;
        }
        switch (method) {
            case DORMAND_PRINCE_54:
                return new DormandPrinceIntegrator(rtol, absolute, maxStepH, initialStepH);
            case DORMAND_PRINCE_853:
                return hipparchus(new DormandPrince853Integrator(0.0, maxStepH, absolute, relative), dimension);
            case RODAS4:
                return new RosenbrockIntegrator(RosenbrockTableau.RODAS4, rtol, absolute, maxStepH, initialStepH,
                        RosenbrockIntegrator.MAX_JACOBIAN_AGE);
            case ROS34PW2:
                return new RosenbrockIntegrator(RosenbrockTableau.ROS34PW2, rtol, absolute, maxStepH, initialStepH,
                        RosenbrockIntegrator.MAX_JACOBIAN_AGE);
            case AUTO:
                return new StiffnessSwitchingIntegrator(
                        new DormandPrinceIntegrator(rtol, absolute, maxStepH, initialStepH),
                        new RosenbrockIntegrator(RosenbrockTableau.ROS34PW2, rtol, absolute, maxStepH, initialStepH,
                                RosenbrockIntegrator.MAX_JACOBIAN_AGE),
                        floor);
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
