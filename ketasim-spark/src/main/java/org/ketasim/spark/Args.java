package org.ketasim.spark;

import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.spark.SparkTrial.UserError;

/** Command-line values shared by the Spark entry points: each bad value ends as one {@link UserError} line. */
final class Args {

    private Args() {
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UserError(option + ": missing value");
        }
        return args[i];
    }

    static int positive(String text, String option) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(option + ": expected a positive whole number, got '" + text + "'");
    }

    static long whole(String text, String option) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UserError(option + ": expected a whole number, got '" + text + "'");
        }
    }

    static double number(String text, String option) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UserError(option + ": expected a number, got '" + text + "'");
        }
    }

    static SolverOptions solver(String method, double rtol, double atol) {
        if (!(rtol > 0 && rtol < 1) || !(atol > 0)) {
            throw new UserError("--rtol must be in (0, 1) and --atol positive");
        }
        try {
            return SolverOptions.of(SolverMethod.parse(method)).withTolerances(rtol, atol);
        } catch (IllegalArgumentException e) {
            throw new UserError("--solver: " + e.getMessage());
        }
    }
}
