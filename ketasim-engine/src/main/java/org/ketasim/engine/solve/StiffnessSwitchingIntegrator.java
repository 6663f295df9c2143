package org.ketasim.engine.solve;

import java.util.Arrays;

/**
 * Explicit while the solution moves fast, implicit once the explicit method is held back by stability:
 * each segment starts with Dormand–Prince 5(4) ({@link DormandPrinceIntegrator}) and, when the step size has been limited by
 * stiffness for several steps in a row, continues to the segment end with the ROS34PW2 Rosenbrock–W method
 * (compare LSODA's switching between Adams and BDF).
 *
 * <p>Dosing makes this pattern typical: after a dose the PK and circuit states change on a scale of
 * minutes and an explicit method of order 5 is the cheapest way to follow them; a day later those states
 * sit at their quasi-equilibrium, the slow plasticity states drift over weeks, and an explicit method
 * spends most of its evaluations staying stable. Each new segment (each dose start or infusion end)
 * starts explicit again.
 *
 * <p>Stiffness is detected by a nonlinear power iteration on the Jacobian, continued from probe to probe
 * (one extra right-hand-side evaluation every {@value #PROBE_INTERVAL} explicit steps): it estimates the
 * spectral radius ρ of ∂f/∂y in tolerance-scaled coordinates, and a step is stability-limited when
 * {@code h·ρ} exceeds {@value #STIFF_H_RHO}. The stability boundary of Dormand–Prince 5(4) on the negative
 * real axis is about 3.3, but its PI step-size controller settles a stability-limited step below it (at
 * h·ρ = 1.95 on y' = −3000(y − sin t), rtol 1e-8), so the threshold sits under that. After {@value #STIFF_PROBES} such probes in a row the integrator
 * switches. Switching earlier costs more than it saves: right after a dose the order-3 implicit method
 * needs smaller steps than the order-5 explicit one (measured on the 19-state benchmark model).
 *
 * <p>A switch is undone when it does not pay: if the implicit steps stay shorter than
 * {@value #SWITCH_BACK_RATIO} times the explicit step that made the switch, the explicit method takes over
 * again (see {@link #explicitCheaper}); it may switch again later in the segment.
 */
public final class StiffnessSwitchingIntegrator implements SegmentIntegrator {

    /** h·ρ above which an explicit step counts as stability-limited. */
    public static final double STIFF_H_RHO = 1.8;

    /** Explicit steps between two probes of the spectral radius. */
    public static final int PROBE_INTERVAL = 3;

    /** Consecutive probes finding a stability-limited step that trigger the switch. */
    public static final int STIFF_PROBES = 10;

    private static final double SQRT_ROUNDOFF = Math.sqrt(Math.ulp(1.0) / 2);

    private final DormandPrinceIntegrator explicit;
    private final RosenbrockIntegrator implicit;
    private final int n;
    /** Per state: the magnitude below which it counts as zero when scaling the power iteration (atol / rtol). */
    private final double[] scaleFloor;
    private final double[] direction;
    private final double[] perturbed;
    private final double[] perturbedDerivative;
    private final double[] scale;
    private OdeSystem current;
    private int stiffSteps;
    private int stepCount;
    private int switches;
    private int switchesBack;
    private double lastExplicitStep;
    private double explicitStep;
    private int implicitSteps;
    private int shortSteps;

    /** Implicit step over the explicit step that made the switch, below which the switch does not pay. */
    public static final double SWITCH_BACK_RATIO = 1.5;

    /** Implicit steps taken before the ratio is judged (the implicit method starts from a small step). */
    static final int IMPLICIT_START_STEPS = 8;

    /** Consecutive short implicit steps (after the start-up) that make the integrator switch back. */
    static final int SHORT_STEPS = 20;

    /**
     * Creates the pair of integrators.
     *
     * @param explicit  the explicit integrator (Dormand–Prince 5(4) in {@link SolverOptions})
     * @param implicit  the implicit integrator taking over in stiff stretches
     * @param atolOverRtol per state, the ratio of absolute to relative tolerance (state units): the magnitude below
     *                  which a component is considered zero when scaling the power iteration
     */
    StiffnessSwitchingIntegrator(final DormandPrinceIntegrator explicit, final RosenbrockIntegrator implicit,
                                 final double[] atolOverRtol) {
        if (explicit.dimension() != implicit.dimension()) {
            throw new IllegalArgumentException("explicit and implicit integrators differ in dimension");
        }
        this.explicit = explicit;
        this.implicit = implicit;
        this.n = explicit.dimension();
        if (atolOverRtol.length != explicit.dimension()) {
            throw new IllegalArgumentException("expected " + explicit.dimension() + " tolerance ratios, got " + atolOverRtol.length);
        }
        this.scaleFloor = atolOverRtol.clone();
        this.direction = new double[n];
        this.perturbed = new double[n];
        this.perturbedDerivative = new double[n];
        this.scale = new double[n];
    }

