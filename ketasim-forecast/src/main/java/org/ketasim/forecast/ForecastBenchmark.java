package org.ketasim.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.models.ModelLibrary;
import org.ketasim.population.Scale;

/**
 * Timing of one forecast for a patient with 12 observations (6 sessions over 2 weeks), after warm-up, in this JVM:
 * <pre>
 * mvn -B -q -o -pl ketasim-cli -am package -DskipTests
 * java -cp ketasim-cli/target/ketasim.jar org.ketasim.forecast.ForecastBenchmark [runs]
 * </pre>
 * Prints the median wall time of: the fit (MAP + Laplace), the forecast with 100 and 200 draws (no
 * recommendation), and with the recommendation (100 draws: the command's default).
 */
public final class ForecastBenchmark {

    private ForecastBenchmark() {
    }

    /** @return the benchmark patient: 80 kg, 0.5 mg/kg on days 0, 2, 4, 7, 9, 11; 12 MADRS/PHQ-9 scores */
    public static PatientRecord patient() {
        List<Dose> doses = new ArrayList<>();
        for (int d : new int[] {0, 2, 4, 7, 9, 11}) {
            doses.add(new Dose(Drug.KETAMINE, Route.IV, Salt.HCL.toBaseMg(40), 24 * d + 9, 40 / 60.0));
        }
        double[][] obs = {{0, 33}, {1, 19}, {2, 21}, {3, 17}, {4, 18}, {5, 14}, {7, 16}, {8, 12}, {9, 13}, {10, 11},
            {11, 12}, {13, 6}};
        List<PatientRecord.Observation> o = new ArrayList<>();
        for (double[] x : obs) {
            Scale s = x[0] == 13 ? Scale.PHQ9 : Scale.MADRS;
            o.add(new PatientRecord.Observation(24 * x[0] + 8.5, s, x[1]));
        }
        return new PatientRecord(80, true, 41, "trd", java.util.Map.of(), doses, o);
    }

    /**
     * @param args optional number of timed runs (default 5)
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Forecaster f = new Forecaster(ModelLibrary.ketamine(), SolverOptions.defaults());
        PatientRecord p = patient();
        Forecaster.Options base = Forecaster.Options.defaults();
        String[] names = {"fit (MAP + Laplace)", "forecast, 100 draws", "forecast, 200 draws",
            "forecast, 100 draws + recommendation", "forecast, 200 draws + recommendation"};
        Runnable[] work = {
            () -> f.individualise(p, Forecaster.DEFAULT_ESTIMATED),
            () -> f.forecast(p, base.withDraws(100).withRecommend(false)),
            () -> f.forecast(p, base.withDraws(200).withRecommend(false)),
            () -> f.forecast(p, base.withDraws(100)),
            () -> f.forecast(p, base.withDraws(200))};
        for (int w = 0; w < 3; w++) {
            for (Runnable r : work) {
                r.run();
            }
        }
        for (int k = 0; k < work.length; k++) {
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                work[k].run();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-40s median %7.0f ms (min %.0f, max %.0f, %d runs, %d cores)%n", names[k],
                    ms[runs / 2], ms[0], ms[runs - 1], runs, Runtime.getRuntime().availableProcessors());
        }
    }
}
