package org.ketasim.engine.solve;

/** Argument checks shared by the segment integrators. */
final class Segments {

    private Segments() {
    }

    static void check(final int dimension, final double t0, final double[] y, final double t1) {
        if (y.length != dimension) {
            throw new IllegalArgumentException("state has " + y.length + " components, integrator expects " + dimension);
        }
        if (!Double.isFinite(t0) || !Double.isFinite(t1) || t1 < t0) {
            throw new IllegalArgumentException("segment must satisfy t0 <= t1, both finite; got [" + t0 + ", " + t1 + "] h");
        }
    }
}
