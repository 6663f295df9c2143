package org.ketasim.engine;

import java.util.Arrays;
import java.util.List;

import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.solve.OdeSystem;
import org.ketasim.engine.solve.SegmentIntegrator;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.engine.solve.SparseJacobian;
import org.ketasim.engine.solve.SolverStatistics;
import org.ketasim.engine.solve.StepInterpolator;
import org.ketasim.engine.solve.StepObserver;
import org.ketasim.lang.DoseTarget;
import org.ketasim.lang.ModelEquations;

/**
 * Simulates one patient: a compiled model, a parameter vector and a regimen in, a {@link Trajectory} out.
 *
 * <p>The regimen's breakpoints (dose starts and infusion ends) split the time axis into segments on which
 * the dosing input is constant; each segment is integrated on its own, so no step ever straddles a
 * discontinuity and no root finding is needed. At a segment start every bolus given then is added to the
 * model's target states ({@code amount × drug share × fraction}); during a segment the rates of all
 * running infusions ({@code amount / duration × share × fraction}) are added to the targets' derivatives.
 * Values at the requested times come from the integrator's own dense output, never from restarting the
 * integration at grid points.
 *
 * <p>Time 0 h is day 0, 00:00; the model's initial state holds there. A requested time that coincides
 * with a bolus reports the state after the bolus.
 *
 * <p>A simulator is immutable and thread-safe: each {@link #run} creates its own integrator and
 * working arrays, so many threads can share one simulator.
 *
 * <pre>{@code
 * Simulator simulator = new Simulator(equations, model.doseTargets(), SolverOptions.defaults());
 * Trajectory trajectory = simulator.run(parameters, regimen, timesH);
 * }</pre>
 */
public final class Simulator {

    private final ModelEquations equations;
    private final DoseRouting routing;
    private final SolverOptions options;
    /** Each state's declared unit in canonical units: the absolute tolerance is atol of these. */
    private final double[] unitSizes;
    /** The Jacobian's structural non-zeros from the model, or null: the stiff solver groups its perturbations. */
    private final int[] jacobianPattern;

    /**
     * Prepares simulations of one model.
     *
     * @param equations the compiled model
     * @param targets   the model's {@code [dosing]} targets (slot {@link DoseTarget#index()} of
     *                  {@link ModelEquations#doseFractions})
     * @param options   integrator and tolerances
     * @throws IllegalArgumentException if a target names an unknown route or enantiomer, or an index out
     *                                  of range
     */
    public Simulator(final ModelEquations equations, final List<DoseTarget> targets, final SolverOptions options) {
        if (equations == null || targets == null || options == null) {
            throw new IllegalArgumentException("simulator needs model equations, dosing targets and solver options");
        }
        this.equations = equations;
        this.routing = new DoseRouting(equations, targets);
        this.options = options;
        this.unitSizes = equations.stateUnitFactors();
        this.jacobianPattern = equations.stateDependencies();
        if (unitSizes.length != equations.stateCount()) {
            throw new IllegalArgumentException("model gives " + unitSizes.length + " state unit sizes for "
                    + equations.stateCount() + " states");
        }
    }

    /**
     * The same model with other solver settings.
     *
     * @param newOptions integrator and tolerances
     * @return a new simulator
     */
    public Simulator withOptions(final SolverOptions newOptions) {
        return new Simulator(equations, this, newOptions);
    }

