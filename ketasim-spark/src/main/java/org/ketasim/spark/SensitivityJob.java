package org.ketasim.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.lang.ModelException;
import org.ketasim.trial.sensitivity.Morris;
import org.ketasim.trial.sensitivity.SensitivityMeasure;

/**
 * Everything an executor needs to evaluate design points of a screening, as text and numbers: the model's source,
 * the measure, the factors and the solver options. Executors build the output function ({@link #output()}) once per
 * JVM, compiling the model then (Janino); compiled classes are never serialised.
 *
 * @param modelSource     the model file's text
 * @param modelSourceName its name, for messages
 * @param measure         the measure's id ({@link SensitivityMeasure#id()})
 * @param factors         the factors, in the order of a design point's values
 * @param method          solver method
 * @param rtol            relative tolerance
 * @param atol            absolute tolerance
 * @param maxStepH        largest step (h)
 * @param initialStepH    first step (h); 0 = estimate
 */
public record SensitivityJob(String modelSource, String modelSourceName, String measure, List<Morris.Factor> factors,
                             SolverMethod method, double rtol, double atol, double maxStepH, double initialStepH) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One output function (compiled model) per distinct job and JVM; the function is thread-safe. */
    private static final Map<SensitivityJob, ToDoubleFunction<double[]>> OUTPUTS = new ConcurrentHashMap<>();

    /** Copies the factors (an immutable, serialisable list). */
    public SensitivityJob {
        factors = List.copyOf(factors);
    }

    /** A job from a measure and solver options. */
    public static SensitivityJob of(String modelSource, String modelSourceName, SensitivityMeasure measure, List<Morris.Factor> factors,
                                    SolverOptions options) {
        return new SensitivityJob(modelSource, modelSourceName, measure.id(), factors, options.method(), options.rtol(), options.atol(),
                options.maxStepH(), options.initialStepH());
    }

    /** The solver options. */
    public SolverOptions options() {
        return new SolverOptions(method, rtol, atol, maxStepH, initialStepH);
    }

    /** The model, parsed (not compiled). */
    public Model model() {
        try {
            return Model.parse(modelSource, modelSourceName);
        } catch (ModelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The measure as a function of the factors' values: {@link SensitivityMeasure#function}, built once per JVM. */
    public ToDoubleFunction<double[]> output() {
        return OUTPUTS.computeIfAbsent(this, j -> SensitivityMeasure.of(j.measure).function(j.model(), j.factors, j.options()));
    }
}
