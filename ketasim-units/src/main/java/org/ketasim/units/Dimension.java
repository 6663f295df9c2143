package org.ketasim.units;

import java.util.Optional;

/**
 * A physical dimension: integer exponents over KetaSim's five base dimensions, mass (M), length (L),
 * time (T), amount of substance (N) and clinical-score points (P).
 *
 * <p>Instances are immutable values; two dimensions are equal when all five exponents are equal.
 * {@link #toString()} writes the positive exponents, then the negative ones, each in the order M L T N P,
 * for example {@code "M L^-3"} for a mass concentration, {@code "N L^-3"} for a molar one, or {@code "1"} for
 * a dimensionless quantity.
 *
 * @param mass   exponent of mass (M)
 * @param length exponent of length (L); a volume is {@code L^3}
 * @param time   exponent of time (T)
 * @param amount exponent of amount of substance (N)
 * @param points exponent of clinical-score points (P)
 */
public record Dimension(int mass, int length, int time, int amount, int points) {

    /** No dimension: pure numbers, fractions, percentages. */
    public static final Dimension DIMENSIONLESS = new Dimension(0, 0, 0, 0, 0);
    /** Mass (M). */
    public static final Dimension MASS = new Dimension(1, 0, 0, 0, 0);
    /** Length (L). */
    public static final Dimension LENGTH = new Dimension(0, 1, 0, 0, 0);
    /** Volume (L^3). */
    public static final Dimension VOLUME = new Dimension(0, 3, 0, 0, 0);
    /** Time (T). */
    public static final Dimension TIME = new Dimension(0, 0, 1, 0, 0);
    /** Amount of substance (N). */
    public static final Dimension AMOUNT = new Dimension(0, 0, 0, 1, 0);
    /** Clinical-score points (P). */
    public static final Dimension POINTS = new Dimension(0, 0, 0, 0, 1);

    private static final String[] NAMES = {"M", "L", "T", "N", "P"};

    /** @return the product dimension (exponents added) */
    public Dimension multiply(Dimension other) {
        return new Dimension(mass + other.mass, length + other.length, time + other.time,
                amount + other.amount, points + other.points);
    }

    /** @return the quotient dimension (exponents subtracted) */
    public Dimension divide(Dimension other) {
        return new Dimension(mass - other.mass, length - other.length, time - other.time,
                amount - other.amount, points - other.points);
    }

    /** @return this dimension raised to an integer power (exponents multiplied) */
    public Dimension pow(int exponent) {
        return new Dimension(mass * exponent, length * exponent, time * exponent,
                amount * exponent, points * exponent);
    }

    /** @return the reciprocal dimension, {@code pow(-1)} */
    public Dimension inverse() {
        return pow(-1);
    }

    /**
     * Raises this dimension to a real power, when the result has whole exponents: {@code (L^6)^0.5 = L^3},
     * {@code (M)^0.75} has no whole result. A dimensionless dimension can be raised to any power.
     *
     * @param exponent the power
     * @return the result, or empty when some exponent of the result would not be an integer
     */
    public Optional<Dimension> powExact(double exponent) {
        if (isDimensionless()) {
            return Optional.of(this);
        }
        if (!Double.isFinite(exponent)) {
            return Optional.empty();
        }
        int[] e = exponents();
        int[] r = new int[5];
        for (int i = 0; i < 5; i++) {
            double v = e[i] * exponent;
            double rounded = Math.rint(v);
            if (Math.abs(v - rounded) > 1e-9 || Math.abs(rounded) > Integer.MAX_VALUE / 2) {
                return Optional.empty();
            }
            r[i] = (int) rounded;
        }
        return Optional.of(new Dimension(r[0], r[1], r[2], r[3], r[4]));
    }

    /** @return true when every exponent is zero */
    public boolean isDimensionless() {
        return mass == 0 && length == 0 && time == 0 && amount == 0 && points == 0;
    }

    /** @return the five exponents in the order M, L, T, N, P (a fresh array) */
    public int[] exponents() {
        return new int[] {mass, length, time, amount, points};
    }

    /** @return e.g. {@code "M L^-3"}, {@code "N T^-1"}, {@code "T^-1"}, or {@code "1"} when dimensionless */
    @Override
    public String toString() {
        if (isDimensionless()) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        int[] e = exponents();
        for (int k = 0; k < 10; k++) {
            int i = k % 5;
            boolean positivePass = k < 5;
            if (e[i] == 0 || (e[i] > 0) != positivePass) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(NAMES[i]);
            if (e[i] != 1) {
                sb.append('^').append(e[i]);
            }
        }
        return sb.toString();
    }
}
