package org.ketasim.engine.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Rosenbrock integrator against problems with exact or published reference solutions. */
class RosenbrockIntegratorTest {

    /**
     * y' = A y with A = [[−5000.5, 4999.5], [4999.5, −5000.5]]: eigenvalues −1 (eigenvector (1, 1)) and
     * −10⁴ (eigenvector (1, −1)). From y(0) = (2, 0): y = (e^{−t} + e^{−10⁴ t}, e^{−t} − e^{−10⁴ t}).
     */
    static final OdeSystem STIFF_LINEAR = (t, y, yDot) -> {
        yDot[0] = -5000.5 * y[0] + 4999.5 * y[1];
        yDot[1] = 4999.5 * y[0] - 5000.5 * y[1];
    };

    static double[] stiffLinearExact(final double t) {
        return new double[] {Math.exp(-t) + Math.exp(-1e4 * t), Math.exp(-t) - Math.exp(-1e4 * t)};
    }

    /** Robertson's chemical kinetics (Hairer–Wanner II, §IV.1), the classic stiff test. */
    static final OdeSystem ROBERTSON = (t, y, yDot) -> {
        yDot[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
        yDot[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
        yDot[2] = 3e7 * y[1] * y[1];
    };

    @ParameterizedTest
    @EnumSource(names = {"RODAS4", "ROS34PW2"})
    void stiffLinearSystemMatchesExactSolutionWithFewSteps(final SolverMethod method) {
        final SegmentIntegrator integrator = SolverOptions.of(method).withTolerances(1e-8, 1e-10).createIntegrator(2);
        final double[] y = {2, 0};
        final double[] probe = new double[2];
        final double[] worst = {0};
        integrator.integrate(STIFF_LINEAR, 0, y, 10, step -> {
            for (int i = 1; i <= 4; i++) {
                final double t = step.previousTime() + i * (step.currentTime() - step.previousTime()) / 4;
                step.stateAt(t, probe);
                final double[] exact = stiffLinearExact(t);
                worst[0] = Math.max(worst[0], Math.max(Math.abs(probe[0] - exact[0]), Math.abs(probe[1] - exact[1])));
            }
        });
        final double[] exact = stiffLinearExact(10);
        assertThat(y[0]).isCloseTo(exact[0], within(1e-9));
        assertThat(y[1]).isCloseTo(exact[1], within(1e-9));
        // The dense output includes the fast transient (first steps), where interpolation is hardest.
        assertThat(worst[0]).isLessThan(2e-4);
        // An explicit method needs h < 3.3e-4 for stability on [0, 10]: at least 30,000 steps. The
        // Rosenbrock steps are limited by the accuracy of the slow e^{-t} mode only.
        assertThat(integrator.statistics().acceptedSteps()).isLessThan(3000);
    }

    @Test
    void explicitMethodPaysForStiffnessWithRightHandSideEvaluations() {
        final long explicit = evaluations(SolverMethod.DORMAND_PRINCE_54);
        final long rodas = evaluations(SolverMethod.RODAS4);
        final long rosw = evaluations(SolverMethod.ROS34PW2);
        System.out.printf("stiff linear (-1e4, -1) on [0, 10], rtol 1e-6: dopri5 %d, rodas4 %d, ros34pw2 %d RHS evaluations%n",
                explicit, rodas, rosw);
        assertThat(rodas * 20).isLessThan(explicit);
        assertThat(rosw * 20).isLessThan(explicit);
    }

    private static long evaluations(final SolverMethod method) {
        final SegmentIntegrator integrator = SolverOptions.of(method).withTolerances(1e-6, 1e-9).createIntegrator(2);
        final double[] y = {2, 0};
        integrator.integrate(STIFF_LINEAR, 0, y, 10, StepObserver.NONE);
        assertThat(y[0]).isCloseTo(stiffLinearExact(10)[0], within(1e-7));
        return integrator.statistics().rhsEvaluations();
    }

    @ParameterizedTest
    @EnumSource(names = {"RODAS4", "ROS34PW2"})
    void robertsonMatchesPublishedReferenceAtFortySeconds(final SolverMethod method) {
        final SegmentIntegrator integrator = SolverOptions.of(method).withTolerances(1e-10, 1e-16).createIntegrator(3);
        final double[] y = {1, 0, 0};
        integrator.integrate(ROBERTSON, 0, y, 40, StepObserver.NONE);
        // Reference values at t = 40 (Hairer & Wanner, Solving ODEs II; also SUNDIALS' cvRoberts_dns).
        assertThat(y[0]).isCloseTo(0.7158270687, within(2e-9));
        assertThat(y[1]).isCloseTo(9.185534764e-6, within(2e-14));
        assertThat(y[2]).isCloseTo(0.2841637457, within(2e-9));
        assertThat(y[0] + y[1] + y[2]).isCloseTo(1.0, within(1e-13));
    }

    @ParameterizedTest
    @EnumSource(names = {"RODAS4", "ROS34PW2"})
    void analyticJacobianGivesTheSameSolutionWithFewerEvaluations(final SolverMethod method) {
        final AnalyticJacobian robertson = new AnalyticJacobian() {
            @Override
            public void computeDerivatives(final double t, final double[] y, final double[] yDot) {
                ROBERTSON.computeDerivatives(t, y, yDot);
            }

            @Override
            public void computeJacobian(final double t, final double[] y, final double[] dfdy, final double[] dfdt) {
                dfdy[0] = -0.04;
                dfdy[1] = 1e4 * y[2];
                dfdy[2] = 1e4 * y[1];
                dfdy[3] = 0.04;
                dfdy[4] = -1e4 * y[2] - 6e7 * y[1];
                dfdy[5] = -1e4 * y[1];
                dfdy[6] = 0;
                dfdy[7] = 6e7 * y[1];
                dfdy[8] = 0;
                java.util.Arrays.fill(dfdt, 0.0);
            }
        };
        final SegmentIntegrator analytic = SolverOptions.of(method).withTolerances(1e-10, 1e-16).createIntegrator(3);
        final SegmentIntegrator numeric = SolverOptions.of(method).withTolerances(1e-10, 1e-16).createIntegrator(3);
        final double[] ya = {1, 0, 0};
        final double[] yn = {1, 0, 0};
        analytic.integrate(robertson, 0, ya, 40, StepObserver.NONE);
        numeric.integrate(ROBERTSON, 0, yn, 40, StepObserver.NONE);
        assertThat(ya[0]).isCloseTo(0.7158270687, within(2e-9));
        assertThat(ya[1]).isCloseTo(9.185534764e-6, within(2e-14));
        assertThat(ya[2]).isCloseTo(0.2841637457, within(2e-9));
        final SolverStatistics a = analytic.statistics();
        final SolverStatistics n = numeric.statistics();
        assertThat(a.jacobianEvaluations()).isPositive();
        assertThat(a.rhsEvaluations()).isLessThan(n.rhsEvaluations() - 3L * n.jacobianEvaluations() / 2);
    }

    @Test
    void robertsonOverElevenDecadesStaysPositiveAndConserved() {
        final SegmentIntegrator integrator = SolverOptions.of(SolverMethod.ROS34PW2).withTolerances(1e-6, 1e-12).createIntegrator(3);
        final double[] y = {1, 0, 0};
        final double[] min = {0};
        integrator.integrate(ROBERTSON, 0, y, 4e10, step -> min[0] = Math.min(min[0], Math.min(y[0], y[1])));
        assertThat(y[0] + y[1] + y[2]).isCloseTo(1.0, within(1e-12));
        assertThat(y[2]).isGreaterThan(0.99);
        assertThat(min[0]).isGreaterThan(-1e-12);
        assertThat(integrator.statistics().acceptedSteps()).isLessThan(2000);
    }

    /**
     * Fixed steps (no rejections: loose tolerances, maximum step = first step) on a nonlinear,
     * non-autonomous problem: the global error must fall as h^p. The W-method keeps the Jacobian (and
     * ∂f/∂t) of t = 0 for the whole run, so this also checks that its order survives a stale Jacobian,
     * which is what makes it a W-method.
     */
    @ParameterizedTest
    @EnumSource(names = {"RODAS4", "ROS34PW2"})
    void globalErrorConvergesAtTheMethodsOrder(final SolverMethod method) {
        final int expected = method == SolverMethod.RODAS4 ? 4 : 3;
        final RosenbrockTableau tableau = method == SolverMethod.RODAS4 ? RosenbrockTableau.RODAS4 : RosenbrockTableau.ROS34PW2;
        final List<Double> errors = new ArrayList<>();
        for (final double h : new double[] {0.2, 0.1, 0.05, 0.025}) {
            final RosenbrockIntegrator integrator = new RosenbrockIntegrator(tableau, 2, 0.5, 1e6, h, h, Integer.MAX_VALUE);
            final double[] y = {0.1, 1.0};
            integrator.integrate(LOGISTIC_AND_FORCED, 0, y, 4, StepObserver.NONE);
            assertThat(integrator.statistics().rejectedSteps()).isZero();
            assertThat(integrator.statistics().acceptedSteps()).isEqualTo((int) Math.round(4 / h));
            assertThat(integrator.statistics().jacobianEvaluations()).isEqualTo(tableau.isWMethod() ? 1 : (int) Math.round(4 / h));
            final double[] exact = logisticAndForcedExact(4);
            errors.add(Math.max(Math.abs(y[0] - exact[0]), Math.abs(y[1] - exact[1])));
        }
        for (int i = 1; i < errors.size(); i++) {
            final double observedOrder = Math.log(errors.get(i - 1) / errors.get(i)) / Math.log(2);
            assertThat(observedOrder).as("%s order between h and h/2 (errors %s)", method, errors)
                    .isCloseTo(expected, within(0.35));
        }
    }

    /** y1' = y1 (1 − y1) (logistic), y2' = −2 y2 + cos t + (y1 − y1): a nonlinear and a forced component. */
    static final OdeSystem LOGISTIC_AND_FORCED = (t, y, yDot) -> {
        yDot[0] = y[0] * (1 - y[0]);
        yDot[1] = -2 * y[1] + Math.cos(t);
    };

    /** y1 = 1/(1 + 9 e^{−t}); y2 = (2 cos t + sin t)/5 + 0.6 e^{−2t}, from y(0) = (0.1, 1). */
    static double[] logisticAndForcedExact(final double t) {
        return new double[] {1 / (1 + 9 * Math.exp(-t)), (2 * Math.cos(t) + Math.sin(t)) / 5 + 0.6 * Math.exp(-2 * t)};
    }

    @ParameterizedTest
    @EnumSource(names = {"RODAS4", "ROS34PW2"})
    void hermiteDenseOutputIsExactForCubicSolutions(final SolverMethod method) {
        // y1' = 2t + 1, y2' = y1 from 0: y1 = t² + t, y2 = t³/3 + t²/2. Both methods (order ≥ 3) step
        // exactly through polynomial solutions of degree ≤ 3, and the cubic Hermite interpolant through
        // exact values and slopes reproduces them everywhere inside the (large) steps.
        final OdeSystem polynomial = (t, y, yDot) -> {
            yDot[0] = 2 * t + 1;
            yDot[1] = y[0];
        };
        // Loose tolerances: the embedded order-2 estimate of ROS34PW2 is not exact for cubics and would
        // otherwise shrink the steps.
        final SegmentIntegrator integrator = new SolverOptions(method, 0.5, 1e6, 0.7, 0.7).createIntegrator(2);
        final double[] y = {0, 0};
        final double[] probe = new double[2];
        final double[] worst = {0};
        integrator.integrate(polynomial, 0, y, 7, step -> {
            for (int i = 0; i <= 10; i++) {
                final double t = step.previousTime() + i * (step.currentTime() - step.previousTime()) / 10;
                step.stateAt(t, probe);
                worst[0] = Math.max(worst[0], Math.abs(probe[0] - (t * t + t)));
                worst[0] = Math.max(worst[0], Math.abs(probe[1] - (t * t * t / 3 + t * t / 2)));
            }
        });
        assertThat(integrator.statistics().acceptedSteps()).isEqualTo(10);
        assertThat(y[1]).isCloseTo(343 / 3.0 + 49 / 2.0, within(1e-10 * 139));
        assertThat(worst[0]).isLessThan(1e-10 * 139);
    }

    @Test
    void zeroLengthSegmentDoesNothing() {
        final SegmentIntegrator integrator = SolverOptions.of(SolverMethod.ROS34PW2).createIntegrator(2);
        final double[] y = {2, 0};
        integrator.integrate(STIFF_LINEAR, 3, y, 3, step -> {
            throw new AssertionError("no step expected");
        });
        assertThat(y).containsExactly(2, 0);
        assertThat(integrator.statistics().rhsEvaluations()).isZero();
    }

    @Test
    void nonFiniteRightHandSideFailsWithAClearMessage() {
        final SegmentIntegrator integrator = SolverOptions.of(SolverMethod.RODAS4).createIntegrator(1);
        final double[] y = {1};
        assertThatThrownBy(() -> integrator.integrate((t, yy, yDot) -> yDot[0] = t > 1 ? Double.NaN : -yy[0], 0, y, 5,
                StepObserver.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("RODAS4 step size underflow at t = 0.99999")
                .hasMessageEndingWith("the equations are not finite or too stiff");
    }

    @Test
    void rejectsWrongDimensionAndBackwardSegments() {
        final SegmentIntegrator integrator = SolverOptions.of(SolverMethod.ROS34PW2).createIntegrator(2);
        assertThatThrownBy(() -> integrator.integrate(STIFF_LINEAR, 0, new double[3], 1, StepObserver.NONE))
                .hasMessage("state has 3 components, integrator expects 2");
        assertThatThrownBy(() -> integrator.integrate(STIFF_LINEAR, 1, new double[2], 0, StepObserver.NONE))
                .hasMessage("segment must satisfy t0 <= t1, both finite; got [1.0, 0.0] h");
    }

    /**
     * A chain of 30 states (y_i' = -k_i y_i + y_{i-1}², a nonlinear feed-forward cascade) with its structural
     * pattern: the grouped finite-difference Jacobian is the column-by-column one, bit for bit, so the whole
     * integration is, with far fewer evaluations.
     */
    @ParameterizedTest
    @EnumSource(names = {"RODAS4", "ROS34PW2"})
    void groupedJacobianGivesTheSameSolutionWithFewerEvaluations(final SolverMethod method) {
        final int n = 30;
        final OdeSystem chain = (t, y, yDot) -> {
            yDot[0] = -y[0] + Math.sin(t);
            for (int i = 1; i < n; i++) {
                yDot[i] = -(1 + 50.0 * i) * y[i] + y[i - 1] * y[i - 1];
            }
        };
        final int[] pattern = new int[2 * n - 1];
        pattern[0] = 0;
        for (int i = 1, e = 1; i < n; i++) {
            pattern[e++] = i * n + i - 1;
            pattern[e++] = i * n + i;
        }
        final SparseJacobian sparse = new SparseJacobian() {
            @Override
            public void computeDerivatives(final double t, final double[] y, final double[] yDot) {
                chain.computeDerivatives(t, y, yDot);
            }

            @Override
            public int[] jacobianPattern() {
                return pattern;
            }
        };
        final SegmentIntegrator dense = SolverOptions.of(method).withTolerances(1e-8, 1e-10).createIntegrator(n);
        final SegmentIntegrator grouped = SolverOptions.of(method).withTolerances(1e-8, 1e-10).createIntegrator(n);
        final double[] a = new double[n];
        final double[] b = new double[n];
        a[0] = 1;
        b[0] = 1;
        dense.integrate(chain, 0, a, 5, StepObserver.NONE);
        grouped.integrate(sparse, 0, b, 5, StepObserver.NONE);
        assertThat(b).containsExactly(a);
        final SolverStatistics d = dense.statistics();
        final SolverStatistics g = grouped.statistics();
        assertThat(g.acceptedSteps()).isEqualTo(d.acceptedSteps());
        assertThat(g.jacobianEvaluations()).isEqualTo(d.jacobianEvaluations()).isPositive();
        // a bidiagonal pattern needs two groups: 3 evaluations per Jacobian (with ∂f/∂t) instead of 31
        assertThat(d.rhsEvaluations() - g.rhsEvaluations()).isEqualTo(28L * d.jacobianEvaluations());
    }
}
