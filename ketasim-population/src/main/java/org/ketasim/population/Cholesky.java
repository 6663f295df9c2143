package org.ketasim.population;

/** Lower-triangular Cholesky factor of a small symmetric matrix. Package-private. */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * @param a     a symmetric matrix (only the lower triangle is read)
     * @param names the row names, for the message
     * @param what  what the matrix is, for the message
     * @return L with L L^T = a
     * @throws IllegalArgumentException when a is not positive definite
     */
    static double[][] factor(double[][] a, String[] names, String what) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 1e-12 * Math.max(1.0, a[i][i]))) {
                        throw new IllegalArgumentException(what + " are not positive definite: " + names[i]
                                + " is (nearly) a combination of " + String.join(", ", java.util.Arrays.copyOf(names, i))
                                + " under the correlations given; weaken or remove some");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }
}
