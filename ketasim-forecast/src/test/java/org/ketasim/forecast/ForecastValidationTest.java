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
import org.ketasim.population.PopulationSpec;
import org.ketasim.population.RatingNoise;
import org.ketasim.population.Scale;
import org.ketasim.population.VirtualPatient;
import org.ketasim.population.VirtualPopulation;

/**
 * Simulation-based validation (issue 5): virtual trd patients get 0.5 mg/kg on days 0, 2, 4; noisy MADRS at
 * days 0 (pre-dose), 1, 2 (pre-dose) and 4 (pre-dose); their true scores at days 7, 10 and 14 are forecast.
 */
class ForecastValidationTest {

    static final Model MODEL = ModelLibrary.ketamine();
    static final int PATIENTS = 40;
    static final double[] OBS_DAYS = {0, 1, 2, 4};
    static final double[] LATER_DAYS = {7, 10, 14};

    /** A course of 0.5 mg/kg at 09:00 on days 0, 2, 4 and the rated MADRS of one virtual patient. */
    static PatientRecord record(VirtualPatient vp, List<PatientRecord.Observation> obs) {
        return new PatientRecord(vp.covariates().weightKg(), vp.covariates().female(), vp.covariates().ageY(), "trd",
                Map.of("bmi", vp.covariates().bmi(), "cyp2b6_star6_alleles",
                        (double) vp.covariates().cyp2b6Star6Alleles(), "bdnf_met_alleles",
                        (double) vp.covariates().bdnfMetAlleles(), "family_history_aud",
                        vp.covariates().familyHistoryAud() ? 1.0 : 0.0), course(vp), obs);
    }

    static List<Dose> course(VirtualPatient vp) {
        List<Dose> doses = new ArrayList<>();
        for (int d : new int[] {0, 2, 4}) {
            doses.add(new Dose(Drug.KETAMINE, Route.IV, Salt.HCL.toBaseMg(0.5 * vp.covariates().weightKg()),
                    24 * d + 9, 40 / 60.0));
        }
        return doses;
    }

    /** True (latent) MADRS at times. */
    static double[] truth(Simulator sim, VirtualPatient vp, double[] timesH) {
        double[] p = vp.parameters();
        Regimen r = Regimen.of(course(vp));
        SessionCovariates.apply(MODEL, p, r, 9, Set.of());
        return sim.run(p, r, timesH).output(MODEL.outputIndex("madrs").getAsInt());
    }

    @Test
    void bandsCoverTheTruthAndPersonalisationBeatsThePopulation() {
        Simulator sim = new Simulator(MODEL.compile(), MODEL.doseTargets(), SolverOptions.defaults());
        Forecaster forecaster = new Forecaster(MODEL, SolverOptions.defaults());
        VirtualPopulation pop = new VirtualPopulation(MODEL, PopulationSpec.preset("trd"),
                Long.getLong("ketasim.forecast.validationSeed", 5));
        int draws = Integer.getInteger("ketasim.forecast.validationDraws", 100);
        Forecaster.Options o = Forecaster.Options.defaults().withDraws(draws).withRecommend(false)
                .withHorizon(10, 1).withProbabilityDays(LATER_DAYS);
        int covered = 0;
        int n = 0;
        int[] coveredAt = new int[LATER_DAYS.length];
        double sePersonal = 0;
        double sePopulation = 0;
        long t0 = System.nanoTime();
        for (int k = 0; k < PATIENTS; k++) {
            VirtualPatient vp = pop.patient(k);
            double[] obsT = new double[OBS_DAYS.length];
            for (int i = 0; i < obsT.length; i++) {
                obsT[i] = 24 * OBS_DAYS[i] + 8;
            }
            double[] trueObs = truth(sim, vp, obsT);
            var rng = vp.noiseStream();
            List<PatientRecord.Observation> obs = new ArrayList<>();
            for (int i = 0; i < obsT.length; i++) {
                obs.add(new PatientRecord.Observation(obsT[i], Scale.MADRS, RatingNoise.rate(Scale.MADRS, trueObs[i], rng)));
            }
            Forecast f = forecaster.forecast(record(vp, obs), o);
            double[] laterT = new double[LATER_DAYS.length];
            for (int i = 0; i < laterT.length; i++) {
                laterT[i] = 24 * LATER_DAYS[i] + 8;
            }
            double[] trueLater = truth(sim, vp, laterT);
            for (int i = 0; i < LATER_DAYS.length; i++) {
                Forecast.Point p = at(f.trajectory(), laterT[i] / 24);
                Forecast.Point q = at(f.population(), laterT[i] / 24);
                n++;
                boolean in = trueLater[i] >= p.lo90() && trueLater[i] <= p.hi90();
                covered += in ? 1 : 0;
                coveredAt[i] += in ? 1 : 0;
                sePersonal += Math.pow(p.mean() - trueLater[i], 2);
                sePopulation += Math.pow(q.mean() - trueLater[i], 2);
            }
        }
        double rmseP = Math.sqrt(sePersonal / n);
        double rmseQ = Math.sqrt(sePopulation / n);
        System.out.printf("coverage %d/%d = %.3f; RMSE personalised %.2f, population-only %.2f; %.0f ms/patient%n",
                covered, n, (double) covered / n, rmseP, rmseQ, (System.nanoTime() - t0) / 1e6 / PATIENTS);
        System.out.printf("covered per visit (days %s): %s of %d%n", java.util.Arrays.toString(LATER_DAYS),
                java.util.Arrays.toString(coveredAt), PATIENTS);
        // 90 % bands: 120 visits, binomial 99 % range at p = 0.9 is 100-116 of 120 (0.83-0.97); the test fails
        // outside it (visits of one patient are correlated, so this is if anything strict)
        assertThat((double) covered / n).as("coverage %d/%d", covered, n).isBetween(0.83, 0.97);
        assertThat(rmseP).as("RMSE personalised %.2f vs population-only %.2f", rmseP, rmseQ)
                .isLessThan(0.7 * rmseQ);
    }

    static Forecast.Point at(List<Forecast.Point> points, double day) {
        for (Forecast.Point p : points) {
            if (Math.abs(p.day() - day) < 1e-6) {
                return p;
            }
        }
        throw new AssertionError("no point at day " + day + " in " + points.size());
    }
}
