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
        return factor(a, 0, n, pivot, 0);
    }

    /** Solves (LU) x = b in place, {@code b} becoming x. */
    static void solve(final double[] lu, final int n, final int[] pivot, final double[] b) {
        solve(lu, 0, n, pivot, 0, b, 0);
    }

    /**
     * Factors the n × n row-major matrix stored in {@code a} from {@code offset}, writing its pivots to
     * {@code pivot} from {@code pivotOffset}.
     *
     * @return false if the matrix is singular to working precision
     */
    static boolean factor(final double[] a, final int offset, final int n, final int[] pivot, final int pivotOffset) {
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(a[offset + k * n + k]);
            for (int i = k + 1; i < n; i++) {
                final double v = Math.abs(a[offset + i * n + k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            pivot[pivotOffset + k] = p;
            if (!(max > 0) || !Double.isFinite(max)) {
                return false;
            }
            if (p != k) {
                final int rk = k * n;
                final int rp = p * n;
                for (int j = 0; j < n; j++) {
                    final double tmp = a[offset + rk + j];
                    a[offset + rk + j] = a[offset + rp + j];
                    a[offset + rp + j] = tmp;
                }
            }
            final double inv = 1.0 / a[offset + k * n + k];
            for (int i = k + 1; i < n; i++) {
                final int ri = i * n;
                final double l = a[offset + ri + k] * inv;
                a[offset + ri + k] = l;
                if (l != 0) {
                    final int rk = k * n;
                    for (int j = k + 1; j < n; j++) {
                        a[offset + ri + j] -= l * a[offset + rk + j];
                    }
                }
            }
        }
        return true;
    }

    /**
     * Solves (LU) x = b in place for the factors stored from {@code offset} (pivots from
     * {@code pivotOffset}); b is read and x written at {@code b[bOffset .. bOffset + n)}.
     */
    static void solve(final double[] lu, final int offset, final int n, final int[] pivot, final int pivotOffset,
                      final double[] b, final int bOffset) {
        for (int k = 0; k < n; k++) {
            final int p = pivot[pivotOffset + k];
            if (p != k) {
                final double tmp = b[bOffset + k];
                b[bOffset + k] = b[bOffset + p];
                b[bOffset + p] = tmp;
            }
        }
        for (int i = 1; i < n; i++) {
            final int ri = offset + i * n;
            double s = b[bOffset + i];
            for (int j = 0; j < i; j++) {
                s -= lu[ri + j] * b[bOffset + j];
            }
            b[bOffset + i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            final int ri = offset + i * n;
            double s = b[bOffset + i];
            for (int j = i + 1; j < n; j++) {
                s -= lu[ri + j] * b[bOffset + j];
            }
            b[bOffset + i] = s / lu[ri + i];
        }
    }
}
