package org.ketasim.trial.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.trial.TrialResult;
import org.ketasim.trial.TrialRunner;
import org.ketasim.trial.TrialSpec;

/**
 * Fits free parameters of a model to published trial outcomes.
 *
 * <p>The objective is Σ ((simulated − published) / scale)² over the targets, plus the penalties of the
 * mechanistic facts when they are given ({@link MechanismPenalties}), with the scale of
 * {@link CalibrationTarget#scale}; a target the simulation does not reach (e.g. a median relapse time when
 * fewer than half relapse) adds {@value #MISSING_PENALTY}. Every evaluation runs each trial with its own seed
 * and the same number of subjects per arm, so the virtual patients and their rater noise are the same at
 * every point (common random numbers): the objective is a deterministic function of the parameters, and
 * differences between points are not blurred by sampling noise. It is piecewise constant in rates (a
 * patient crosses the response threshold or not), which a derivative-free search tolerates.
 *
 * <p>The search is CMA-ES (Hipparchus) on the unit cube: each free parameter is mapped to [0, 1] between its
 * bounds, on a log scale unless it was declared linear, starting at the model's value (clamped into the
 * bounds) with step size 0.3, a seeded random generator and a budget of evaluations. The best point ever
 * evaluated is returned, also when the budget runs out.
 */
public final class Calibration {

    /** Per-target scales, fixed at the first evaluation. */
    private double[] scales;

    /** Added to the objective for a target the simulation leaves undefined (NaN). */
    public static final double MISSING_PENALTY = 100;

    /**
     * Settings of the search.
     *
     * @param subjectsPerArm virtual patients per arm in every trial (overrides the specs)
     * @param maxEvaluations budget of objective evaluations
     * @param seed           seed of the CMA-ES random generator
     */
    public record Settings(int subjectsPerArm, int maxEvaluations, long seed) {
        /** @throws IllegalArgumentException if a count is not positive */
        public Settings {
            if (subjectsPerArm < 2) {
                throw new IllegalArgumentException("subjects per arm must be at least 2, got " + subjectsPerArm);
            }
            if (maxEvaluations < 1) {
                throw new IllegalArgumentException("evaluations must be at least 1, got " + maxEvaluations);
            }
        }
    }

    /** One evaluation: the objective and each target's simulated value and unit, in target order. */
    public record Evaluation(double objective, double[] simulated, String[] units, List<MechanismPenalties.Check> checks) {
    }

    private final Model model;
    private final TrialRunner runner;
    private final List<TrialSpec> specs;
    private final List<CalibrationTarget> targets;
    private final List<FreeParameter> free;
    private final Settings settings;
    private final MechanismPenalties mechanisms;

    /**
     * @param model   the model (its parameter values are the starting point)
     * @param options solver options
     * @param specs   trial specifications; their seeds are kept, their subjects per arm replaced
     * @param targets the targets, each naming a trial, arm and endpoint of {@code specs}
     * @param free    the parameters to fit
     * @param settings subjects, budget and seed
     * @throws IllegalArgumentException if a free parameter is unknown or repeated, or a target names no trial,
     *                                  arm or endpoint
     */
    public Calibration(Model model, SolverOptions options, List<TrialSpec> specs, List<CalibrationTarget> targets,
                       List<FreeParameter> free, Settings settings) {
        this(model, options, specs, targets, free, settings, null);
    }

    /**
     * As {@link #Calibration(Model, SolverOptions, List, List, List, Settings)}, with the mechanistic facts
     * added to the objective as penalties ({@link MechanismPenalties}); {@code mechanisms} may be null.
     */
    public Calibration(Model model, SolverOptions options, List<TrialSpec> specs, List<CalibrationTarget> targets,
                       List<FreeParameter> free, Settings settings, MechanismPenalties mechanisms) {
        if (free.isEmpty()) {
            throw new IllegalArgumentException("no free parameters: give at least one");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no targets: the trials name none with a numeric published value");
        }
        for (int i = 0; i < free.size(); i++) {
            free.get(i).check(model);
            for (int j = 0; j < i; j++) {
                if (free.get(j).name().equals(free.get(i).name())) {
                    throw new IllegalArgumentException("free parameter " + free.get(i).name() + " is given twice");
                }
            }
        }
        List<TrialSpec> sized = new ArrayList<>();
        for (TrialSpec s : specs) {
            sized.add(s.withSubjectsPerArm(settings.subjectsPerArm()));
        }
        for (CalibrationTarget t : targets) {
            TrialSpec s = sized.stream().filter(x -> x.name().equals(t.trial())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("target " + t.id() + ": no trial named " + t.trial()));
            if (s.arms().stream().noneMatch(a -> a.name().equals(t.arm()))) {
                throw new IllegalArgumentException("target " + t.id() + ": trial " + t.trial() + " has no arm " + t.arm());
            }
            if (s.endpoints().stream().noneMatch(e -> e.name().equals(t.endpoint()))) {
                throw new IllegalArgumentException("target " + t.id() + ": trial " + t.trial() + " has no endpoint " + t.endpoint());
            }
        }
        this.model = model;
        this.runner = new TrialRunner(model, options);
        this.specs = List.copyOf(sized);
        this.targets = List.copyOf(targets);
        this.free = List.copyOf(free);
        this.settings = settings;
        this.mechanisms = mechanisms;
    }