    @Override
    public int dimension() {
        return n;
    }

    /**
     * How often a segment switched from the explicit to the implicit method.
     *
     * @return number of switches so far
     */
    public int switches() {
        return switches;
    }

    @Override
    public void integrate(final OdeSystem ode, final double t0, final double[] y, final double t1,
                          final StepObserver observer) {
        Segments.check(n, t0, y, t1);
        current = ode;
        stiffSteps = 0;
        stepCount = 0;
        Arrays.fill(direction, 0.0);
        try {
            double t = t0;
            while (true) {
                t = explicit.integrate(ode, t, y, t1, observer, this::stabilityLimited);
                if (t >= t1) {
                    return;
                }
                switches++;
                explicitStep = lastExplicitStep;
                implicitSteps = 0;
                t = implicit.integrate(ode, t, y, t1, observer, this::explicitCheaper);
                if (t >= t1) {
                    return;
                }
                switchesBack++;
                stiffSteps = 0;
                stepCount = 0;
                Arrays.fill(direction, 0.0);
            }
        } finally {
            current = null;
        }
    }

    /**
     * After an implicit step: true when the implicit steps, once past their start-up, stay shorter than
     * {@value #SWITCH_BACK_RATIO} times the stability-limited explicit step that made the switch, for
     * {@value #SHORT_STEPS} steps in a row. An implicit step costs about twice an explicit one (four evaluations
     * and four block solves against six evaluations; measured 3 against 1.3 µs on the ketamine model), so there
     * the explicit method is cheaper although it is stability-limited. This happens at tight tolerances, where
     * the order-3 implicit method's steps are limited by accuracy: at rtol 1e-8 on the ketamine model switching
     * back halved the work; at rtol 1e-6 it changed it by under 10 % (docs/performance.md). The ratio and the
     * counts were chosen on that model (ratios 1.5, 2, 3; counts 8 to 32).
     */
    private boolean explicitCheaper(final double t, final double[] y, final double[] yDot, final double h) {
        implicitSteps++;
        if (h >= SWITCH_BACK_RATIO * explicitStep) {
            shortSteps = 0;
            return false;
        }
        return implicitSteps >= IMPLICIT_START_STEPS && ++shortSteps >= SHORT_STEPS;
    }

    /**
     * How often the implicit method handed back to the explicit one.
     *
     * @return number of switches back so far
     */
    public int switchesBack() {
        return switchesBack;
    }

    /** One power-iteration step at the end of an explicit step; true once the steps are stiff-limited. */
    private boolean stabilityLimited(final double t, final double[] y, final double[] yDot, final double h) {
        lastExplicitStep = h;
        if (++stepCount % PROBE_INTERVAL != 0) {
            return false;
        }
        double norm = 0;
        for (int i = 0; i < n; i++) {
            scale[i] = Math.abs(y[i]) + scaleFloor[i];
            norm += (direction[i] / scale[i]) * (direction[i] / scale[i]);
        }
        if (!(norm > 0) || !Double.isFinite(norm)) {
            // start (or restart) the iteration from the derivative, or from a uniform vector at rest
            norm = 0;
            for (int i = 0; i < n; i++) {
                direction[i] = yDot[i];
                norm += (direction[i] / scale[i]) * (direction[i] / scale[i]);
            }
            if (!(norm > 0) || !Double.isFinite(norm)) {
                for (int i = 0; i < n; i++) {
                    direction[i] = scale[i];
                }
                norm = n;
            }
        }
        norm = Math.sqrt(norm);
        // perturb along the (scaled, unit) direction: y + ε·s∘u, with u = (direction / s) / norm
        for (int i = 0; i < n; i++) {
            perturbed[i] = y[i] + SQRT_ROUNDOFF * direction[i] / norm;
        }
        current.computeDerivatives(t, perturbed, perturbedDerivative);
        explicit.countEvaluation();
        double rho = 0;
        for (int i = 0; i < n; i++) {
            // J·(s∘u) in state units: the next direction; its scaled norm estimates ρ
            final double ju = (perturbedDerivative[i] - yDot[i]) / SQRT_ROUNDOFF;
            direction[i] = ju;
            rho += (ju / scale[i]) * (ju / scale[i]);
        }
        rho = Math.sqrt(rho);
        if (!Double.isFinite(rho)) {
            Arrays.fill(direction, 0.0);
            stiffSteps = 0;
            return false;
        }
        stiffSteps = h * rho > STIFF_H_RHO ? stiffSteps + 1 : 0;
        return stiffSteps >= STIFF_PROBES;
    }

    @Override
    public SolverStatistics statistics() {
        final SolverStatistics e = explicit.statistics();
        final SolverStatistics i = implicit.statistics();
        return new SolverStatistics(e.rhsEvaluations() + i.rhsEvaluations(), e.acceptedSteps() + i.acceptedSteps(),
                e.rejectedSteps() + i.rejectedSteps(), i.jacobianEvaluations(), i.decompositions(), e.segments());
    }
}
