package org.ketasim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.engine.testing.OneCompartmentModel;
import org.ketasim.engine.testing.TestModel;
import org.ketasim.lang.DoseTarget;

class SimulatorTest {

    private static final OneCompartmentModel ONE = new OneCompartmentModel();
    private static final double[] CL_V = {10, 50};
    private static final double K = 0.2;

    private static Simulator oneCompartment(final SolverMethod method) {
        return new Simulator(ONE, ONE.targets(), SolverOptions.of(method).withTolerances(1e-10, 1e-12));
    }

    /** Separate S and R amounts, each eliminated at 0.3/h; iv S, iv R, sublingual S. */
    static class EnantiomerModel extends TestModel {
        EnantiomerModel() {
            super(2, 0, List.of(target("iv", "S", "A_S", 0, 0), target("iv", "R", "A_R", 1, 1),
                    target("sublingual", "S", "A_S", 0, 2)));
        }

        @Override
        public void derivatives(final double t, final double[] y, final double[] p, final double[] d, final double[] dydt) {
            dydt[0] = -0.3 * y[0];
            dydt[1] = -0.3 * y[1];
        }

        @Override
        public void doseFractions(final double[] p, final double[] d, final double[] fractions) {
            fractions[0] = 1;
            fractions[1] = 1;
            fractions[2] = 0.25;
        }
    }

    /** A drug amount and a score at baseline Y0 = 32 that the drug lowers: dY/dt = 0.35 (32 (1 − A/(A+10)) − Y). */
    static final class BaselineModel extends TestModel {
        BaselineModel() {
            super(2, 0, List.of(target("iv", "S", "A", 0, 0), target("iv", "R", "A", 0, 1)));
        }

        @Override
        public void initialState(final double[] p, final double[] d, final double[] y0) {
            y0[0] = 0;
            y0[1] = 32;
        }

        @Override
        public void derivatives(final double t, final double[] y, final double[] p, final double[] d, final double[] dydt) {
            dydt[0] = -0.5 * y[0];
            dydt[1] = 0.35 * (32 * (1 - y[0] / (y[0] + 10)) - y[1]);
        }
    }

