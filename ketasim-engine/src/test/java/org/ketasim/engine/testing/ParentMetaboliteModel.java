package org.ketasim.engine.testing;

import java.util.List;

/**
 * A closed parent → metabolite → sink system for mass-balance tests, mildly stiff and nonlinear.
 *
 * <p>Parameters {ka, F, Vmax (mg/h), Km (mg), kcp, kpc, kmet, kmel} (rates 1/h); states {depot, lost,
 * central, peripheral, metabolite, sink} (mg, metabolite in parent-equivalent mg):
 * <pre>
 *   d depot/dt      = −ka·depot
 *   d central/dt    =  ka·depot − Vmax·central/(Km + central) − (kcp + kmet)·central + kpc·peripheral
 *   d peripheral/dt =  kcp·central − kpc·peripheral
 *   d metabolite/dt =  kmet·central − kmel·metabolite
 *   d sink/dt       =  Vmax·central/(Km + central) + kmel·metabolite
 * </pre>
 * Dosing: iv S/R → central; oral S/R → depot × F, lost × (1 − F); intranasal S → central × 0.5,
 * depot × 0.3, lost × 0.2; sc R → depot. Balance = sum of all six states.
 */
public final class ParentMetaboliteModel extends TestModel {

    /** Typical parameters: absorption 1.2/h, F 0.2, saturable elimination, fast peripheral exchange. */
    public static final double[] PARAMETERS = {1.2, 0.2, 60.0, 20.0, 40.0, 15.0, 0.8, 0.15};

    public ParentMetaboliteModel() {
        super(6, 8, List.of(
                target("iv", "S", "central", 2, 0), target("iv", "R", "central", 2, 1),
                target("oral", "S", "depot", 0, 2), target("oral", "S", "lost", 1, 3),
                target("oral", "R", "depot", 0, 4), target("oral", "R", "lost", 1, 5),
                target("intranasal", "S", "central", 2, 6), target("intranasal", "S", "depot", 0, 7),
                target("intranasal", "S", "lost", 1, 8),
                target("sc", "R", "depot", 0, 9)));
    }

    @Override
    public void derivatives(final double t, final double[] y, final double[] p, final double[] d, final double[] dydt) {
        final double absorption = p[0] * y[0];
        final double elimination = p[2] * y[2] / (p[3] + y[2]);
        final double toPeripheral = p[4] * y[2];
        final double fromPeripheral = p[5] * y[3];
        final double metabolism = p[6] * y[2];
        final double metaboliteOut = p[7] * y[4];
        dydt[0] = -absorption;
        dydt[1] = 0.0;
        dydt[2] = absorption - elimination - toPeripheral - metabolism + fromPeripheral;
        dydt[3] = toPeripheral - fromPeripheral;
        dydt[4] = metabolism - metaboliteOut;
        dydt[5] = elimination + metaboliteOut;
    }

    @Override
    public void doseFractions(final double[] p, final double[] d, final double[] fractions) {
        fractions[0] = 1.0;
        fractions[1] = 1.0;
        fractions[2] = p[1];
        fractions[3] = 1 - p[1];
        fractions[4] = p[1];
        fractions[5] = 1 - p[1];
        fractions[6] = 0.5;
        fractions[7] = 0.3;
        fractions[8] = 0.2;
        fractions[9] = 1.0;
    }

    @Override
    public double balance(final double t, final double[] y, final double[] p, final double[] d) {
        return y[0] + y[1] + y[2] + y[3] + y[4] + y[5];
    }
}
