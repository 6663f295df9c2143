/**
 * The Java API for embedding KetaSim in another program: simulate one patient's course, or run a virtual
 * trial, with a few small immutable types.
 *
 * <h2>The types</h2>
 * <ul>
 *   <li>{@link org.ketasim.api.KetaSim}: the entry point for models, {@code ketamineModel()} (bundled) or
 *       {@code model(Path)} (a {@code .ksm} file of your own). A model is an {@link org.ketasim.lang.Model}:
 *       parsed, unit-checked, every parameter with its unit and source.</li>
 *   <li>{@link org.ketasim.api.Patient}: weight, sex, age, BMI and any other covariate of the model by
 *       name, with its unit.</li>
 *   <li>{@link org.ketasim.api.Doses} and {@link org.ketasim.api.DoseSeries}: doses as a clinic writes them
 *       ({@code Doses.iv(Drug.KETAMINE).mgPerKg(0.5).over(Duration.ofMinutes(40)).onDays(0, 2, 4)}),
 *       resolved against the patient's weight into the engine's {@link org.ketasim.engine.dosing.Regimen}.</li>
 *   <li>{@link org.ketasim.api.Simulation}: model, patient, doses, output grid, solver and parameter
 *       changes; {@code run()} gives a {@link org.ketasim.api.SimulationResult} with every output of the
 *       model by name and unit.</li>
 *   <li>{@link org.ketasim.api.Trial}: a YAML trial specification ({@code trials/*.yaml}) with the number
 *       of subjects per arm; {@code run()} gives a {@link org.ketasim.api.TrialOutcome} of
 *       {@link org.ketasim.api.EndpointValue}s with 95% intervals.</li>
 * </ul>
 *
 * <h2>Example</h2>
 * <pre>{@code
 * Patient patient = Patient.builder().weightKg(80).sex(Sex.FEMALE).ageYears(41)
 *         .covariate("BZD", 10, "mg").build();
 * SimulationResult result = Simulation.builder(KetaSim.ketamineModel())
 *         .patient(patient)
 *         .dose(Doses.iv(Drug.KETAMINE).mgPerKg(0.5).over(Duration.ofMinutes(40)).onDays(0, 2, 4, 7, 9, 11))
 *         .until(Duration.ofDays(28)).every(Duration.ofHours(1))
 *         .build()
 *         .run();
 * double[] madrs = result.output("madrs");      // points, one per time of result.times() (h)
 *
 * TrialOutcome trial = Trial.fromYaml(Path.of("trials/murrough-2013.yaml")).subjectsPerArm(200).run();
 * EndpointValue response = trial.endpoint("ketamine", "r24");
 * }</pre>
 *
 * <h2>Units</h2>
 * <p>Every number has its unit in its name ({@code weightKg}, {@code mgPerKg}, {@code timesH},
 * {@code dosedMg}) or in its documentation. Durations are {@link java.time.Duration}s. Dose amounts are
 * written as the clinic writes them (hydrochloride salt for racemic ketamine and arketamine, base for
 * esketamine, unless {@link org.ketasim.api.DoseSeries#salt} says otherwise); the engine always works in mg of
 * ketamine base. Parameter and covariate values given without a unit are in the unit of the model file
 * ({@code ketasim params} lists them); given with one, they are converted, and a unit of the wrong dimension
 * is refused.
 *
 * <h2>Errors</h2>
 * <p>Wrong input is an {@link java.lang.IllegalArgumentException} with a one-line message that says what
 * to do, raised where the input is given or, for what needs the model (names, units, mg/kg without a
 * weight), by {@link org.ketasim.api.Simulation.Builder#build()}; unknown names come with a "did you mean".
 * A model file that does not parse or check is a {@link org.ketasim.lang.ModelException} and a trial
 * specification with a wrong field a {@link org.ketasim.trial.SpecException}, both checked and one line.
 * An integration that fails is an {@link java.lang.IllegalStateException}.
 *
 * <h2>Same numbers as the command line</h2>
 * <p>A {@link org.ketasim.api.Simulation} builds the same parameter vector, regimen and grid as
 * {@code ketasim simulate} and runs the same {@link org.ketasim.engine.Simulator}, so its trajectory is
 * bit-for-bit the one the engine gives when the run is assembled by hand; a {@link org.ketasim.api.Trial}
 * is {@code ketasim trial}.
 *
 * <p>The HTML documentation of this package: {@code mvn -B -pl ketasim-api -am -Dmaven.javadoc.skip=true
 * compile javadoc:javadoc}, then open {@code ketasim-api/target/reports/apidocs/index.html}.
 */
package org.ketasim.api;
