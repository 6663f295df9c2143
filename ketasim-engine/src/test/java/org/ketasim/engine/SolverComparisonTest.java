package org.ketasim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.engine.solve.SolverStatistics;
import org.ketasim.engine.testing.MechanismLikeModel;

/**
 * The workload of {@code shared/literature/performance-anchors.md} on the 19-state stand-in model: 35 mg
 * racemate over 40 min on days 0, 2, 4, 7, 9, 11, simulated to day 60 at rtol 1e-6, atol 1e-9, reported
 * at 40 min, 24 h, day 12 and day 60. Every solver must agree with a Dormand–Prince 8(5,3) reference at
 * rtol 1e-12; the table of right-hand-side evaluations is printed for the record.
 */
class SolverComparisonTest {

    private static final MechanismLikeModel MODEL = new MechanismLikeModel();
    private static final Regimen SIX_INFUSIONS = Regimen.builder()
            .dose(35, Drug.KETAMINE, Route.IV).overHours(40 / 60.0).onDays(0, 2, 4, 7, 9, 11)
            .build();
    private static final double[] TIMES = {40 / 60.0, 24, 12 * 24, 60 * 24};

    @Test
    void everySolverMatchesTheReferenceAndTheSwitchingOneIsCheapest() {
        final Trajectory reference = new Simulator(MODEL, MODEL.targets(),
                SolverOptions.of(SolverMethod.DORMAND_PRINCE_853).withTolerances(1e-12, 1e-15))
                .run(MechanismLikeModel.PARAMETERS, SIX_INFUSIONS, TIMES);
        final Map<SolverMethod, SolverStatistics> work = new EnumMap<>(SolverMethod.class);
        final StringBuilder table = new StringBuilder(
                "solver      RHS evals  steps  Jacobians  LUs  max rel. difference to reference\n");
        for (final SolverMethod method : SolverMethod.values()) {
            final Trajectory trajectory = new Simulator(MODEL, MODEL.targets(), SolverOptions.of(method))
                    .run(MechanismLikeModel.PARAMETERS, SIX_INFUSIONS, TIMES);
            double worst = 0;
            for (int i = 0; i < TIMES.length; i++) {
                for (int s = 0; s < MODEL.stateCount(); s++) {
                    final double exact = reference.states()[i][s];
                    worst = Math.max(worst, Math.abs(trajectory.states()[i][s] - exact) / Math.max(Math.abs(exact), 1e-3));
                }
            }
            final SolverStatistics statistics = trajectory.statistics();
            work.put(method, statistics);
            table.append(String.format("%-10s %10d %6d %10d %4d  %.1e%n", method.keyword(), statistics.rhsEvaluations(),
                    statistics.acceptedSteps(), statistics.jacobianEvaluations(), statistics.decompositions(), worst));
            assertThat(worst).as("%s against the reference", method).isLessThan(5e-5);
        }
        System.out.print(table);
        assertThat(work.get(SolverMethod.AUTO).rhsEvaluations())
                .isLessThan(work.get(SolverMethod.DORMAND_PRINCE_54).rhsEvaluations() * 2 / 3);
    }
}
