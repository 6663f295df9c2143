package org.ketasim.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;
import org.ketasim.trial.SpecException;
import org.ketasim.trial.TrialRunner;
import org.ketasim.trial.TrialSpec;

/**
 * A virtual trial: a YAML specification (population, blinding, arms of doses, endpoints; see
 * {@code trials/} and the README), a model, a solver and optional parameter changes.
 *
 * <pre>{@code
 * TrialOutcome outcome = Trial.fromYaml(Path.of("trials/murrough-2013.yaml")).subjectsPerArm(500).run();
 * EndpointValue r24 = outcome.endpoint("ketamine", "r24");   // response rate at 24 h with its 95% CI
 * }</pre>
 *
 * <p>Results depend only on the specification and its seed, never on the number of threads: the same
 * trial gives the same numbers, bit for bit. Subjects run in parallel on the common fork-join pool.
 *
 * <p>Instances are immutable and thread-safe; each {@code with}-style method returns a new trial.
 */
public final class Trial {

    private final TrialSpec spec;
    private final Model model;
    private final SolverOptions solver;
    private final Map<String, Double> overrides;

    private Trial(final TrialSpec spec, final Model model, final SolverOptions solver, final Map<String, Double> overrides) {
        this.spec = spec;
        this.model = model;
        this.solver = solver;
        this.overrides = overrides;
    }

    /**
     * Reads and checks a trial specification file, to run on the bundled ketamine model.
     *
     * @param file a YAML specification such as {@code trials/murrough-2013.yaml}
     * @return the trial
     * @throws SpecException when the file cannot be read or a field is wrong; the message is one line,
     *                       {@code file: path.to.field: what was expected}
     * @throws IllegalArgumentException if {@code file} is null
     */
    public static Trial fromYaml(final Path file) throws SpecException {
        if (file == null) {
            throw new IllegalArgumentException("trial specification file is missing");
        }
        return of(TrialSpec.read(file));
    }

    /**
     * Parses and checks a trial specification given as YAML text, to run on the bundled ketamine model.
     *
     * @param yaml       the specification
     * @param sourceName the name to use in messages
     * @return the trial
     * @throws SpecException when the text is not valid YAML or a field is wrong (one line)
     * @throws IllegalArgumentException if {@code yaml} is null
     */
    public static Trial fromYaml(final String yaml, final String sourceName) throws SpecException {
        if (yaml == null) {
            throw new IllegalArgumentException("trial specification text is missing");
        }
        return of(TrialSpec.parse(yaml, sourceName == null ? "trial" : sourceName));
    }

