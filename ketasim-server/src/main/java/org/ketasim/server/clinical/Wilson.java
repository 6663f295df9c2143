package org.ketasim.server.clinical;

/** Wilson score interval for a proportion (Wilson 1927), the interval the trial module uses for rates. */
public final class Wilson {

    private Wilson() {
    }

    /** The 95 % interval {lo, hi} for {@code k} successes out of {@code n}; {0, 1} when n = 0. */
    public static double[] ci95(int k, int n) {
        if (n <= 0) {
            return new double[] {0, 1};
        }
        double z = 1.959963984540054;
        double p = (double) k / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n)) / (1 + z2n);
        return new double[] {k == 0 ? 0 : Math.max(0, centre - half), k == n ? 1 : Math.min(1, centre + half)};
    }
}
