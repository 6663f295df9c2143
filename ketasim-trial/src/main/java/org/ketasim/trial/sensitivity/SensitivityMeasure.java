package org.ketasim.trial.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.ketasim.engine.Simulator;
import org.ketasim.engine.Trajectory;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.models.SessionCovariates;

/**
 * Scalar outputs of the typical patient (the model's covariate values: 70 kg) that global sensitivity
 * analysis screens. Both use 0.5 mg/kg racemic ketamine HCl IV over 40 min.
 */
public enum SensitivityMeasure {

    /** MADRS 24 h after the start of one standard infusion minus the baseline MADRS (negative = improvement). */
    MADRS_CHANGE_24H("madrs_change_24h", "MADRS change from baseline at 24 h after one infusion (points)"),

    /**
     * Six infusions on days 0, 2, 4, 7, 9 and 11: the first time (days, linearly interpolated on a 2-hour
     * grid) after the end of the last infusion at which MADRS exceeds half its baseline, capped at 60; a
     * patient above half the baseline right after the last infusion (no response) scores 11.
     */
    RELAPSE_DAY("relapse_day", "day of relapse (MADRS > 50 % of baseline) after six infusions, days 11..60");

    private static final double INFUSION_H = 40 / 60.0;
    private static final double MG_PER_KG = 0.5;
    private static final double CAP_DAYS = 60;
    private static final double[] SESSION_DAYS = {0, 2, 4, 7, 9, 11};

    private final String id;
    private final String description;

    SensitivityMeasure(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** @return the name used on the command line */
    public String id() {
        return id;
    }

    /** @return a one-line description with the unit */
    public String description() {
        return description;
    }

    /**
     * @param id a measure's name ({@code madrs_change_24h} or {@code relapse_day})
     * @return the measure
     * @throws IllegalArgumentException if none has that name
     */
    public static SensitivityMeasure of(String id) {
        for (SensitivityMeasure m : values()) {
            if (m.id.equals(id.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("measure '" + id + "' is not known; use madrs_change_24h or relapse_day");
    }

    /**
     * The measure as a function of the factors' values (declared units), for {@link Morris#run}. Every other
     * entry of the parameter vector keeps the model's value; the session covariates are set for each vector.
     * The function is thread-safe.
     *
     * @param model   a model with a {@code madrs} output and the ketamine dosing targets
     * @param factors the factors, in the order of the values passed to the function
     * @return the function
     */
    public ToDoubleFunction<double[]> function(Model model, List<Morris.Factor> factors) {
        return function(model, factors, SolverOptions.defaults());
    }

    /**
     * As {@link #function(Model, List)}, with other solver options. The model is compiled once, here; the
     * function can then be called for any number of points.
     *
     * @param model   a model with a {@code madrs} output and the ketamine dosing targets
     * @param factors the factors, in the order of the values passed to the function
     * @param options solver options
     * @return the function
     */
    public ToDoubleFunction<double[]> function(Model model, List<Morris.Factor> factors, SolverOptions options) {
        int madrs = model.outputIndex("madrs").orElseThrow(
                () -> new IllegalArgumentException("model " + model.name() + " has no output 'madrs'"));
        double weightKg = model.parameter("WT").map(p -> p.value()).orElse(70.0);
        Simulator sim = new Simulator(model.compile(), model.doseTargets(), options);
        double[] base = model.defaultParameters();
        double mg = Salt.HCL.toBaseMg(MG_PER_KG * weightKg);
        List<Dose> doses = new ArrayList<>();
        double[] sessions = this == MADRS_CHANGE_24H ? new double[] {0} : SESSION_DAYS;
        for (double d : sessions) {
            doses.add(new Dose(Drug.KETAMINE, Route.IV, mg, 24 * d, INFUSION_H));
        }
        Regimen regimen = Regimen.of(doses);
        double[] times;
        if (this == MADRS_CHANGE_24H) {
            times = new double[] {0, 24};
        } else {
            double startH = 24 * SESSION_DAYS[SESSION_DAYS.length - 1] + INFUSION_H;
            int n = (int) Math.round((24 * CAP_DAYS - startH) / 2) + 1;
            times = new double[n + 1];
            times[0] = 0;
            for (int i = 1; i <= n; i++) {
                times[i] = Math.min(startH + 2.0 * (i - 1), 24 * CAP_DAYS);
            }
        }
        return values -> {
            double[] p = base.clone();
            for (int i = 0; i < values.length; i++) {
                Morris.Factor f = factors.get(i);
                p[f.index()] = model.parameters().get(f.index()).unit().toCanonical(values[i]);
            }
            SessionCovariates.apply(model, p, regimen, 0, Set.of());
            Trajectory tr = sim.run(p, regimen, times);
            double[][] out = tr.outputs();
            double y0 = out[0][madrs];
            if (this == MADRS_CHANGE_24H) {
                return out[1][madrs] - y0;
            }
            double threshold = y0 / 2;
            if (out[1][madrs] > threshold) {
                return SESSION_DAYS[SESSION_DAYS.length - 1];
            }
            for (int i = 2; i < times.length; i++) {
                double a = out[i - 1][madrs];
                double b = out[i][madrs];
                if (b > threshold) {
                    double t = times[i - 1] + (threshold - a) / (b - a) * (times[i] - times[i - 1]);
                    return t / 24;
                }
            }
            return CAP_DAYS;
        };
    }
}
