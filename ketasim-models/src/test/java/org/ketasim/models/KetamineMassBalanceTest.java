package org.ketasim.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.Trajectory;
import org.ketasim.models.KetamineRuns.Course;

import java.util.stream.Stream;

/**
 * Conservation of drug in the ketamine model: for every route and product, the amount dosed equals the
 * amount in the body (parent and metabolites, in ketamine-base equivalents) plus the amount eliminated,
 * to 1e-9 relative, at every output time, over repeated and overlapping doses.
 */
class KetamineMassBalanceTest {

    static Stream<Arguments> courses() {
        return Stream.of(Route.values()).flatMap(route -> Stream.of(Drug.values()).map(drug -> Arguments.of(drug, route)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("courses")
    void dosedEqualsBodyPlusEliminated(Drug drug, Route route) {
        double duration = route == Route.IV ? 40.0 / 60 : 0;
        // three sessions, the last two overlapping when infused
        Course course = new Course(drug, route, 30, duration, 0, 24, 24.5);
        Trajectory tr = KetamineRuns.run(course, 72, 0.1).trajectory();
        for (int i = 0; i < tr.timesH().length; i++) {
            double dosed = tr.dosedMg()[i];
            double balance = tr.balanceMg()[i];
            if (dosed == 0) {
                assertThat(Math.abs(balance)).isLessThan(1e-12);
            } else {
                assertThat(Math.abs(balance - dosed) / dosed).as("t = %.2f h", tr.timesH()[i]).isLessThan(1e-9);
            }
        }
        assertThat(tr.dosedMg()[tr.timesH().length - 1]).isEqualTo(90.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