    /**
     * A trial from a specification already read.
     *
     * @param spec the specification
     * @return the trial, on the bundled ketamine model with the default solver
     * @throws IllegalArgumentException if {@code spec} is null
     */
    public static Trial of(final TrialSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("trial specification is missing");
        }
        return new Trial(spec, KetaSim.ketamineModel(), SolverOptions.defaults(), Map.of());
    }

    /**
     * The same trial with another number of subjects per arm (the specification's {@code subjects_per_arm}
     * otherwise). The first {@code n} subjects of an arm are the same for every {@code n}.
     *
     * @param n subjects per arm, 1 to 10,000,000
     * @return a new trial
     * @throws IllegalArgumentException if {@code n} is outside 1-10,000,000
     */
    public Trial subjectsPerArm(final int n) {
        if (n < 1 || n > 10_000_000) {
            throw new IllegalArgumentException("subjects per arm must be 1-10,000,000, got " + n);
        }
        return new Trial(spec.withSubjectsPerArm(n), model, solver, overrides);
    }

    /**
     * The same trial on another model. The parameter changes made so far must exist in it.
     *
     * @param other the model, e.g. from {@link KetaSim#model(Path)}
     * @return a new trial
     * @throws IllegalArgumentException if {@code other} is null or lacks a changed parameter
     */
    public Trial model(final Model other) {
        if (other == null) {
            throw new IllegalArgumentException("model is missing; use KetaSim.ketamineModel() or KetaSim.model(path)");
        }
        overrides.keySet().forEach(name -> check(other, name));
        return new Trial(spec, other, solver, overrides);
    }

    /**
     * The same trial with other solver settings.
     *
     * @param options integrator and tolerances
     * @return a new trial
     * @throws IllegalArgumentException if {@code options} is null
     */
    public Trial solver(final SolverOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("solver options are missing; use SolverOptions.defaults()");
        }
        return new Trial(spec, model, options, overrides);
    }

    /**
     * The same trial with a parameter moved from its default. Each virtual patient's value is multiplied by
     * {@code value / default}, so that between-subject variability is kept (a parameter whose default is 0
     * is set to {@code value}); the subjects drawn are the same as without the change. A name ending in
     * {@code .cv} (e.g. {@code "Pl.cv"}) sets that parameter's between-subject coefficient of variation instead
     * (0.6 for 60 %): each patient's log-deviation is rescaled, so the patients keep their rank.
     *
     * @param name  a parameter or switch of the model, or a parameter name followed by {@code .cv}
     * @param value its new typical value, in the model file's unit, or the new CV (a fraction)
     * @return a new trial
     * @throws IllegalArgumentException if the model has no such parameter (with a suggestion) or the value
     *                                  is not finite
     */
    public Trial parameter(final String name, final double value) {
        check(model, name);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("parameter " + name + " must be a finite number, got " + value);
        }
        final Map<String, Double> more = new LinkedHashMap<>(overrides);
        more.put(name, value);
        return new Trial(spec, model, solver, Collections.unmodifiableMap(more));
    }

    private static void check(final Model model, final String name) {
        if (name != null && name.endsWith(".cv")) {
            String base = name.substring(0, name.length() - 3);
            check(model, base);
            if (!(model.parameter(base).orElseThrow().bsvCv() > 0)) {
                throw new IllegalArgumentException("parameter " + base + " has no between-subject variability, so '" + name
                        + "' cannot rescale it; give its row a 'bsv NN%' in the model file");
            }
            return;
        }
        if (name == null || model.parameterIndex(name).isEmpty()) {
            throw new IllegalArgumentException("model " + model.name() + " has no parameter '" + name + "'"
                    + Names2.didYouMean(name, model.parameters().stream().map(Parameter::name).toList())
                    + "; 'ketasim params' lists them");
        }
    }

    /**
     * The specification, with the number of subjects per arm as set.
     *
     * @return the specification
     */
    public TrialSpec spec() {
        return spec;
    }

    /**
     * The model the trial runs on.
     *
     * @return the model
     */
    public Model model() {
        return model;
    }

    /**
     * Runs every arm and computes the endpoints.
     *
     * @return per arm, each endpoint with its 95% interval
     * @throws IllegalStateException if a subject's integration fails
     */
    public TrialOutcome run() {
        return run(done -> { });
    }

    /**
     * Runs every arm and computes the endpoints, reporting progress.
     *
     * @param progress receives the number of subjects finished so far, from any thread
     * @return per arm, each endpoint with its 95% interval
     * @throws IllegalArgumentException if {@code progress} is null
     * @throws IllegalStateException    if a subject's integration fails
     */
    public TrialOutcome run(final IntConsumer progress) {
        if (progress == null) {
            throw new IllegalArgumentException("progress callback is missing; use run() for none");
        }
        return new TrialOutcome(new TrialRunner(model, solver).run(spec, overrides, progress));
    }

    /** For example {@code "Trial[murrough-2013, 2 arms x 200 subjects, model ketamine]"}. */
    @Override
    public String toString() {
        return "Trial[" + spec.name() + ", " + spec.arms().size() + " arms x " + spec.subjectsPerArm() + " subjects, model "
                + model.name() + (overrides.isEmpty() ? "" : ", " + overrides) + "]";
    }
}