    private Simulator(final ModelEquations equations, final Simulator template, final SolverOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("simulator needs solver options");
        }
        this.equations = equations;
        this.routing = template.routing;
        this.options = options;
        this.unitSizes = template.unitSizes;
        this.jacobianPattern = template.jacobianPattern;
    }

    /**
     * The solver settings.
     *
     * @return the options
     */
    public SolverOptions options() {
        return options;
    }

    /**
     * Whether the model can receive this drug by this route (every enantiomer it contains has a target).
     *
     * @param route how the dose is given
     * @param drug  the product
     * @return true if a dose would be accepted
     */
    public boolean supports(final Route route, final Drug drug) {
        return routing.supports(route, drug);
    }

    /**
     * Checks that every dose of a regimen has a target in the model.
     *
     * @param regimen the regimen
     * @throws IllegalArgumentException "model has no dosing target for sublingual R; the model's [dosing]
     *                                  block lists: iv S, iv R, …"
     */
    public void check(final Regimen regimen) {
        for (final Dose dose : regimen) {
            routing.check(dose.route(), dose.drug());
        }
    }

    /**
     * Simulates one patient.
     *
     * @param params  covariates, parameters and switches in declaration order, canonical units
     * @param regimen the doses
     * @param timesH  times at which to report (h from day 0, 00:00), each finite and &ge; 0, in any
     *                order; duplicates allowed
     * @return states, outputs, balance and dosed amount at {@code timesH}, in the same order
     * @throws IllegalArgumentException for a parameter vector of the wrong length, a bad time, a dose the
     *                                  model cannot receive, or non-finite dose fractions
     * @throws IllegalStateException    if the integrator fails (the equations become non-finite, or the
     *                                  step size underflows)
     */
    public Trajectory run(final double[] params, final Regimen regimen, final double[] timesH) {
        if (params == null || params.length != equations.parameterCount()) {
            throw new IllegalArgumentException("model expects " + equations.parameterCount() + " parameters, got "
                    + (params == null ? "none" : params.length));
        }
        if (regimen == null) {
            throw new IllegalArgumentException("regimen is missing (use Regimen.empty() for no doses)");
        }
        check(regimen);
        final int[] order = timeOrder(timesH);
        return new Run(params, regimen, timesH, order).execute();
    }

    /** Checks the grid and returns its indices in time order (stable for equal times). */
    private static int[] timeOrder(final double[] timesH) {
        if (timesH == null) {
            throw new IllegalArgumentException("output times are missing");
        }
        boolean sorted = true;
        for (int i = 0; i < timesH.length; i++) {
            final double t = timesH[i];
            if (!(t >= 0) || !Double.isFinite(t)) {
                throw new IllegalArgumentException("output times must be finite and >= 0 h, got " + t + " at position " + i);
            }
            if (i > 0 && t < timesH[i - 1]) {
                sorted = false;
            }
        }
        final int[] order = new int[timesH.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (!sorted) {
            final Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, (a, b) -> Double.compare(timesH[a], timesH[b]));
            for (int i = 0; i < order.length; i++) {
                order[i] = boxed[i];
            }
        }
        return order;
    }

    /** The working state of one simulation; lives for one {@link #run} call. */
    private final class Run implements SparseJacobian, StepObserver {

        @Override
        public int[] jacobianPattern() {
            return jacobianPattern;
        }


        private final double[] p;
        private final double[] d;
        private final double[] times;
        private final int[] order;
        private final List<Dose> doses;
        private final double[] breakpoints;
        private final int n;
        private final double[] fractions;
        private final double[][] unitInputs;
        private final double[] rate;
        private final int[] active;
        private int activeCount;
        private boolean infusing;

        private final double[][] states;
        private final double[][] outputs;
        private final double[] balance;
        private final double[] dosed;
        private final DoseLedger ledger;
        private int next;
        private double segmentEnd;

        Run(final double[] params, final Regimen regimen, final double[] timesH, final int[] order) {
            this.p = params;
            this.times = timesH;
            this.order = order;
            this.doses = regimen.doses();
            this.breakpoints = regimen.breakpoints();
            this.n = equations.stateCount();
            this.d = new double[equations.derivedCount()];
            this.fractions = new double[routing.slotCount()];
            this.unitInputs = new double[Route.values().length * Drug.values().length][];
            this.rate = new double[n];
            this.active = new int[doses.size()];
            final int m = timesH.length;
            this.states = new double[m][n];
            this.outputs = new double[m][equations.outputCount()];
            this.balance = new double[m];
            this.dosed = new double[m];
            this.ledger = new DoseLedger(doses);
        }

        Trajectory execute() {
            equations.derive(p, d);
            final double[] y = new double[n];
            equations.initialState(p, d, y);
            equations.doseFractions(p, d, fractions);
            for (int i = 0; i < fractions.length; i++) {
                if (!Double.isFinite(fractions[i])) {
                    throw new IllegalArgumentException("dose fraction " + i + " of the model's [dosing] block is "
                            + fractions[i] + " for these parameters");
                }
            }
            final SegmentIntegrator integrator = options.createIntegrator(unitSizes);
            final int m = times.length;
            int nextDose = 0;
            int nextBreakpoint = 0;
            double t = 0.0;
            while (true) {
                if (nextBreakpoint < breakpoints.length && breakpoints[nextBreakpoint] == t) {
                    nextDose = applyDoses(t, y, nextDose);
                    nextBreakpoint++;
                }
                while (next < m && times[order[next]] == t) {
                    final int row = order[next++];
                    System.arraycopy(y, 0, states[row], 0, n);
                    record(row, t);
                }
                if (next == m) {
                    break;
                }
                final double last = times[order[m - 1]];
                segmentEnd = nextBreakpoint < breakpoints.length ? Math.min(breakpoints[nextBreakpoint], last) : last;
                integrator.integrate(this, t, y, segmentEnd, this);
                t = segmentEnd;
            }
            final SolverStatistics statistics = m == 0 ? SolverStatistics.NONE : integrator.statistics();
            return new Trajectory(times.clone(), outputs, states, balance, dosed, statistics);
        }

        /** Ends infusions that stop at t, gives the boluses and starts the infusions that begin at t. */
        private int applyDoses(final double t, final double[] y, final int firstDose) {
            int kept = 0;
            for (int i = 0; i < activeCount; i++) {
                if (doses.get(active[i]).endH() > t) {
                    active[kept++] = active[i];
                }
            }
            activeCount = kept;
            int k = firstDose;
            while (k < doses.size() && doses.get(k).startH() == t) {
                final Dose dose = doses.get(k);
                if (dose.isInfusion()) {
                    active[activeCount++] = k;
                } else {
                    final double[] unit = unitInput(dose);
                    final double amount = dose.amountMg();
                    for (int i = 0; i < n; i++) {
                        y[i] += amount * unit[i];
                    }
                }
                k++;
            }
            Arrays.fill(rate, 0.0);
            for (int a = 0; a < activeCount; a++) {
                final Dose dose = doses.get(active[a]);
                final double[] unit = unitInput(dose);
                final double mgPerH = dose.amountMg() / dose.durationH();
                for (int i = 0; i < n; i++) {
                    rate[i] += mgPerH * unit[i];
                }
            }
            infusing = activeCount > 0;
            return k;
        }

        private double[] unitInput(final Dose dose) {
            final int key = dose.route().ordinal() * Drug.values().length + dose.drug().ordinal();
            double[] unit = unitInputs[key];
            if (unit == null) {
                unit = new double[n];
                routing.unitInput(dose.route(), dose.drug(), fractions, unit);
                unitInputs[key] = unit;
            }
            return unit;
        }

        private void record(final int row, final double t) {
            final double[] y = states[row];
            equations.outputs(t, y, p, d, outputs[row]);
            balance[row] = equations.balance(t, y, p, d);
            dosed[row] = ledger.administeredMgBy(t);
        }

        /**
         * The model's right-hand side plus the running infusions, into the integrator's buffer. At the segment's
         * end the right-hand side is taken as its left limit: a switch of the model that turns on exactly at a
         * breakpoint (e.g. {@code step(t - T_FIRST)} at the first session) belongs to the next segment, not to
         * the last stage of this one.
         */
        @Override
        public void computeDerivatives(final double t, final double[] y, final double[] yDot) {
            equations.derivatives(t < segmentEnd ? t : Math.nextDown(segmentEnd), y, p, d, yDot);
            if (infusing) {
                for (int i = 0; i < n; i++) {
                    yDot[i] += rate[i];
                }
            }
        }

        /** Reports the requested times inside (previous step end, this step end], excluding the segment end. */
        @Override
        public void stepAccepted(final StepInterpolator step) {
            final double stepEnd = step.currentTime();
            while (next < order.length) {
                final double t = times[order[next]];
                if (t >= segmentEnd || t > stepEnd) {
                    return;
                }
                final int row = order[next++];
                step.stateAt(t, states[row]);
                record(row, t);
            }
        }
    }
}
