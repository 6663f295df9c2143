package org.ketasim.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ketasim check FILE.ksm}: parse, check names and dimensions, and compile a model file. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parse a model file, check every name and physical dimension, compile it, and print a summary.")
final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The model file (.ksm).")
    Path file;

    @Override
    public Integer call() {
        ModelChoice choice = new ModelChoice();
        choice.file = file;
        Model model = choice.model();
        model.compile();
        Map<String, Integer> grades = new TreeMap<>();
        for (Parameter p : model.parameters()) {
            grades.merge(p.provenance().type().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
        System.out.println(file + ": model '" + model.name() + "' is consistent: " + model.states().size() + " states, "
                + model.parameters().size() + " parameters " + grades + ", " + model.outputs().size() + " outputs, "
                + model.doseTargets().size() + " dose targets; units agree; compiled to bytecode");
        return 0;
    }
}
