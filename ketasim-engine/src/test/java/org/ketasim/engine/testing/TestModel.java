package org.ketasim.engine.testing;

import java.util.List;

import org.ketasim.lang.DoseTarget;
import org.ketasim.lang.ModelEquations;

/**
 * Base of the hand-written {@link ModelEquations} used in tests: no derived block, outputs equal the
 * states, no balance unless overridden, every dose fraction 1 unless overridden.
 */
public abstract class TestModel implements ModelEquations {

    private final int states;
    private final int parameters;
    private final List<DoseTarget> targets;

    protected TestModel(final int states, final int parameters, final List<DoseTarget> targets) {
        this.states = states;
        this.parameters = parameters;
        this.targets = targets;
    }

    /** Dosing targets, in slot order. */
    public List<DoseTarget> targets() {
        return targets;
    }

    @Override
    public int stateCount() {
        return states;
    }

    @Override
    public int parameterCount() {
        return parameters;
    }

    @Override
    public int derivedCount() {
        return 0;
    }

    @Override
    public int outputCount() {
        return states;
    }

    @Override
    public int doseTargetCount() {
        return targets.size();
    }

    @Override
    public void derive(final double[] p, final double[] d) {
        // no [derived] block
    }

    @Override
    public void initialState(final double[] p, final double[] d, final double[] y0) {
        java.util.Arrays.fill(y0, 0.0);
    }

    @Override
    public void outputs(final double t, final double[] y, final double[] p, final double[] d, final double[] out) {
        System.arraycopy(y, 0, out, 0, states);
    }

    @Override
    public void doseFractions(final double[] p, final double[] d, final double[] fractions) {
        java.util.Arrays.fill(fractions, 1.0);
    }

    @Override
    public double balance(final double t, final double[] y, final double[] p, final double[] d) {
        return Double.NaN;
    }

    /** A target row: {@code route enantiomer: state}, slot {@code index}. */
    protected static DoseTarget target(final String route, final String enantiomer, final String state,
                                       final int stateIndex, final int index) {
        return new DoseTarget(route, enantiomer, state, stateIndex, index);
    }
}
