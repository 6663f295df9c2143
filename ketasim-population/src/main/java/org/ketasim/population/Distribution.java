package org.ketasim.population;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A covariate's law in a population: fixed, normal (truncated to bounds), log-normal (truncated to bounds),
 * uniform, Bernoulli, categorical, or a mixture of these.
 *
 * <p>Every law is sampled by inversion: {@link #sample(RandomGenerator)} is {@link #quantile(double)} of one
 * uniform draw ({@link SplitMix64#openUniform}). So each draw uses exactly one {@code nextLong()}, truncation
 * is exact (no rejection loop), and a Gaussian copula can correlate covariates of any law
 * ({@link PopulationSpec#withCovariateCorrelation}). Quantile functions are non-decreasing: a higher {@code u}
 * never gives a lower value (for a Bernoulli, 1 is the upper value; for a categorical, the last category).
 *
 * <p>Values are in the unit of the covariate they describe (kg, y, points, mg, alleles); the laws themselves
 * are unit-free.
 */
public sealed interface Distribution permits Distribution.Fixed, Distribution.Normal, Distribution.LogNormal,
        Distribution.Uniform, Distribution.Bernoulli, Distribution.Categorical, Distribution.Mixture {

    /**
     * One draw: {@code quantile(openUniform(rng))}, using one {@code rng.nextLong()}.
     *
     * @param rng the generator
     * @return the value (unit of the covariate)
     */
    default double sample(RandomGenerator rng) {
        return quantile(SplitMix64.openUniform(rng));
    }

    /**
     * The inverse CDF (the smallest x with {@code cdf(x) >= u} for discrete laws).
     *
     * @param u a probability in [0, 1]
     * @return the value (unit of the covariate), within [{@link #min()}, {@link #max()}]
     */
    double quantile(double u);

    /**
     * @param x a value (unit of the covariate)
     * @return P(X &le; x)
     */
    double cdf(double x);

    /** @return the lower end of the support (unit of the covariate; may be -infinity) */
    double min();

    /** @return the upper end of the support (unit of the covariate; may be +infinity) */
    double max();

    /** @return true when every value is a whole number (fixed whole numbers, Bernoulli, categorical) */
    boolean integerValued();

    /**
     * @param v the value (unit of the covariate)
     * @return a law that always gives {@code v}
     */
    static Distribution fixed(double v) {
        return new Fixed(v);
    }

    /**
     * A normal law truncated to [lo, hi] (sampled exactly by inversion).
     *
     * @param mean the mean before truncation (unit of the covariate)
     * @param sd   the standard deviation before truncation (unit of the covariate), &ge; 0; 0 gives
     *             {@code fixed(mean)} (mean must then lie in [lo, hi])
     * @param lo   lower bound (unit of the covariate; may be -infinity)
     * @param hi   upper bound (unit of the covariate; may be +infinity), &gt; lo
     * @return the law
     */
    static Distribution normal(double mean, double sd, double lo, double hi) {
        if (sd == 0) {
            return pointIn(mean, lo, hi, "normal with sd 0");
        }
        return new Normal(mean, sd, lo, hi);
    }

    /**
     * A log-normal law given by its median and coefficient of variation, truncated to [lo, hi]:
     * {@code ln X ~ N(ln median, ln(1 + cv^2))}.
     *
     * @param median the median before truncation (unit of the covariate), &gt; 0
     * @param cv     the coefficient of variation (fraction: 0.3 for 30 %), &ge; 0; 0 gives {@code fixed(median)}
     * @param lo     lower bound (unit of the covariate), &ge; 0
     * @param hi     upper bound (unit of the covariate; may be +infinity), &gt; lo
     * @return the law
     */
    static Distribution logNormal(double median, double cv, double lo, double hi) {
        if (cv == 0) {
            return pointIn(median, lo, hi, "log-normal with cv 0");
        }
        return new LogNormal(median, cv, lo, hi);
    }

    /**
     * @param lo lower bound (unit of the covariate)
     * @param hi upper bound (unit of the covariate), &gt; lo
     * @return the uniform law on [lo, hi]
     */
    static Distribution uniform(double lo, double hi) {
        return new Uniform(lo, hi);
    }

    /**
     * @param p the probability of 1 (fraction)
     * @return the law giving 1 with probability p, else 0
     */
    static Distribution bernoulli(double p) {
        return new Bernoulli(p);
    }

    /**
     * A law on 0, 1, ..., k-1 (for example allele counts 0, 1, 2).
     *
     * @param probabilities the probability of each value, non-negative, summing to 1 (within 1e-6)
     * @return the law
     */
    static Distribution categorical(double... probabilities) {
        return new Categorical(probabilities);
    }

    /**
     * A mixture: with probability {@code weights[k]} the value comes from {@code components[k]}. A
     * zero-inflated dose, for example: {@code mixture(new double[] {0.56, 0.44}, fixed(0), logNormal(10, 0.8,
     * 1, 30))}.
     *
     * @param weights    the component weights, non-negative, summing to 1 (within 1e-6)
     * @param components the component laws, one per weight
     * @return the law
     */
    static Distribution mixture(double[] weights, Distribution... components) {
        return new Mixture(weights, List.of(components));
    }

    /**
     * The laws a population preset uses for a whole-number genotype: allele counts 0, 1, 2 under Hardy-Weinberg
     * equilibrium, {@code categorical((1-q)^2, 2q(1-q), q^2)}.
     *
     * @param q the allele frequency (fraction)
     * @return the law of the number of copies of the allele
     */
    static Distribution hardyWeinberg(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("allele frequency must be in [0, 1], got " + q);
        }
        return new Categorical(new double[] {(1 - q) * (1 - q), 2 * q * (1 - q), q * q});
    }

    // ------------------------------------------------------------------------------------------------ laws

    /**
     * Always {@code value}.
     *
     * @param value the value (unit of the covariate)
     */
    record Fixed(double value) implements Distribution {
        /** @throws IllegalArgumentException if value is not finite */
        public Fixed {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("fixed value must be finite, got " + value);
            }
        }

        @Override
        public double quantile(double u) {
            return value;
        }

        @Override
        public double cdf(double x) {
            return x >= value ? 1 : 0;
        }

        @Override
        public double min() {
            return value;
        }

        @Override
        public double max() {
            return value;
        }

        @Override
        public boolean integerValued() {
            return value == Math.rint(value);
        }

        @Override
        public String toString() {
            return "fixed(" + fmt(value) + ")";
        }
    }

    /**
     * Normal, truncated to [lo, hi].
     *
     * @param mean mean before truncation (unit of the covariate)
     * @param sd   standard deviation before truncation (unit of the covariate)
     * @param lo   lower bound (unit of the covariate)
     * @param hi   upper bound (unit of the covariate)
     */
    record Normal(double mean, double sd, double lo, double hi) implements Distribution {
        /** @throws IllegalArgumentException for a non-finite mean, sd &le; 0, lo &ge; hi, or bounds with no mass */
        public Normal {
            if (!Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd)) {
                throw new IllegalArgumentException("normal needs a finite mean and sd > 0, got mean " + mean
                        + ", sd " + sd);
            }
            checkBounds(lo, hi);
            if (StandardNormal.mass((lo - mean) / sd, (hi - mean) / sd) < 1e-12) {
                throw new IllegalArgumentException("normal(" + fmt(mean) + ", " + fmt(sd) + ") has no probability in ["
                        + fmt(lo) + ", " + fmt(hi) + "]");
            }
        }

        @Override
        public double quantile(double u) {
            checkU(u);
            double z = StandardNormal.truncatedQuantile((lo - mean) / sd, (hi - mean) / sd, u);
            return Math.max(lo, Math.min(hi, mean + sd * z));
        }

        @Override
        public double cdf(double x) {
            if (x < lo) {
                return 0;
            }
            if (x >= hi) {
                return 1;
            }
            double a = (lo - mean) / sd;
            return Math.min(1, StandardNormal.mass(a, (x - mean) / sd) / StandardNormal.mass(a, (hi - mean) / sd));
        }

        @Override
        public double min() {
            return lo;
        }

        @Override
        public double max() {
            return hi;
        }

        @Override
        public boolean integerValued() {
            return false;
        }

        @Override
        public String toString() {
            return "normal(mean " + fmt(mean) + ", sd " + fmt(sd) + ", [" + fmt(lo) + ", " + fmt(hi) + "])";
        }
    }

    /**
     * Log-normal given by median and CV, truncated to [lo, hi].
     *
     * @param median median before truncation (unit of the covariate)
     * @param cv     coefficient of variation (fraction)
     * @param lo     lower bound (unit of the covariate)
     * @param hi     upper bound (unit of the covariate)
     */
    record LogNormal(double median, double cv, double lo, double hi) implements Distribution {
        /** @throws IllegalArgumentException for median &le; 0, cv &le; 0, lo &lt; 0, lo &ge; hi, or no mass */
        public LogNormal {
            if (!(median > 0) || !Double.isFinite(median) || !(cv > 0) || !Double.isFinite(cv)) {
                throw new IllegalArgumentException("log-normal needs median > 0 and cv > 0, got median " + median
                        + ", cv " + cv);
            }
            checkBounds(lo, hi);
            if (lo < 0) {
                throw new IllegalArgumentException("log-normal lower bound must be >= 0, got " + lo);
            }
            double s = Math.sqrt(Math.log1p(cv * cv));
            if (StandardNormal.mass(z(lo, median, s), z(hi, median, s)) < 1e-12) {
                throw new IllegalArgumentException("log-normal(median " + fmt(median) + ", cv " + fmt(cv)
                        + ") has no probability in [" + fmt(lo) + ", " + fmt(hi) + "]");
            }
        }

        /** @return the log-scale standard deviation, sqrt(ln(1 + cv^2)) */
        public double sigma() {
            return Math.sqrt(Math.log1p(cv * cv));
        }

        private static double z(double x, double median, double sigma) {
            return x <= 0 ? Double.NEGATIVE_INFINITY : Math.log(x / median) / sigma;
        }

        @Override
        public double quantile(double u) {
            checkU(u);
            double s = sigma();
            double zq = StandardNormal.truncatedQuantile(z(lo, median, s), z(hi, median, s), u);
            return Math.max(lo, Math.min(hi, median * Math.exp(s * zq)));
        }

        @Override
        public double cdf(double x) {
            if (x < lo) {
                return 0;
            }
            if (x >= hi) {
                return 1;
            }
            double s = sigma();
            double a = z(lo, median, s);
            return Math.min(1, StandardNormal.mass(a, z(x, median, s)) / StandardNormal.mass(a, z(hi, median, s)));
        }

        @Override
        public double min() {
            return lo;
        }

        @Override
        public double max() {
            return hi;
        }

        @Override
        public boolean integerValued() {
            return false;
        }

        @Override
        public String toString() {
            return "logNormal(median " + fmt(median) + ", cv " + fmt(cv) + ", [" + fmt(lo) + ", " + fmt(hi) + "])";
        }
    }

    /**
     * Uniform on [lo, hi].
     *
     * @param lo lower bound (unit of the covariate)
     * @param hi upper bound (unit of the covariate)
     */
    record Uniform(double lo, double hi) implements Distribution {
        /** @throws IllegalArgumentException unless lo &lt; hi, both finite */
        public Uniform {
            checkBounds(lo, hi);
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
                throw new IllegalArgumentException("uniform bounds must be finite, got [" + lo + ", " + hi + "]");
            }
        }

        @Override
        public double quantile(double u) {
            checkU(u);
            return Math.min(hi, lo + u * (hi - lo));
        }

        @Override
        public double cdf(double x) {
            return x <= lo ? 0 : x >= hi ? 1 : (x - lo) / (hi - lo);
        }

        @Override
        public double min() {
            return lo;
        }

        @Override
        public double max() {
            return hi;
        }

        @Override
        public boolean integerValued() {
            return false;
        }

        @Override
        public String toString() {
            return "uniform(" + fmt(lo) + ", " + fmt(hi) + ")";
        }
    }

    /**
     * 1 with probability p, else 0.
     *
     * @param p probability of 1 (fraction)
     */
    record Bernoulli(double p) implements Distribution {
        /** @throws IllegalArgumentException unless 0 &le; p &le; 1 */
        public Bernoulli {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("Bernoulli probability must be in [0, 1], got " + p);
            }
        }

        @Override
        public double quantile(double u) {
            checkU(u);
            return u > 1 - p ? 1 : 0;
        }

        @Override
        public double cdf(double x) {
            return x < 0 ? 0 : x < 1 ? 1 - p : 1;
        }

        @Override
        public double min() {
            return 0;
        }

        @Override
        public double max() {
            return 1;
        }

        @Override
        public boolean integerValued() {
            return true;
        }

        @Override
        public String toString() {
            return "bernoulli(" + fmt(p) + ")";
        }
    }

    /**
     * Values 0 .. k-1 with the given probabilities.
     *
     * @param probabilities probability of each value (fractions summing to 1)
     */
    record Categorical(double[] probabilities) implements Distribution {
        /** @throws IllegalArgumentException for no categories, a negative probability, or a sum other than 1 */
        public Categorical {
            probabilities = normalised(probabilities, "categorical probabilities");
        }

        /** @return a copy of the probability of each value (fractions) */
        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }

        @Override
        public double quantile(double u) {
            checkU(u);
            return pick(probabilities, u);
        }

        @Override
        public double cdf(double x) {
            if (x < 0) {
                return 0;
            }
            double c = 0;
            int last = (int) Math.min(probabilities.length - 1, Math.floor(x));
            for (int k = 0; k <= last; k++) {
                c += probabilities[k];
            }
            return last == probabilities.length - 1 ? 1 : Math.min(1, c);
        }

        @Override
        public double min() {
            return 0;
        }

        @Override
        public double max() {
            return probabilities.length - 1;
        }

        @Override
        public boolean integerValued() {
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Categorical c && Arrays.equals(probabilities, c.probabilities);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(probabilities);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("categorical(");
            for (int k = 0; k < probabilities.length; k++) {
                b.append(k == 0 ? "" : ", ").append(fmt(probabilities[k]));
            }
            return b.append(')').toString();
        }
    }

    /**
     * A mixture of laws.
     *
     * @param weights    component weights (fractions summing to 1)
     * @param components the component laws
     */
    record Mixture(double[] weights, List<Distribution> components) implements Distribution {
        /** @throws IllegalArgumentException when the weights and components do not match or do not sum to 1 */
        public Mixture {
            weights = normalised(weights, "mixture weights");
            components = List.copyOf(components);
            if (components.size() != weights.length) {
                throw new IllegalArgumentException("mixture has " + weights.length + " weights but "
                        + components.size() + " components");
            }
        }

        /** @return a copy of the component weights (fractions) */
        @Override
        public double[] weights() {
            return weights.clone();
        }

        @Override
        public double quantile(double u) {
            checkU(u);
            int k = (int) pick(weights, u);
            double before = 0;
            for (int j = 0; j < k; j++) {
                before += weights[j];
            }
            double within = weights[k] > 0 ? (u - before) / weights[k] : 0.5;
            return components.get(k).quantile(Math.max(0, Math.min(1, within)));
        }

        @Override
        public double cdf(double x) {
            double c = 0;
            for (int k = 0; k < weights.length; k++) {
                c += weights[k] * components.get(k).cdf(x);
            }
            return Math.min(1, c);
        }

        @Override
        public double min() {
            double m = Double.POSITIVE_INFINITY;
            for (int k = 0; k < weights.length; k++) {
                if (weights[k] > 0) {
                    m = Math.min(m, components.get(k).min());
                }
            }
            return m;
        }

        @Override
        public double max() {
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < weights.length; k++) {
                if (weights[k] > 0) {
                    m = Math.max(m, components.get(k).max());
                }
            }
            return m;
        }

        @Override
        public boolean integerValued() {
            for (int k = 0; k < weights.length; k++) {
                if (weights[k] > 0 && !components.get(k).integerValued()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Mixture m && Arrays.equals(weights, m.weights) && components.equals(m.components);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(weights) + components.hashCode();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("mixture(");
            for (int k = 0; k < weights.length; k++) {
                b.append(k == 0 ? "" : ", ").append(fmt(weights[k])).append(" x ").append(components.get(k));
            }
            return b.append(')').toString();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Distribution pointIn(double v, double lo, double hi, String what) {
        checkBounds(lo, hi);
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(what + " is the point " + v + ", outside [" + lo + ", " + hi + "]");
        }
        return new Fixed(v);
    }

    private static void checkBounds(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi) || !(lo < hi)) {
            throw new IllegalArgumentException("bounds must satisfy lo < hi, got [" + lo + ", " + hi + "]");
        }
    }

    private static void checkU(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw new IllegalArgumentException("u must be a probability in [0, 1], got " + u);
        }
    }

    /** The index k whose cumulative interval [c_{k-1}, c_k) holds u; the last positive one for u near 1. */
    private static double pick(double[] p, double u) {
        double c = 0;
        int lastPositive = 0;
        for (int k = 0; k < p.length; k++) {
            if (p[k] > 0) {
                lastPositive = k;
                c += p[k];
                if (u < c) {
                    return k;
                }
            }
        }
        return lastPositive;
    }

    private static double[] normalised(double[] p, String what) {
        if (p == null || p.length == 0) {
            throw new IllegalArgumentException(what + ": at least one is needed");
        }
        double sum = 0;
        for (double v : p) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " must be finite and >= 0, got " + Arrays.toString(p));
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException(what + " must sum to 1, got " + sum + " for " + Arrays.toString(p));
        }
        double[] q = p.clone();
        for (int k = 0; k < q.length; k++) {
            q[k] /= sum;
        }
        return q;
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
