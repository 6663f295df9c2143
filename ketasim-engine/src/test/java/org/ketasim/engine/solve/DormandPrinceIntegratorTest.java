package org.ketasim.engine.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.junit.jupiter.api.Test;

/**
 * KetaSim's own Dormand–Prince 5(4) against exact solutions, its dense output, and Hipparchus' independent
 * implementation of the same pair.
 */
class DormandPrinceIntegratorTest {

    /** The Arenstorf orbit's cousin, a nonlinear non-stiff system with a closed form: y = (cos t, sin t) on the circle. */
    private static final OdeSystem ROTATION = (t, y, yDot) -> {
        final double r2 = y[0] * y[0] + y[1] * y[1];
        yDot[0] = -y[1] / Math.sqrt(r2);
        yDot[1] = y[0] / Math.sqrt(r2);
    };

    /** Lotka–Volterra, for the comparison with Hipparchus (no closed form; conserves V = x − ln x + y − ln y). */
    private static final OdeSystem LOTKA_VOLTERRA = (t, y, yDot) -> {
        yDot[0] = y[0] - y[0] * y[1];
        yDot[1] = y[0] * y[1] - y[1];
    };

    private static DormandPrinceIntegrator integrator(final double rtol, final double atol, final int n) {
        final double[] a = new double[n];
        java.util.Arrays.fill(a, atol);
        return new DormandPrinceIntegrator(rtol, a, Double.POSITIVE_INFINITY, 0);
    }

    @Test
    void followsTheExactSolutionAndItsDenseOutputIsAccurateInsideSteps() {
        final DormandPrinceIntegrator dp = integrator(1e-10, 1e-12, 2);
        final double[] y = {1, 0};
        final double[] probe = new double[2];
        final double[] worst = {0};
        dp.integrate(ROTATION, 0, y, 20, step -> {
            for (int i = 1; i < 5; i++) {
                final double t = step.previousTime() + i * (step.currentTime() - step.previousTime()) / 5;
                step.stateAt(t, probe);
                worst[0] = Math.max(worst[0], Math.hypot(probe[0] - Math.cos(t), probe[1] - Math.sin(t)));
            }
        });
        assertThat(y[0]).isCloseTo(Math.cos(20), within(1e-8));
        assertThat(y[1]).isCloseTo(Math.sin(20), within(1e-8));
        // the 4th-order continuous extension between the step ends
        assertThat(worst[0]).isLessThan(1e-8);
        final SolverStatistics s = dp.statistics();
        // FSAL: six new evaluations per attempted step, plus the first one and the starting-step estimate
        assertThat(s.rhsEvaluations()).isEqualTo(6L * (s.acceptedSteps() + s.rejectedSteps()) + 2);
    }

    @Test
    void errorFallsWithTheToleranceAsAFifthOrderMethodShould() {
        // a 1000 times tighter tolerance: a 5th-order method needs about 1000^(1/5) = 3.98 times the steps
        final int loose = steps(1e-6);
        final int tight = steps(1e-9);
        final double ratio = (double) tight / loose;
        assertThat(ratio).isBetween(Math.pow(10, 3.0 / 5) * 0.75, Math.pow(10, 3.0 / 5) * 1.35);
    }

    private static int steps(final double rtol) {
        final DormandPrinceIntegrator dp = integrator(rtol, rtol * 1e-3, 2);
        final double[] y = {1, 0};
        dp.integrate(ROTATION, 0, y, 50, StepObserver.NONE);
        return dp.statistics().acceptedSteps();
    }

    @Test
    void agreesWithHipparchusImplementationOfTheSamePair() {
        final double[] ours = {2, 1};
        integrator(1e-11, 1e-13, 2).integrate(LOTKA_VOLTERRA, 0, ours, 30, StepObserver.NONE);
        final DormandPrince54Integrator hipparchus = new DormandPrince54Integrator(0, Double.POSITIVE_INFINITY, 1e-13, 1e-11);
        final OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public double[] computeDerivatives(final double t, final double[] y) {
                final double[] d = new double[2];
                LOTKA_VOLTERRA.computeDerivatives(t, y, d);
                return d;
            }
        };
        final double[] theirs = hipparchus.integrate(ode, new ODEState(0, new double[] {2, 1}), 30).getPrimaryState();
        assertThat(ours[0]).isCloseTo(theirs[0], within(1e-8 * Math.abs(theirs[0])));
        assertThat(ours[1]).isCloseTo(theirs[1], within(1e-8 * Math.abs(theirs[1])));
        final double v0 = 2 - Math.log(2) + 1 - Math.log(1);
        assertThat(ours[0] - Math.log(ours[0]) + ours[1] - Math.log(ours[1])).isCloseTo(v0, within(1e-9));
    }

    @Test
    void theAbsoluteToleranceIsPerState() {
        // two copies of y' = -y, the second in a unit 1e14 times smaller (like mmHg in canonical units): with
        // the tolerance scaled by that unit the second copy costs what the first costs; without, the solver
        // follows it down to 1e-23 of its own unit
        final OdeSystem decay = (t, y, yDot) -> {
            yDot[0] = -y[0];
            yDot[1] = -y[1];
        };
        final DormandPrinceIntegrator scaled = new DormandPrinceIntegrator(1e-6, new double[] {1e-9, 1e-9 * 1e14},
                Double.POSITIVE_INFINITY, 0);
        final DormandPrinceIntegrator unscaled = integrator(1e-6, 1e-9, 2);
        final double[] a = {1, 1e14};
        final double[] b = {1, 1e14};
        scaled.integrate(decay, 0, a, 60, StepObserver.NONE);
        unscaled.integrate(decay, 0, b, 60, StepObserver.NONE);
        assertThat(scaled.statistics().acceptedSteps() * 2).isLessThan(unscaled.statistics().acceptedSteps());
        assertThat(a[1] / 1e14).isCloseTo(Math.exp(-60), within(1e-9));
    }

    @Test
    void nonFiniteEquationsEndInAClearError() {
        final OdeSystem blowUp = (t, y, yDot) -> yDot[0] = t < 1 ? y[0] : Double.NaN;
        final DormandPrinceIntegrator dp = integrator(1e-6, 1e-9, 1);
        assertThatThrownBy(() -> dp.integrate(blowUp, 0, new double[] {1}, 2, StepObserver.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("step size underflow");
    }
}
