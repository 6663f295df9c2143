package org.ketasim.engine.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the tableaus' algebraic order conditions. The transformed coefficients are mapped back to the
 * classical form (Γ⁻¹ = diag(1/γ) − C, Γ = (Γ⁻¹)⁻¹, α = A·Γ, b = m·Γ) and the Rosenbrock conditions of
 * Hairer–Wanner II, Table IV.7.1 are evaluated with β_ij = α_ij + γ_ij (j &lt; i), β'_i = Σ_j β_ij,
 * α_i = Σ_j α_ij.
 */
class RosenbrockTableauTest {

    @ParameterizedTest
    @ValueSource(strings = {"RODAS4", "ROS34PW2"})
    void satisfiesOrderConditions(final String name) {
        final RosenbrockTableau tab = name.equals("RODAS4") ? RosenbrockTableau.RODAS4 : RosenbrockTableau.ROS34PW2;
        final int s = tab.stages();
        final double g = tab.gamma();
        final double[][] gInv = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                gInv[i][j] = -tab.c(i, j);
            }
            gInv[i][i] = 1 / g;
        }
        final double[][] big = invertLower(gInv);
        final double[][] alpha = new double[s][s];
        final double[] b = new double[s];
        final double[] bHat = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                for (int k = 0; k < i; k++) {
                    alpha[i][j] += tab.a(i, k) * big[k][j];
                }
                b[j] += tab.m(i) * big[i][j];
                bHat[j] += (tab.m(i) - tab.e(i)) * big[i][j];
            }
        }
        final double[] ai = new double[s];
        final double[] bp = new double[s];
        final double[][] beta = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                beta[i][j] = alpha[i][j] + big[i][j];
                ai[i] += alpha[i][j];
                bp[i] += beta[i][j];
            }
            assertThat(ai[i]).as("alpha_%d", i).isCloseTo(tab.alpha(i), within(1e-12));
            assertThat(row(big, i)).as("gamma_%d", i).isCloseTo(tab.gammaSum(i), within(1e-12));
        }
        final double[] conditions = conditions(b, ai, bp, alpha, beta, g);
        final double[] embedded = conditions(bHat, ai, bp, alpha, beta, g);
        final int[] count = {1, 2, 4, 8};
        for (int c = 0; c < count[tab.order() - 1]; c++) {
            assertThat(conditions[c]).as("%s order condition %d", name, c + 1).isCloseTo(0, within(5e-12));
        }
        for (int c = 0; c < count[tab.embeddedOrder() - 1]; c++) {
            assertThat(embedded[c]).as("%s embedded condition %d", name, c + 1).isCloseTo(0, within(5e-12));
        }
        // and the embedded method is genuinely of lower order, so the difference estimates the error
        double violation = 0;
        for (int c = count[tab.embeddedOrder() - 1]; c < count[tab.embeddedOrder()]; c++) {
            violation = Math.max(violation, Math.abs(embedded[c]));
        }
        assertThat(violation).isGreaterThan(1e-3);
    }

    private static double row(final double[][] m, final int i) {
        double sum = 0;
        for (final double v : m[i]) {
            sum += v;
        }
        return sum;
    }

    /** Conditions up to order 4, as residuals (0 when satisfied). */
    private static double[] conditions(final double[] b, final double[] a, final double[] bp, final double[][] alpha,
                                       final double[][] beta, final double g) {
        final int s = b.length;
        final double[] betaBp = multiply(beta, bp);
        final double[] betaA2 = new double[s];
        final double[] a2 = new double[s];
        for (int i = 0; i < s; i++) {
            a2[i] = a[i] * a[i];
        }
        final double[] bA2 = multiply(beta, a2);
        final double[] betaBetaBp = multiply(beta, betaBp);
        final double[] alphaBp = multiply(alpha, bp);
        System.arraycopy(bA2, 0, betaA2, 0, s);
        return new double[] {
            dot(b, ones(s)) - 1,
            dot(b, bp) - (0.5 - g),
            dot(b, a2) - 1.0 / 3,
            dot(b, betaBp) - (1.0 / 6 - g + g * g),
            dot(b, cube(a)) - 0.25,
            dot(b, times(a, alphaBp)) - (1.0 / 8 - g / 3),
            dot(b, betaA2) - (1.0 / 12 - g / 3),
            dot(b, betaBetaBp) - (1.0 / 24 - g / 2 + 1.5 * g * g - g * g * g),
        };
    }

    private static double[] multiply(final double[][] m, final double[] v) {
        final double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                r[i] += m[i][j] * v[j];
            }
        }
        return r;
    }

    private static double dot(final double[] x, final double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private static double[] ones(final int s) {
        final double[] r = new double[s];
        java.util.Arrays.fill(r, 1);
        return r;
    }

    private static double[] cube(final double[] x) {
        final double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i] * x[i] * x[i];
        }
        return r;
    }

    private static double[] times(final double[] x, final double[] y) {
        final double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i] * y[i];
        }
        return r;
    }

    private static double[][] invertLower(final double[][] l) {
        final int s = l.length;
        final double[][] inv = new double[s][s];
        for (int col = 0; col < s; col++) {
            for (int i = 0; i < s; i++) {
                double v = i == col ? 1 : 0;
                for (int k = 0; k < i; k++) {
                    v -= l[i][k] * inv[k][col];
                }
                inv[i][col] = v / l[i][i];
            }
        }
        return inv;
    }
}
