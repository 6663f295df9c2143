package org.ketasim.trial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.ketasim.engine.Simulator;
import org.ketasim.engine.Trajectory;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.population.Crosswalk;
import org.ketasim.population.Outcomes;
import org.ketasim.population.RatingNoise;
import org.ketasim.population.Scale;
import org.ketasim.population.VirtualPatient;
import org.ketasim.population.VirtualPopulation;
import org.ketasim.trial.TrialResult.ArmResult;
import org.ketasim.trial.TrialResult.EndpointResult;
import org.ketasim.trial.TrialSpec.Arm;
import org.ketasim.trial.TrialSpec.ArmDose;
import org.ketasim.trial.TrialSpec.Endpoint;

/**
 * Runs a {@link TrialSpec}: for each arm, draws its virtual patients, simulates their courses in parallel,
 * rates their scores with rater noise, and computes the endpoints.
 *
 * <p>Results depend only on the specification (seed included), never on the number of threads: every
 * subject has its own random streams, derived from the trial seed, the arm and the subject's index, and
 * subjects are folded into {@link TrialAccumulator}s, whose result does not depend on the order of folding.
 * Subjects are not kept: a trial's memory does not grow with its number of subjects.
 */
public final class TrialRunner {

    private final Model model;
    private final Simulator simulator;

    public TrialRunner(Model model, SolverOptions options) {
        this.model = model;
        this.simulator = new Simulator(model.compile(), model.doseTargets(), options);
    }

    /** Runs the trial; {@code progress} receives the number of subjects finished so far (from any thread). */
    public TrialResult run(TrialSpec spec, IntConsumer progress) {
        return run(spec, Map.of(), progress);
    }

