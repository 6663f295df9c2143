/**
 * The KetaSim model language: load a {@code .ksm} model, inspect it, and run its equations.
 *
 * <h2>Loading a model</h2>
 * <p>{@link org.ketasim.lang.Model#load(java.nio.file.Path)} reads, parses and checks a model file (the language
 * is specified in {@code docs/model-language.md}). Every problem is reported as a
 * {@link org.ketasim.lang.ModelException} whose message is one line, {@code file:line:column: what is wrong;
 * what was expected}, for example
 * <pre>
 * ketamine.ksm:42:17: dimension mismatch in '+': left is mg/L (M L^-3), right is umol/L (N L^-3)
 * ketamine.ksm:12:9: expected a unit after the value of 'CL' (for example 'L/h'); ...
 * ketamine.ksm:57:13: d/dt(A_c) has dimension mg (M) but must be mg/h (M T^-1)
 * </pre>
 * The checker stops at the first problem. It verifies names (defined, unique, not reserved, intermediates
 * defined before use, derived quantities free of states and time), parameter rows (a readable unit, a
 * provenance, switches 0 or 1), the dimension of every expression, one ODE per state with the dimension of the
 * state per time, dose targets (states of mass) and fractions (dimensionless, parameters only), and outputs and
 * the balance against their declared units.
 *
 * <h2>Inspecting a model</h2>
 * <p>A {@link org.ketasim.lang.Model} lists its {@link org.ketasim.lang.Parameter}s (covariates, then
 * parameters, then switches, with value, unit, label, {@link org.ketasim.lang.Provenance} and between-subject
 * variability), its {@link org.ketasim.lang.Derived} quantities, {@link org.ketasim.lang.State}s,
 * {@link org.ketasim.lang.Intermediate}s, {@link org.ketasim.lang.Output}s and
 * {@link org.ketasim.lang.DoseTarget}s. The position of each item in its list is its index in the arrays of
 * {@link org.ketasim.lang.ModelEquations}.
 *
 * <h2>Running a model</h2>
 * <p>All arithmetic happens in canonical units (mg, L, h, µmol, points): parameter values are converted when
 * the model is loaded ({@link org.ketasim.lang.Model#defaultParameters()}), states are held in canonical units,
 * and only outputs are converted, to their display units.
 * <pre>{@code
 * Model model = Model.load(Path.of("models/ketamine.ksm"));
 * ModelEquations eq = model.compile();               // bytecode, compiled once per model
 * double[] p = model.defaultParameters();
 * p[model.parameterIndex("WT").getAsInt()] = 82e6;   // 82 kg, in mg
 * double[] d = new double[eq.derivedCount()];
 * eq.derive(p, d);                                   // once per parameter set
 * double[] y = new double[eq.stateCount()];
 * eq.initialState(p, d, y);
 * double[] dydt = new double[eq.stateCount()];
 * eq.derivatives(0.0, y, p, d, dydt);                // the ODE right-hand side, allocation-free
 * }</pre>
 * <p>{@link org.ketasim.lang.Model#interpret()} evaluates the same checked tree directly; it is the reference
 * the compiled code is tested against. {@link org.ketasim.lang.Model#generatedSource()} shows the Java that
 * {@link org.ketasim.lang.Model#compile()} compiles.
 *
 * <p>The subpackages {@code parse}, {@code check} and {@code compile} are the implementation (lexer and parser,
 * name and dimension checker, code generation and interpreter); their types are public only so that the
 * packages can see each other, and they may change without notice.
 */
package org.ketasim.lang;
