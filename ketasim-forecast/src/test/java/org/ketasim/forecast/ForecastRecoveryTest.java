package org.ketasim.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ketasim.engine.Simulator;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.models.ModelLibrary;
import org.ketasim.models.SessionCovariates;
import org.ketasim.population.Crosswalk;
import org.ketasim.population.Scale;

/** MAP recovers known random effects and baseline from noiseless scores (MADRS and, through the crosswalk, PHQ-9). */
class ForecastRecoveryTest {

    static final Model MODEL = ModelLibrary.ketamine();

    @Test
    void mapRecoversKnownEtasFromNoiselessData() {
        double weight = 70;
        List<Dose> doses = new ArrayList<>();
        for (int d : new int[] {0, 2, 4, 7, 9, 11}) {
            doses.add(new Dose(Drug.KETAMINE, Route.IV, Salt.HCL.toBaseMg(0.5 * weight), 24 * d + 9, 40 / 60.0));
        }
        PatientRecord shell = new PatientRecord(weight, true, 40, "trd", Map.of(), doses, List.of(
                new PatientRecord.Observation(8, Scale.MADRS, 30)));
        Forecaster f = new Forecaster(MODEL, SolverOptions.defaults());
        Forecaster.Problem pb = f.new Problem(shell, Forecaster.DEFAULT_ESTIMATED);
        double[] trueTheta = {0.5, -0.4, 0.6, 0.45};                // z of w_T, w_S, Pl; z of MADRS0
        double m0 = pb.m0(trueTheta[3]);
        double[] times = new double[12];
        for (int i = 0; i < times.length; i++) {
            times[i] = 8 + 24 * (i == 0 ? 0 : i + (i > 6 ? 3 : 0));   // days 0-6, then 10-14, pre-dose 08:00
        }
        double[] y1 = pb.unitMadrs(pb.zAll(trueTheta), Regimen.of(doses), times);
        List<PatientRecord.Observation> obs = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            Scale s = i % 3 == 2 ? Scale.PHQ9 : Scale.MADRS;
            obs.add(new PatientRecord.Observation(times[i], s, Crosswalk.fromMadrs(s, m0 * y1[i])));
        }
        Forecaster.Posterior post = f.individualise(shell.withObservations(obs), Forecaster.DEFAULT_ESTIMATED);
        System.out.printf("true %s MAP %s sd %.3f %.3f %.3f %.3f (%s, %d sims)%n",
                java.util.Arrays.toString(trueTheta), java.util.Arrays.toString(post.map()),
                Math.sqrt(post.covariance()[0][0]), Math.sqrt(post.covariance()[1][1]),
                Math.sqrt(post.covariance()[2][2]), Math.sqrt(post.covariance()[3][3]), post.laplace(),
                post.simulations());
        for (int k = 0; k < trueTheta.length; k++) {
            double sd = Math.sqrt(post.covariance()[k][k]);
            assertThat(post.map()[k]).as(post.names().get(k)).isCloseTo(trueTheta[k],
                    org.assertj.core.data.Offset.offset(Math.max(0.1, 2 * sd)));
            assertThat(sd).as(post.names().get(k) + " posterior SD < prior SD").isLessThan(1);
        }
        assertThat(post.madrs0()).isCloseTo(m0, org.assertj.core.data.Offset.offset(1.5));
    }
}
