package org.ketasim.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.lang.ModelException;
import org.ketasim.trial.SpecException;
import org.ketasim.trial.TrialRunner;
import org.ketasim.trial.TrialSpec;

/**
 * Everything an executor needs to simulate subjects of a trial, as text and numbers: the specification's YAML, the
 * model's source and the solver options. Executors parse and compile these once per JVM ({@link #runner()},
 * {@link #spec()}): compiled model classes (Janino) are never serialised, only the text they are compiled from.
 *
 * @param specYaml        the trial specification, as YAML
 * @param specName        its file name, for messages
 * @param modelSource     the model file's text
 * @param modelSourceName its name, for messages
 * @param method          solver method
 * @param rtol            relative tolerance
 * @param atol            absolute tolerance
 * @param maxStepH        largest step (h)
 * @param initialStepH    first step (h); 0 = estimate
 */
public record TrialJob(String specYaml, String specName, String modelSource, String modelSourceName, SolverMethod method,
                       double rtol, double atol, double maxStepH, double initialStepH) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One runner (compiled model) and one parsed specification per distinct job and JVM. */
    private static final Map<TrialJob, TrialRunner> RUNNERS = new ConcurrentHashMap<>();
    private static final Map<TrialJob, TrialSpec> SPECS = new ConcurrentHashMap<>();

    /** A job from a parsed model and options (the specification is carried as its text). */
    public static TrialJob of(String specYaml, String specName, String modelSource, String modelSourceName, SolverOptions options) {
        return new TrialJob(specYaml, specName, modelSource, modelSourceName, options.method(), options.rtol(), options.atol(),
                options.maxStepH(), options.initialStepH());
    }

    /** The solver options. */
    public SolverOptions options() {
        return new SolverOptions(method, rtol, atol, maxStepH, initialStepH);
    }

    /** The specification, parsed once per JVM. */
    public TrialSpec spec() {
        return SPECS.computeIfAbsent(this, j -> {
            try {
                return TrialSpec.parse(j.specYaml, j.specName);
            } catch (SpecException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        });
    }

    /** The model, parsed (not compiled). */
    public Model model() {
        try {
            return Model.parse(modelSource, modelSourceName);
        } catch (ModelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The runner, with the model compiled once per JVM (executor). */
    public TrialRunner runner() {
        return RUNNERS.computeIfAbsent(this, j -> new TrialRunner(j.model(), j.options()));
    }
}
