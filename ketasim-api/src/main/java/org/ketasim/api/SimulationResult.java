package org.ketasim.api;

import java.util.List;

import org.ketasim.engine.Trajectory;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.solve.SolverStatistics;
import org.ketasim.lang.Model;
import org.ketasim.lang.Output;
import org.ketasim.lang.State;

/**
 * What a {@link Simulation} produced: every output of the model at every requested time, with the
 * states, the dosed amount and the model's mass balance.
 *
 * <pre>{@code
 * SimulationResult result = simulation.run();
 * double[] t = result.times();                    // h from day 0, 00:00
 * double[] madrs = result.output("madrs");        // result.outputUnit("madrs") is "points"
 * }</pre>
 *
 * <p>Element {@code i} of every series belongs to {@code times()[i]}, in the order the times were
 * requested. Outputs are in each output's display unit ({@link #outputUnit(String)}), states in canonical
 * units. Every accessor returns a fresh array, so instances are immutable and thread-safe.
 */
public final class SimulationResult {

    private final Model model;
    private final Regimen regimen;
    private final Trajectory trajectory;

    SimulationResult(final Model model, final Regimen regimen, final Trajectory trajectory) {
        this.model = model;
        this.regimen = regimen;
        this.trajectory = trajectory;
    }

    /**
     * The output times.
     *
     * @return a new array of times (h from day 0, 00:00)
     */
    public double[] times() {
        return trajectory.timesH().clone();
    }

    /**
     * The names of the model's outputs, in the order of its {@code [outputs]} block.
     *
     * @return an unmodifiable list, e.g. ketamine_ng_ml, …, madrs, cadss, …
     */
    public List<String> outputNames() {
        return model.outputs().stream().map(Output::name).toList();
    }

    /**
     * One output over time.
     *
     * @param name an output name, e.g. {@code "madrs"} or {@code "ketamine_ng_ml"}
     * @return a new array, one value per time, in {@link #outputUnit(String)}
     * @throws IllegalArgumentException if the model has no such output (with a suggestion)
     */
    public double[] output(final String name) {
        return trajectory.output(find(name).index());
    }

    /**
     * The display unit of an output.
     *
     * @param name an output name
     * @return the unit symbol as written in the model file, e.g. {@code "ng/mL"}, {@code "points"}, {@code "1"}
     * @throws IllegalArgumentException if the model has no such output (with a suggestion)
     */
    public String outputUnit(final String name) {
        return find(name).unit().symbol();
    }

    /**
     * The human-readable label of an output.
     *
     * @param name an output name
     * @return the label from the model file, e.g. "Plasma ketamine (S + R)"
     * @throws IllegalArgumentException if the model has no such output (with a suggestion)
     */
    public String outputLabel(final String name) {
        return find(name).label();
    }

    private Output find(final String name) {
        final int i = model.outputIndex(name == null ? "" : name).orElseThrow(() -> new IllegalArgumentException(
                "model " + model.name() + " has no output '" + name + "'" + Names2.didYouMean(name, outputNames())
                        + "; outputNames() lists them"));
        return model.outputs().get(i);
    }

    /**
     * One state of the model over time.
     *
     * @param name a state name of the model's {@code [states]} block
     * @return a new array, one value per time, in the state's canonical unit
     * @throws IllegalArgumentException if the model has no such state (with a suggestion)
     */
    public double[] state(final String name) {
        final int i = model.stateIndex(name == null ? "" : name).orElseThrow(() -> new IllegalArgumentException(
                "model " + model.name() + " has no state '" + name + "'"
                        + Names2.didYouMean(name, model.states().stream().map(State::name).toList())));
        return trajectory.state(i);
    }

    /**
     * The drug base administered so far, from the regimen alone.
     *
     * @return a new array, one value per time (mg of ketamine base), counting the elapsed share of running
     *         infusions
     */
    public double[] dosedMg() {
        return trajectory.dosedMg().clone();
    }

    /**
     * The model's mass balance: the drug in the body plus all that was eliminated, from its
     * {@code [balance]} block. It equals {@link #dosedMg()} up to the integration error.
     *
     * @return a new array, one value per time (mg of ketamine base); NaN where the model declares no balance
     */
    public double[] balanceMg() {
        return trajectory.balanceMg().clone();
    }

    /**
     * The largest mass-balance defect over all times.
     *
     * @return max |balance − dosed| (mg); NaN when the model declares no balance
     */
    public double maxBalanceErrorMg() {
        return trajectory.maxBalanceErrorMg();
    }

    /**
     * The doses simulated.
     *
     * @return the regimen (mg of ketamine base, h from day 0, 00:00)
     */
    public Regimen regimen() {
        return regimen;
    }

    /**
     * The integrator's work.
     *
     * @return steps, evaluations and rejections for the whole run
     */
    public SolverStatistics solverStatistics() {
        return trajectory.statistics();
    }
}
