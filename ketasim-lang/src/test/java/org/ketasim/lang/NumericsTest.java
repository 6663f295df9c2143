package org.ketasim.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Numerical semantics: unit conversion of parameters, states and outputs, checked against hand computations. */
class NumericsTest {

    private static final Model ONE_CMT = TestModels.load("onecmt.ksm");

    private static ModelEquations[] both(Model m) {
        return new ModelEquations[] {m.compile(), m.interpret()};
    }

    @Test
    void oneCompartmentDerivativeIsMinusClOverVTimesAmount() {
        // CL = 1000 mL/min = 60 L/h, V = 50 L, so d/dt(A) = -1.2 /h * A, in mg/h
        double[] p = ONE_CMT.defaultParameters();
        assertThat(p[0]).isCloseTo(60.0, within(1e-12));
        assertThat(p[1]).isEqualTo(50.0);
        for (ModelEquations eq : both(ONE_CMT)) {
            double[] d = new double[eq.derivedCount()];
            eq.derive(p, d);
            for (double a : new double[] {0.0, 1e-3, 2.5, 800.0}) {
                double[] dydt = new double[1];
                eq.derivatives(3.0, new double[] {a}, p, d, dydt);
                double byHand = -(1000.0 * 1e-3 * 60.0) / 50.0 * a;
                assertThat(dydt[0]).as("%s at A = %s mg", eq, a).isCloseTo(byHand, within(1e-12 * Math.max(1, a)));
            }
        }
    }

    @Test
    void literalInitialValueIsTakenInTheStateUnit() {
        // A(0) = 5 [ug] is 0.005 mg in the canonical state vector
        for (ModelEquations eq : both(ONE_CMT)) {
            double[] y0 = new double[1];
            eq.initialState(ONE_CMT.defaultParameters(), new double[0], y0);
            assertThat(y0[0]).isCloseTo(0.005, within(1e-18));
        }
    }

    @Test
    void outputsAreConvertedToTheirDisplayUnits() {
        double[] p = ONE_CMT.defaultParameters();
        for (ModelEquations eq : both(ONE_CMT)) {
            double[] out = new double[eq.outputCount()];
            double amountMg = 2.0;
            double[] d = new double[eq.derivedCount()];
            eq.derive(p, d);
            eq.outputs(0.0, new double[] {amountMg}, p, d, out);
            double mgPerL = amountMg / 50.0;
            assertThat(out[1]).as("mg/L").isCloseTo(mgPerL, within(1e-15));
            assertThat(out[0]).as("ng/mL = 1e3 x mg/L").isCloseTo(1e3 * mgPerL, within(1e-12));
            assertThat(out[0] / out[1]).isCloseTo(1000.0, within(1e-9));
            assertThat(out[2]).as("ug").isCloseTo(2000.0, within(1e-9));
        }
    }

    @Test
    void balanceIsInMilligramsWhateverItsDeclaredUnit() {
        Model allops = TestModels.load("allops.ksm");
        assertThat(allops.balanceUnit().orElseThrow().symbol()).isEqualTo("ug");
        double[] p = allops.defaultParameters();
        for (ModelEquations eq : both(allops)) {
            double[] d = new double[eq.derivedCount()];
            eq.derive(p, d);
            assertThat(eq.balance(0, new double[] {1.5, 2.5, 0}, p, d)).isEqualTo(4.0);
        }
    }

    @Test
    void completeModelDerivativesMatchAHandComputation() {
        Model m = TestModels.load("complete.ksm");
        double[] p = m.defaultParameters();
        double[] y = {10, 20, 30, 1, 2, 25};
        for (ModelEquations eq : both(m)) {
            double[] d = new double[eq.derivedCount()];
            eq.derive(p, d);
            double[] dydt = new double[eq.stateCount()];
            eq.derivatives(1.0, y, p, d, dydt);
            double cl = 79.0;                // WT = WT_ref, so no allometric change (L/h)
            double v1 = 21.0;
            double q = 1.25 * 60.0;          // L/min -> L/h
            double v2 = 200.0;
            double ka = 1.2;
            double c = y[1] / v1;            // mg/L
            assertThat(d[0]).isCloseTo(cl, within(1e-12));
            assertThat(dydt[0]).isCloseTo(-ka * y[0], within(1e-12));
            assertThat(dydt[1]).isCloseTo(ka * y[0] - cl * c - q / v1 * y[1] + q / v2 * y[2], within(1e-12));
            assertThat(dydt[4]).isCloseTo(cl * c, within(1e-12));
            // effect: C in umol/L = C / 0.23773 mg/umol; hill with IC50 = 1 umol/L, n = 1
            double cu = c / 0.23773;
            double e = 0.5 * cu / (1.0 + cu);
            double kout = 0.1 / 24.0;
            assertThat(dydt[5]).isCloseTo(kout * (30 - y[5]) - kout * e * y[5], within(1e-12));
            double[] out = new double[eq.outputCount()];
            eq.outputs(1.0, y, p, d, out);
            assertThat(out[0]).isCloseTo(c * 1000.0, within(1e-9));
            assertThat(out[1]).isCloseTo(cu, within(1e-12));
            assertThat(out[3]).as("occupancy in %").isCloseTo(100.0 * cu / (1.0 + cu), within(1e-10));
        }
    }

    @Test
    void compiledDerivativesDoNotAllocate() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Model m = TestModels.load("complete.ksm");
        ModelEquations eq = m.compile();
        double[] p = m.defaultParameters();
        double[] d = new double[eq.derivedCount()];
        eq.derive(p, d);
        double[] y = {10, 20, 30, 1, 2, 25};
        double[] dydt = new double[eq.stateCount()];
        double[] out = new double[eq.outputCount()];
        for (int i = 0; i < 20_000; i++) {
            eq.derivatives(i, y, p, d, dydt);
            eq.outputs(i, y, p, d, out);
        }
        long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            eq.derivatives(i, y, p, d, dydt);
            eq.outputs(i, y, p, d, out);
        }
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by 100,000 calls").isLessThan(10_000);
    }
}
