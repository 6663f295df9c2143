package org.ketasim.engine.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class DenseLuTest {

    @Test
    void solvesLikeHipparchusLuDecomposition() {
        final Random random = new Random(42);
        for (int n = 1; n <= 25; n += 3) {
            final double[][] a = new double[n][n];
            final double[] flat = new double[n * n];
            final double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = random.nextGaussian();
                for (int j = 0; j < n; j++) {
                    a[i][j] = random.nextGaussian();
                    flat[i * n + j] = a[i][j];
                }
            }
            final int[] pivot = new int[n];
            assertThat(DenseLu.factor(flat, n, pivot)).isTrue();
            final double[] x = b.clone();
            DenseLu.solve(flat, n, pivot, x);
            final RealMatrix matrix = MatrixUtils.createRealMatrix(a);
            final double[] expected = new LUDecomposition(matrix).getSolver()
                    .solve(MatrixUtils.createRealVector(b)).toArray();
            for (int i = 0; i < n; i++) {
                assertThat(x[i]).isCloseTo(expected[i], within(1e-9 * (1 + Math.abs(expected[i]))));
            }
            final double[] residual = matrix.operate(x);
            for (int i = 0; i < n; i++) {
                assertThat(residual[i]).isCloseTo(b[i], within(1e-10));
            }
        }
    }

    @Test
    void reportsSingularMatrices() {
        final double[] singular = {1, 2, 2, 4};
        assertThat(DenseLu.factor(singular, 2, new int[2])).isFalse();
        final double[] notFinite = {Double.NaN, 0, 0, 1};
        assertThat(DenseLu.factor(notFinite, 2, new int[2])).isFalse();
    }
}
