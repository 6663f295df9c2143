package org.ketasim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.forecast.Forecast;
import org.ketasim.forecast.Forecaster;
import org.ketasim.forecast.PatientFile;
import org.ketasim.forecast.PatientFileException;
import org.ketasim.forecast.PatientRecord;
import org.ketasim.models.ModelLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim forecast}: individualises the population model from a patient's own scores (MAP + Laplace), then
 * forecasts the course with a 90 % band, P(response/remission), the relapse day, and recommends the next session.
 * Decision support only.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Personalised forecast from a patient's scores: trajectory with a 90%% band, P(response), "
                + "relapse day and the next session (decision support; docs/forecast.md).")
final class ForecastCommand implements Callable<Integer> {

    @Option(names = "--patient", required = true, paramLabel = "FILE", description = "Patient file (JSON; see docs/forecast.md).")
    Path patient;

    @Option(names = "--out", paramLabel = "FILE", description = "Forecast JSON (default: standard output).")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "Plot (.png or .svg): observations, 90%% band, population-only prediction dashed.")
    Path plot;

    @Option(names = "--draws", paramLabel = "N", description = "Posterior draws (default ${DEFAULT-VALUE}).", defaultValue = "100")
    int draws = 100;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the posterior draws (default ${DEFAULT-VALUE}).", defaultValue = "20261124")
    long seed = 20261124L;

    @Option(names = "--horizon", paramLabel = "DAYS", description = "Days forecast after the last dose or score (default ${DEFAULT-VALUE}).", defaultValue = "28")
    int horizon = 28;

    @Option(names = "--step", paramLabel = "DAYS", description = "Spacing of the trajectory in days (default ${DEFAULT-VALUE}).", defaultValue = "0.25")
    double step = 0.25;

    @Option(names = "--at", split = ",", paramLabel = "DAY", description = "Days for P(response)/P(remission) (default: last event + 7, 14, 28).")
    double[] at = new double[0];

    @Option(names = "--doses", split = ",", paramLabel = "MG_PER_KG", description = "Candidate doses in mg/kg (default ${DEFAULT-VALUE}).", defaultValue = "0.5,0.75,1.0")
    double[] doses = {0.5, 0.75, 1.0};

    @Option(names = "--max-per-week", paramLabel = "N", description = "At most N sessions in any 7 days (default ${DEFAULT-VALUE}).", defaultValue = "3")
    int maxPerWeek = 3;

    @Option(names = "--within", paramLabel = "DAYS", description = "Candidate next sessions 1..DAYS days after the last event (default ${DEFAULT-VALUE}).", defaultValue = "7")
    int within = 7;

    @Option(names = "--no-recommend", description = "Forecast only, no recommendation.")
    boolean noRecommend;

    @Option(names = "--estimate", split = ",", paramLabel = "PARAM", description = "Parameters to individualise (default ${DEFAULT-VALUE}); any with between-subject variability.", defaultValue = "w_T,w_S,Pl")
    List<String> estimate = Forecaster.DEFAULT_ESTIMATED;

    @Override
    public Integer call() throws IOException {
        if (draws < 10 || draws > 100_000) {
            throw new UserInputException("--draws must be 10-100000, got " + draws);
        }
        if (horizon < 1 || horizon > 365) {
            throw new UserInputException("--horizon must be 1-365 days, got " + horizon);
        }
        if (!(step >= 1.0 / 24 && step <= 7)) {
            throw new UserInputException("--step must be 1/24-7 days, got " + step);
        }
        for (double d : doses) {
            if (!(d > 0 && d <= 5)) {
                throw new UserInputException("--doses: each must be > 0 and <= 5 mg/kg, got " + d);
            }
        }
        if (maxPerWeek < 1 || maxPerWeek > 7) {
            throw new UserInputException("--max-per-week must be 1-7, got " + maxPerWeek);
        }
        if (within < 1 || within > 28) {
            throw new UserInputException("--within must be 1-28 days, got " + within);
        }
        if (plot != null) {
            StackedCharts.checkExtension(plot);
        }
        PatientRecord record;
        try {
            record = PatientFile.read(patient);
        } catch (PatientFileException e) {
            throw new UserInputException(patient + ": " + e.getMessage());
        }
        Forecaster.Options o = Forecaster.Options.defaults().withDraws(draws).withRecommend(!noRecommend)
                .withHorizon(horizon, step).withProbabilityDays(at).withLimits(doses, within, maxPerWeek)
                .withEstimated(estimate).withSeed(seed);
        Forecast f = new Forecaster(ModelLibrary.ketamine(), SolverOptions.defaults()).forecast(record, o);
        String json = f.toJson();
        if (out == null) {
            System.out.println(json);
        } else {
            Files2.writeAtomically(out, w -> w.write(json + "\n"));
            System.err.println("forecast written to " + out + (f.recommendation() != null
                    && f.recommendation().nextDay() != null ? "; suggested next session: day "
                    + f.recommendation().nextDay() + " at " + f.recommendation().doseMgPerKg() + " mg/kg" : "")
                    + " (decision support only)");
        }
        if (plot != null) {
            ForecastPlot.write(record, f, plot);
        }
        return 0;
    }
}
