package org.ketasim.engine.solve;

/**
 * A system that knows which entries of its Jacobian can be non-zero. The Rosenbrock integrator then perturbs
 * together all states that no right-hand side reads two of (Curtis–Powell–Reid column groups): for the ketamine
 * model about ten evaluations per finite-difference Jacobian instead of 52. Each entry is the same difference
 * quotient as with one state perturbed at a time, bit for bit, because the other states perturbed with it do not
 * appear in its row.
 */
public interface SparseJacobian extends OdeSystem {

    /**
     * The structural non-zeros.
     *
     * @return the entries {@code i * n + j} where {@code f_i} may depend on {@code y_j}, ascending; the same array
     *         on every call (the integrator caches its column groups by identity)
     */
    int[] jacobianPattern();
}
