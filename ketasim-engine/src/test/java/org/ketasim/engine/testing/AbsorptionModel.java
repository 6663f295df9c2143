package org.ketasim.engine.testing;

import java.util.List;

/**
 * First-order absorption with bioavailability: parameters {ka (1/h), k (1/h), F (1)}; states
 * {depot, central, lost, eliminated} (mg). Oral S and R: depot × F, lost × (1 − F); IV S and R: central.
 * Balance = sum of all states.
 */
public final class AbsorptionModel extends TestModel {

    public AbsorptionModel() {
        super(4, 3, List.of(
                target("oral", "S", "depot", 0, 0), target("oral", "S", "lost", 2, 1),
                target("oral", "R", "depot", 0, 2), target("oral", "R", "lost", 2, 3),
                target("iv", "S", "central", 1, 4), target("iv", "R", "central", 1, 5)));
    }

    @Override
    public void derivatives(final double t, final double[] y, final double[] p, final double[] d, final double[] dydt) {
        final double absorption = p[0] * y[0];
        final double elimination = p[1] * y[1];
        dydt[0] = -absorption;
        dydt[1] = absorption - elimination;
        dydt[2] = 0.0;
        dydt[3] = elimination;
    }

    @Override
    public void doseFractions(final double[] p, final double[] d, final double[] fractions) {
        fractions[0] = p[2];
        fractions[1] = 1 - p[2];
        fractions[2] = p[2];
        fractions[3] = 1 - p[2];
        fractions[4] = 1.0;
        fractions[5] = 1.0;
    }

    @Override
    public double balance(final double t, final double[] y, final double[] p, final double[] d) {
        return y[0] + y[1] + y[2] + y[3];
    }
}
