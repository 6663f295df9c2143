package org.ketasim.trial.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MorrisTest {

    /** y = a·x + b², with c not entering: x, a, b, c on linear ranges. */
    private static double analytic(double[] v) {
        double x = v[0];
        double a = v[1];
        double b = v[2];
        return a * x + b * b;
    }

    private static List<Morris.Factor> factors() {
        return List.of(new Morris.Factor("x", "x", 0, 1, 3, false),
                new Morris.Factor("a", "a", 1, 2, 2.0000001, false),
                new Morris.Factor("b", "b", 2, 0, 1, false),
                new Morris.Factor("c", "unused", 3, 1, 4, false));
    }

    @Test
    void linearFactorHasItsAnalyticEffectAndNoSpread() {
        // a is (almost) fixed at 2, so y is linear in x with slope 2 over a range of 2: every effect is 4.
        Morris.Result r = new Morris(factors(), 12, 4, 7).run(MorrisTest::analytic, 1);
        Morris.Effect x = r.effect("x");
        assertEquals(4, x.muStar(), 1e-6);
        assertEquals(4, x.mu(), 1e-6);
        assertEquals(0, x.sigma(), 1e-6);
        assertEquals(0, r.effect("c").muStar(), 0);
        assertEquals(0, r.effect("c").sigma(), 0);
        assertEquals(12 * 5, r.evaluations());
    }

    @Test
    void quadraticFactorHasTheAnalyticEffectsOfItsSteps() {
        // b on [0, 1], p = 4, Δ = 2/3: steps 0 -> 2/3 (effect 2/3), 1/3 -> 1 (effect 4/3) and their reverses.
        Morris m = new Morris(factors(), 40, 4, 11);
        assertEquals(2.0 / 3, m.delta(), 1e-15);
        Morris.Effect b = m.run(MorrisTest::analytic, 1).effect("b");
        assertTrue(b.muStar() >= 2.0 / 3 - 1e-9 && b.muStar() <= 4.0 / 3 + 1e-9, "mu* " + b.muStar());
        assertEquals(b.mu(), b.muStar(), 1e-12); // all effects positive: b² increases on [0, 1]
        assertTrue(b.sigma() > 0.1, "a non-linear factor spreads: sigma " + b.sigma());
        // ranked by mu*: x (4) first, c (0) last
        List<Morris.Effect> ranked = m.run(MorrisTest::analytic, 1).effects();
        assertEquals("x", ranked.get(0).factor().name());
        assertEquals("c", ranked.get(ranked.size() - 1).factor().name());
    }

    @Test
    void logScaleRangeMapsGeometrically() {
        Morris.Factor f = new Morris.Factor("k", "k", 0, 0.5, 2, true);
        assertEquals(0.5, f.at(0), 1e-15);
        assertEquals(1, f.at(0.5), 1e-15);
        assertEquals(2, f.at(1), 1e-15);
        // y = log2(k) is linear in the scaled position with slope 2 over the whole range
        Morris.Result r = new Morris(List.of(f), 5, 4, 3).run(v -> Math.log(v[0]) / Math.log(2), 1);
        assertEquals(2, r.effect("k").muStar(), 1e-12);
        assertEquals(0, r.effect("k").sigma(), 1e-12);
    }

    @Test
    void sameSeedSameResultOnAnyNumberOfThreads() {
        Morris m = new Morris(factors(), 30, 4, 42);
        Morris.Result one = m.run(MorrisTest::analytic, 1);
        Morris.Result four = m.run(MorrisTest::analytic, 4);
        assertEquals(one, four);
    }

    /** Seven factors, four of them on log scales, and an output with products, exp, log and a square. */
    private static Morris golden(int levels, int trajectories) {
        List<Morris.Factor> fs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            fs.add(new Morris.Factor("f" + i, "l", i, 0.5 + i, 2 + 2 * i, i % 2 == 0));
        }
        return new Morris(fs, trajectories, levels, 42 + trajectories);
    }

    private static double goldenOutput(double[] v) {
        return Math.sin(v[0]) * v[1] + Math.exp(0.1 * v[2]) * v[3] + v[4] * v[4] - Math.log(v[5]) + 0 * v[6];
    }

    @Test
    void resultsAreThoseOfTheUnsplitImplementationBitForBit() {
        // recorded with Morris before design() and analyse() were split out of run(): p = 6, r = 5, seed 47
        Morris.Result r = golden(6, 5).run(MorrisTest::goldenOutput, 3);
        String[] expected = {"f4:4052067503a4c213,4052067503a4c213,4033ef954359cfd0", "f3:401a9c4ed6d95cd6,401a9c4ed6d95cd6,3ff1b6584360e460",
            "f2:400a6c0122017efb,400a6c0122017efb,3fed3540fe86cf84", "f1:3fffbe87f8bce000,3fffbe87f8bce000,3fc4b20685b7f756",
            "f5:3fe72134cc91a56b,bfe72134cc91a56b,3fbad11d5d2e0db0", "f0:3fe4d3090989a6ab,3fe4d3090989a6ab,3fc764d38034795d", "f6:0,0,0"};
        for (int i = 0; i < expected.length; i++) {
            Morris.Effect e = r.effects().get(i);
            assertEquals(expected[i], e.factor().name() + ":" + Long.toHexString(Double.doubleToRawLongBits(e.muStar())) + ","
                    + Long.toHexString(Double.doubleToRawLongBits(e.mu())) + "," + Long.toHexString(Double.doubleToRawLongBits(e.sigma())));
        }
    }

    @Test
    void designThenAnalyseIsRunWhateverTheOrderOfEvaluation() {
        Morris m = golden(4, 5);
        Morris.Design d = m.design();
        assertEquals(5 * 8, d.size());
        double[] y = new double[d.size()];
        for (int n = d.size() - 1; n >= 0; n--) { // backwards: the order of evaluation does not matter
            y[n] = goldenOutput(d.values(n));
        }
        assertEquals(m.run(MorrisTest::goldenOutput, 2), m.analyse(d, y));
        assertEquals(m.design().values(13)[2], d.values(13)[2]);
        assertThrows(IllegalArgumentException.class, () -> m.analyse(d, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> golden(4, 4).analyse(d, y));
    }
}
