package org.ketasim.trial.sensitivity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;

/**
 * Which {@code [parameters]} rows a screening varies, from the {@code --include} and {@code --exclude} lists of
 * {@code ketasim sensitivity} and {@code SparkSensitivity}: comma-separated names, where a trailing {@code *} matches
 * a prefix. Shared so that both command lines pick the same factors, in the same (the model's) order.
 */
public final class FactorSelection {

    /** Not varied by default: reference values and molar masses, conventions and constants rather than mechanisms. */
    public static final String DEFAULT_EXCLUDE = "WT_ref,BMI_ref,AGE_ref,MW_*";

    private FactorSelection() {
    }

    /**
     * The names of the model's {@code [parameters]} rows that a list matches.
     *
     * @param model the model
     * @param list  comma-separated names or prefixes ending in {@code *}; blank items are ignored
     * @return the names matched, in the model's order
     * @throws IllegalArgumentException if a plain name (not a prefix) is no parameter of the model; the message
     *                                  starts with the name and suggests a near one
     */
    public static Set<String> names(Model model, String list) {
        Set<String> out = new LinkedHashSet<>();
        for (String item : list.split(",")) {
            String name = item.strip();
            if (name.isEmpty()) {
                continue;
            }
            boolean prefix = name.endsWith("*");
            String stem = prefix ? name.substring(0, name.length() - 1) : name;
            boolean found = false;
            for (Parameter p : model.parameters()) {
                if (p.kind() == Parameter.Kind.PARAMETER && (prefix ? p.name().startsWith(stem) : p.name().equals(name))) {
                    out.add(p.name());
                    found = true;
                }
            }
            if (!found && !prefix) {
                String hint = model.suggest(name);
                throw new IllegalArgumentException(name + ": no such parameter in model " + model.name()
                        + (hint == null ? "" : " (did you mean " + hint + "?)"));
            }
        }
        return out;
    }

    /**
     * The factors of {@link Morris#parameterFactors(Model, double, Set)}, less {@code exclude}, and only those in
     * {@code include} when it is given.
     *
     * @param model   the model
     * @param factor  range factor f &gt; 1
     * @param include list of the rows to vary ({@link #names}), or null for all
     * @param exclude list of the rows not to vary
     * @return the factors, in the model's order (possibly none)
     * @throws IllegalArgumentException as {@link #names}, with the message prefixed by the option's name
     */
    public static List<Morris.Factor> factors(Model model, double factor, String include, String exclude) {
        Set<String> out = withOption("--exclude", model, exclude);
        List<Morris.Factor> all = Morris.parameterFactors(model, factor, out);
        if (include == null) {
            return all;
        }
        Set<String> in = withOption("--include", model, include);
        List<Morris.Factor> kept = new ArrayList<>();
        for (Morris.Factor f : all) {
            if (in.contains(f.name())) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static Set<String> withOption(String option, Model model, String list) {
        try {
            return names(model, list);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage(), e);
        }
    }
}
