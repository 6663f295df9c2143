package org.ketasim.engine.testing;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;

import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;

/**
 * A dosing problem with an exact, closed-form solution (Hipparchus' {@code TestProblem} idea): a linear
 * model, a regimen, a time grid and the theoretical state at any time.
 *
 * <p>Every exact solution is built by superposition of single-dose responses of a linear system: a bolus
 * {@code D} at {@code t_s} contributes {@code D · g(t − t_s)}; an infusion at rate {@code R} from
 * {@code t_s} to {@code t_e} contributes {@code R · (G(t − t_s) − G(t − t_e))}, where {@code g} is the
 * unit-impulse response and {@code G} its integral (the unit-step response), both zero for negative
 * arguments.
 */
public abstract class ReferenceProblem {

    private final String name;
    private final TestModel model;
    private final double[] parameters;
    private final Regimen regimen;
    private final double[] times;

    protected ReferenceProblem(final String name, final TestModel model, final double[] parameters,
                               final Regimen regimen, final double[] times) {
        this.name = name;
        this.model = model;
        this.parameters = parameters;
        this.regimen = regimen;
        this.times = times;
    }

    public TestModel model() {
        return model;
    }

    public double[] parameters() {
        return parameters.clone();
    }

    public Regimen regimen() {
        return regimen;
    }

    public double[] times() {
        return times.clone();
    }

    /** The exact state at t (mg). */
    public abstract double[] theoreticalState(double t);

    @Override
    public String toString() {
        return name;
    }

    /** Times from start to end every step (h), plus extra times, sorted. */
    public static double[] grid(final double start, final double end, final double step, final double... extra) {
        final int n = (int) Math.round((end - start) / step);
        return DoubleStream.concat(DoubleStream.iterate(start, i -> i + step).limit(n + 1), DoubleStream.of(extra))
                .sorted().toArray();
    }

    /** Superposes the responses of all doses of a regimen at time t. */
    public static double superpose(final Regimen regimen, final double t,
                                   final DoubleUnaryOperator impulse, final DoubleUnaryOperator step) {
        double sum = 0;
        for (final Dose dose : regimen) {
            if (t < dose.startH()) {
                continue;
            }
            if (dose.isInfusion()) {
                final double off = t > dose.endH() ? step.applyAsDouble(t - dose.endH()) : 0.0;
                sum += dose.rateMgPerH() * (step.applyAsDouble(t - dose.startH()) - off);
            } else {
                sum += dose.amountMg() * impulse.applyAsDouble(t - dose.startH());
            }
        }
        return sum;
    }

    // ---------------------------------------------------------------------------------------------------
    // One compartment: g(τ) = exp(−kτ), G(τ) = (1 − exp(−kτ))/k.

    /** One-compartment model, any regimen of IV doses. */
    public static final class OneCompartment extends ReferenceProblem {

        private final double k;

        public OneCompartment(final String name, final double cl, final double v, final Regimen regimen,
                              final double[] times) {
            super(name, new OneCompartmentModel(), new double[] {cl, v}, regimen, times);
            this.k = cl / v;
        }

