package org.ketasim.lang.compile;

/**
 * Numerical helpers shared by compiled models and the interpreter, so that both compute bit-identical
 * results. Public because generated classes live in another class loader; not part of the modelling API.
 */
public final class Functions {

    private Functions() {
    }

    /** @return x * x */
    public static double sq(double x) {
        return x * x;
    }

    /** @return x * x * x */
    public static double cube(double x) {
        return x * x * x;
    }

    /** @return x * x * x * x */
    public static double pow4(double x) {
        return x * x * x * x;
    }

    /**
     * x to an integer power, as the compiler emits it: by multiplication for |k| &le; 4 (the reciprocal for
     * negative k), else {@link Math#pow}.
     */
    public static double powInt(double x, int k) {
        switch (Math.abs(k)) {
            case 0:
                return 1.0;
            case 1:
                return k > 0 ? x : 1.0 / x;
            case 2:
                return k > 0 ? x * x : 1.0 / (x * x);
            case 3:
                return k > 0 ? x * x * x : 1.0 / (x * x * x);
            case 4:
                return k > 0 ? x * x * x * x : 1.0 / (x * x * x * x);
            default:
                return Math.pow(x, k);
        }
    }

    /** @return {@code max(x, 0)} */
    public static double pos(double x) {
        return Math.max(x, 0.0);
    }

    /**
     * The Hill function {@code x^n / (k^n + x^n)}; x below 0 counts as 0 (so that a concentration that an
     * integrator pushes slightly negative gives 0 effect rather than NaN).
     */
    public static double hill(double x, double k, double n) {
        if (n == 1.0) {
            double xp = Math.max(x, 0.0);
            return xp / (k + xp);
        }
        // x^n / (k^n + x^n) = 1 / (1 + (k/x)^n): one Math.pow instead of two (pow is the dearest operation of
        // the ketamine model's right-hand side); x = 0 gives (k/0)^n = ∞ and so 0, as it should
        double xp = Math.max(x, 0.0);
        return 1.0 / (1.0 + Math.pow(k / xp, n));
    }

    /**
     * {@link #hill} for a small integer exponent (|n| &le; 4, a literal in the model), computed with
     * {@link #powInt} instead of {@link Math#pow}; the compiler emits it with a constant {@code n}, which the JIT
     * folds away.
     */
    public static double hillInt(double x, double k, int n) {
        double xn = powInt(Math.max(x, 0.0), n);
        return xn / (powInt(k, n) + xn);
    }
}
