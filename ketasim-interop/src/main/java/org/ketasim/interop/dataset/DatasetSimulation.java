package org.ketasim.interop.dataset;

import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import org.ketasim.engine.Simulator;
import org.ketasim.engine.Trajectory;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.lang.Output;
import org.ketasim.lang.Parameter;
import org.ketasim.models.SessionCovariates;

/**
 * Simulates each subject of a dataset: its doses, reported at its observation times.
 *
 * <p>A subject's parameters are {@code base} (the model's defaults, or the caller's), then the values of the
 * dataset's model columns, then the session covariates of the course ({@code T_FIRST}, {@code SPRAVATO}; see
 * {@link SessionCovariates}) unless the dataset or the caller set them.
 */
public final class DatasetSimulation {

    /** One subject's run. */
    public record SubjectRun(DatasetSubject subject, double[] parameters, Trajectory trajectory) {
    }

    private DatasetSimulation() {
    }

    /**
     * @param base  covariates, parameters and switches (canonical units) before the dataset's values
     * @param keep  names the caller set, which the session covariates must not change
     * @return one run per subject, in dataset order (computed in parallel)
     */
    public static List<SubjectRun> run(Model model, List<DatasetSubject> subjects, double[] base, Set<String> keep,
                                       SolverOptions options) {
        Simulator simulator = new Simulator(model.compile(), model.doseTargets(), options);
        SubjectRun[] runs = new SubjectRun[subjects.size()];
        IntStream.range(0, runs.length).parallel().forEach(i -> {
            DatasetSubject s = subjects.get(i);
            double[] p = parameters(model, s, base, keep);
            runs[i] = new SubjectRun(s, p, simulator.run(p, s.regimen(), s.observationTimesH()));
        });
        return List.of(runs);
    }

    /** A subject's parameter vector (canonical units). */
    public static double[] parameters(Model model, DatasetSubject s, double[] base, Set<String> keep) {
        double[] p = base.clone();
        s.values().forEach((name, value) -> {
            int i = model.parameterIndex(name).orElseThrow(() -> new IllegalArgumentException("the model has no parameter " + name));
            Parameter q = model.parameters().get(i);
            p[i] = q.unit().toCanonical(value);
        });
        Set<String> fixed = new HashSet<>(keep);
        fixed.addAll(s.values().keySet());
        Regimen regimen = s.regimen();
        SessionCovariates.apply(model, p, regimen, regimen.isEmpty() ? 0 : regimen.doses().get(0).startH(), fixed);
        return p;
    }

    /** Writes the runs as CSV: {@code ID,time_h}, then every output of the model, one row per observation time. */
    public static void writeCsv(Model model, List<SubjectRun> runs, Writer out) throws IOException {
        StringBuilder line = new StringBuilder("ID,time_h");
        for (Output o : model.outputs()) {
            line.append(',').append(o.name());
        }
        out.write(line.append('\n').toString());
        for (SubjectRun r : runs) {
            double[] t = r.trajectory().timesH();
            double[][] y = r.trajectory().outputs();
            for (int i = 0; i < t.length; i++) {
                line.setLength(0);
                line.append(r.subject().id()).append(',').append(format(t[i]));
                for (double v : y[i]) {
                    line.append(',').append(format(v));
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    /** Six significant digits, as {@code ketasim simulate} writes its CSV. */
    static String format(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.6g", v);
    }
}
