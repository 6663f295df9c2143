package org.ketasim.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.engine.Simulator;
import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.engine.Trajectory;
import org.ketasim.lang.Model;

/** Runs the bundled ketamine model the way the tests need it: one patient, one course, a fine grid. */
final class KetamineRuns {

    static final Model MODEL = ModelLibrary.ketamine();
    static final double SALT = Salt.HCL.toBaseMg(1.0);

    private KetamineRuns() {
    }

    /** A course: {@code doseMg} of base per session, sessions at {@code startsH}. */
    record Course(Drug drug, Route route, double doseMg, double durationH, double... startsH) {
        Regimen regimen() {
            List<Dose> doses = new ArrayList<>();
            for (double s : startsH) {
                doses.add(new Dose(drug, route, doseMg, s, durationH));
            }
            return Regimen.of(doses);
        }
    }

    /** 0.5 mg/kg ketamine hydrochloride over 40 min in 70 kg, the clinic's standard, on the given days. */
    static Course standard(double... days) {
        double[] starts = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            starts[i] = 24 * days[i];
        }
        return new Course(Drug.KETAMINE, Route.IV, 0.5 * 70 * SALT, 40.0 / 60, starts);
    }

    /** Simulates {@code course} on a grid of {@code stepH} up to {@code untilH}, with parameter overrides in model units. */
    static Result run(Course course, double untilH, double stepH, Map<String, Double> overrides) {
        double[] p = MODEL.defaultParameters();
        SessionCovariates.apply(MODEL, p, course.regimen(), course.startsH()[0], overrides.keySet());
        overrides.forEach((name, value) -> {
            int i = MODEL.parameterIndex(name).orElseThrow();
            p[i] = MODEL.parameters().get(i).unit().toCanonical(value);
        });
        int n = (int) Math.round(untilH / stepH) + 1;
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * stepH;
        }
        Simulator sim = new Simulator(MODEL.compile(), MODEL.doseTargets(), SolverOptions.of(SolverMethod.RODAS4).withTolerances(1e-8, 1e-11));
        return new Result(sim.run(p, course.regimen(), times));
    }

    static Result run(Course course, double untilH, double stepH) {
        return run(course, untilH, stepH, Map.of());
    }

    /** A trajectory with access by output name. */
    record Result(Trajectory trajectory) {
        double[] t() {
            return trajectory.timesH();
        }

        double[] column(String name) {
            int k = MODEL.outputs().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().index();
            double[][] out = trajectory.outputs();
            double[] c = new double[out.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = out[i][k];
            }
            return c;
        }

        double at(String name, double timeH) {
            double[] t = t();
            int best = 0;
            for (int i = 0; i < t.length; i++) {
                if (Math.abs(t[i] - timeH) < Math.abs(t[best] - timeH)) {
                    best = i;
                }
            }
            return column(name)[best];
        }

        /** Index of the maximum of {@code name} within [from, to] h. */
        int argmax(String name, double from, double to) {
            double[] t = t();
            double[] v = column(name);
            int best = -1;
            for (int i = 0; i < t.length; i++) {
                if (t[i] >= from && t[i] <= to && (best < 0 || v[i] > v[best])) {
                    best = i;
                }
            }
            return best;
        }

        int argmin(String name, double from, double to) {
            double[] t = t();
            double[] v = column(name);
            int best = -1;
            for (int i = 0; i < t.length; i++) {
                if (t[i] >= from && t[i] <= to && (best < 0 || v[i] < v[best])) {
                    best = i;
                }
            }
            return best;
        }

        double max(String name, double from, double to) {
            return column(name)[argmax(name, from, to)];
        }

        double timeOfMax(String name, double from, double to) {
            return t()[argmax(name, from, to)];
        }
    }
}
