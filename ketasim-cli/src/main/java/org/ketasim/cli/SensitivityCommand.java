package org.ketasim.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.trial.sensitivity.FactorSelection;
import org.ketasim.trial.sensitivity.Morris;
import org.ketasim.trial.sensitivity.MorrisTable;
import org.ketasim.trial.sensitivity.SensitivityMeasure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ketasim sensitivity}: Morris screening of the model's parameters for a scalar response. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Global sensitivity analysis (Morris elementary-effects screening) of a response of the typical "
                + "patient (70 kg, 0.5 mg/kg ketamine IV over 40 min) to every [parameters] row of the model, each varied "
                + "on a log scale from value/F to value*F (negative values linearly by +-50 %; zeros and --exclude are left out).",
                "Prints the parameters ranked by mu* (importance; in response units per whole range), mu (mean signed "
                + "effect) and sigma (non-linearity and interactions)."})
final class SensitivityCommand implements Callable<Integer> {

    static final String DEFAULT_EXCLUDE = FactorSelection.DEFAULT_EXCLUDE;

    @Mixin
    ModelChoice modelChoice = new ModelChoice();

    @Mixin
    SolverChoice solver = new SolverChoice();

    @Option(names = "--measure", description = "madrs_change_24h (MADRS at 24 h minus baseline, one infusion) or relapse_day "
            + "(six infusions on days 0,2,4,7,9,11: first day after the last that MADRS exceeds half the baseline, capped at 60) "
            + "(default ${DEFAULT-VALUE}).", defaultValue = "madrs_change_24h")
    String measure = "madrs_change_24h";

    @Option(names = "--trajectories", paramLabel = "R", description = "Morris trajectories (default ${DEFAULT-VALUE}).", defaultValue = "10")
    int trajectories = Morris.DEFAULT_TRAJECTORIES;

    @Option(names = "--levels", paramLabel = "P", description = "Morris grid levels, even (default ${DEFAULT-VALUE}).", defaultValue = "4")
    int levels = Morris.DEFAULT_LEVELS;

    @Option(names = "--factor", paramLabel = "F", description = "Range factor: value/F .. value*F (default ${DEFAULT-VALUE}).", defaultValue = "2")
    double factor = Morris.DEFAULT_FACTOR;

    @Option(names = "--seed", description = "Seed of the trajectories (default ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed = 1;

    @Option(names = "--top", paramLabel = "N", description = "Print only the N most important parameters (default: all).")
    Integer top;

    @Option(names = "--threads", description = "Threads (default: all cores); the result does not depend on it.")
    Integer threads;

    @Option(names = "--exclude", paramLabel = "NAMES", description = "Comma-separated parameters not to vary; a trailing * matches "
            + "a prefix; '' varies all (default ${DEFAULT-VALUE}: reference values and molar masses, which are conventions "
            + "and constants rather than mechanisms).", defaultValue = DEFAULT_EXCLUDE)
    String exclude = DEFAULT_EXCLUDE;

    @Option(names = "--include", paramLabel = "NAMES", description = "Comma-separated parameters to vary, the others keeping "
            + "their values; a trailing * matches a prefix (default: all but --exclude).")
    String include;

    @Option(names = "--format", description = "text, csv or markdown (default ${DEFAULT-VALUE}).", defaultValue = "text")
    String format = "text";

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "csv", "markdown", "md").contains(fmt)) {
            throw new UserInputException("--format '" + format + "' is not known; use text, csv or markdown");
        }
        SensitivityMeasure m;
        try {
            m = SensitivityMeasure.of(measure);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--measure " + e.getMessage().replaceFirst("^measure ", ""));
        }
        if (trajectories < 1) {
            throw new UserInputException("--trajectories must be at least 1");
        }
        if (levels < 2 || levels % 2 != 0) {
            throw new UserInputException("--levels must be even and at least 2");
        }
        if (!(factor > 1) || !Double.isFinite(factor)) {
            throw new UserInputException("--factor must be a number greater than 1");
        }
        if (top != null && top < 1) {
            throw new UserInputException("--top must be at least 1");
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw new UserInputException("--threads must be at least 1");
        }
        SolverOptions options = solver.options();
        Model model = modelChoice.model();
        if (model.outputIndex("madrs").isEmpty()) {
            throw new UserInputException("model " + model.name() + " has no output 'madrs' to screen");
        }
        List<Morris.Factor> factors;
        try {
            factors = FactorSelection.factors(model, factor, include, exclude);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        if (factors.isEmpty()) {
            throw new UserInputException("model " + model.name() + " has no non-zero [parameters] to screen"
                    + (include == null ? "" : " among --include " + include));
        }
        Morris morris = new Morris(factors, trajectories, levels, seed);
        long t0 = System.nanoTime();
        Morris.Result result = morris.run(m.function(model, factors, options), nThreads);
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Morris.Effect> rows = result.effects();
        if (top != null && top < rows.size()) {
            rows = rows.subList(0, top);
        }
        switch (fmt) {
            case "csv":
                System.out.println("rank,parameter,mu_star,mu,sigma,low,high,scale,label");
                for (int i = 0; i < rows.size(); i++) {
                    Morris.Effect e = rows.get(i);
                    Morris.Factor f = e.factor();
                    System.out.println(String.join(",", Integer.toString(i + 1), f.name(), num(e.muStar()), num(e.mu()), num(e.sigma()),
                            num(f.low()), num(f.high()), f.logScale() ? "log" : "linear", "\"" + f.label().replace("\"", "\"\"") + "\""));
                }
                break;
            case "markdown":
            case "md":
                MorrisTable.markdown(rows).forEach(System.out::println);
                break;
            default:
                System.out.printf(Locale.ROOT, "Morris screening of %s: %s%n", m.id(), m.description());
                System.out.printf(Locale.ROOT, "%d parameters, r = %d, p = %d, range x/%s..x*%s, seed %d: %d simulations in %.1f s on %d threads%n",
                        factors.size(), trajectories, levels, num(factor), num(factor), seed, result.evaluations(), seconds, nThreads);
                System.out.printf(Locale.ROOT, "%4s  %-14s %10s %10s %10s  %s%n", "rank", "parameter", "mu*", "mu", "sigma", "description");
                for (int i = 0; i < rows.size(); i++) {
                    Morris.Effect e = rows.get(i);
                    System.out.printf(Locale.ROOT, "%4d  %-14s %10.4g %10.4g %10.4g  %s%n", i + 1, e.factor().name(),
                            e.muStar(), e.mu(), e.sigma(), e.factor().label());
                }
                break;
        }
        return 0;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
