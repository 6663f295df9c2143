package org.ketasim.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.ketasim.engine.dosing.Regimen;
import org.ketasim.interop.sbml.SbmlExporter;
import org.ketasim.lang.Model;
import org.ketasim.lang.ModelException;
import org.ketasim.models.ModelLibrary;
import org.ketasim.models.SessionCovariates;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ketasim export --format sbml}: the model file, one patient and a course as SBML Level 3 Version 2. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the model with one patient's parameters and a course of doses as SBML Level 3 Version 2 "
                + "(parameters with units and provenance, rate and assignment rules, doses as events), for COPASI, "
                + "Tellurium and other SBML tools.",
        footer = {"", "Example:", "  ketasim export --format sbml --out ketamine.xml --weight 70 --dose 0.5mg/kg --over 40min"})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    CourseOptions course = new CourseOptions();

    @Mixin
    ModelChoice modelChoice = new ModelChoice();

    @Option(names = "--format", description = "Export format: sbml (default ${DEFAULT-VALUE}).", defaultValue = "sbml")
    String format = "sbml";

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write, e.g. ketamine.xml.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!format.toLowerCase(Locale.ROOT).equals("sbml")) {
            throw new UserInputException("--format '" + format + "' is not known; use sbml");
        }
        Model model = modelChoice.model();
        SbmlExporter exporter;
        try {
            exporter = modelChoice.file == null
                    ? SbmlExporter.of(ModelLibrary.source(ModelLibrary.KETAMINE), "models/ketamine.ksm")
                    : SbmlExporter.of(readModelText(modelChoice.file), modelChoice.file.toString());
        } catch (ModelException e) {
            throw new UserInputException(e.getMessage());
        }
        double weightKg = course.weightKg();
        double[] p = SimulationRun.parameters(model, weightKg, course.sets);
        Regimen regimen = course.regimen(weightKg);
        SessionCovariates.apply(model, p, regimen, regimen.isEmpty() ? 0 : regimen.doses().get(0).startH(), course.sets.keySet());
        String description = course.describe() + String.format(Locale.ROOT, ", %.0f kg", weightKg);
        Files2.writeAtomically(out, w -> exporter.write(p, regimen, description, w));
        System.err.println("wrote " + out);
        return 0;
    }

    private static String readModelText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new UserInputException("--model " + file + ": the model file is not valid UTF-8; save it as UTF-8");
        } catch (IOException e) {
            throw new UserInputException("--model " + file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
