package org.ketasim.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ketasim.engine.Simulator;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.models.SessionCovariates;
import org.ketasim.population.PopulationSpec;
import org.ketasim.population.RatingNoise;
import org.ketasim.population.Scale;
import org.ketasim.population.VirtualPatient;
import org.ketasim.population.VirtualPopulation;

/**
 * Simulation-based validation of the forecast (issue 5): virtual patients of the {@code trd} population get
 * 0.5 mg/kg at 09:00 on days 0, 2 and 4; their MADRS is rated with rater noise at 08:00 on days 0, 1, 2 and 4;
 * their true (latent) MADRS at 08:00 on days 7, 10 and 14 is then forecast, personalised and population-only.
 * The truth comes from the same model, so this checks the estimator (coverage of its bands, gain over the
 * population prediction), not the model.
 */
public final class ForecastValidation {

    /** Days of the observed ratings. */
    public static final double[] OBSERVED_DAYS = {0, 1, 2, 4};
    /** Days of the forecast visits. */
    public static final double[] LATER_DAYS = {7, 10, 14};

    /**
     * What the experiment found.
     *
     * @param covered            forecast visits whose true score lies in the 90 % band
     * @param visits             forecast visits (patients × later days)
     * @param coveredByDay       covered visits per later day
     * @param rmsePersonalised   root-mean-square error of the personalised mean (MADRS points)
     * @param rmsePopulation     the same for the population-only prediction
     * @param msPerPatient       wall time per patient (fit, draws and forecast)
     */
    public record Result(int covered, int visits, int[] coveredByDay, double rmsePersonalised, double rmsePopulation,
                         double msPerPatient) {
        /** Fraction of visits covered by the 90 % band. */
        public double coverage() {
            return (double) covered / visits;
        }
    }

    private ForecastValidation() {
    }

    /**
     * Runs the experiment.
     *
     * @param patients how many virtual patients
     * @param draws    posterior draws per forecast
     * @param seed     population seed
     */
    public static Result run(Model model, SolverOptions solver, int patients, int draws, long seed) {
        Simulator sim = new Simulator(model.compile(), model.doseTargets(), solver);
        Forecaster forecaster = new Forecaster(model, solver);
        VirtualPopulation population = new VirtualPopulation(model, PopulationSpec.preset("trd"), seed);
        Forecaster.Options options = Forecaster.Options.defaults().withDraws(draws).withRecommend(false)
                .withHorizon(10, 1).withProbabilityDays(LATER_DAYS);
        double[] observedH = hours(OBSERVED_DAYS);
        double[] laterH = hours(LATER_DAYS);
        int covered = 0;
        int visits = 0;
        int[] coveredByDay = new int[LATER_DAYS.length];
        double sePersonal = 0;
        double sePopulation = 0;
        long t0 = System.nanoTime();
        for (int k = 0; k < patients; k++) {
            VirtualPatient vp = population.patient(k);
            double[] trueObserved = truth(model, sim, vp, observedH);
            var rng = vp.noiseStream();
            List<PatientRecord.Observation> obs = new ArrayList<>();
            for (int i = 0; i < observedH.length; i++) {
                obs.add(new PatientRecord.Observation(observedH[i], Scale.MADRS, RatingNoise.rate(Scale.MADRS, trueObserved[i], rng)));
            }
            Forecast f = forecaster.forecast(record(vp, obs), options);
            double[] trueLater = truth(model, sim, vp, laterH);
            for (int i = 0; i < laterH.length; i++) {
                Forecast.Point p = at(f.trajectory(), laterH[i] / 24);
                Forecast.Point q = at(f.population(), laterH[i] / 24);
                visits++;
                boolean in = trueLater[i] >= p.lo90() && trueLater[i] <= p.hi90();
                covered += in ? 1 : 0;
                coveredByDay[i] += in ? 1 : 0;
                sePersonal += (p.mean() - trueLater[i]) * (p.mean() - trueLater[i]);
                sePopulation += (q.mean() - trueLater[i]) * (q.mean() - trueLater[i]);
            }
        }
        return new Result(covered, visits, coveredByDay, Math.sqrt(sePersonal / visits), Math.sqrt(sePopulation / visits),
                (System.nanoTime() - t0) / 1e6 / patients);
    }

    /** 08:00 on each day, in hours. */
    private static double[] hours(double[] days) {
        double[] h = new double[days.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = 24 * days[i] + 8;
        }
        return h;
    }

    /** The patient's record: covariates, the course, and the rated scores. */
    static PatientRecord record(VirtualPatient vp, List<PatientRecord.Observation> obs) {
        return new PatientRecord(vp.covariates().weightKg(), vp.covariates().female(), vp.covariates().ageY(), "trd",
                Map.of("bmi", vp.covariates().bmi(), "cyp2b6_star6_alleles",
                        (double) vp.covariates().cyp2b6Star6Alleles(), "bdnf_met_alleles",
                        (double) vp.covariates().bdnfMetAlleles(), "family_history_aud",
                        vp.covariates().familyHistoryAud() ? 1.0 : 0.0), course(vp), obs);
    }

    /** 0.5 mg/kg ketamine hydrochloride over 40 min at 09:00 on days 0, 2 and 4. */
    static List<Dose> course(VirtualPatient vp) {
        List<Dose> doses = new ArrayList<>();
        for (int d : new int[] {0, 2, 4}) {
            doses.add(new Dose(Drug.KETAMINE, Route.IV, Salt.HCL.toBaseMg(0.5 * vp.covariates().weightKg()), 24 * d + 9, 40 / 60.0));
        }
        return doses;
    }

    /** True (latent) MADRS of the patient at the given times. */
    static double[] truth(Model model, Simulator sim, VirtualPatient vp, double[] timesH) {
        double[] p = vp.parameters();
        Regimen r = Regimen.of(course(vp));
        SessionCovariates.apply(model, p, r, 9, Set.of());
        return sim.run(p, r, timesH).output(model.outputIndex("madrs").getAsInt());
    }

    static Forecast.Point at(List<Forecast.Point> points, double day) {
        for (Forecast.Point p : points) {
            if (Math.abs(p.day() - day) < 1e-6) {
                return p;
            }
        }
        throw new IllegalStateException("no forecast point at day " + day);
    }
}
