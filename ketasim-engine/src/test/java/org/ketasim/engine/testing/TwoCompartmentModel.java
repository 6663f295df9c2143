package org.ketasim.engine.testing;

import java.util.List;

/**
 * Two-compartment disposition: parameters {CL, V1, Q, V2} (L/h, L); states {A1, A2} (mg); IV S and R
 * go to A1.
 * <pre>
 *   dA1/dt = −(CL + Q)·A1/V1 + Q·A2/V2
 *   dA2/dt =  Q·A1/V1 − Q·A2/V2
 * </pre>
 */
public final class TwoCompartmentModel extends TestModel {

    public TwoCompartmentModel() {
        super(2, 4, List.of(target("iv", "S", "A1", 0, 0), target("iv", "R", "A1", 0, 1)));
    }

    @Override
    public void derivatives(final double t, final double[] y, final double[] p, final double[] d, final double[] dydt) {
        final double c1 = y[0] / p[1];
        final double c2 = y[1] / p[3];
        dydt[0] = -(p[0] + p[2]) * c1 + p[2] * c2;
        dydt[1] = p[2] * c1 - p[2] * c2;
    }
}
