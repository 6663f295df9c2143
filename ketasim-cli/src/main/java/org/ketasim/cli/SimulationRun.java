package org.ketasim.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.Simulator;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.engine.Trajectory;
import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;
import org.ketasim.models.SessionCovariates;

/** One patient's simulated course: the model, its parameter values, the regimen and the trajectory. */
record SimulationRun(Model model, double[] parameters, Regimen regimen, Trajectory trajectory, String description) {


    /** Parameter values for {@code model}: defaults, then the weight, then each {@code --set}. */
    static double[] parameters(Model model, double weightKg, Map<String, String> sets) {
        double[] p = model.defaultParameters();
        int wt = model.parameterIndex("WT").orElseThrow(() -> new UserInputException("model has no covariate WT"));
        p[wt] = model.parameters().get(wt).unit().toCanonical(weightKg);
        for (Map.Entry<String, String> set : sets.entrySet()) {
            String name = set.getKey().trim();
            int i = model.parameterIndex(name).orElseThrow(() -> {
                String near = model.suggest(name);
                return new UserInputException("--set " + name + ": the model has no parameter '" + name + "'"
                        + (near != null ? " (did you mean '" + near + "'?)" : "") + "; 'ketasim params' lists them");
            });
            Parameter param = model.parameters().get(i);
            Quantities.Quantity q = Quantities.parse("--set " + name, set.getValue());
            double canonical;
            if (q.unit().symbol().equals("1") && !q.unit().compatibleWith(param.unit())) {
                canonical = param.unit().toCanonical(q.value()); // bare number: the model file's unit
            } else if (q.unit().symbol().equals("1")) {
                canonical = param.unit().toCanonical(q.value());
            } else if (q.unit().compatibleWith(param.unit())) {
                canonical = q.canonical();
            } else {
                throw new UserInputException("--set " + name + "=" + set.getValue() + ": unit " + q.unit().symbol()
                        + " does not fit " + name + ", which is in " + param.unit().symbol());
            }
            if (param.kind() == Parameter.Kind.SWITCH && canonical != 0 && canonical != 1) {
                throw new UserInputException("--set " + name + "=" + set.getValue() + ": a switch is 0 (off) or 1 (on)");
            }
            if (param.kind() != Parameter.Kind.SWITCH && param.value() > 0 && canonical < 0) {
                throw new UserInputException("--set " + name + "=" + set.getValue() + ": must not be negative");
            }
            p[i] = canonical;
        }
        return p;
    }

    static SimulationRun simulate(Model model, CourseOptions course, double untilH, double everyH, SolverChoice solver) {
        double weightKg = course.weightKg();
        double[] p = parameters(model, weightKg, course.sets);
        Regimen regimen = course.regimen(weightKg);
        SessionCovariates.apply(model, p, regimen, regimen.isEmpty() ? 0 : regimen.doses().get(0).startH(), course.sets.keySet());
        if (!(untilH > 0) || untilH > 24 * 3650) {
            throw new UserInputException("--until must be between 0 and 10 years");
        }
        if (!(everyH > 0) || untilH / everyH > 2_000_000) {
            throw new UserInputException(String.format(Locale.ROOT,
                    "--every gives %.3g output rows; choose a coarser grid (at most 2,000,000 rows)", untilH / everyH));
        }
        int n = (int) Math.floor(untilH / everyH + 1e-9) + 1;
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * everyH;
        }
        Simulator simulator = new Simulator(model.compile(), model.doseTargets(), solver.options());
        Trajectory trajectory = simulator.run(p, regimen, times);
        return new SimulationRun(model, p, regimen, trajectory, course.describe());
    }

    List<String> outputNames() {
        return model.outputs().stream().map(o -> o.name()).toList();
    }

    /** The column of output {@code name} over time. */
    double[] column(String name) {
        int k = model.outputs().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("model has no output " + name)).index();
        double[][] out = trajectory.outputs();
        double[] col = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            col[i] = out[i][k];
        }
        return col;
    }
}