    @Test
    void racemicKetamineSendsHalfToEachEnantiomer() {
        final EnantiomerModel model = new EnantiomerModel();
        final Simulator simulator = new Simulator(model, model.targets(), SolverOptions.defaults());
        final Trajectory racemic = simulator.run(new double[0], Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IV, 100, 1)),
                new double[] {1, 3});
        assertThat(racemic.states()[0]).containsExactly(50.0, 50.0);
        assertThat(racemic.states()[1][0]).isCloseTo(50 * Math.exp(-0.6), within(1e-5));
        final Trajectory pure = simulator.run(new double[0], Regimen.of(
                Dose.bolus(Drug.ESKETAMINE, Route.IV, 100, 1), Dose.bolus(Drug.ARKETAMINE, Route.IV, 30, 1),
                Dose.bolus(Drug.ESKETAMINE, Route.SUBLINGUAL, 40, 1)), new double[] {1});
        assertThat(pure.states()[0]).containsExactly(100.0 + 0.25 * 40, 30.0);
        assertThat(pure.dosedMg()[0]).isEqualTo(170);
    }

    @Test
    void missingDosingTargetIsReportedWithTheModelsList() {
        final EnantiomerModel model = new EnantiomerModel();
        final Simulator simulator = new Simulator(model, model.targets(), SolverOptions.defaults());
        assertThat(simulator.supports(Route.SUBLINGUAL, Drug.ESKETAMINE)).isTrue();
        assertThat(simulator.supports(Route.SUBLINGUAL, Drug.KETAMINE)).isFalse();
        final Regimen sublingualRacemate = Regimen.of(Dose.bolus(Drug.KETAMINE, Route.SUBLINGUAL, 50, 0));
        assertThatThrownBy(() -> simulator.run(new double[0], sublingualRacemate, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model has no dosing target for sublingual R; the model's [dosing] block lists: iv S, iv R, sublingual S");
        assertThatThrownBy(() -> oneCompartment(SolverMethod.ROS34PW2).check(Regimen.of(Dose.bolus(Drug.ESKETAMINE, Route.ORAL, 5, 0))))
                .hasMessage("model has no dosing target for oral S; the model's [dosing] block lists: iv S, iv R");
    }

    @Test
    void badTargetsAreRejectedWhenTheSimulatorIsBuilt() {
        assertThatThrownBy(() -> new Simulator(ONE, List.of(new DoseTarget("rectal", "S", "A", 0, 0)), SolverOptions.defaults()))
                .hasMessageStartingWith("unknown route keyword 'rectal' in the model's [dosing] block");
        assertThatThrownBy(() -> new Simulator(ONE, List.of(new DoseTarget("iv", "X", "A", 0, 0)), SolverOptions.defaults()))
                .hasMessage("unknown enantiomer 'X' in the model's [dosing] block; valid: S, R");
        assertThatThrownBy(() -> new Simulator(ONE, List.of(new DoseTarget("iv", "S", "A", 3, 0)), SolverOptions.defaults()))
                .hasMessage("dosing target iv S -> A points at state index 3, but the model has 1 states");
        assertThatThrownBy(() -> new Simulator(ONE, List.of(new DoseTarget("iv", "S", "A", 0, 5)), SolverOptions.defaults()))
                .hasMessage("dosing target iv S -> A uses fraction slot 5, but the model declares 2 dosing targets");
    }

    @Test
    void badRunArgumentsAreRejected() {
        final Simulator simulator = oneCompartment(SolverMethod.ROS34PW2);
        final Regimen regimen = Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IV, 10, 0));
        assertThatThrownBy(() -> simulator.run(new double[] {1}, regimen, new double[] {1}))
                .hasMessage("model expects 2 parameters, got 1");
        assertThatThrownBy(() -> simulator.run(CL_V, regimen, new double[] {1, Double.NaN}))
                .hasMessage("output times must be finite and >= 0 h, got NaN at position 1");
        assertThatThrownBy(() -> simulator.run(CL_V, regimen, new double[] {-1}))
                .hasMessage("output times must be finite and >= 0 h, got -1.0 at position 0");
        final TestModel nanFraction = new EnantiomerModel() {
            @Override
            public void doseFractions(final double[] p, final double[] d, final double[] fractions) {
                fractions[0] = Double.NaN;
            }
        };
        assertThatThrownBy(() -> new Simulator(nanFraction, nanFraction.targets(), SolverOptions.defaults())
                .run(new double[0], regimen, new double[] {1}))
                .hasMessage("dose fraction 0 of the model's [dosing] block is NaN for these parameters");
    }

    @ParameterizedTest
    @EnumSource(SolverMethod.class)
    void timesBeforeTheFirstDoseReportTheInitialState(final SolverMethod method) {
        final BaselineModel model = new BaselineModel();
        final Simulator simulator = new Simulator(model, model.targets(), SolverOptions.of(method));
        final Trajectory trajectory = simulator.run(new double[0],
                Regimen.of(Dose.infusion(Drug.KETAMINE, Route.IV, 35, 24, 2 / 3.0)), new double[] {0, 1, 12, 23.99, 24, 30});
        for (int i = 0; i < 5; i++) {
            assertThat(trajectory.states()[i]).as("t = %s", trajectory.timesH()[i]).containsExactly(0.0, 32.0);
            assertThat(trajectory.dosedMg()[i]).isZero();
        }
        assertThat(trajectory.states()[5][1]).isLessThan(32);
        assertThat(java.util.Arrays.stream(trajectory.balanceMg()).allMatch(Double::isNaN)).isTrue();
        assertThat(trajectory.maxBalanceErrorMg()).isNaN();
    }

    @ParameterizedTest
    @EnumSource(SolverMethod.class)
    void aTimeExactlyAtABolusReportsTheStateAfterIt(final SolverMethod method) {
        final Regimen regimen = Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IV, 100, 0),
                Dose.bolus(Drug.KETAMINE, Route.IV, 100, 5));
        final Trajectory trajectory = oneCompartment(method).run(CL_V, regimen, new double[] {0, 5, 10});
        assertThat(trajectory.states()[0][0]).isEqualTo(100.0);
        assertThat(trajectory.states()[1][0]).isCloseTo(100 + 100 * Math.exp(-K * 5), within(1e-6));
        assertThat(trajectory.states()[2][0]).isCloseTo(100 * Math.exp(-K * 5) + 100 * Math.exp(-K * 10), within(1e-6));
        assertThat(trajectory.dosedMg()).containsExactly(100, 200, 200);
        // concentration output in ng/mL: mg / L × 1000
        assertThat(trajectory.outputs()[0][1]).isEqualTo(100 / 50.0 * 1000);
    }

    @ParameterizedTest
    @EnumSource(SolverMethod.class)
    void aTimeExactlyAtAnInfusionEndSeesTheWholeInfusion(final SolverMethod method) {
        // 60 mg over 3 h from 1 h: A(end) = R/k (1 − e^{−k·3}), R = 20 mg/h; the state is continuous there.
        final double end = 1 + 3;
        final Regimen regimen = Regimen.of(Dose.infusion(Drug.ESKETAMINE, Route.IV, 60, 1, 3));
        final Trajectory trajectory = oneCompartment(method).run(CL_V, regimen, new double[] {end - 1e-9, end, end + 1e-9, 2.5});
        final double exact = 20 / K * -Math.expm1(-K * 3);
        assertThat(trajectory.states()[1][0]).isCloseTo(exact, within(1e-7));
        assertThat(trajectory.states()[0][0]).isCloseTo(exact, within(1e-7));
        assertThat(trajectory.states()[2][0]).isCloseTo(exact, within(1e-7));
        assertThat(trajectory.dosedMg()[1]).isEqualTo(60);
        assertThat(trajectory.dosedMg()[3]).isCloseTo(30, within(1e-12));
        assertThat(trajectory.states()[3][0]).isCloseTo(20 / K * -Math.expm1(-K * 1.5), within(1e-7));
    }

    @Test
    void unsortedAndRepeatedTimesComeBackInTheRequestedOrder() {
        final Simulator simulator = oneCompartment(SolverMethod.DORMAND_PRINCE_54);
        final Regimen regimen = Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IV, 100, 2));
        final double[] times = {7, 0.5, 3, 7, 2};
        final Trajectory trajectory = simulator.run(CL_V, regimen, times);
        assertThat(trajectory.timesH()).containsExactly(times);
        final double[] expected = {100 * Math.exp(-K * 5), 0, 100 * Math.exp(-K), 100 * Math.exp(-K * 5), 100};
        for (int i = 0; i < times.length; i++) {
            assertThat(trajectory.states()[i][0]).isCloseTo(expected[i], within(1e-7));
        }
        assertThat(trajectory.state(0)).containsExactly(IntStream.range(0, 5).mapToDouble(i -> trajectory.states()[i][0]).toArray());
        assertThat(trajectory.output(1)[4]).isEqualTo(2000);
        assertThat(trajectory.dosedMg()).containsExactly(100, 0, 100, 100, 100);
    }

    @Test
    void noTimesMeansNoWork() {
        final Trajectory trajectory = oneCompartment(SolverMethod.RODAS4)
                .run(CL_V, Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IV, 1, 0)), new double[0]);
        assertThat(trajectory.size()).isZero();
        assertThat(trajectory.statistics().rhsEvaluations()).isZero();
        assertThat(trajectory.maxBalanceErrorMg()).isZero();
    }

    @Test
    void dosesAfterTheLastTimeAreNotSimulated() {
        final Trajectory trajectory = oneCompartment(SolverMethod.ROS34PW2).run(CL_V,
                Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IV, 10, 1), Dose.bolus(Drug.KETAMINE, Route.IV, 10, 100)),
                new double[] {2});
        assertThat(trajectory.states()[0][0]).isCloseTo(10 * Math.exp(-K), within(1e-6));
        assertThat(trajectory.statistics().segments()).isEqualTo(2);
    }

    @Test
    void oneSimulatorServesManyThreads() {
        final Simulator simulator = oneCompartment(SolverMethod.ROS34PW2);
        final Regimen regimen = Regimen.builder().dose(35, Drug.KETAMINE, Route.IV).overHours(0.5).onDays(0, 1, 2).build();
        final double[] times = org.ketasim.engine.testing.ReferenceProblem.grid(0, 96, 0.5);
        final double[][] serial = IntStream.range(0, 16)
                .mapToObj(i -> simulator.run(new double[] {5 + i, 50}, regimen, times).state(0)).toArray(double[][]::new);
        final double[][] parallel = IntStream.range(0, 16).parallel()
                .mapToObj(i -> simulator.run(new double[] {5 + i, 50}, regimen, times).state(0)).toArray(double[][]::new);
        assertThat(parallel).isDeepEqualTo(serial);
    }

    @Test
    void withOptionsKeepsTheModel() {
        final Simulator simulator = oneCompartment(SolverMethod.ROS34PW2);
        final Simulator other = simulator.withOptions(SolverOptions.of(SolverMethod.DORMAND_PRINCE_853));
        assertThat(other.options().method()).isEqualTo(SolverMethod.DORMAND_PRINCE_853);
        final Regimen regimen = Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IV, 10, 0));
        assertThat(other.run(CL_V, regimen, new double[] {3}).states()[0][0]).isCloseTo(10 * Math.exp(-0.6), within(1e-7));
    }
}
