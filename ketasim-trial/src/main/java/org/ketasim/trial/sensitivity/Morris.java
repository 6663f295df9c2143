package org.ketasim.trial.sensitivity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;

/**
 * Morris elementary-effects screening (Morris 1991, with the μ* of Campolongo, Cariboni and Saltelli 2007).
 *
 * <p>Each factor is mapped to the unit interval and sampled on a grid of {@code p} levels; a trajectory starts
 * at a random grid point and moves one factor at a time (in random order) by Δ = p / (2(p − 1)), upwards when
 * that stays inside [0, 1] and downwards otherwise. The elementary effect of factor i on a trajectory is
 * {@code (y(x + Δe_i) − y(x)) / Δ} (with Δ negative for a downward step), so it is expressed in output units per
 * whole range of the factor; for an output linear in a factor on a linear scale it equals the slope times the
 * range. Over r trajectories this gives μ (the mean effect), μ* (mean of the absolute effects: the importance)
 * and σ (the standard deviation: non-linearity and interactions), for k factors in r(k + 1) evaluations.
 *
 * <p>The trajectories are drawn in sequence from one seeded {@link Well19937c}, and only the evaluations run in
 * parallel, so results do not depend on the number of threads. The steps are public ({@link #design()}, then the
 * evaluations anywhere, then {@link #analyse}) so that other runners (Spark) give the same result bit for bit.
 */
public final class Morris {

    /** Default number of trajectories r. */
    public static final int DEFAULT_TRAJECTORIES = 10;
    /** Default number of grid levels p. */
    public static final int DEFAULT_LEVELS = 4;
    /** Default factor f of the log range value/f .. value·f. */
    public static final double DEFAULT_FACTOR = 2;

    /**
     * One input varied by the screening.
     *
     * @param name      name (a model parameter's name)
     * @param label     description
     * @param index     position in the model's parameter vector (or any index meaningful to the caller)
     * @param low       lower end of the range, in the parameter's declared unit
     * @param high      upper end
     * @param logScale  true: the unit interval maps to a geometric range, false: a linear one
     */
    public record Factor(String name, String label, int index, double low, double high, boolean logScale) implements Serializable {
        /** @throws IllegalArgumentException if the range is empty or, on a log scale, not positive */
        public Factor {
            if (!(high > low) || logScale && !(low > 0)) {
                throw new IllegalArgumentException("factor " + name + ": bad range [" + low + ", " + high + "]");
            }
        }

        /** @return the value at position {@code u} in [0, 1] of the range */
        public double at(double u) {
            return logScale ? low * Math.pow(high / low, u) : low + u * (high - low);
        }
    }

    /**
     * The screening statistics of one factor.
     *
     * @param factor the factor
     * @param muStar mean of the absolute elementary effects
     * @param mu     mean of the elementary effects
     * @param sigma  standard deviation of the elementary effects (n − 1 denominator; 0 for one trajectory)
     */
    public record Effect(Factor factor, double muStar, double mu, double sigma) {
    }

    /**
     * The result of a screening.
     *
     * @param effects      one per factor, ranked by μ* (largest first; ties in factor order)
     * @param trajectories r
     * @param evaluations  number of output evaluations, r(k + 1)
     */
    public record Result(List<Effect> effects, int trajectories, int evaluations) {
        /** @return the effect of the factor named {@code name} */
        public Effect effect(String name) {
            return effects.stream().filter(e -> e.factor().name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no factor " + name));
        }
    }

    private final List<Factor> factors;
    private final int trajectories;
    private final int levels;
    private final long seed;

    /**
     * @param factors      the inputs to vary (at least one)
     * @param trajectories r (at least 1)
     * @param levels       p (even, at least 2)
     * @param seed         seed of the trajectory generator
     */
    public Morris(List<Factor> factors, int trajectories, int levels, long seed) {
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("Morris screening needs at least one factor");
        }
        if (trajectories < 1) {
            throw new IllegalArgumentException("trajectories must be at least 1");
        }
        if (levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("levels must be even and at least 2");
        }
        this.factors = List.copyOf(factors);
        this.trajectories = trajectories;
        this.levels = levels;
        this.seed = seed;
    }

    /** @return Δ = p / (2(p − 1)) */
    public double delta() {
        return levels / (2.0 * (levels - 1));
    }

    /**
     * The factors of a model's {@code [parameters]} block (covariates and switches are not varied). A parameter
     * with a positive value varies on a log scale from value/f to value·f; one whose value is 0 or negative
     * cannot be varied that way and is varied linearly by ±50 % of its magnitude, or, when 0, left out.
     *
     * @param model  the model
     * @param factor f &gt; 1
     * @return the factors, in the model's order
     */
    public static List<Factor> parameterFactors(Model model, double factor) {
        return parameterFactors(model, factor, Set.of());
    }

