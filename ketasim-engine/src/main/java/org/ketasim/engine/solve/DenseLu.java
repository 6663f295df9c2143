package org.ketasim.engine.solve;

/**
 * In-place LU decomposition with partial pivoting of a small dense row-major matrix, and the matching
 * forward/back substitution. Allocation-free, for the Rosenbrock stage systems (a few dozen unknowns).
 */
final class DenseLu {

    private DenseLu() {
    }

    /**
     * Factors {@code a} (n × n, row-major) in place into L (unit lower, below the diagonal) and U.
     *
     * @return false if a pivot is zero or not finite (the matrix is singular to working precision)
     */
    static boolean factor(final double[] a, final int n, final int[] pivot) {
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                final double v = Math.abs(a[i * n + k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            pivot[k] = p;
            if (!(max > 0) || !Double.isFinite(max)) {
                return false;
            }
            if (p != k) {
                final int rk = k * n;
                final int rp = p * n;
                for (int j = 0; j < n; j++) {
                    final double tmp = a[rk + j];
                    a[rk + j] = a[rp + j];
                    a[rp + j] = tmp;
                }
            }
            final double inv = 1.0 / a[k * n + k];
            for (int i = k + 1; i < n; i++) {
                final int ri = i * n;
                final double l = a[ri + k] * inv;
                a[ri + k] = l;
                if (l != 0) {
                    final int rk = k * n;
                    for (int j = k + 1; j < n; j++) {
                        a[ri + j] -= l * a[rk + j];
                    }
                }
            }
        }
        return true;
    }

    /** Solves (LU) x = b in place, {@code b} becoming x. */
    static void solve(final double[] lu, final int n, final int[] pivot, final double[] b) {
        for (int k = 0; k < n; k++) {
            final int p = pivot[k];
            if (p != k) {
                final double tmp = b[k];
                b[k] = b[p];
                b[p] = tmp;
            }
        }
        for (int i = 1; i < n; i++) {
            final int ri = i * n;
            double s = b[i];
            for (int j = 0; j < i; j++) {
                s -= lu[ri + j] * b[j];
            }
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            final int ri = i * n;
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= lu[ri + j] * b[j];
            }
            b[i] = s / lu[ri + i];
        }
    }
}
