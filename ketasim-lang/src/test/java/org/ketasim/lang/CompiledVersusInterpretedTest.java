package org.ketasim.lang;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * The compiled bytecode and the reference interpreter agree, on a model that uses every operator and function
 * ({@code allops.ksm}) and on the complete example model, for random parameters, states and times.
 */
class CompiledVersusInterpretedTest {

    private static final Model ALL_OPS = TestModels.load("allops.ksm");
    private static final Model COMPLETE = TestModels.load("complete.ksm");

    @Provide
    Arbitrary<double[]> allOpsParameters() {
        return Arbitraries.doubles().between(0.05, 20.0).array(double[].class).ofSize(ALL_OPS.parameters().size());
    }

    @Provide
    Arbitrary<double[]> allOpsStates() {
        return Arbitraries.doubles().between(-5.0, 50.0).array(double[].class).ofSize(ALL_OPS.states().size());
    }

    @Provide
    Arbitrary<double[]> completeParameters() {
        return Arbitraries.doubles().between(0.01, 200.0).array(double[].class).ofSize(COMPLETE.parameters().size());
    }

    @Provide
    Arbitrary<double[]> completeStates() {
        return Arbitraries.doubles().between(0.0, 500.0).array(double[].class).ofSize(COMPLETE.states().size());
    }

    @Property(tries = 500)
    void everyOperatorAndFunctionAgrees(@ForAll("allOpsParameters") double[] p, @ForAll("allOpsStates") double[] y,
            @ForAll @DoubleRange(min = 0, max = 500) double t) {
        agree(ALL_OPS, p, y, t);
    }

    @Property(tries = 200)
    void completeModelAgrees(@ForAll("completeParameters") double[] p, @ForAll("completeStates") double[] y,
            @ForAll @DoubleRange(min = 0, max = 500) double t) {
        agree(COMPLETE, p, y, t);
    }

    private static void agree(Model m, double[] p, double[] y, double t) {
        ModelEquations c = m.compile();
        ModelEquations i = m.interpret();
        assertThat(c.stateCount()).isEqualTo(i.stateCount()).isEqualTo(m.states().size());
        assertThat(c.parameterCount()).isEqualTo(i.parameterCount()).isEqualTo(m.parameters().size());
        assertThat(c.derivedCount()).isEqualTo(i.derivedCount()).isGreaterThanOrEqualTo(m.derived().size());
        assertThat(c.outputCount()).isEqualTo(i.outputCount()).isEqualTo(m.outputs().size());
        assertThat(c.doseTargetCount()).isEqualTo(i.doseTargetCount()).isEqualTo(m.doseTargets().size());
        // each state's declared unit in canonical units, which scales the solver's absolute tolerance
        double[] expectedUnits = m.states().stream().mapToDouble(s -> s.unit().factor()).toArray();
        assertThat(c.stateUnitFactors()).containsExactly(expectedUnits);
        assertThat(i.stateUnitFactors()).containsExactly(expectedUnits);
        assertThat(c.stateDependencies()).containsExactly(i.stateDependencies());
        // the structural pattern holds every entry a perturbation of one state can change
        java.util.Set<Integer> pattern = new java.util.HashSet<>();
        for (int entry : c.stateDependencies()) {
            pattern.add(entry);
        }
        int n = c.stateCount();
        double[] dp = new double[c.derivedCount()];
        c.derive(p, dp);
        double[] f0 = new double[n];
        double[] f1 = new double[n];
        c.derivatives(t, y, p, dp, f0);
        for (int j = 0; j < n; j++) {
            double[] moved = y.clone();
            moved[j] = y[j] * (1 + 1e-3) + 1e-3;
            c.derivatives(t, moved, p, dp, f1);
            for (int r = 0; r < n; r++) {
                if (Double.doubleToLongBits(f1[r]) != Double.doubleToLongBits(f0[r])) {
                    assertThat(pattern).as("d/dt of state %d changed with state %d", r, j).contains(r * n + j);
                }
            }
        }

        double[] dc = new double[c.derivedCount()];
        double[] di = new double[i.derivedCount()];
        c.derive(p, dc);
        i.derive(p, di);
        close("derived", dc, di);

        double[] y0c = new double[c.stateCount()];
        double[] y0i = new double[c.stateCount()];
        c.initialState(p, dc, y0c);
        i.initialState(p, dc, y0i);
        close("initial state", y0c, y0i);

        double[] fc = new double[c.doseTargetCount()];
        double[] fi = new double[c.doseTargetCount()];
        c.doseFractions(p, dc, fc);
        i.doseFractions(p, dc, fi);
        close("dose fractions", fc, fi);

        double[] rc = new double[c.stateCount()];
        double[] ri = new double[c.stateCount()];
        c.derivatives(t, y, p, dc, rc);
        i.derivatives(t, y, p, dc, ri);
        close("derivatives", rc, ri);

        double[] oc = new double[c.outputCount()];
        double[] oi = new double[c.outputCount()];
        c.outputs(t, y, p, dc, oc);
        i.outputs(t, y, p, dc, oi);
        close("outputs", oc, oi);

        close("balance", new double[] {c.balance(t, y, p, dc)}, new double[] {i.balance(t, y, p, dc)});
    }

    private static void close(String what, double[] a, double[] b) {
        assertThat(a).hasSameSizeAs(b);
        for (int k = 0; k < a.length; k++) {
            if (Double.isNaN(a[k]) || Double.isNaN(b[k])) {
                assertThat(Double.isNaN(a[k])).as("%s[%d]: %s vs %s", what, k, a[k], b[k]).isEqualTo(Double.isNaN(b[k]));
                continue;
            }
            if (a[k] == b[k]) {
                continue; // equal, infinities included
            }
            double tol = 1e-12 * Math.max(Math.abs(a[k]), Math.abs(b[k]));
            assertThat(Math.abs(a[k] - b[k])).as("%s[%d]: compiled %s, interpreted %s", what, k, a[k], b[k])
                    .isLessThanOrEqualTo(tol);
        }
    }
}
