package org.ketasim.engine.solve;

/**
 * An adaptive, linearly implicit Rosenbrock integrator for stiff and mildly stiff systems.
 *
 * <p>Each step solves {@code s} linear systems with one matrix {@code I/(hγ) − J}, factored whenever h or J
 * changed (a W-method holds its step unless it may grow by 20 %, so consecutive steps share the factors).
 * The factorization follows the block-triangular structure of J ({@link BlockTriangularLu}): a
 * feed-forward PK/PD model costs a few small dense blocks instead of an n × n LU. Nothing is allocated
 * per step. {@code J = ∂f/∂y} and {@code ∂f/∂t} come from forward
 * differences, which costs {@code n + 1} right-hand-side evaluations (or from the system itself when it
 * implements {@link AnalyticJacobian}):
 * <ul>
 *   <li>for a classical Rosenbrock method ({@link RosenbrockTableau#RODAS4}) at every step, because its
 *       order needs the exact Jacobian at the step start;</li>
 *   <li>for a W-method ({@link RosenbrockTableau#ROS34PW2}) only at the start of each segment, after a
 *       rejected step, and when the Jacobian is {@value #MAX_JACOBIAN_AGE} accepted steps old (by
 *       default).</li>
 * </ul>
 *
 * <p>Step-size control is the standard one for embedded pairs (Hairer–Wanner IV.8): the weighted RMS
 * error {@code sqrt(mean((err_i / (atol + rtol·max(|y_i|, |y_new_i|)))²))} must be at most 1, and the next
 * step is {@code h · min(6, max(0.2, 0.9 · err^(-1/(p̂+1))))}, with no growth right after a rejection.
 *
 * <p>Dense output is the cubic Hermite interpolant through the values and derivatives at both step ends
 * (third order, and it conserves every linear invariant the steps conserve). The derivative at the step
 * end is the first stage of the next step, so the interpolant costs one evaluation per segment.
 *
 * <p>Not thread-safe: the integrator owns its working arrays. Use one per thread.
 */
public final class RosenbrockIntegrator implements SegmentIntegrator {

    /** Default number of accepted steps after which a W-method recomputes its Jacobian without a rejection. */
    public static final int MAX_JACOBIAN_AGE = 50;

    private static final double SAFETY = 0.9;
    private static final double MIN_FACTOR = 0.2;
    private static final double MAX_FACTOR = 6.0;
    private static final double REJECT_FACTOR = 0.1;
    private static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;
    private static final double SQRT_ROUNDOFF = Math.sqrt(UNIT_ROUNDOFF);
    private static final int MAX_CONSECUTIVE_FAILURES = 60;
    /**
     * A W-method keeps its step (and so its LU factors) unless the controller allows growth by at least this
     * factor: on the 50-state ketamine model this saves 85 % of the factorizations for 8 % more steps.
     */
    private static final double STEP_HYSTERESIS = 1.2;
    /** Smallest magnitude assumed for a state when choosing its finite-difference increment. */
    private static final double TYPICAL_FLOOR = 1e-5;

    private final RosenbrockTableau tableau;
    private final int n;
    private final double relativeTolerance;
    /** Absolute tolerance per state (state units). */
    private final double[] absoluteTolerance;
    private final double maxStep;
    private final double initialStep;
    private final double errorExponent;
    private final int maxJacobianAge;

    private final double[] jacobian;
    private final BlockTriangularLu lu;
    private final double[][] k;
    private double[] f0;
    private double[] f1;
    private final double[] dfdt;
    private final double[] errorEstimate;
    private final double[] yNew;
    private final double[] yStage;
    private final double[] fStage;
    private final double[] yPrevious;
    /** Largest magnitude seen per component, for the finite-difference increments. */
    private final double[] typical;
    private final Hermite hermite = new Hermite();

    private boolean factorsValid;
    private double factoredStep;
    private long evaluations;
    private int decompositions;
    private int accepted;
    private int rejected;
    private int jacobians;
    private int segments;
    // column groups of a SparseJacobian's pattern (built once per pattern)
    private int[] groupedFor;
    private final int[] columnStart;
    private int[] columnRow;
    private int groupCount;
    private final int[] groupStart;
    private final int[] groupColumn;
    private final double[] increment;

