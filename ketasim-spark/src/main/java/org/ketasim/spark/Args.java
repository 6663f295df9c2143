package org.ketasim.spark;

import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.spark.SparkTrial.UserError;

/** What the Spark entry points share on the command line: logging set-up, and values that end as one {@link UserError} line. */
final class Args {

    private Args() {
    }

    /** Under plain java, not spark-submit: Spark's warnings only (spark-submit uses the cluster's own log configuration). */
    static void quietLoggingUnderPlainJava() {
        if (System.getProperty("spark.master") == null && System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "ketasim-spark-log4j2.properties");
        }
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
