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
 * <p>A name ending in {@value #CV_SUFFIX} (e.g. {@code Pl.cv}) fits the between-subject variability of that
 * parameter instead of its typical value: the coefficient of variation of its log-normal law (0.6 for
 * {@code bsv 60%}).
 *
 * @param name  name of a {@code [parameters]} row, or that name followed by {@value #CV_SUFFIX}
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

    /** Suffix naming the between-subject coefficient of variation of a parameter. */
    public static final String CV_SUFFIX = ".cv";

    /** Whether this fits a between-subject coefficient of variation rather than a typical value. */
    public boolean isCv() {
        return isCv(name);
    }

    /** The model parameter this acts on (the name without {@value #CV_SUFFIX}). */
    public String parameter() {
        return parameterOf(name);
    }

    static boolean isCv(String name) {
        return name.endsWith(CV_SUFFIX);
    }

    static String parameterOf(String name) {
        return isCv(name) ? name.substring(0, name.length() - CV_SUFFIX.length()) : name;
    }

    /** The model's current value: the typical value, or the coefficient of variation for a {@code .cv} name. */
    double current(Model model) {
        Parameter p = model.parameter(parameter()).orElseThrow();
        return isCv() ? p.bsvCv() : p.value();
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
        String base = parameter();
        Parameter p = model.parameter(base).orElseThrow(() -> {
            String s = model.suggest(base);
            return new IllegalArgumentException("free parameter " + name + ": the model has no such parameter"
                    + (s == null || s.isEmpty() ? "" : "; did you mean " + s + "?"));
        });
        if (p.kind() != Parameter.Kind.PARAMETER) {
            throw new IllegalArgumentException("free parameter " + name + ": is a " + p.kind().name().toLowerCase(Locale.ROOT)
                    + ", only [parameters] rows can be calibrated");
        }
        if (isCv() && !(p.bsvCv() > 0)) {
            throw new IllegalArgumentException("free parameter " + name + ": " + base
                    + " has no between-subject variability to fit; give its row a 'bsv NN%' first");
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
