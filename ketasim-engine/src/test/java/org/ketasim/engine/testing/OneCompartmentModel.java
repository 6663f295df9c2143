package org.ketasim.engine.testing;

import java.util.List;

/**
 * dA/dt = −(CL/V)·A. Parameters {CL (L/h), V (L)}; state {A (mg)}; one derived value k = CL/V (1/h);
 * output 0 is the state, output 1 the concentration (ng/mL). IV doses of S and R go to A.
 */
public final class OneCompartmentModel extends TestModel {

    public OneCompartmentModel() {
        super(1, 2, List.of(target("iv", "S", "A", 0, 0), target("iv", "R", "A", 0, 1)));
    }

    @Override
    public int derivedCount() {
        return 1;
    }

    @Override
    public int outputCount() {
        return 2;
    }

    @Override
    public void derive(final double[] p, final double[] d) {
        d[0] = p[0] / p[1];
    }

    @Override
    public void derivatives(final double t, final double[] y, final double[] p, final double[] d, final double[] dydt) {
        dydt[0] = -d[0] * y[0];
    }

    @Override
    public void outputs(final double t, final double[] y, final double[] p, final double[] d, final double[] out) {
        out[0] = y[0];
        out[1] = y[0] / p[1] * 1000.0;
    }
}
