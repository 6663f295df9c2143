package org.ketasim.engine.solve;

/**
 * The explicit Dormand–Prince 5(4) pair with its 4th-order continuous extension, as in Hairer's DOPRI5
 * (Hairer, Nørsett and Wanner, Solving ODEs I, II.4–II.6): seven stages with the last evaluated at the new
 * point and reused as the first of the next step (FSAL), the error of the embedded 4th-order solution in the
 * weighted RMS norm {@code sqrt(mean((err_i / (atol_i + rtol·max(|y_i|, |y_new_i|)))²))}, and the
 * PI step-size controller of DOPRI5 (β = 0.04, safety 0.9, step ratio in [0.2, 10], no growth right after a
 * rejection).
 *
 * <p>It replaces Hipparchus' {@code DormandPrince54Integrator} on the simulator's hot path because that class
 * allocates new arrays for every evaluation, step and interpolator; this one allocates nothing per step, which
 * on the 51-state ketamine model made the explicit steps about twice as fast for the same steps and
 * evaluations (docs/performance.md). Not thread-safe: use one per thread.
 */
public final class DormandPrinceIntegrator implements SegmentIntegrator {

    private static final double C2 = 1.0 / 5;
    private static final double C3 = 3.0 / 10;
    private static final double C4 = 4.0 / 5;
    private static final double C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40;
    private static final double A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45;
    private static final double A42 = -56.0 / 15;
    private static final double A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561;
    private static final double A52 = -25360.0 / 2187;
    private static final double A53 = 64448.0 / 6561;
    private static final double A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168;
    private static final double A62 = -355.0 / 33;
    private static final double A63 = 46732.0 / 5247;
    private static final double A64 = 49.0 / 176;
    private static final double A65 = -5103.0 / 18656;
    private static final double A71 = 35.0 / 384;
    private static final double A73 = 500.0 / 1113;
    private static final double A74 = 125.0 / 192;
    private static final double A75 = -2187.0 / 6784;
    private static final double A76 = 11.0 / 84;
    private static final double E1 = 71.0 / 57600;
    private static final double E3 = -71.0 / 16695;
    private static final double E4 = 71.0 / 1920;
    private static final double E5 = -17253.0 / 339200;
    private static final double E6 = 22.0 / 525;
    private static final double E7 = -1.0 / 40;
    // dense output (Shampine), as in Hairer's DOPRI5
    private static final double D1 = -12715105075.0 / 11282082432.0;
    private static final double D3 = 87487479700.0 / 32700410799.0;
    private static final double D4 = -10690763975.0 / 1880347072.0;
    private static final double D5 = 701980252875.0 / 199316789632.0;
    private static final double D6 = -1453857185.0 / 822651844.0;
    private static final double D7 = 69997945.0 / 29380423.0;

    private static final double SAFETY = 0.9;
    private static final double BETA = 0.04;
    private static final double EXPONENT = 0.2 - BETA * 0.75;
    private static final double MIN_RATIO = 0.2;
    private static final double MAX_RATIO = 10.0;
    private static final int MAX_CONSECUTIVE_FAILURES = 60;

    private final int n;
    private final double relativeTolerance;
    private final double[] absoluteTolerance;
    private final double maxStep;
    private final double initialStep;

    private double[] k1;
    private final double[] k2;
    private final double[] k3;
    private final double[] k4;
    private final double[] k5;
    private final double[] k6;
    private double[] k7;
    private final double[] yStage;
    private final double[] yNew;
    private final double[] yOld;
    // the continuous extension's coefficients, computed only for steps that are asked for a value inside
    private final double[] cont2;
    private final double[] cont3;
    private final double[] cont4;
    private final double[] cont5;
    private final Dense dense = new Dense();

    private long evaluations;
    private int accepted;
    private int rejected;
    private int segments;

