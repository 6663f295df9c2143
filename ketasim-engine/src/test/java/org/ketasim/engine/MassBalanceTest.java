package org.ketasim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.engine.testing.ParentMetaboliteModel;
import org.ketasim.engine.testing.ReferenceProblem;

/**
 * Conservation: in a closed model (depot, lost fraction, parent, metabolite, sink) the drug-derived
 * amount equals the cumulative dosed amount at every time, whatever the solver and the regimen.
 */
class MassBalanceTest {

    /** Required agreement of balance and dosed amount, relative to the dosed amount. */
    static final double RELATIVE = 1e-9;

    private static final ParentMetaboliteModel MODEL = new ParentMetaboliteModel();

    static Stream<Arguments> cases() {
        final Regimen bolus = Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IV, 35, 1.0));
        final Regimen infusion = Regimen.of(Dose.infusion(Drug.KETAMINE, Route.IV, 35, 1.0, 40 / 60.0));
        final Regimen repeated = Regimen.builder()
                .dose(35, Drug.KETAMINE, Route.IV).overHours(40 / 60.0).onDays(0, 2, 4).atHour(9)
                .dose(200, Drug.KETAMINE, Route.ORAL).onDays(1, 3).atHour(8).every(12, 2)
                .build();
        final Regimen overlapping = Regimen.of(
                Dose.infusion(Drug.KETAMINE, Route.IV, 50, 1.0, 3.0),
                Dose.infusion(Drug.ESKETAMINE, Route.INTRANASAL, 28, 2.0, 0.25),
                Dose.infusion(Drug.ARKETAMINE, Route.SC, 20, 2.5, 4.0),
                Dose.bolus(Drug.KETAMINE, Route.ORAL, 100, 2.5),
                Dose.bolus(Drug.ESKETAMINE, Route.INTRANASAL, 56, 3.0));
        final Stream.Builder<Arguments> all = Stream.builder();
        for (final SolverMethod method : SolverMethod.values()) {
            all.add(Arguments.of(method, "bolus", bolus));
            all.add(Arguments.of(method, "infusion", infusion));
            all.add(Arguments.of(method, "repeated", repeated));
            all.add(Arguments.of(method, "overlapping", overlapping));
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void balanceEqualsDosedAmountAtEveryTime(final SolverMethod method, final String name, final Regimen regimen) {
        final Simulator simulator = new Simulator(MODEL, MODEL.targets(), SolverOptions.of(method));
        final double[] times = ReferenceProblem.grid(0, 120, 0.25, 1.0, 1 + 40 / 60.0, 2.5, 3.0, 6.5);
        final Trajectory trajectory = simulator.run(ParentMetaboliteModel.PARAMETERS, regimen, times);
        assertBalanced(trajectory, regimen);
    }

    static void assertBalanced(final Trajectory trajectory, final Regimen regimen) {
        for (int i = 0; i < trajectory.size(); i++) {
            final double t = trajectory.timesH()[i];
            final double dosed = trajectory.dosedMg()[i];
            assertThat(dosed).as("dosed amount at %s h", t).isCloseTo(regimen.administeredMgBy(t),
                    org.assertj.core.api.Assertions.within(1e-12 * (1 + dosed)));
            assertThat(Math.abs(trajectory.balanceMg()[i] - dosed))
                    .as("balance %s vs dosed %s mg at %s h", trajectory.balanceMg()[i], dosed, t)
                    .isLessThanOrEqualTo(RELATIVE * dosed + 1e-14);
        }
    }
}
