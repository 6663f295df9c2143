package org.ketasim.trial.calibrate;

import java.util.Locale;

import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;

/**
 * A parameter the calibration may move, with its bounds in the model file's units.
 *
 * <p>With {@code log} (the default of {@link #parse}) the search runs on ln(value), which suits rate constants
 * and weights that span orders of magnitude; the bounds must then be positive.
 *
 * @param name  name of a {@code [parameters]} row
 * @param lower lower bound (model file's unit)
 * @param upper upper bound (model file's unit)
 * @param log   whether to search in log space
 */
public record FreeParameter(String name, double lower, double upper, boolean log) {

    /** @throws IllegalArgumentException if the bounds are not finite, not ordered, or not positive in log space */
    public FreeParameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("free parameter: empty name");
        }
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
            throw new IllegalArgumentException("free parameter " + name + ": expected finite bounds with lower < upper, got "
                    + lower + " and " + upper);
        }
        if (log && lower <= 0) {
            throw new IllegalArgumentException("free parameter " + name + ": bounds must be positive for a log-space search (got lower "
                    + lower + "); append ':lin' to search in linear space");
        }
    }

    /** A log-space free parameter. */
    public static FreeParameter of(String name, double lower, double upper) {
        return new FreeParameter(name, lower, upper, true);
    }

    /**
     * Parses {@code NAME:LOWER:UPPER} (log space) or {@code NAME:LOWER:UPPER:lin} (linear space).
     *
     * @throws IllegalArgumentException with a one-line message on bad input
     */
    public static FreeParameter parse(String text) {
        String[] f = text.trim().split(":", -1);
        if (f.length != 3 && !(f.length == 4 && (f[3].equalsIgnoreCase("lin") || f[3].equalsIgnoreCase("log")))) {
            throw new IllegalArgumentException("--free " + text + ": expected NAME:LOWER:UPPER or NAME:LOWER:UPPER:lin, e.g. w_T:0.1:1.5");
        }
        double lo;
        double hi;
        try {
            lo = Double.parseDouble(f[1].trim());
            hi = Double.parseDouble(f[2].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--free " + text + ": bounds must be numbers, e.g. w_T:0.1:1.5");
        }
        boolean log = f.length == 3 || f[3].equalsIgnoreCase("log");
        try {
            return new FreeParameter(f[0].trim(), lo, hi, log);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--free " + text + ": " + e.getMessage());
        }
    }

    /**
     * Checks that the name is a {@code [parameters]} row of the model (covariates and switches are set by the
     * trial or the user, not fitted).
     */
    void check(Model model) {
        Parameter p = model.parameter(name).orElseThrow(() -> {
            String s = model.suggest(name);
            return new IllegalArgumentException("free parameter " + name + ": the model has no such parameter"
                    + (s == null || s.isEmpty() ? "" : "; did you mean " + s + "?"));
        });
        if (p.kind() != Parameter.Kind.PARAMETER) {
            throw new IllegalArgumentException("free parameter " + name + ": is a " + p.kind().name().toLowerCase(Locale.ROOT)
                    + ", only [parameters] rows can be calibrated");
        }
    }

    /** Maps a value to the unit interval of the search. */
    double toUnit(double v) {
        double x = log ? (Math.log(v) - Math.log(lower)) / (Math.log(upper) - Math.log(lower)) : (v - lower) / (upper - lower);
        return Math.min(1, Math.max(0, x));
    }

    /** Maps a point of the unit interval back to a value. */
    double fromUnit(double x) {
        double u = Math.min(1, Math.max(0, x));
        return log ? Math.exp(Math.log(lower) + u * (Math.log(upper) - Math.log(lower))) : lower + u * (upper - lower);
    }
}
