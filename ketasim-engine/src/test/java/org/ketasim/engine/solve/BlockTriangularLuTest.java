package org.ketasim.engine.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockTriangularLuTest {

    /** Random sparse J with the given density; checks (d·I − J) x = b by the residual. */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.05, 0.1, 0.2, 0.5, 1.0})
    void solvesSparseSystemsOfAnyStructure(final double density) {
        final Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            final int n = 1 + random.nextInt(30);
            final double[] jac = new double[n * n];
            for (int i = 0; i < n * n; i++) {
                if (random.nextDouble() < density) {
                    jac[i] = random.nextGaussian() * 5;
                }
            }
            final double d = 1 + random.nextDouble() * 100;
            final BlockTriangularLu lu = new BlockTriangularLu(n);
            lu.analyze(jac);
            assertThat(lu.factor(d)).isTrue();
            final double[] b = random.doubles(n, -1, 1).toArray();
            final double[] x = b.clone();
            lu.solve(x);
            for (int i = 0; i < n; i++) {
                double r = d * x[i];
                for (int j = 0; j < n; j++) {
                    r -= jac[i * n + j] * x[j];
                }
                assertThat(r).as("n %d density %s row %d", n, density, i).isCloseTo(b[i], within(1e-9));
            }
        }
    }

    @Test
    void findsTheFeedForwardBlocksOfAPkPdChain() {
        // 0 ↔ 1 (central/peripheral), 2 ← 0 (metabolite), 3 ← 2 (effect site), 4 ↔ 5 ← 3 (surge, adaptation)
        final int n = 6;
        final double[] jac = new double[n * n];
        set(jac, n, 0, 0, -3); set(jac, n, 0, 1, 1); set(jac, n, 1, 0, 2); set(jac, n, 1, 1, -1);
        set(jac, n, 2, 0, 0.7); set(jac, n, 2, 2, -0.5);
        set(jac, n, 3, 2, 5); set(jac, n, 3, 3, -5);
        set(jac, n, 4, 3, 1); set(jac, n, 4, 4, -4); set(jac, n, 4, 5, -4); set(jac, n, 5, 4, 1); set(jac, n, 5, 5, -1);
        final BlockTriangularLu lu = new BlockTriangularLu(n);
        lu.analyze(jac);
        assertThat(lu.blocks()).isEqualTo(4);
        assertThat(lu.largestBlock()).isEqualTo(2);
    }

    /**
     * One factorizer fed a sequence of Jacobians whose patterns differ (entries switching off and on, as
     * {@code pos()} does): each solve must be exact for its own J, and the blocks merge when a new entry closes a
     * cycle.
     */
    @Test
    void staysExactWhenTheSparsityPatternChangesBetweenJacobians() {
        final Random random = new Random(11);
        final int n = 12;
        final BlockTriangularLu lu = new BlockTriangularLu(n);
        final double[] base = new double[n * n];
        for (int i = 0; i < n; i++) {
            base[i * n + i] = -1 - random.nextDouble();
            if (i > 0) {
                base[i * n + i - 1] = random.nextGaussian(); // a feed-forward chain: n single-state blocks
            }
        }
        lu.analyze(base);
        assertThat(lu.blocks()).isEqualTo(n);
        for (int round = 0; round < 30; round++) {
            final double[] jac = base.clone();
            // switch some chain couplings off (a subset of the pattern) ...
            for (int i = 1; i < n; i++) {
                if (random.nextDouble() < 0.3) {
                    jac[i * n + i - 1] = 0;
                }
            }
            // ... and, from round 20, one feedback entry on (a new non-zero that closes the cycle 3 → 8 → 3)
            if (round >= 20) {
                jac[3 * n + 8] = 0.5;
            }
            lu.analyze(jac);
            assertThat(lu.blocks()).isEqualTo(round >= 20 ? n - 5 : n);
            final double d = 1 + 50 * random.nextDouble();
            assertThat(lu.factor(d)).isTrue();
            final double[] b = random.doubles(n, -1, 1).toArray();
            final double[] x = b.clone();
            lu.solve(x);
            for (int i = 0; i < n; i++) {
                double r = d * x[i];
                for (int j = 0; j < n; j++) {
                    r -= jac[i * n + j] * x[j];
                }
                assertThat(r).as("round %d row %d", round, i).isCloseTo(b[i], within(1e-12));
            }
        }
    }

    @Test
    void reportsASingularBlock() {
        final double[] jac = {1, 0, 0, 0};
        final BlockTriangularLu lu = new BlockTriangularLu(2);
        lu.analyze(jac);
        assertThat(lu.factor(1.0)).isFalse();
        assertThat(lu.factor(2.0)).isTrue();
    }

    private static void set(final double[] jac, final int n, final int i, final int j, final double v) {
        jac[i * n + j] = v;
    }
}
