package org.ketasim.lang.check;

import java.util.Locale;

/** The built-in functions of the model language, with their arity. */
public enum Function {
    /** e^x; x dimensionless. */
    EXP(1),
    /** Natural logarithm; x dimensionless. */
    LN(1),
    /** Decimal logarithm; x dimensionless. */
    LOG10(1),
    /** Square root; the dimension is halved (its exponents must be even). */
    SQRT(1),
    /** Absolute value. */
    ABS(1),
    /** Smaller of two values of the same dimension. */
    MIN(2),
    /** Larger of two values of the same dimension. */
    MAX(2),
    /** {@code max(x, 0)}. */
    POS(1),
    /** Heaviside step: 1 where x &ge; 0, else 0; x of any dimension, the result dimensionless. */
    STEP(1),
    /** {@code hill(x, k, n) = x^n / (k^n + x^n)} for x &ge; 0 (x below 0 counts as 0); x and k of one dimension. */
    HILL(3);

    private final int arity;

    Function(int arity) {
        this.arity = arity;
    }

    /** @return the number of arguments */
    public int arity() {
        return arity;
    }

    /** @return the name as written in a model */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the function with this name as written, or null */
    public static Function byKeyword(String name) {
        for (Function f : values()) {
            if (f.keyword().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
