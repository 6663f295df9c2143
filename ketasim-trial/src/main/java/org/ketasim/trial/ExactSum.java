package org.ketasim.trial;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The exact sum of doubles (and of their squares), rounded once when read. Exact addition is associative, so a
 * sum does not depend on the order in which values are added or partial sums merged: this is what makes trial
 * results identical on any number of threads, partitions or machines.
 *
 * <p>Whole numbers below 2<sup>31</sup> in magnitude (rated scores are whole points) go to a {@code long}, the
 * rest to a {@link BigDecimal}, which holds any finite double exactly; NaN and infinities are kept apart as a
 * plain double sum (adding only those is itself order-independent). Memory: a few words, whatever the count.
 * Not thread-safe.
 */
final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Digits kept in divisions before the final rounding to double (far beyond a double's 17). */
    private static final MathContext DIVIDE = new MathContext(40, RoundingMode.HALF_EVEN);
    private static final double SMALL_WHOLE = 0x1p31;

    private long whole;
    private BigDecimal rest = BigDecimal.ZERO;
    private double special;

    /** Adds {@code x}. */
    void add(double x) {
        if (!Double.isFinite(x)) {
            special += x;
        } else if (x == Math.rint(x) && Math.abs(x) < SMALL_WHOLE) {
            addWhole((long) x);
        } else {
            rest = rest.add(new BigDecimal(x));
        }
    }

    /** Adds {@code x²}, exactly (not the rounded double product). */
    void addSquare(double x) {
        if (!Double.isFinite(x)) {
            special += x * x;
        } else if (x == Math.rint(x) && Math.abs(x) < SMALL_WHOLE) {
            long w = (long) x;
            addWhole(w * w); // < 2^62: no overflow
        } else {
            BigDecimal b = new BigDecimal(x);
            rest = rest.add(b.multiply(b));
        }
    }

    private void addWhole(long w) {
        long s = whole + w;
        if (((whole ^ s) & (w ^ s)) < 0) { // overflow: spill the long into the exact part
            rest = rest.add(BigDecimal.valueOf(whole)).add(BigDecimal.valueOf(w));
            whole = 0;
        } else {
            whole = s;
        }
    }

    /** Adds another sum into this one. */
    void merge(ExactSum other) {
        rest = rest.add(other.rest).add(BigDecimal.valueOf(other.whole));
        // keep the fast part small so that it cannot overflow: the exact part takes it
        rest = rest.add(BigDecimal.valueOf(whole));
        whole = 0;
        special += other.special;
    }

    /** Whether a NaN or infinity was added. */
    boolean special() {
        return special != 0 || Double.isNaN(special);
    }

    /** The exact sum; only meaningful when {@link #special()} is false. */
    BigDecimal exact() {
        return rest.add(BigDecimal.valueOf(whole));
    }

    /** The sum rounded to double (NaN or an infinity if such a value was added). */
    double value() {
        return special() ? special : exact().doubleValue();
    }

    /**
     * The sample of {@code n} values whose sum is {@code sum} and sum of squares {@code squares}: mean S/n and
     * unbiased variance (n·SS − S²) / (n(n − 1)), computed exactly and rounded once (to 40 digits, then to double).
     */
    static Estimate.Sample sample(int n, ExactSum sum, ExactSum squares) {
        if (n == 0) {
            return new Estimate.Sample(0, Double.NaN, Double.NaN);
        }
        if (sum.special() || squares.special()) {
            return new Estimate.Sample(n, sum.special() ? sum.special : Double.NaN, Double.NaN);
        }
        BigDecimal s = sum.exact();
        BigDecimal bn = BigDecimal.valueOf(n);
        double mean = s.divide(bn, DIVIDE).doubleValue();
        if (n == 1) {
            return new Estimate.Sample(1, mean, Double.NaN);
        }
        BigDecimal numerator = bn.multiply(squares.exact()).subtract(s.multiply(s));
        double variance = numerator.divide(bn.multiply(BigDecimal.valueOf(n - 1L)), DIVIDE).doubleValue();
        return new Estimate.Sample(n, mean, variance);
    }

    /** The mean of {@code n} values whose sum this is, rounded once. */
    double mean(int n) {
        if (n == 0) {
            return Double.NaN;
        }
        return special() ? special : exact().divide(BigDecimal.valueOf(n), DIVIDE).doubleValue();
    }
}