    /**
     * Runs the trial with some parameters moved from their defaults. {@code overrides} maps parameter names to
     * values in the model file's units; each virtual patient's value is multiplied by override / default, so
     * that between-subject variability is kept (a parameter whose default is 0 is set to the override). A name
     * ending in {@code .cv} (e.g. {@code Pl.cv}) sets that parameter's between-subject coefficient of variation
     * instead: each patient's log-deviation from the typical value is scaled by ω_new / ω_old, with
     * ω = √ln(1 + CV²), so the patients keep their rank. The subjects drawn are the same as without overrides
     * (common random numbers).
     *
     * @throws IllegalArgumentException if a name is not a parameter of the model
     */
    public TrialResult run(TrialSpec spec, Map<String, Double> overrides, IntConsumer progress) {
        AtomicInteger done = new AtomicInteger();
        TrialAccumulator total = new TrialAccumulator(spec);
        int n = spec.subjectsPerArm();
        int chunks = (n + CHUNK - 1) / CHUNK;
        // one accumulator per worker (one per thread of the pool we run in, and the caller), each taking chunks of
        // subjects as it is free; the accumulators' result does not depend on which worker folded which subject,
        // nor on the merge order. Memory: workers x one accumulator, whatever the number of subjects.
        ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
        int workers = Math.max(1, Math.min(chunks, pool.getParallelism() + 1));
        for (int a = 0; a < spec.arms().size(); a++) {
            int armIndex = a;
            IntFunction<SubjectRatings> arm = armSubjects(spec, a, overrides);
            AtomicInteger next = new AtomicInteger();
            List<TrialAccumulator> partial = IntStream.range(0, workers).parallel().mapToObj(w -> {
                TrialAccumulator acc = new TrialAccumulator(spec);
                for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                    for (int i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++) {
                        acc.add(armIndex, arm.apply(i));
                        progress.accept(done.incrementAndGet());
                    }
                }
                return acc;
            }).collect(Collectors.toList());
            partial.forEach(total::merge);
        }
        return result(spec, total);
    }

    /** Subjects a worker of {@link #run} takes at a time: small enough to balance the load, large enough to be cheap. */
    private static final int CHUNK = 64;

    /**
     * The subjects of arm {@code armIndex}, exactly as {@link #run(TrialSpec, IntConsumer)} simulates them:
     * {@code apply(i)} simulates and rates subject i. Subject i depends only on the specification, the arm and
     * i (never on which subjects are simulated, in what order or on which thread or machine), so subjects can be
     * simulated anywhere and gathered by index. The function is thread-safe.
     */
    public IntFunction<SubjectRatings> armSubjects(TrialSpec spec, int armIndex) {
        return armSubjects(spec, armIndex, Map.of());
    }

    /** As {@link #armSubjects(TrialSpec, int)}, with parameters moved as {@link #run(TrialSpec, Map, IntConsumer)} moves them. */
    public IntFunction<SubjectRatings> armSubjects(TrialSpec spec, int armIndex, Map<String, Double> overrides) {
        Moves moves = moves(spec, overrides);
        double[] grid = grid(spec);
        Arm arm = spec.arms().get(armIndex);
        VirtualPopulation population = new VirtualPopulation(model, spec.population(), armSeed(spec, armIndex));
        return i -> simulate(spec, arm, population.patient(i), grid, moves, overrides);
    }

    /**
     * The trial's result from its subjects: {@code byArm.get(a)} holds arm a's subjects, as {@link #armSubjects}
     * makes them; they are folded into a {@link TrialAccumulator}, so the same subjects, in any order, give the
     * result of {@link #run}, bit for bit. A convenience for callers that hold the subjects anyway.
     *
     * @throws IllegalArgumentException if the arms or their sizes do not match the specification
     */
    public TrialResult aggregate(TrialSpec spec, List<SubjectRatings[]> byArm) {
        if (byArm.size() != spec.arms().size()) {
            throw new IllegalArgumentException("expected " + spec.arms().size() + " arms of subjects, got " + byArm.size());
        }
        TrialAccumulator acc = new TrialAccumulator(spec);
        for (int a = 0; a < byArm.size(); a++) {
            for (SubjectRatings s : byArm.get(a)) {
                acc.add(a, s);
            }
        }
        return result(spec, acc);
    }

    /**
     * The trial's result from its accumulated subjects: endpoints and trajectories per arm. This is the whole of
     * the statistics of {@link #run}.
     *
     * @throws IllegalArgumentException if an arm does not hold the specification's number of subjects
     */
    public TrialResult result(TrialSpec spec, TrialAccumulator acc) {
        List<ArmResult> arms = new ArrayList<>();
        for (int a = 0; a < spec.arms().size(); a++) {
            Arm arm = spec.arms().get(a);
            ArmAccumulator subjects = acc.arm(a);
            if (subjects.n() != spec.subjectsPerArm()) {
                throw new IllegalArgumentException("arm " + arm.name() + ": expected " + spec.subjectsPerArm()
                        + " subjects, got " + subjects.n());
            }
            Map<String, EndpointResult> endpoints = new LinkedHashMap<>();
            List<KaplanMeier.Point> curve = List.of();
            for (int i = 0; i < spec.endpoints().size(); i++) {
                Endpoint e = spec.endpoints().get(i);
                if (e.kind().needsVs() && e.vs().equals(arm.name())) {
                    continue; // an arm is not compared with itself
                }
                ArmAccumulator vs = e.kind().needsVs() ? acc.arm(armIndex(spec, e.vs())) : null;
                EndpointResult r = Endpoints.compute(e, i, subjects, vs);
                endpoints.put(e.name(), r);
                if (!r.curve().isEmpty()) {
                    curve = r.curve();
                }
            }
            arms.add(new ArmResult(arm.name(), subjects.n(), endpoints, subjects.trajectory(), curve));
        }
        return new TrialResult(spec.name(), spec.seed(), model.name(), List.copyOf(arms));
    }

    private static int armIndex(TrialSpec spec, String name) {
        for (int a = 0; a < spec.arms().size(); a++) {
            if (spec.arms().get(a).name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no arm named " + name);
    }

    /**
     * One virtual subject's course in an arm, exactly as {@link #run} simulates it: the patient's parameters
     * (canonical units) with the trial's design and pretreatment covariates set, and the doses of ketamine.
     *
     * @param parameters canonical parameter vector
     * @param regimen    the ketamine doses (placebo sessions carry none; they set only {@code T_FIRST})
     */
    public record SubjectCourse(double[] parameters, Regimen regimen) {
    }

    /** The course of {@code patient} in {@code arm}, at the model's parameter values. */
    public SubjectCourse course(TrialSpec spec, Arm arm, VirtualPatient patient) {
        return course(spec, arm, patient, moves(spec, Map.of()), Map.of());
    }

    /** The seed of arm {@code armIndex}'s virtual population. */
    public static long armSeed(TrialSpec spec, int armIndex) {
        return mix(spec.seed(), armIndex);
    }

    /**
     * Parameter moves in canonical units: {@code typical[i]} a new typical value, {@code spread[i]} the factor
     * on the patient's log-deviation (NaN where unchanged).
     */
    private record Moves(double[] typical, double[] spread) {
    }

    private Moves moves(TrialSpec spec, Map<String, Double> overrides) {
        int n = model.parameters().size();
        double[] typical = new double[n];
        double[] spread = new double[n];
        Arrays.fill(typical, Double.NaN);
        Arrays.fill(spread, Double.NaN);
        for (Map.Entry<String, Double> o : overrides.entrySet()) {
            boolean cv = o.getKey().endsWith(".cv");
            String name = cv ? o.getKey().substring(0, o.getKey().length() - 3) : o.getKey();
            int i = model.parameterIndex(name).orElseThrow(() -> new IllegalArgumentException("the model has no parameter " + name));
            if (cv) {
                double old = spec.population().parameterVariability().getOrDefault(name, model.parameters().get(i).bsvCv());
                if (!(old > 0) || !(o.getValue() >= 0)) {
                    throw new IllegalArgumentException(o.getKey() + ": " + name + " has no between-subject variability to rescale"
                            + " (or the new CV " + o.getValue() + " is negative)");
                }
                spread[i] = Math.sqrt(Math.log1p(o.getValue() * o.getValue())) / Math.sqrt(Math.log1p(old * old));
            } else {
                typical[i] = model.parameters().get(i).unit().toCanonical(o.getValue());
            }
        }
        return new Moves(typical, spread);
    }

    private SubjectCourse course(TrialSpec spec, Arm arm, VirtualPatient patient, Moves moves, Map<String, Double> overrides) {
        double[] p = patient.parameters().clone();
        for (int i = 0; i < p.length; i++) {
            double typical = moves.typical()[i];
            double spread = moves.spread()[i];
            if (Double.isNaN(typical) && Double.isNaN(spread)) {
                continue;
            }
            double dflt = model.parameters().get(i).canonicalValue();
            if (dflt == 0) {
                p[i] = Double.isNaN(typical) ? p[i] : typical;
            } else if (Double.isNaN(spread)) {
                p[i] = p[i] * (typical / dflt);
            } else {
                double eta = Math.log(p[i] / dflt); // log-normal variability: p = typical x exp(eta)
                p[i] = (Double.isNaN(typical) ? dflt : typical) * Math.exp(spread * eta);
            }
        }
        double weight = patient.covariates().weightKg();
        List<Dose> doses = new ArrayList<>();
        double first = Double.POSITIVE_INFINITY;
        for (ArmDose d : arm.doses()) {
            if (TrialSpec.PRETREATMENTS.contains(d.drug())) {
                double perSix = d.amount() * (d.perKg() ? weight : 1) / 6.0;
                set(p, "RAPA_INH", Math.min(1, overrides.getOrDefault("rapa_6mg", value("rapa_6mg")) * perSix));
                continue;
            }
            for (double start : d.startsH()) {
                first = Math.min(first, start);
                if (d.isKetamine()) {
                    double mg = d.salt().toBaseMg(d.amount() * (d.perKg() ? weight : 1));
                    doses.add(new Dose(Drug.parse(d.drug()), d.route(), mg, start, d.durationH()));
                }
            }
            if (d.isKetamine() && Drug.parse(d.drug()) == Drug.ESKETAMINE && d.route() == Route.INTRANASAL) {
                set(p, "SPRAVATO", 1);
            }
        }
        set(p, "T_FIRST", Double.isFinite(first) ? first : 0);
        return new SubjectCourse(p, Regimen.of(doses));
    }

    /** One subject's course and ratings. */
    private SubjectRatings simulate(TrialSpec spec, Arm arm, VirtualPatient patient, double[] grid, Moves moves,
                                    Map<String, Double> overrides) {
        SubjectCourse c = course(spec, arm, patient, moves, overrides);
        Trajectory tr = simulator.run(c.parameters(), c.regimen(), grid);
        double[] trueMadrs = column(tr, "madrs");
        // Ratings: one stream per subject; scales in enum order, times in grid order, so that endpoints on
        // the same scale and time share one rating and the draws never depend on the endpoint list's order.
        SplittableRandom noise = new SplittableRandom(patient.noiseSeed());
        Set<Scale> scales = EnumSet.noneOf(Scale.class);
        spec.endpoints().forEach(e -> scales.add(e.scale()));
        scales.add(Scale.MADRS);
        Map<Scale, double[]> rated = new LinkedHashMap<>();
        for (Scale s : scales) {
            double[] truth = trueScore(s, tr, trueMadrs, patient);
            double[] r = new double[grid.length];
            for (int k = 0; k < grid.length; k++) {
                r[k] = RatingNoise.rate(s, truth[k], noise);
            }
            rated.put(s, r);
        }
        return new SubjectRatings(trueMadrs, rated);
    }

    /** The true score on a scale: depression scales through the MADRS crosswalk, pain and CADSS from the model. */
    private double[] trueScore(Scale s, Trajectory tr, double[] trueMadrs, VirtualPatient patient) {
        switch (s) {
            case PAIN_NRS: {
                double[] change = column(tr, "pain_nrs_change");
                double[] x = new double[change.length];
                for (int k = 0; k < x.length; k++) {
                    x[k] = patient.covariates().baselinePainNrs() + change[k];
                }
                return x;
            }
            case CADSS:
                return column(tr, "cadss");
            default: {
                double[] x = new double[trueMadrs.length];
                for (int k = 0; k < x.length; k++) {
                    x[k] = Crosswalk.fromMadrs(s, trueMadrs[k]);
                }
                return x;
            }
        }
    }

    private double[] column(Trajectory tr, String output) {
        int j = model.outputIndex(output).orElseThrow(() -> new IllegalStateException("the model has no output " + output));
        double[] x = new double[tr.timesH().length];
        for (int k = 0; k < x.length; k++) {
            x[k] = tr.outputs()[k][j];
        }
        return x;
    }

    /**
     * The trial's output times (h), on which {@link SubjectRatings} are given: 0 (baseline), the endpoints, and a
     * 6-hourly grid to the end of follow-up (daily points after a relapse endpoint's day).
     */
    public static double[] grid(TrialSpec spec) {
        double first = firstDose(spec);
        TreeSet<Double> t = new TreeSet<>();
        t.add(0.0);
        for (double h = first; h <= spec.followUpH() + 1e-9; h += 6) {
            t.add(h);
        }
        for (Endpoint e : spec.endpoints()) {
            if (!e.kind().isRelapse()) {
                t.add(first + e.atH());
            } else {
                for (double h = first + e.afterDay() * 24 + 24; h <= spec.followUpH() + 1e-9; h += 24) {
                    t.add(h);
                }
            }
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The start of the trial's first dose (h), from which endpoint times are counted (pretreatments excluded). */
    public static double firstDose(TrialSpec spec) {
        return spec.arms().stream().flatMap(a -> a.doses().stream()).filter(d -> !TrialSpec.PRETREATMENTS.contains(d.drug()))
                .flatMap(d -> d.startsH().stream()).mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private void set(double[] p, String name, double valueInModelUnit) {
        model.parameterIndex(name).ifPresent(i -> p[i] = model.parameters().get(i).unit().toCanonical(valueInModelUnit));
    }

    private double value(String name) {
        return model.parameter(name).map(x -> x.value()).orElse(0.0);
    }

    /** SplitMix64 finaliser: independent seeds for arms from one trial seed. */
    static long mix(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A subject's true MADRS and rated scores on each scale, on the trial's time grid ({@link #grid}). Serializable,
     * so that subjects simulated elsewhere (e.g. on Spark executors) can be gathered.
     *
     * @param trueMadrs the model's MADRS, without rater noise
     * @param rated     rated scores (with rater noise) on each scale the endpoints use, and MADRS, in scale order
     */
    public record SubjectRatings(double[] trueMadrs, Map<Scale, double[]> rated) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /** The rated scores on scale {@code s}, or null if no endpoint uses it. */
        public double[] on(Scale s) {
            return rated.get(s);
        }
    }

    static boolean response(double baseline, double score) {
        return Outcomes.response(baseline, score);
    }
}
