package org.ketasim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.engine.testing.ParentMetaboliteModel;

/** Random regimens (any route the model accepts, boluses and infusions, overlaps, coincident times). */
class MassBalanceProperties {

    private static final ParentMetaboliteModel MODEL = new ParentMetaboliteModel();

    /** The route/drug pairs the model can receive. */
    private static final Object[][] ACCEPTED = {
        {Route.IV, Drug.KETAMINE}, {Route.IV, Drug.ESKETAMINE}, {Route.IV, Drug.ARKETAMINE},
        {Route.ORAL, Drug.KETAMINE}, {Route.ORAL, Drug.ESKETAMINE}, {Route.ORAL, Drug.ARKETAMINE},
        {Route.INTRANASAL, Drug.ESKETAMINE}, {Route.SC, Drug.ARKETAMINE},
    };

    @Property(tries = 60)
    void randomRegimensKeepMassBalance(@ForAll("doses") @Size(min = 1, max = 8) final List<Dose> doses,
                                       @ForAll final SolverMethod method) {
        final Regimen regimen = Regimen.of(doses);
        final List<Double> times = new ArrayList<>();
        DoubleStream.iterate(0, t -> t + 1.5).limit(80).forEach(times::add);
        for (final Dose dose : doses) {
            times.add(dose.startH());
            times.add(dose.endH());
        }
        final Trajectory trajectory = new Simulator(MODEL, MODEL.targets(), SolverOptions.of(method))
                .run(ParentMetaboliteModel.PARAMETERS, regimen, times.stream().mapToDouble(Double::doubleValue).toArray());
        MassBalanceTest.assertBalanced(trajectory, regimen);
    }

    @Provide
    Arbitrary<List<Dose>> doses() {
        final Arbitrary<Integer> pair = Arbitraries.integers().between(0, ACCEPTED.length - 1);
        final Arbitrary<Double> amount = Arbitraries.doubles().between(0.1, 500);
        // quarter hours, so that doses often coincide with each other and with the grid
        final Arbitrary<Double> start = Arbitraries.integers().between(0, 400).map(q -> q / 4.0);
        final Arbitrary<Double> duration = Arbitraries.oneOf(Arbitraries.just(0.0),
                Arbitraries.integers().between(1, 48).map(q -> q / 4.0), Arbitraries.doubles().between(0.01, 12));
        return Combinators.combine(pair, amount, start, duration)
                .as((p, a, s, d) -> new Dose((Drug) ACCEPTED[p][1], (Route) ACCEPTED[p][0], a, s, d))
                .list();
    }
}
