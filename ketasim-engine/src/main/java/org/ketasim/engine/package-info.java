/**
 * Simulation of one patient: a compiled model, its parameters and a regimen in, a trajectory out.
 *
 * <p>The {@link org.ketasim.engine.Simulator} is the entry point. Build it once per model and solver
 * setting, then call {@link org.ketasim.engine.Simulator#run run} for each patient (it is immutable and
 * thread-safe; each run allocates only its own working arrays and result):
 *
 * <pre>{@code
 * ModelEquations equations = ...;                 // compiled from a .ksm file by ketasim-lang
 * List<DoseTarget> targets = ...;                 // the model's [dosing] block
 * Simulator simulator = new Simulator(equations, targets, SolverOptions.defaults());
 *
 * Regimen regimen = Regimen.builder()
 *     .dose(Salt.HCL.toBaseMg(0.5 * 70), Drug.KETAMINE, Route.IV).overHours(40 / 60.0)
 *         .onDays(0, 2, 4, 7, 9, 11).at(LocalTime.of(9, 0))
 *     .build();
 * double[] timesH = ...;                          // any grid, h from day 0, 00:00
 * Trajectory trajectory = simulator.run(parameters, regimen, timesH);
 * double[] madrs = trajectory.output(madrsIndex);
 * }</pre>
 *
 * <p>How a run works:
 * <ul>
 *   <li>The model's {@code derive} runs once, then {@code initialState} gives the state at 0 h and
 *       {@code doseFractions} the share of a dose sent to each {@code [dosing]} target.</li>
 *   <li>The regimen's breakpoints (dose starts and infusion ends) cut time into segments. Each segment is
 *       integrated on its own, so no step crosses a change of the dosing input: no root finding.</li>
 *   <li>At a segment start, boluses are added to their target states (amount × enantiomer share ×
 *       fraction; racemic ketamine is half S, half R). During a segment the rates of all running
 *       infusions are added to the targets' derivatives; overlapping infusions add up.</li>
 *   <li>Values at the requested times come from the integrator's dense output. A time equal to a bolus
 *       time reports the state after the bolus.</li>
 *   <li>The trajectory also carries the model's {@code [balance]} and the dosed amount at each time:
 *       in a closed model they agree to round-off, which tests use as a conservation check.</li>
 * </ul>
 *
 * <p>Errors are one-line {@link java.lang.IllegalArgumentException}s meant for users, for example
 * "model has no dosing target for sublingual R; the model's [dosing] block lists: iv S, iv R".
 *
 * @see org.ketasim.engine.dosing
 * @see org.ketasim.engine.solve
 */
package org.ketasim.engine;