    public List<CalibrationTarget> targets() {
        return targets;
    }

    public List<FreeParameter> free() {
        return free;
    }

    /** The model's values of the free parameters, clamped into their bounds (model file's units). */
    public Map<String, Double> start() {
        Map<String, Double> v = new LinkedHashMap<>();
        for (FreeParameter f : free) {
            double x = f.current(model);
            v.put(f.name(), Math.min(f.upper(), Math.max(f.lower(), x)));
        }
        return v;
    }

    /** Runs the trials that hold targets with these values (model file's units) and scores them. */
    public Evaluation evaluate(Map<String, Double> values) {
        double[] sim = new double[targets.size()];
        String[] units = new String[targets.size()];
        double sum = 0;
        for (TrialSpec spec : specs) {
            boolean needed = targets.stream().anyMatch(t -> t.trial().equals(spec.name()));
            if (!needed) {
                continue;
            }
            TrialResult r = runner.run(spec, values, done -> { });
            for (int k = 0; k < targets.size(); k++) {
                CalibrationTarget t = targets.get(k);
                if (!t.trial().equals(spec.name())) {
                    continue;
                }
                TrialResult.EndpointResult e = r.arms().stream().filter(a -> a.name().equals(t.arm())).findFirst().orElseThrow()
                        .endpoints().get(t.endpoint());
                if (e == null) {
                    throw new IllegalArgumentException("target " + t.id() + ": endpoint " + t.endpoint() + " is not reported for arm "
                            + t.arm() + " (an arm is not compared with itself)");
                }
                sim[k] = e.estimate().value();
                units[k] = e.unit();
                double z = (sim[k] - t.published()) / scale(k, e);
                sum += Double.isFinite(z) ? z * z : MISSING_PENALTY;
            }
        }
        List<MechanismPenalties.Check> checks = mechanisms == null ? List.of() : mechanisms.checks(values);
        for (MechanismPenalties.Check c : checks) {
            sum += c.penalty();
        }
        return new Evaluation(sum, sim, units, checks);
    }

    /**
     * The scale of target {@code k}, fixed at the first evaluation so that the weights cannot move with the
     * parameters: see {@link CalibrationTarget#scale(String, org.ketasim.trial.Estimate)}.
     */
    private synchronized double scale(int k, TrialResult.EndpointResult e) {
        if (scales == null) {
            scales = new double[targets.size()];
            java.util.Arrays.fill(scales, Double.NaN);
        }
        if (Double.isNaN(scales[k])) {
            scales[k] = targets.get(k).scale(e.unit(), e.estimate());
        }
        return scales[k];
    }

    /** The objective at these values (model file's units). */
    public double objective(Map<String, Double> values) {
        return evaluate(values).objective();
    }

    /**
     * Runs the search.
     *
     * @param log receives one line per evaluation that improves on the best so far
     */
    public CalibrationResult run(Consumer<String> log) {
        Map<String, Double> start = start();
        Evaluation first = evaluate(start);
        int[] count = {1};
        double[] bestValue = {first.objective()};
        List<Map<String, Double>> best = new ArrayList<>(List.of(start));
        List<Evaluation> bestEval = new ArrayList<>(List.of(first));
        log.accept(String.format(java.util.Locale.ROOT, "start: objective %.4g at %s", first.objective(), start));
        int dim = free.size();
        double[] x0 = new double[dim];
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        double[] sigma = new double[dim];
        for (int i = 0; i < dim; i++) {
            x0[i] = free.get(i).toUnit(start.get(free.get(i).name()));
            hi[i] = 1;
            sigma[i] = 0.3;
        }
        ObjectiveFunction f = new ObjectiveFunction(x -> {
            Map<String, Double> v = values(x);
            Evaluation e = evaluate(v);
            count[0]++;
            if (e.objective() < bestValue[0]) {
                bestValue[0] = e.objective();
                best.set(0, v);
                bestEval.set(0, e);
                log.accept(String.format(java.util.Locale.ROOT, "evaluation %d: objective %.4g at %s", count[0], e.objective(), v));
            }
            return e.objective();
        });
        int lambda = 4 + (int) Math.floor(3 * Math.log(dim));
        CMAESOptimizer cmaes = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, new Well19937c(settings.seed()), false, null);
        int budget = settings.maxEvaluations() - 1;
        if (budget > 0) {
            try {
                cmaes.optimize(new MaxEval(budget), new MaxIter(Integer.MAX_VALUE), f, GoalType.MINIMIZE, new InitialGuess(x0),
                        new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
            } catch (MathIllegalStateException budgetSpent) {
                // the best point is kept by the objective wrapper
            }
        }
        List<CalibrationResult.TargetFit> fits = new ArrayList<>();
        for (int k = 0; k < targets.size(); k++) {
            String unit = first.units()[k];
            fits.add(new CalibrationResult.TargetFit(targets.get(k), unit, scales == null ? targets.get(k).scale(unit) : scales[k], first.simulated()[k],
                    bestEval.get(0).simulated()[k]));
        }
        return new CalibrationResult(start, best.get(0), first.objective(), bestValue[0], fits, first.checks(), bestEval.get(0).checks(),
                count[0]);
    }

    private Map<String, Double> values(double[] x) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (int i = 0; i < free.size(); i++) {
            v.put(free.get(i).name(), free.get(i).fromUnit(x[i]));
        }
        return v;
    }
}