    /**
     * Creates an integrator for systems of a given size.
     *
     * @param tableau           the Rosenbrock method
     * @param dimension         number of state variables
     * @param relativeTolerance relative tolerance (dimensionless), in (0, 1)
     * @param absoluteTolerance absolute tolerance (state units), &gt; 0
     * @param maxStep           largest step (h), &gt; 0, may be infinite
     * @param initialStep       first step of each segment (h); 0 estimates it from the derivatives
     */
    public RosenbrockIntegrator(final RosenbrockTableau tableau, final int dimension,
                                final double relativeTolerance, final double absoluteTolerance,
                                final double maxStep, final double initialStep) {
        this(tableau, dimension, relativeTolerance, absoluteTolerance, maxStep, initialStep, MAX_JACOBIAN_AGE);
    }

    /**
     * Creates an integrator for systems of a given size, with a chosen Jacobian reuse.
     *
     * @param tableau           the Rosenbrock method
     * @param dimension         number of state variables
     * @param relativeTolerance relative tolerance (dimensionless), in (0, 1)
     * @param absoluteTolerance absolute tolerance (state units), &gt; 0
     * @param maxStep           largest step (h), &gt; 0, may be infinite
     * @param initialStep       first step of each segment (h); 0 estimates it from the derivatives
     * @param maxJacobianAge    for a W-method, accepted steps after which the Jacobian is recomputed even
     *                          without a rejection (&ge; 1; {@code Integer.MAX_VALUE} keeps the first
     *                          Jacobian of each segment); ignored by classical methods, which need a
     *                          fresh Jacobian every step
     */
    public RosenbrockIntegrator(final RosenbrockTableau tableau, final int dimension,
                                final double relativeTolerance, final double absoluteTolerance,
                                final double maxStep, final double initialStep, final int maxJacobianAge) {
        this(tableau, relativeTolerance, uniform(dimension, absoluteTolerance), maxStep, initialStep, maxJacobianAge);
    }

    /**
     * Creates an integrator with an absolute tolerance per state.
     *
     * @param tableau            the Rosenbrock method
     * @param relativeTolerance  relative tolerance (dimensionless), in (0, 1)
     * @param absoluteTolerances absolute tolerance of each state (state units), each &gt; 0; its length is the
     *                           dimension
     * @param maxStep            largest step (h), &gt; 0, may be infinite
     * @param initialStep        first step of each segment (h); 0 estimates it from the derivatives
     * @param maxJacobianAge     as for {@link #RosenbrockIntegrator(RosenbrockTableau, int, double, double, double,
     *                           double, int)}
     */
    public RosenbrockIntegrator(final RosenbrockTableau tableau, final double relativeTolerance,
                                final double[] absoluteTolerances, final double maxStep, final double initialStep,
                                final int maxJacobianAge) {
        final int dimension = absoluteTolerances.length;
        final double absoluteTolerance = absoluteTolerances.length == 0 ? 1 : absoluteTolerances[0];
        if (maxJacobianAge < 1) {
            throw new IllegalArgumentException("Jacobian reuse must be at least 1 step, got " + maxJacobianAge);
        }
        this.maxJacobianAge = maxJacobianAge;
        if (dimension < 1) {
            throw new IllegalArgumentException("ODE dimension must be >= 1, got " + dimension);
        }
        SolverOptions.checkTolerances(relativeTolerance, absoluteTolerance, maxStep, initialStep);
        for (final double a : absoluteTolerances) {
            SolverOptions.checkTolerances(relativeTolerance, a, maxStep, initialStep);
        }
        this.tableau = tableau;
        this.n = dimension;
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerances.clone();
        this.maxStep = maxStep;
        this.initialStep = initialStep;
        this.errorExponent = -1.0 / (Math.min(tableau.order(), tableau.embeddedOrder()) + 1);
        this.jacobian = new double[n * n];
        this.lu = new BlockTriangularLu(n);
        this.k = new double[tableau.stages()][n];
        this.f0 = new double[n];
        this.f1 = new double[n];
        this.dfdt = new double[n];
        this.errorEstimate = new double[n];
        this.yNew = new double[n];
        this.yStage = new double[n];
        this.fStage = new double[n];
        this.yPrevious = new double[n];
        this.typical = new double[n];
        java.util.Arrays.fill(typical, TYPICAL_FLOOR);
        this.columnStart = new int[n + 1];
        this.groupStart = new int[n + 1];
        this.groupColumn = new int[n];
        this.increment = new double[n];
    }

