package org.ketasim.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;
import org.ketasim.trial.sensitivity.Morris;
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

    static final String DEFAULT_EXCLUDE = "WT_ref,BMI_ref,AGE_ref,MW_*";

    @Mixin
    ModelChoice modelChoice = new ModelChoice();

    @Option(names = "--measure", description = "madrs_change_24h (MADRS at 24 h minus baseline, one infusion) or relapse_day "
            + "(six infusions on days 0,2,4,7,9,11: first day after the last that MADRS exceeds half the baseline, capped at 60) "
            + "(default ${DEFAULT-VALUE}).", defaultValue = "madrs_change_24h")
    String measure = "madrs_change_24h";

    @Option(names = "--trajectories", paramLabel = "R", description = "Morris trajectories (default ${DEFAULT-VALUE}).", defaultValue = "10")
    int trajectories = Morris.DEFAULT_TRAJECTORIES;

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
        Model model = modelChoice.model();
        if (model.outputIndex("madrs").isEmpty()) {
            throw new UserInputException("model " + model.name() + " has no output 'madrs' to screen");
        }
        List<Morris.Factor> factors = Morris.parameterFactors(model, factor, excluded(model));
        if (factors.isEmpty()) {
            throw new UserInputException("model " + model.name() + " has no non-zero [parameters] to screen");
        }
        Morris morris = new Morris(factors, trajectories, Morris.DEFAULT_LEVELS, seed);
        long t0 = System.nanoTime();
        Morris.Result result = morris.run(m.function(model, factors), nThreads);
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
                System.out.println("| rank | parameter | μ* | μ | σ | description |");
                System.out.println("|---:|---|---:|---:|---:|---|");
                for (int i = 0; i < rows.size(); i++) {
                    Morris.Effect e = rows.get(i);
                    System.out.printf(Locale.ROOT, "| %d | `%s` | %.4g | %.4g | %.4g | %s |%n", i + 1, e.factor().name(),
                            e.muStar(), e.mu(), e.sigma(), e.factor().label().replace("|", "\\|"));
                }
                break;
            default:
                System.out.printf(Locale.ROOT, "Morris screening of %s: %s%n", m.id(), m.description());
                System.out.printf(Locale.ROOT, "%d parameters, r = %d, p = %d, range x/%s..x*%s, seed %d: %d simulations in %.1f s on %d threads%n",
                        factors.size(), trajectories, Morris.DEFAULT_LEVELS, num(factor), num(factor), seed, result.evaluations(), seconds, nThreads);
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

    private Set<String> excluded(Model model) {
        Set<String> out = new HashSet<>();
        for (String item : exclude.split(",")) {
            String name = item.strip();
            if (name.isEmpty()) {
                continue;
            }
            int before = out.size();
            for (Parameter p : model.parameters()) {
                if (p.kind() == Parameter.Kind.PARAMETER
                        && (name.endsWith("*") ? p.name().startsWith(name.substring(0, name.length() - 1)) : p.name().equals(name))) {
                    out.add(p.name());
                }
            }
            if (out.size() == before && !name.endsWith("*") && model.parameter(name).filter(p -> p.kind() == Parameter.Kind.PARAMETER).isEmpty()) {
                String hint = model.suggest(name);
                throw new UserInputException("--exclude " + name + ": no such parameter in model " + model.name()
                        + (hint == null ? "" : " (did you mean " + hint + "?)"));
            }
        }
        return out;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