    /**
     * As {@link #parameterFactors(Model, double)}, leaving out the parameters named in {@code exclude}.
     *
     * @param model   the model
     * @param factor  f &gt; 1
     * @param exclude names of parameters not to vary
     * @return the factors, in the model's order
     */
    public static List<Factor> parameterFactors(Model model, double factor, Set<String> exclude) {
        if (!(factor > 1)) {
            throw new IllegalArgumentException("factor must be greater than 1");
        }
        List<Factor> out = new ArrayList<>();
        List<Parameter> ps = model.parameters();
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            if (p.kind() != Parameter.Kind.PARAMETER || exclude.contains(p.name()) || p.value() == 0 || !Double.isFinite(p.value())) {
                continue;
            }
            if (p.value() > 0) {
                out.add(new Factor(p.name(), p.label(), i, p.value() / factor, p.value() * factor, true));
            } else {
                out.add(new Factor(p.name(), p.label(), i, 1.5 * p.value(), 0.5 * p.value(), false));
            }
        }
        return out;
    }

    /**
     * The r(k + 1) points of a screening, numbered trajectory by trajectory: point {@code n} is step
     * {@code n % (k + 1)} of trajectory {@code n / (k + 1)}. Immutable; what {@link Morris#design()} draws and
     * {@link Morris#analyse} reads, so the evaluations can run anywhere (threads, Spark executors) in between.
     */
    public static final class Design {
        private final List<Factor> factors;
        private final double[][] unit;
        private final int[][] order;

        private Design(List<Factor> factors, double[][] unit, int[][] order) {
            this.factors = factors;
            this.unit = unit;
            this.order = order;
        }

        /** @return the factors, in the order of a point's coordinates */
        public List<Factor> factors() {
            return factors;
        }

        /** @return r */
        public int trajectories() {
            return order.length;
        }

        /** @return the number of points, r(k + 1) */
        public int size() {
            return unit.length;
        }

        /** @return point {@code n} in the unit cube (a copy) */
        public double[] unitPoint(int n) {
            return unit[n].clone();
        }

        /** @return point {@code n} as the factors' values (declared units): what the output is evaluated at */
        public double[] values(int n) {
            double[] u = unit[n];
            double[] v = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                v[i] = factors.get(i).at(u[i]);
            }
            return v;
        }
    }

    /**
     * Draws the design: the trajectories in sequence from one {@link Well19937c} seeded with the seed, so the
     * same options always give the same points, wherever they are then evaluated.
     *
     * @return the r(k + 1) points
     */
    public Design design() {
        int k = factors.size();
        double delta = delta();
        RandomGenerator rng = new Well19937c(seed);
        double[][] pts = new double[trajectories * (k + 1)][];
        int[][] order = new int[trajectories][];
        for (int t = 0; t < trajectories; t++) {
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                x[i] = rng.nextInt(levels) / (double) (levels - 1);
            }
            int[] perm = IntStream.range(0, k).toArray();
            for (int i = k - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
            order[t] = perm;
            pts[t * (k + 1)] = x.clone();
            for (int s = 0; s < k; s++) {
                int i = perm[s];
                x[i] = x[i] + delta <= 1 + 1e-12 ? x[i] + delta : x[i] - delta;
                pts[t * (k + 1) + s + 1] = x.clone();
            }
        }
        return new Design(factors, pts, order);
    }

    /**
     * Runs the screening: {@link #design()}, the evaluations, {@link #analyse}.
     *
     * @param output  the scalar output at the factors' values (in the factors' order); must be thread-safe
     * @param threads number of threads (1 = the calling thread only)
     * @return the statistics, ranked by μ*
     */
    public Result run(ToDoubleFunction<double[]> output, int threads) {
        Design design = design();
        double[] y = new double[design.size()];
        IntStream tasks = IntStream.range(0, y.length);
        if (threads <= 1) {
            tasks.forEach(n -> y[n] = output.applyAsDouble(design.values(n)));
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(() -> tasks.parallel().forEach(n -> y[n] = output.applyAsDouble(design.values(n)))).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            } finally {
                pool.shutdown();
            }
        }
        return analyse(design, y);
    }

    /**
     * The statistics from the evaluated outputs. They depend only on the design and {@code y} (summed in
     * trajectory order), not on where or in what order the outputs were computed.
     *
     * @param design the design of this screening ({@link #design()})
     * @param y      the output at every point: {@code y[n]} at {@code design.values(n)}
     * @return the statistics, ranked by μ*
     * @throws IllegalArgumentException if the design is not this screening's or {@code y} has the wrong length
     */
    public Result analyse(Design design, double[] y) {
        int k = factors.size();
        if (!design.factors().equals(factors) || design.trajectories() != trajectories) {
            throw new IllegalArgumentException("the design is not this screening's");
        }
        if (y.length != design.size()) {
            throw new IllegalArgumentException("expected " + design.size() + " outputs, got " + y.length);
        }
        double[][] pts = design.unit;
        int[][] order = design.order;
        double[][] ee = new double[k][trajectories];
        for (int t = 0; t < trajectories; t++) {
            for (int s = 0; s < k; s++) {
                int i = order[t][s];
                double step = pts[t * (k + 1) + s + 1][i] - pts[t * (k + 1) + s][i];
                ee[i][t] = (y[t * (k + 1) + s + 1] - y[t * (k + 1) + s]) / step;
            }
        }
        List<Effect> effects = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double sum = 0;
            double abs = 0;
            for (double e : ee[i]) {
                sum += e;
                abs += Math.abs(e);
            }
            double mu = sum / trajectories;
            double ss = 0;
            for (double e : ee[i]) {
                ss += (e - mu) * (e - mu);
            }
            double sigma = trajectories > 1 ? Math.sqrt(ss / (trajectories - 1)) : 0;
            effects.add(new Effect(factors.get(i), abs / trajectories, mu, sigma));
        }
        List<Effect> ranked = new ArrayList<>(effects);
        ranked.sort(Comparator.comparingDouble((Effect e) -> -e.muStar()));
        return new Result(List.copyOf(ranked), trajectories, y.length);
    }
}
