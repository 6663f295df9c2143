/**
 * Integrators that advance a state across one smooth segment between dosing breakpoints.
 *
 * <p>A {@link org.ketasim.engine.solve.SegmentIntegrator} integrates an allocation-free
 * {@link org.ketasim.engine.solve.OdeSystem} from t0 to t1 and hands every accepted step, with its dense
 * output ({@link org.ketasim.engine.solve.StepInterpolator}), to a
 * {@link org.ketasim.engine.solve.StepObserver}. Pick one with
 * {@link org.ketasim.engine.solve.SolverOptions}:
 *
 * <pre>{@code
 * SegmentIntegrator integrator = SolverOptions.of(SolverMethod.RODAS4)
 *         .withTolerances(1e-8, 1e-10).createIntegrator(n);
 * integrator.integrate(ode, t0, y, t1, step -> step.stateAt(t, out));
 * }</pre>
 *
 * Integrators are cheap to create and not thread-safe; the simulator makes one per run.
 *
 * <p>Methods ({@link org.ketasim.engine.solve.SolverMethod}):
 * <ul>
 *   <li>{@code auto} (the default): Dormand–Prince 5(4) at the start of each segment, switching to
 *       ROS34PW2 once a power-iteration estimate of the Jacobian's spectral radius shows the explicit steps
 *       are held back by stability, and back again when the implicit steps turn out no longer than the
 *       explicit ones ({@link org.ketasim.engine.solve.StiffnessSwitchingIntegrator}).</li>
 *   <li>{@code dopri5}: KetaSim's allocation-free Dormand–Prince 5(4) as in Hairer's DOPRI5
 *       ({@link org.ketasim.engine.solve.DormandPrinceIntegrator}); {@code dopri853}: Hipparchus' 8(5,3).
 *       Best while the solution changes quickly (infusions, the hours after a dose); stability-limited in a
 *       stiff tail.</li>
 *   <li>{@code rodas4}: Hairer–Wanner RODAS4, a 6-stage L-stable Rosenbrock method of order 4(3) with a
 *       Jacobian every step. The most accurate per step; each finite-difference Jacobian costs n + 1
 *       right-hand-side evaluations.</li>
 *   <li>{@code ros34pw2}: Rang–Angermann ROS34PW2, a 4-stage L-stable Rosenbrock–W method of order 3(2).
 *       As a W-method it keeps its order with a stale Jacobian, so one Jacobian serves many steps.</li>
 * </ul>
 * The two Rosenbrock methods share {@link org.ketasim.engine.solve.RosenbrockIntegrator}: a
 * finite-difference Jacobian (or the system's own, see {@link org.ketasim.engine.solve.AnalyticJacobian}),
 * a stage matrix factored along the block-triangular structure of the Jacobian (feed-forward PK/PD models
 * factor a few tiny blocks), the standard embedded error control, and cubic Hermite dense output from the
 * values and derivatives at both step ends (free: the end derivative is the next step's first stage).
 *
 * <p>Tolerances: a step is accepted when the RMS over components of
 * {@code err_i / (atol_i + rtol·max(|y_i|, |y_new_i|))} is at most 1; rtol is dimensionless, and
 * {@code atol_i} is atol times the size of state i's declared unit
 * ({@link org.ketasim.engine.solve.SolverOptions#createIntegrator(double[])}): 1e-9 mg for an amount, 1e-9 mmHg
 * for a pressure.
 *
 * <p>Work on the 51-state {@code models/ketamine.ksm} (six 40-min infusions, 60 days, rtol 1e-6, atol
 * 1e-9, one core, November 2026, after the speed work of issue 6): {@code auto} 15.1k right-hand-side
 * evaluations and about 5.3 ms per subject; docs/performance.md has the history and the other methods.
 */
package org.ketasim.engine.solve;
