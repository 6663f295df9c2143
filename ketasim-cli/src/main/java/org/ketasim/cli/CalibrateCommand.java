package org.ketasim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ketasim.lang.Model;
import org.ketasim.lang.ModelException;
import org.ketasim.models.ModelLibrary;
import org.ketasim.trial.ReferenceTargets;
import org.ketasim.trial.SpecException;
import org.ketasim.trial.TrialSpec;
import org.ketasim.trial.calibrate.Calibration;
import org.ketasim.trial.calibrate.CalibrationResult;
import org.ketasim.trial.calibrate.CalibrationTarget;
import org.ketasim.trial.calibrate.MechanismPenalties;
import org.ketasim.trial.calibrate.FreeParameter;
import org.ketasim.trial.calibrate.ModelFileWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ketasim calibrate}: fits free parameters of the model to the published targets of the trials in a
 * folder (CMA-ES, common random numbers), prints each target before and after, and writes the model file
 * with the fitted values and {@code calibrated} provenance.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit model parameters to the published targets of the trials in trials/ and write the calibrated model file.")
final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--trials", paramLabel = "DIR", description = "Folder of trial specifications (default ${DEFAULT-VALUE}).", defaultValue = "trials")
    Path trials = Path.of("trials");

    @Option(names = "--free", paramLabel = "NAME:LO:HI[:lin]", required = true,
            description = "A parameter to fit and its bounds in the model file's unit; searched in log space unless ':lin' is appended. Repeatable.")
    List<String> free = new ArrayList<>();

    @Option(names = "--subjects", paramLabel = "N", description = "Subjects per arm in every trial (default ${DEFAULT-VALUE}).", defaultValue = "150")
    int subjects = 150;

    @Option(names = "--evaluations", paramLabel = "N", description = "Budget of objective evaluations (default ${DEFAULT-VALUE}).", defaultValue = "200")
    int evaluations = 200;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the optimiser (default ${DEFAULT-VALUE}); trials keep their own seeds.", defaultValue = "1")
    long seed = 1;

    @Option(names = "--out", paramLabel = "FILE", description = "Calibrated model file (default ${DEFAULT-VALUE}).", defaultValue = "models/ketamine.calibrated.ksm")
    Path out = Path.of("models/ketamine.calibrated.ksm");

    @Option(names = "--in-place", description = "Overwrite the --model file instead of writing --out.")
    boolean inPlace;

    @Option(names = "--no-mechanisms", description = "Fit the trial targets only, without the mechanistic facts"
            + " (response timing, loss of superiority, spine loss, placebo share, rapamycin) as penalties.")
    boolean noMechanisms;

    @Mixin
    ModelChoice modelChoice = new ModelChoice();

    @Mixin
    SolverChoice solver = new SolverChoice();

    @Override
    public Integer call() throws IOException {
        if (inPlace && modelChoice.file == null) {
            throw new UserInputException("--in-place: needs --model FILE (the bundled model is not overwritten)");
        }
        if (subjects < 2) {
            throw new UserInputException("--subjects " + subjects + ": expected at least 2");
        }
        if (evaluations < 1) {
            throw new UserInputException("--evaluations " + evaluations + ": expected at least 1");
        }
        Model model = modelChoice.model();
        List<FreeParameter> params = new ArrayList<>();
        for (String f : free) {
            try {
                params.add(FreeParameter.parse(f));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
        }
        List<TrialSpec> specs;
        try {
            specs = TrialSpec.readFolder(trials);
        } catch (SpecException e) {
            throw new UserInputException(e.getMessage());
        }
        List<String> skipped = new ArrayList<>();
        Calibration calibration;
        List<CalibrationTarget> targets;
        try {
            targets = CalibrationTarget.of(specs, ReferenceTargets.bundled(), skipped);
            calibration = new Calibration(model, solver.options(), specs, targets, params,
                    new Calibration.Settings(subjects, evaluations, seed), noMechanisms ? null : new MechanismPenalties(model, solver.options()));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        skipped.forEach(s -> System.err.println("skipping target " + s));
        System.err.println("calibrating " + params.size() + " parameter(s) on " + targets.size() + " targets of " + specs.size()
                + " trials, " + subjects + " subjects per arm, up to " + evaluations + " evaluations");
        long t0 = System.nanoTime();
        CalibrationResult result = calibration.run(System.err::println);
        System.err.printf(Locale.ROOT, "%d evaluations in %.1f s%n", result.evaluations(), (System.nanoTime() - t0) / 1e9);
        System.out.print(table(result));

        String text;
        Path input = modelChoice.file;
        if (input == null) {
            text = ModelLibrary.source(ModelLibrary.KETAMINE);
        } else {
            text = Files.readString(input);
        }
        Path target = inPlace ? input : out;
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(targets.stream().map(CalibrationTarget::id).toList()));
        result.checksAfter().forEach(c -> {
            if (!ids.contains(c.id())) {
                ids.add(c.id()); // the mechanistic facts were part of the objective too
            }
        });
        try {
            ModelFileWriter.write(text, input, target, inPlace, result.best(), ModelFileWriter.provenance(ids, LocalDate.now()));
        } catch (IllegalArgumentException | ModelException e) {
            throw new UserInputException(e.getMessage());
        }
        System.err.println("wrote " + target);
        return 0;
    }

    static String table(CalibrationResult r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-14s %12s %12s%n", "parameter", "before", "after"));
        for (Map.Entry<String, Double> e : r.best().entrySet()) {
            s.append(String.format(Locale.ROOT, "%-14s %12s %12s%n", e.getKey(), ModelFileWriter.format(r.initial().get(e.getKey())),
                    ModelFileWriter.format(e.getValue())));
        }
        s.append(String.format(Locale.ROOT, "%-14s %12.4g %12.4g%n%n", "objective", r.initialObjective(), r.objective()));
        s.append(String.format(Locale.ROOT, "%-18s %-24s %-10s %-10s %10s %10s %10s %8s%n", "trial", "target", "arm", "endpoint", "published",
                "before", "after", "scale"));
        for (CalibrationResult.TargetFit f : r.targets()) {
            CalibrationTarget t = f.target();
            s.append(String.format(Locale.ROOT, "%-18s %-24s %-10s %-10s %10.4g %10.4g %10.4g %8.3g%n", t.trial(), t.id(), t.arm(),
                    t.endpoint(), t.published(), f.before(), f.after(), f.scale()));
        }
        if (!r.checksAfter().isEmpty()) {
            s.append(String.format(Locale.ROOT, "%n%-20s %-60s %10s %10s %10s%n", "mechanism", "fact", "before", "after", "penalty"));
            for (int i = 0; i < r.checksAfter().size(); i++) {
                MechanismPenalties.Check b = r.checksBefore().get(i);
                MechanismPenalties.Check a = r.checksAfter().get(i);
                s.append(String.format(Locale.ROOT, "%-20s %-60s %10.4g %10.4g %10.4g%n", a.id(), a.fact(), b.measured(), a.measured(),
                        a.penalty()));
            }
        }
        return s.toString();
    }
}
