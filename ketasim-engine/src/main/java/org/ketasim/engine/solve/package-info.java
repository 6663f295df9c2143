/**
 * Integrators that advance a state across one smooth segment between dosing breakpoints.
 *
 * <p>A {@link org.ketasim.engine.solve.SegmentIntegrator} integrates an allocation-free
 * {@link org.ketasim.engine.solve.OdeSystem} from t0 to t1 and hands every accepted step, with its dense
 * output ({@link org.ketasim.engine.solve.StepInterpolator}), to a
 * {@link org.ketasim.engine.solve.StepObserver}. Pick one with
 * {@link org.ketasim.engine.solve.SolverOptions} ({@code SolverOptions.of(SolverMethod.RODAS4)
 * .withTolerances(1e-8, 1e-10).createIntegrator(n)}); integrators are cheap to create and not
 * thread-safe.
 *
 * <p>Methods ({@link org.ketasim.engine.solve.SolverMethod}):
 * <ul>
 *   <li>{@code dopri5}, {@code dopri853}: Hipparchus' explicit Dormand–Prince pairs with their own
 *       continuous extensions. Best while the solution changes quickly (infusions, the hours after a
 *       dose); they become stability-limited in a stiff tail.</li>
 *   <li>{@code rodas4}: Hairer–Wanner RODAS4, a 6-stage L-stable Rosenbrock method of order 4(3) with a
 *       finite-difference Jacobian every step. The most accurate per step; each Jacobian costs n + 1
 *       right-hand-side evaluations.</li>
 *   <li>{@code ros34pw2}: Rang–Angermann ROS34PW2, a 4-stage L-stable Rosenbrock–W method of order 3(2).
 *       As a W-method it keeps its order with a stale Jacobian, so one Jacobian serves many steps.</li>
 * </ul>
 * The two Rosenbrock methods share {@link org.ketasim.engine.solve.RosenbrockIntegrator}: a small dense
 * LU without allocation, the standard embedded error control, and cubic Hermite dense output from the
 * values and derivatives at both step ends (free: the end derivative is the next step's first stage).
 *
 * <p>Tolerances: a step is accepted when the RMS over components of
 * {@code err_i / (atol + rtol·max(|y_i|, |y_new_i|))} is at most 1; rtol is dimensionless, atol is in
 * state units (mg for amounts).
 */
package org.ketasim.engine.solve;