    @Override
    public int dimension() {
        return n;
    }

    /**
     * The method this integrator runs.
     *
     * @return the tableau
     */
    public RosenbrockTableau tableau() {
        return tableau;
    }

    @Override
    public SolverStatistics statistics() {
        return new SolverStatistics(evaluations, accepted, rejected, jacobians, decompositions, segments);
    }

    @Override
    public void integrate(final OdeSystem ode, final double t0, final double[] y, final double t1,
                          final StepObserver observer) {
        integrate(ode, t0, y, t1, observer, null);
    }

    /**
     * Integrates from {@code t0} towards {@code t1}, stopping early at the end of the first step after which
     * {@code stop} answers true.
     *
     * @return the time reached (h): {@code t1}, or the end of the step that triggered the stop
     */
    double integrate(final OdeSystem ode, final double t0, final double[] y, final double t1,
                     final StepObserver observer, final StopCondition stop) {
        Segments.check(n, t0, y, t1);
        segments++;
        if (t1 == t0) {
            return t1;
        }
        final double span = t1 - t0;
        double t = t0;
        evaluate(ode, t, y, f0);
        double h = initialStep > 0 ? initialStep : estimateInitialStep(ode, t, y, span);
        h = Math.min(h, Math.min(maxStep, span));

        boolean needJacobian = true;
        boolean jacobianAtCurrentPoint = false;
        int jacobianAge = 0;
        boolean lastRejected = false;
        int failures = 0;

        while (true) {
            final double remaining = t1 - t;
            // Stretch a step by up to 1 % rather than leave a sliver before the segment end.
            final boolean last = remaining <= h * 1.01;
            if (last) {
                h = remaining;
            }
            if (needJacobian) {
                for (int i = 0; i < n; i++) {
                    typical[i] = Math.max(typical[i], Math.abs(y[i]));
                }
                computeJacobian(ode, t, y);
                needJacobian = false;
                jacobianAtCurrentPoint = true;
                jacobianAge = 0;
            }

            final double error = attemptStep(ode, t, y, h);

            if (error <= 1.0) {
                final double tNew = last ? t1 : t + h;
                evaluate(ode, tNew, yNew, f1);
                System.arraycopy(y, 0, yPrevious, 0, n);
                System.arraycopy(yNew, 0, y, 0, n);
                hermite.set(t, tNew);
                observer.stepAccepted(hermite);
                final double[] swap = f0;
                f0 = f1;
                f1 = swap;
                t = tNew;
                accepted++;
                failures = 0;
                if (last) {
                    return t1;
                }
                if (stop != null && stop.stopAfter(t, y, f0, t - hermite.previousTime())) {
                    return t;
                }
                double factor = Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, SAFETY * Math.pow(Math.max(error, 1e-10), errorExponent)));
                if (lastRejected) {
                    factor = Math.min(factor, 1.0);
                }
                if (tableau.isWMethod() && factor >= 1.0 && factor < STEP_HYSTERESIS) {
                    // keep the step, and with it the LU factors of the stage matrix
                    factor = 1.0;
                }
                h = Math.min(h * factor, maxStep);
                lastRejected = false;
                jacobianAge++;
                jacobianAtCurrentPoint = false;
                needJacobian = !tableau.isWMethod() || jacobianAge >= maxJacobianAge;
            } else {
                rejected++;
                failures++;
                double factor = Double.isFinite(error)
                        ? Math.max(MIN_FACTOR, SAFETY * Math.pow(error, errorExponent))
                        : REJECT_FACTOR;
                if (lastRejected) {
                    factor = Math.min(factor, REJECT_FACTOR);
                }
                h *= factor;
                lastRejected = true;
                // A classical method already has the exact Jacobian at this point; a W-method refreshes a
                // stale one, which may be what made the step fail.
                needJacobian = !jacobianAtCurrentPoint;
                if (failures > MAX_CONSECUTIVE_FAILURES || !(h > 1e-14 * Math.max(1.0, Math.abs(t)))) {
                    throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                            "%s step size underflow at t = %.9g h (step %.3g h, error %.3g): the equations are not finite or too stiff",
                            tableau.name(), t, h, error));
                }
            }
        }
    }

    /**
     * Computes the stages for step h from (t, y); leaves the solution in yNew and returns the error norm.
     *
     * <p>The matrix {@code I/(γh) − J} is factored again only when h or J changed since the last
     * factorization.
     */
    private double attemptStep(final OdeSystem ode, final double t, final double[] y, final double h) {
        if (!factorsValid || h != factoredStep) {
            decompositions++;
            factorsValid = lu.factor(1.0 / (h * tableau.gamma()));
            factoredStep = h;
            if (!factorsValid) {
                return Double.POSITIVE_INFINITY;
            }
        }
        final int s = tableau.stages();
        double[] stageF = f0;
        for (int i = 0; i < s; i++) {
            if (tableau.newEvaluation(i)) {
                System.arraycopy(y, 0, yStage, 0, n);
                for (int j = 0; j < i; j++) {
                    final double aij = tableau.a(i, j);
                    if (aij != 0) {
                        final double[] kj = k[j];
                        for (int q = 0; q < n; q++) {
                            yStage[q] += aij * kj[q];
                        }
                    }
                }
                evaluate(ode, t + tableau.alpha(i) * h, yStage, fStage);
                stageF = fStage;
            }
            final double[] ki = k[i];
            final double hg = h * tableau.gammaSum(i);
            for (int q = 0; q < n; q++) {
                ki[q] = stageF[q] + hg * dfdt[q];
            }
            for (int j = 0; j < i; j++) {
                final double cij = tableau.c(i, j) / h;
                if (cij != 0) {
                    final double[] kj = k[j];
                    for (int q = 0; q < n; q++) {
                        ki[q] += cij * kj[q];
                    }
                }
            }
            lu.solve(ki);
        }
        // stage by stage over the whole vector (the JIT vectorises these loops); per component the sums are
        // taken in the same order as stage-innermost loops would
        System.arraycopy(y, 0, yNew, 0, n);
        java.util.Arrays.fill(errorEstimate, 0.0);
        for (int j = 0; j < s; j++) {
            final double mj = tableau.m(j);
            final double ej = tableau.e(j);
            final double[] kj = k[j];
            for (int q = 0; q < n; q++) {
                yNew[q] += mj * kj[q];
                errorEstimate[q] += ej * kj[q];
            }
        }
        double sum = 0;
        for (int q = 0; q < n; q++) {
            final double v = yNew[q];
            final double err = errorEstimate[q];
            final double scale = absoluteTolerance[q] + relativeTolerance * Math.max(Math.abs(y[q]), Math.abs(v));
            final double ratio = err / scale;
            sum += ratio * ratio;
        }
        final double error = Math.sqrt(sum / n);
        return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
    }

    /**
     * Forward-difference ∂f/∂y (row-major) and ∂f/∂t at (t, y), using f0 = f(t, y).
     *
     * <p>Column j uses the increment {@code sqrt(u)·max(|y_j|, typical_j)}, where {@code typical_j} is the
     * largest |y_j| seen so far in this integrator's life (at least {@value #TYPICAL_FLOOR}). Scaling by the
     * component's own magnitude keeps the rounding noise of the difference quotient near sqrt(u) even
     * when a drug amount has decayed to almost nothing in a long tail or is still zero before a dose;
     * that noise is what limits how well the method conserves mass. The time increment is
     * {@code sqrt(u)·max(|t|, 1 h)}.
     */
    private void computeJacobian(final OdeSystem ode, final double t, final double[] y) {
        jacobians++;
        factorsValid = false;
        if (ode instanceof AnalyticJacobian) {
            ((AnalyticJacobian) ode).computeJacobian(t, y, jacobian, dfdt);
            lu.analyze(jacobian);
            return;
        }
        if (ode instanceof SparseJacobian sparse && sparse.jacobianPattern() != null) {
            groupedJacobian(ode, t, y, sparse.jacobianPattern());
            return;
        }
        System.arraycopy(y, 0, yStage, 0, n);
        for (int j = 0; j < n; j++) {
            final double yj = y[j];
            final double target = yj + SQRT_ROUNDOFF * Math.max(Math.abs(yj), typical[j]);
            yStage[j] = target;
            final double delta = target - yj;
            evaluate(ode, t, yStage, fStage);
            for (int i = 0; i < n; i++) {
                jacobian[i * n + j] = (fStage[i] - f0[i]) / delta;
            }
            yStage[j] = yj;
        }
        final double tShift = t + SQRT_ROUNDOFF * Math.max(1.0, Math.abs(t));
        final double deltaT = tShift - t;
        evaluate(ode, tShift, y, fStage);
        for (int i = 0; i < n; i++) {
            dfdt[i] = (fStage[i] - f0[i]) / deltaT;
        }
        lu.analyze(jacobian);
    }

    /** As {@link #computeJacobian}, perturbing each column group at once (see {@link SparseJacobian}). */
    private void groupedJacobian(final OdeSystem ode, final double t, final double[] y, final int[] pattern) {
        if (pattern != groupedFor) {
            groupColumns(pattern);
        }
        System.arraycopy(y, 0, yStage, 0, n);
        for (int g = 0; g < groupCount; g++) {
            for (int c = groupStart[g]; c < groupStart[g + 1]; c++) {
                final int j = groupColumn[c];
                final double yj = y[j];
                final double target = yj + SQRT_ROUNDOFF * Math.max(Math.abs(yj), typical[j]);
                yStage[j] = target;
                increment[j] = target - yj;
            }
            evaluate(ode, t, yStage, fStage);
            for (int c = groupStart[g]; c < groupStart[g + 1]; c++) {
                final int j = groupColumn[c];
                final double delta = increment[j];
                for (int e = columnStart[j]; e < columnStart[j + 1]; e++) {
                    final int i = columnRow[e];
                    jacobian[i * n + j] = (fStage[i] - f0[i]) / delta;
                }
                yStage[j] = y[j];
            }
        }
        final double tShift = t + SQRT_ROUNDOFF * Math.max(1.0, Math.abs(t));
        final double deltaT = tShift - t;
        evaluate(ode, tShift, y, fStage);
        for (int i = 0; i < n; i++) {
            dfdt[i] = (fStage[i] - f0[i]) / deltaT;
        }
        lu.analyze(jacobian);
    }

    /** Column lists of the pattern, and a greedy colouring: columns sharing no row go in one group. */
    private void groupColumns(final int[] pattern) {
        java.util.Arrays.fill(jacobian, 0.0); // entries outside the pattern stay exactly zero from now on
        java.util.Arrays.fill(columnStart, 0);
        for (final int entry : pattern) {
            if (entry < 0 || entry >= n * n) {
                throw new IllegalArgumentException("Jacobian pattern entry " + entry + " outside " + n + " x " + n);
            }
            columnStart[entry % n + 1]++;
        }
        for (int j = 0; j < n; j++) {
            columnStart[j + 1] += columnStart[j];
        }
        columnRow = new int[pattern.length];
        final int[] fill = columnStart.clone();
        for (final int entry : pattern) {
            columnRow[fill[entry % n]++] = entry / n;
        }
        final int[] colour = new int[n];
        final int[] rowLastColour = new int[n * (n + 1)]; // rowLastColour[i * (n+1) + g]: row i already has colour g
        int colours = 0;
        for (int j = 0; j < n; j++) {
            int g = 0;
            search:
            while (true) {
                for (int e = columnStart[j]; e < columnStart[j + 1]; e++) {
                    if (rowLastColour[columnRow[e] * (n + 1) + g] != 0) {
                        g++;
                        continue search;
                    }
                }
                break;
            }
            colour[j] = g;
            colours = Math.max(colours, g + 1);
            for (int e = columnStart[j]; e < columnStart[j + 1]; e++) {
                rowLastColour[columnRow[e] * (n + 1) + g] = 1;
            }
        }
        groupCount = colours;
        java.util.Arrays.fill(groupStart, 0);
        for (int j = 0; j < n; j++) {
            groupStart[colour[j] + 1]++;
        }
        for (int g = 0; g < colours; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        final int[] at = groupStart.clone();
        for (int j = 0; j < n; j++) {
            groupColumn[at[colour[j]]++] = j;
        }
        groupedFor = pattern;
    }

    /** Hairer's starting-step heuristic (Solving ODEs I, II.4), one extra evaluation. */
    private double estimateInitialStep(final OdeSystem ode, final double t, final double[] y, final double span) {
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < n; i++) {
            final double scale = absoluteTolerance[i] + relativeTolerance * Math.abs(y[i]);
            d0 += (y[i] / scale) * (y[i] / scale);
            d1 += (f0[i] / scale) * (f0[i] / scale);
        }
        d0 = Math.sqrt(d0 / n);
        d1 = Math.sqrt(d1 / n);
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 * span : 0.01 * d0 / d1;
        h0 = Math.min(h0, span);
        for (int i = 0; i < n; i++) {
            yStage[i] = y[i] + h0 * f0[i];
        }
        evaluate(ode, t + h0, yStage, fStage);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            final double scale = absoluteTolerance[i] + relativeTolerance * Math.abs(y[i]);
            final double v = (fStage[i] - f0[i]) / scale;
            d2 += v * v;
        }
        d2 = Math.sqrt(d2 / n) / h0;
        final double dMax = Math.max(d1, d2);
        final double h1 = dMax <= 1e-15
                ? Math.max(1e-6 * span, h0 * 1e-3)
                : Math.pow(0.01 / dMax, 1.0 / (tableau.order() + 1));
        return Math.min(100 * h0, h1);
    }

    private static double[] uniform(final int dimension, final double value) {
        if (dimension < 1) {
            throw new IllegalArgumentException("ODE dimension must be >= 1, got " + dimension);
        }
        final double[] a = new double[dimension];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private void evaluate(final OdeSystem ode, final double t, final double[] y, final double[] out) {
        ode.computeDerivatives(t, y, out);
        evaluations++;
    }

    /** Cubic Hermite interpolation between the last two accepted points. */
    private final class Hermite implements StepInterpolator {

        private double tPrevious;
        private double tCurrent;

        void set(final double previous, final double current) {
            this.tPrevious = previous;
            this.tCurrent = current;
        }

        @Override
        public double previousTime() {
            return tPrevious;
        }

        @Override
        public double currentTime() {
            return tCurrent;
        }

        @Override
        public void stateAt(final double time, final double[] out) {
            if (time == tCurrent) {
                System.arraycopy(yNew, 0, out, 0, n);
                return;
            }
            if (time == tPrevious) {
                System.arraycopy(yPrevious, 0, out, 0, n);
                return;
            }
            final double h = tCurrent - tPrevious;
            final double theta = (time - tPrevious) / h;
            final double theta2 = theta * theta;
            final double theta3 = theta2 * theta;
            final double h00 = 2 * theta3 - 3 * theta2 + 1;
            final double h10 = (theta3 - 2 * theta2 + theta) * h;
            final double h01 = -2 * theta3 + 3 * theta2;
            final double h11 = (theta3 - theta2) * h;
            // During the observer call f0 still holds f(tPrevious) and f1 holds f(tCurrent).
            for (int i = 0; i < n; i++) {
                out[i] = h00 * yPrevious[i] + h10 * f0[i] + h01 * yNew[i] + h11 * f1[i];
            }
        }
    }
}
