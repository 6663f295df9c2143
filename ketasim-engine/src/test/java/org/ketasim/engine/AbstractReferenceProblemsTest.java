package org.ketasim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.engine.testing.ReferenceProblem;

/**
 * Runs every {@link ReferenceProblem} through one solver and compares the dense output at every grid time
 * with the exact solution. Subclasses state only the solver and its error bound (Hipparchus style).
 */
abstract class AbstractReferenceProblemsTest {

    /** Tolerances every solver runs with (rtol dimensionless, atol mg). */
    static final double RTOL = 1e-8;
    static final double ATOL = 1e-10;

    private final SolverMethod method;
    private final double bound;

    /**
     * @param method the solver under test
     * @param bound  largest accepted |numerical − exact| over all times and states, relative to the
     *               largest exact amount of the problem
     */
    AbstractReferenceProblemsTest(final SolverMethod method, final double bound) {
        this.method = method;
        this.bound = bound;
    }

    static Stream<ReferenceProblem> problems() {
        return Stream.of(ReferenceProblem.all());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void matchesTheExactSolution(final ReferenceProblem problem) {
        final Simulator simulator = new Simulator(problem.model(), problem.model().targets(),
                SolverOptions.of(method).withTolerances(RTOL, ATOL));
        final double[] times = problem.times();
        final Trajectory trajectory = simulator.run(problem.parameters(), problem.regimen(), times);

        double peak = 0;
        double worst = 0;
        for (int i = 0; i < times.length; i++) {
            final double[] exact = problem.theoreticalState(times[i]);
            for (int s = 0; s < exact.length; s++) {
                peak = Math.max(peak, Math.abs(exact[s]));
                worst = Math.max(worst, Math.abs(trajectory.states()[i][s] - exact[s]));
            }
        }
        assertThat(peak).isPositive();
        System.out.printf("REF %-10s %-50s err/peak %.3e steps %d rhs %d grid %d%n", method, problem, worst / peak,
                trajectory.statistics().acceptedSteps(), trajectory.statistics().rhsEvaluations(), times.length);
        assertThat(worst / peak).as("%s with %s: max error / peak", problem, method).isLessThanOrEqualTo(bound);
        // Dense output, not restarts: the grid does not change the steps the integrator takes.
        final double end = times[times.length - 1];
        final Trajectory endOnly = simulator.run(problem.parameters(), problem.regimen(), new double[] {end});
        assertThat(endOnly.statistics()).isEqualTo(trajectory.statistics());
        assertThat(endOnly.states()[0]).containsExactly(trajectory.states()[times.length - 1]);
    }
}
