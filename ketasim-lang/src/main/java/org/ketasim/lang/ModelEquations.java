package org.ketasim.lang;

/**
 * The executable form of a checked model: what the compiler (bytecode) and the interpreter both produce.
 *
 * <p>All arrays hold values in KetaSim's canonical units (mg, L, h, µmol, points) except the outputs,
 * which are converted to each output's declared display unit. Implementations are stateless and
 * thread-safe; callers own every array, so the hot path allocates nothing.
 *
 * <p>Layout: {@code p} holds covariates, parameters and switches in declaration order
 * ({@link Model#parameters()}); {@code d} holds the {@code [derived]} block, computed by
 * {@link #derive} once per parameter set; {@code y} holds the states ({@link Model#states()}).
 */
public interface ModelEquations {

    /** Number of states, the length of {@code y} and {@code dydt} ({@link Model#states()}). */
    int stateCount();

    /** Number of covariates, parameters and switches, the length of {@code p} ({@link Model#parameters()}). */
    int parameterCount();

    /**
     * The length of {@code d}: the {@code [derived]} rows ({@link Model#derived()}, in that order), followed by
     * any values an implementation precomputes per parameter set (the compiler appends the reciprocals of the
     * divisors in the equations).
     */
    int derivedCount();

    /** Number of {@code [outputs]} rows, the length of {@code out} ({@link Model#outputs()}). */
    int outputCount();

    /** Number of {@code [dosing]} targets ({@link Model#doseTargets()}). */
    int doseTargetCount();

    /**
     * The size of one declared unit of each state in canonical units ({@link Model#states()} order): 1 for a state
     * declared in mg, 1.7e14 for one declared in mmHg, 1e-9 for one in pg/mL. The engine multiplies its absolute
     * tolerance by it, so that "atol 1e-9" means 1e-9 of each state's own unit rather than 1e-9 canonical units,
     * which would be 6e-24 mmHg (forcing the solver to follow a decayed blood-pressure effect for days) and
     * 1 pg/mL (too loose for IL-6). The default, for hand-written models in canonical units, is 1 for every state.
     *
     * @return a new array of {@link #stateCount()} positive factors
     */
    default double[] stateUnitFactors() {
        double[] ones = new double[stateCount()];
        java.util.Arrays.fill(ones, 1.0);
        return ones;
    }

    /**
     * Which states each right-hand side can read: the entries {@code i * stateCount() + j} where
     * {@code dydt[i]} may depend on {@code y[j]}, ascending, or null when unknown. Solvers use it to compute a
     * finite-difference Jacobian with grouped perturbations. The default, for hand-written models, is null.
     *
     * @return a new array, or null
     */
    default int[] stateDependencies() {
        return null;
    }

    /** Evaluates the {@code [derived]} block from the parameters into {@code d}. */
    void derive(double[] p, double[] d);

    /**
     * Writes the initial state into {@code y0}, in canonical units (a literal initial value such as
     * {@code 5 [ug]} is converted from the state's declared unit).
     */
    void initialState(double[] p, double[] d, double[] y0);

    /**
     * Evaluates the right-hand side of the ODEs (without dosing inputs, which the engine adds).
     *
     * @param t time (h)
     */
    void derivatives(double t, double[] y, double[] p, double[] d, double[] dydt);

    /**
     * Evaluates the {@code [outputs]} block, each in its display unit (the canonical value divided by the
     * unit's factor: an output declared {@code [ng/mL]} of a concentration of 1 mg/L is 1000).
     *
     * @param t time (h)
     */
    void outputs(double t, double[] y, double[] p, double[] d, double[] out);

    /** Evaluates the fraction of a dose that goes to each {@code [dosing]} target. */
    void doseFractions(double[] p, double[] d, double[] fractions);

    /**
     * The {@code [balance]} expression in mg (canonical, whatever unit the model declares for display), or NaN
     * when the model declares none.
     *
     * @param t time (h)
     */
    double balance(double t, double[] y, double[] p, double[] d);
}