        @Override
        public double[] theoreticalState(final double t) {
            return new double[] {
                superpose(regimen(), t, tau -> Math.exp(-k * tau), tau -> -Math.expm1(-k * tau) / k)
            };
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Two compartments. With k10 = CL/V1, k12 = Q/V1, k21 = Q/V2 the system matrix
    //   [ −(k10+k12)   k21 ]
    //   [     k12     −k21 ]
    // has eigenvalues −α, −β, where α + β = k10 + k12 + k21 and α·β = k10·k21:
    //   α, β = (s ± sqrt(s² − 4·k10·k21)) / 2,   s = k10 + k12 + k21.
    // The response to a unit bolus into A1 at τ = 0 is (check: A1(0) = 1, A2(0) = 0,
    // A1'(0) = −(k10 + k12), A2'(0) = k12):
    //   A1(τ) = [(α − k21)·e^{−ατ} + (k21 − β)·e^{−βτ}] / (α − β)
    //   A2(τ) = k12·[e^{−βτ} − e^{−ατ}] / (α − β)
    // and its integral (response to a unit-rate infusion started at τ = 0):
    //   ∫A1 = [(α − k21)/α·(1 − e^{−ατ}) + (k21 − β)/β·(1 − e^{−βτ})] / (α − β)
    //   ∫A2 = k12·[(1 − e^{−βτ})/β − (1 − e^{−ατ})/α] / (α − β)

    /** Two-compartment model, any regimen of IV doses. */
    public static final class TwoCompartment extends ReferenceProblem {

        private final double k12;
        private final double k21;
        private final double alpha;
        private final double beta;

        public TwoCompartment(final String name, final double cl, final double v1, final double q, final double v2,
                              final Regimen regimen, final double[] times) {
            super(name, new TwoCompartmentModel(), new double[] {cl, v1, q, v2}, regimen, times);
            final double k10 = cl / v1;
            this.k12 = q / v1;
            this.k21 = q / v2;
            final double s = k10 + k12 + k21;
            final double root = Math.sqrt(s * s - 4 * k10 * k21);
            this.alpha = (s + root) / 2;
            this.beta = (s - root) / 2;
        }

        @Override
        public double[] theoreticalState(final double t) {
            final double ab = alpha - beta;
            final double a1 = superpose(regimen(), t,
                tau -> ((alpha - k21) * Math.exp(-alpha * tau) + (k21 - beta) * Math.exp(-beta * tau)) / ab,
                tau -> ((alpha - k21) / alpha * -Math.expm1(-alpha * tau) + (k21 - beta) / beta * -Math.expm1(-beta * tau)) / ab);
            final double a2 = superpose(regimen(), t,
                tau -> k12 * (Math.exp(-beta * tau) - Math.exp(-alpha * tau)) / ab,
                tau -> k12 * (-Math.expm1(-beta * tau) / beta + Math.expm1(-alpha * tau) / alpha) / ab);
            return new double[] {a1, a2};
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // First-order absorption (Bateman). A unit oral dose puts F in the depot and 1 − F in "lost":
    //   depot(τ)   = F·e^{−ka·τ}
    //   central(τ) = F·ka/(ka − k)·(e^{−kτ} − e^{−ka·τ})
    //   eliminated = F − depot − central,   lost = 1 − F

    /** Absorption model, any regimen of oral boluses. */
    public static final class Bateman extends ReferenceProblem {

        private final double ka;
        private final double k;
        private final double f;

        public Bateman(final String name, final double ka, final double k, final double f, final Regimen regimen,
                       final double[] times) {
            super(name, new AbsorptionModel(), new double[] {ka, k, f}, regimen, times);
            this.ka = ka;
            this.k = k;
            this.f = f;
        }

        @Override
        public double[] theoreticalState(final double t) {
            final DoubleUnaryOperator none = tau -> Double.NaN;
            final double depot = superpose(regimen(), t, tau -> f * Math.exp(-ka * tau), none);
            final double central = superpose(regimen(), t,
                tau -> f * ka / (ka - k) * (Math.exp(-k * tau) - Math.exp(-ka * tau)), none);
            final double lost = superpose(regimen(), t, tau -> 1 - f, none);
            final double given = superpose(regimen(), t, tau -> f, none);
            return new double[] {depot, central, lost, given - depot - central};
        }
    }

    /** The reference problems every solver must pass. */
    public static ReferenceProblem[] all() {
        return new ReferenceProblem[] {
            new OneCompartment("1-cmt bolus", 10, 50,
                Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IV, 100, 2.0)),
                grid(0, 24, 0.1, 2.0)),
            new OneCompartment("1-cmt infusion, during and after", 10, 50,
                Regimen.of(Dose.infusion(Drug.ESKETAMINE, Route.IV, 100, 1.0, 1.5)),
                grid(0, 24, 0.1, 2.5)),
            new OneCompartment("1-cmt repeated bolus q8h x4 (superposition)", 10, 50,
                Regimen.builder().dose(50, Drug.ARKETAMINE, Route.IV).atHour(6).every(8, 4).build(),
                grid(0, 48, 0.05)),
            new TwoCompartment("2-cmt bolus", 80, 85, 180, 175,
                Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IV, 35, 0.0)),
                grid(0, 24, 0.05)),
            new TwoCompartment("2-cmt 40-min infusion, during and after", 80, 85, 180, 175,
                Regimen.of(Dose.infusion(Drug.KETAMINE, Route.IV, 35, 9.0, 40 / 60.0)),
                grid(0, 36, 0.05, 9 + 40 / 60.0)),
            new TwoCompartment("2-cmt overlapping infusions and a bolus", 80, 85, 180, 175,
                Regimen.of(Dose.infusion(Drug.KETAMINE, Route.IV, 35, 1.0, 2.0),
                           Dose.infusion(Drug.ESKETAMINE, Route.IV, 20, 2.0, 0.5),
                           Dose.bolus(Drug.ARKETAMINE, Route.IV, 10, 2.25)),
                grid(0, 12, 0.01)),
            new Bateman("first-order absorption (Bateman)", 1.5, 0.3, 0.2,
                Regimen.of(Dose.bolus(Drug.KETAMINE, Route.ORAL, 200, 0.5)),
                grid(0, 36, 0.1)),
            new Bateman("repeated oral doses (superposition)", 1.5, 0.3, 0.2,
                Regimen.builder().dose(100, Drug.KETAMINE, Route.ORAL).onDays(0, 1).atHour(8).every(12, 2).build(),
                grid(0, 72, 0.25)),
        };
    }
}