    /**
     * Creates an integrator with an absolute tolerance per state.
     *
     * @param relativeTolerance  relative tolerance (dimensionless), in (0, 1)
     * @param absoluteTolerances absolute tolerance of each state (state units), each &gt; 0; its length is the
     *                           dimension
     * @param maxStep            largest step (h), &gt; 0, may be infinite
     * @param initialStep        first step of each segment (h); 0 estimates it from the derivatives
     */
    public DormandPrinceIntegrator(final double relativeTolerance, final double[] absoluteTolerances,
                                   final double maxStep, final double initialStep) {
        n = absoluteTolerances.length;
        if (n < 1) {
            throw new IllegalArgumentException("ODE dimension must be >= 1, got " + n);
        }
        for (final double a : absoluteTolerances) {
            SolverOptions.checkTolerances(relativeTolerance, a, maxStep, initialStep);
        }
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerances.clone();
        this.maxStep = maxStep;
        this.initialStep = initialStep;
        k1 = new double[n];
        k2 = new double[n];
        k3 = new double[n];
        k4 = new double[n];
        k5 = new double[n];
        k6 = new double[n];
        k7 = new double[n];
        yStage = new double[n];
        yNew = new double[n];
        yOld = new double[n];
        cont2 = new double[n];
        cont3 = new double[n];
        cont4 = new double[n];
        cont5 = new double[n];
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public SolverStatistics statistics() {
        return new SolverStatistics(evaluations, accepted, rejected, 0, 0, segments);
    }

    /** Counts a right-hand-side evaluation made on this integrator's behalf (stiffness probes). */
    void countEvaluation() {
        evaluations++;
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
        double t = t0;
        evaluate(ode, t, y, k1);
        double h = initialStep > 0 ? initialStep : initialStep(ode, t, y, t1 - t0);
        h = Math.min(h, Math.min(maxStep, t1 - t0));
        double previousError = 1e-4;
        boolean lastRejected = false;
        int failures = 0;
        while (true) {
            final double remaining = t1 - t;
            // stretch a step by up to 1 % rather than leave a sliver before the segment end
            final boolean last = remaining <= h * 1.01;
            if (last) {
                h = remaining;
            }
            final double error = attemptStep(ode, t, y, h);
            if (error <= 1.0) {
                final double tNew = last ? t1 : t + h;
                System.arraycopy(y, 0, yOld, 0, n);
                System.arraycopy(yNew, 0, y, 0, n);
                dense.set(t, tNew, h);
                observer.stepAccepted(dense);
                final double[] swap = k1;
                k1 = k7;
                k7 = swap;
                final double taken = tNew - t;
                t = tNew;
                accepted++;
                failures = 0;
                if (last) {
                    return t1;
                }
                if (stop != null && stop.stopAfter(t, y, k1, taken)) {
                    return t;
                }
                final double fac11 = Math.pow(Math.max(error, 1e-10), EXPONENT);
                double ratio = 1.0 / Math.max(1.0 / MAX_RATIO, Math.min(1.0 / MIN_RATIO, fac11 / Math.pow(previousError, BETA) / SAFETY));
                if (lastRejected) {
                    ratio = Math.min(ratio, 1.0);
                }
                previousError = Math.max(error, 1e-4);
                h = Math.min(h * ratio, maxStep);
                lastRejected = false;
            } else {
                rejected++;
                failures++;
                final double ratio = Double.isFinite(error)
                        ? 1.0 / Math.min(1.0 / MIN_RATIO, Math.pow(error, EXPONENT) / SAFETY)
                        : 0.1;
                h *= lastRejected ? Math.min(ratio, 0.5) : ratio;
                lastRejected = true;
                if (failures > MAX_CONSECUTIVE_FAILURES || !(h > 1e-14 * Math.max(1.0, Math.abs(t)))) {
                    throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                            "Dormand-Prince 5(4) step size underflow at t = %.9g h (step %.3g h, error %.3g): "
                                    + "the equations are not finite or too stiff", t, h, error));
                }
            }
        }
    }

    /** The six new stages of one step from (t, y) with k1 = f(t, y); the 5th-order result in yNew, k7 = f(t+h, yNew). */
    private double attemptStep(final OdeSystem ode, final double t, final double[] y, final double h) {
        for (int i = 0; i < n; i++) {
            yStage[i] = y[i] + h * A21 * k1[i];
        }
        evaluate(ode, t + C2 * h, yStage, k2);
        for (int i = 0; i < n; i++) {
            yStage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
        }
        evaluate(ode, t + C3 * h, yStage, k3);
        for (int i = 0; i < n; i++) {
            yStage[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        }
        evaluate(ode, t + C4 * h, yStage, k4);
        for (int i = 0; i < n; i++) {
            yStage[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        }
        evaluate(ode, t + C5 * h, yStage, k5);
        for (int i = 0; i < n; i++) {
            yStage[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        }
        final double tEnd = t + h;
        evaluate(ode, tEnd, yStage, k6);
        for (int i = 0; i < n; i++) {
            yNew[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
        }
        evaluate(ode, tEnd, yNew, k7);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            final double err = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
            final double scale = absoluteTolerance[i] + relativeTolerance * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
            final double ratio = err / scale;
            sum += ratio * ratio;
        }
        final double error = Math.sqrt(sum / n);
        return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
    }

    /** Hairer's starting-step heuristic (Solving ODEs I, II.4), one extra evaluation; k1 holds f(t, y). */
    private double initialStep(final OdeSystem ode, final double t, final double[] y, final double span) {
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < n; i++) {
            final double scale = absoluteTolerance[i] + relativeTolerance * Math.abs(y[i]);
            d0 += (y[i] / scale) * (y[i] / scale);
            d1 += (k1[i] / scale) * (k1[i] / scale);
        }
        d0 = Math.sqrt(d0 / n);
        d1 = Math.sqrt(d1 / n);
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 * span : 0.01 * d0 / d1;
        h0 = Math.min(h0, Math.min(span, maxStep));
        for (int i = 0; i < n; i++) {
            yStage[i] = y[i] + h0 * k1[i];
        }
        evaluate(ode, t + h0, yStage, k2);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            final double scale = absoluteTolerance[i] + relativeTolerance * Math.abs(y[i]);
            final double v = (k2[i] - k1[i]) / scale;
            d2 += v * v;
        }
        d2 = Math.sqrt(d2 / n) / h0;
        final double dMax = Math.max(d1, d2);
        final double h1 = dMax <= 1e-15 ? Math.max(1e-6 * span, h0 * 1e-3) : Math.pow(0.01 / dMax, 1.0 / 5);
        return Math.min(100 * h0, h1);
    }

    private void evaluate(final OdeSystem ode, final double t, final double[] y, final double[] out) {
        ode.computeDerivatives(t, y, out);
        evaluations++;
    }

    /** The continuous extension of the last accepted step. */
    private final class Dense implements StepInterpolator {

        private double tPrevious;
        private double tCurrent;
        private double h;
        private boolean ready;

        void set(final double previous, final double current, final double step) {
            tPrevious = previous;
            tCurrent = current;
            h = step;
            ready = false;
        }

        /** The coefficients, from the stages of the step (still in k1..k7 during the observer's call). */
        private void prepare() {
            for (int i = 0; i < n; i++) {
                final double difference = yNew[i] - yOld[i];
                final double spline = h * k1[i] - difference;
                cont2[i] = difference;
                cont3[i] = spline;
                cont4[i] = difference - h * k7[i] - spline;
                cont5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
            }
            ready = true;
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
            if (!ready) {
                prepare();
            }
            final double theta = (time - tPrevious) / (tCurrent - tPrevious);
            final double theta1 = 1 - theta;
            for (int i = 0; i < n; i++) {
                out[i] = yOld[i] + theta * (cont2[i] + theta1 * (cont3[i] + theta * (cont4[i] + theta1 * cont5[i])));
            }
        }
    }
}
