package org.ketasim.engine.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StiffnessSwitchingIntegratorTest {

    @Test
    void switchesToTheImplicitMethodOnAStiffProblem() {
        final StiffnessSwitchingIntegrator auto = (StiffnessSwitchingIntegrator)
                SolverOptions.of(SolverMethod.AUTO).withTolerances(1e-6, 1e-9).createIntegrator(2);
        final double[] y = {2, 0};
        final double[] probe = new double[2];
        final double[] worst = {0};
        final double[] lastEnd = {0};
        auto.integrate(RosenbrockIntegratorTest.STIFF_LINEAR, 0, y, 10, step -> {
            // steps arrive in order and tile the segment, across the switch
            assertThat(step.previousTime()).isEqualTo(lastEnd[0]);
            lastEnd[0] = step.currentTime();
            final double mid = (step.previousTime() + step.currentTime()) / 2;
            step.stateAt(mid, probe);
            final double[] exact = RosenbrockIntegratorTest.stiffLinearExact(mid);
            worst[0] = Math.max(worst[0], Math.abs(probe[0] - exact[0]) + Math.abs(probe[1] - exact[1]));
        });
        assertThat(lastEnd[0]).isEqualTo(10);
        assertThat(auto.switches()).isEqualTo(1);
        final double[] exact = RosenbrockIntegratorTest.stiffLinearExact(10);
        assertThat(y[0]).isCloseTo(exact[0], within(1e-7));
        assertThat(y[1]).isCloseTo(exact[1], within(1e-7));
        assertThat(worst[0]).isLessThan(1e-4);
        // Dormand–Prince alone spends about 186,000 evaluations here (RosenbrockIntegratorTest).
        assertThat(auto.statistics().rhsEvaluations()).isLessThan(5_000);
    }

    @Test
    void staysExplicitOnANonStiffProblem() {
        // harmonic oscillator: eigenvalues ±i, steps limited by accuracy only
        final OdeSystem oscillator = (t, y, yDot) -> {
            yDot[0] = y[1];
            yDot[1] = -y[0];
        };
        final StiffnessSwitchingIntegrator auto = (StiffnessSwitchingIntegrator)
                SolverOptions.of(SolverMethod.AUTO).withTolerances(1e-8, 1e-10).createIntegrator(2);
        final double[] y = {1, 0};
        auto.integrate(oscillator, 0, y, 50, StepObserver.NONE);
        assertThat(auto.switches()).isZero();
        assertThat(y[0]).isCloseTo(Math.cos(50), within(1e-6));
        assertThat(y[1]).isCloseTo(-Math.sin(50), within(1e-6));
        assertThat(auto.statistics().jacobianEvaluations()).isZero();
    }

    @Test
    void everySegmentStartsExplicitAgain() {
        final StiffnessSwitchingIntegrator auto = (StiffnessSwitchingIntegrator)
                SolverOptions.of(SolverMethod.AUTO).createIntegrator(2);
        final double[] y = {2, 0};
        auto.integrate(RosenbrockIntegratorTest.STIFF_LINEAR, 0, y, 5, StepObserver.NONE);
        y[0] += 1;
        auto.integrate(RosenbrockIntegratorTest.STIFF_LINEAR, 5, y, 10, StepObserver.NONE);
        assertThat(auto.switches()).isEqualTo(2);
        assertThat(auto.statistics().segments()).isEqualTo(2);
        // superposition: the kick of 1 at t = 5 along (1, 0) = ((1,1) + (1,−1))/2
        final double slow = Math.exp(-10) + 0.5 * Math.exp(-5);
        assertThat(y[0]).isCloseTo(slow, within(1e-6));
        assertThat(y[1]).isCloseTo(slow, within(1e-6));
    }

    @Test
    void handsBackToTheExplicitMethodWhereImplicitStepsStayShort() {
        // a fast decay (λ = 100) holds the explicit steps at their stability limit (h ≈ 0.02), while at rtol 1e-10
        // the order-3 implicit method must follow the oscillator with shorter steps still: switching does not pay
        final OdeSystem ode = (t, y, yDot) -> {
            yDot[0] = -100 * y[0];
            yDot[1] = y[2];
            yDot[2] = -y[1];
        };
        final StiffnessSwitchingIntegrator auto = (StiffnessSwitchingIntegrator)
                SolverOptions.of(SolverMethod.AUTO).withTolerances(1e-10, 1e-12).createIntegrator(3);
        final double[] y = {1, 1, 0};
        auto.integrate(ode, 0, y, 30, StepObserver.NONE);
        assertThat(y[1]).isCloseTo(Math.cos(30), within(1e-8));
        assertThat(y[2]).isCloseTo(-Math.sin(30), within(1e-8));
        assertThat(auto.switches()).isPositive();
        assertThat(auto.switchesBack()).isPositive();
        final SegmentIntegrator implicit = SolverOptions.of(SolverMethod.ROS34PW2).withTolerances(1e-10, 1e-12).createIntegrator(3);
        final double[] z = {1, 1, 0};
        implicit.integrate(ode, 0, z, 30, StepObserver.NONE);
        System.out.printf("decay + oscillator, rtol 1e-10: auto %d evaluations (%d switches, %d back), ros34pw2 %d%n",
                auto.statistics().rhsEvaluations(), auto.switches(), auto.switchesBack(), implicit.statistics().rhsEvaluations());
        // measured: about 8,000 against 157,000
        assertThat(auto.statistics().rhsEvaluations() * 5).isLessThan(implicit.statistics().rhsEvaluations());
    }

    @Test
    void keepsTheImplicitMethodWhereItsStepsAreLong() {
        final StiffnessSwitchingIntegrator auto = (StiffnessSwitchingIntegrator)
                SolverOptions.of(SolverMethod.AUTO).withTolerances(1e-6, 1e-9).createIntegrator(2);
        final double[] y = {2, 0};
        auto.integrate(RosenbrockIntegratorTest.STIFF_LINEAR, 0, y, 10, StepObserver.NONE);
        assertThat(auto.switches()).isEqualTo(1);
        assertThat(auto.switchesBack()).isZero();
    }
}
