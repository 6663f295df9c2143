package org.ketasim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.ketasim.forecast.ForecastValidation;
import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;
import org.ketasim.lang.Provenance;
import org.ketasim.trial.Estimate;
import org.ketasim.trial.ReferenceTargets;
import org.ketasim.trial.SpecException;
import org.ketasim.trial.TrialResult;
import org.ketasim.trial.TrialRunner;
import org.ketasim.trial.TrialSpec;
import org.ketasim.trial.calibrate.MechanismPenalties;
import org.ketasim.trial.calibrate.ModelFileWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ketasim validate}: runs every trial specification in a folder and sets each endpoint beside the
 * published value it names ({@code targets:} in the spec, ids of {@code reference/trial-targets.csv}),
 * writing a Markdown report with plots.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Run the published trials in trials/ and report simulated vs published values (docs/validation.md).")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--trials", paramLabel = "DIR", description = "Folder of trial specifications (default ${DEFAULT-VALUE}).", defaultValue = "trials")
    Path trials = Path.of("trials");

    @Option(names = "--subjects", paramLabel = "N", description = "Subjects per arm, overriding the specs (default: each spec's).")
    Integer subjects;

    @Option(names = "--out", paramLabel = "FILE", description = "Markdown report (default ${DEFAULT-VALUE}).", defaultValue = "docs/validation.md")
    Path out = Path.of("docs/validation.md");

    @Option(names = "--img-dir", paramLabel = "DIR", description = "Folder for the plots, relative to the report's folder (default ${DEFAULT-VALUE}).", defaultValue = "img/validation")
    String imgDir = "img/validation";

    @Option(names = "--forecast-patients", paramLabel = "N",
            description = "Virtual patients per seed in the forecast validation (default ${DEFAULT-VALUE}; 0 skips it).", defaultValue = "40")
    int forecastPatients = 40;

    @Mixin
    ModelChoice modelChoice = new ModelChoice();

    @Mixin
    SolverChoice solver = new SolverChoice();

    /** One published value set beside its simulation ({@code id} is empty for independent validation values). */
    record Line(String trial, String id, String arm, String endpoint, String published, Estimate simulated, String unit, String source) {
    }

    /** What the report says besides the trial rows: the calibrated parameters and the mechanistic facts. */
    record Context(List<Parameter> calibrated, List<MechanismPenalties.Check> mechanisms, List<ForecastRow> forecast) {
    }

    /** One seed of the forecast's simulation-based validation. */
    record ForecastRow(long seed, ForecastValidation.Result result) {
    }

    /** Population seeds of the forecast validation (5 is the one the test uses). */
    static final long[] FORECAST_SEEDS = {5, 6, 7};

    @Override
    public Integer call() throws IOException {
        List<TrialSpec> specs;
        try {
            specs = TrialSpec.readFolder(trials);
        } catch (SpecException e) {
            throw new UserInputException(e.getMessage());
        }
        ReferenceTargets reference = ReferenceTargets.bundled();
        TrialRunner runner = new TrialRunner(modelChoice.model(), solver.options());
        Path reportDir = out.toAbsolutePath().getParent();
        Path images = reportDir.resolve(imgDir);
        Files.createDirectories(images);
        List<Line> lines = new ArrayList<>();
        List<Line> independent = new ArrayList<>();
        List<String> trialNames = new ArrayList<>();
        for (TrialSpec read : specs) {
            TrialSpec spec = subjects != null ? read.withSubjectsPerArm(subjects) : read;
            System.err.println("running " + spec.name() + " (" + spec.subjectsPerArm() + " subjects per arm)");
            TrialResult result = runner.run(spec, done -> { });
            java.util.Map<String, java.util.Map<String, Double>> published = new java.util.HashMap<>();
            for (TrialSpec.Target t : spec.targets()) {
                reference.row(t.id()).ifPresent(row -> {
                    double v = parse(row.value());
                    if (!Double.isNaN(v)) {
                        published.computeIfAbsent(t.arm(), k -> new java.util.HashMap<>()).put(t.endpoint(), v);
                    }
                });
            }
            for (TrialSpec.Validation v : spec.validation()) {
                published.computeIfAbsent(v.arm(), k -> new java.util.HashMap<>()).put(v.endpoint(), v.value());
            }
            TrialPlot.write(result, published, images.resolve(spec.name() + ".png"));
            trialNames.add(spec.name());
            for (TrialSpec.Target t : spec.targets()) {
                ReferenceTargets.Row row = reference.row(t.id())
                        .orElseThrow(() -> new UserInputException(spec.name() + ": target id '" + t.id() + "' is not in reference/trial-targets.csv"));
                TrialResult.ArmResult arm = result.arms().stream().filter(a -> a.name().equals(t.arm())).findFirst().orElseThrow();
                TrialResult.EndpointResult ep = arm.endpoints().get(t.endpoint());
                lines.add(new Line(spec.name(), t.id(), t.arm(), t.endpoint(), row.value(), ep.estimate(), ep.unit(), row.source()));
            }
            for (TrialSpec.Validation v : spec.validation()) {
                TrialResult.ArmResult arm = result.arms().stream().filter(a -> a.name().equals(v.arm())).findFirst().orElseThrow();
                TrialResult.EndpointResult ep = arm.endpoints().get(v.endpoint());
                independent.add(new Line(spec.name(), "", v.arm(), v.endpoint(), Double.toString(v.value()), ep.estimate(), ep.unit(), v.source()));
            }
        }
        Model model = modelChoice.model();
        List<MechanismPenalties.Check> mechanisms = List.of();
        try {
            mechanisms = new MechanismPenalties(model, solver.options()).checks(java.util.Map.of());
        } catch (IllegalArgumentException notKetamine) {
            System.err.println("no mechanistic facts: " + notKetamine.getMessage());
        }
        List<Parameter> calibrated = model.parameters().stream()
                .filter(p -> p.provenance().type() == Provenance.Type.CALIBRATED).toList();
        List<ForecastRow> forecast = new ArrayList<>();
        if (forecastPatients > 0) {
            for (long seed : FORECAST_SEEDS) {
                System.err.println("forecast validation, seed " + seed + " (" + forecastPatients + " patients)");
                forecast.add(new ForecastRow(seed, ForecastValidation.run(model, solver.options(), forecastPatients, 100, seed)));
            }
        }
        Context context = new Context(calibrated, mechanisms, forecast);
        Files2.writeAtomically(out, w -> w.write(report(lines, independent, context, trialNames, subjects)));
        System.err.println("wrote " + out);
        return 0;
    }

    static String report(List<Line> lines, List<Line> independent, Context context, List<String> trials, Integer subjects) {
        StringBuilder md = new StringBuilder();
        md.append("# Validation: virtual trials against published trials\n\n");
        md.append("<!-- Generated by `./ketasim validate").append(subjects != null ? " --subjects " + subjects : "")
                .append("`; do not edit by hand. -->\n\n");
        md.append("Each row runs a specification of `trials/` and sets an endpoint beside a published value. Simulated values\n"
                + "are means (or rates, d, median days) over the virtual arm with their 95% interval; \"error\" is simulated minus\n"
                + "published. Three kinds of evidence, kept apart:\n\n"
                + "1. **Calibration targets**: the rows of `reference/trial-targets.csv` (a copy of `shared/reference/`). The\n"
                + "   parameters listed under *Calibrated parameters* were fitted to them (`ketasim calibrate`, see\n"
                + "   `docs/calibration.md`), so agreement here is goodness of fit, not validation.\n"
                + "2. **Independent validation**: published values that are not in `reference/` (`validation:` in the specs).\n"
                + "   The model was never fitted to them.\n"
                + "3. **Mechanistic facts** of `reference/mechanism-targets.csv` on the typical patient (they enter the\n"
                + "   calibration as penalties, and the model's tests assert them).\n\n"
                + "A last section validates the personalised forecast on virtual patients.\n\n");
        md.append("## Calibration targets\n\n");
        table(md, lines, true);
        md.append("\n## Independent validation (never fitted)\n\n");
        if (independent.isEmpty()) {
            md.append("No spec in this folder carries `validation:` values.\n");
        } else {
            table(md, independent, false);
        }
        md.append("\n## Mechanistic facts (typical patient, one standard infusion)\n\n");
        if (context.mechanisms().isEmpty()) {
            md.append("Not evaluated for this model.\n");
        } else {
            md.append("\"Holds\" is judged on the published band; the calibration keeps a 10% margin inside it.\n\n");
            md.append("| id | fact | model | holds? |\n|---|---|---:|:---:|\n");
            for (MechanismPenalties.Check c : context.mechanisms()) {
                md.append(String.format(Locale.ROOT, "| `%s` | %s | %.3g | %s |%n", c.id(), c.fact(), c.measured(), c.holds() ? "yes" : "no"));
            }
        }
        if (!context.forecast().isEmpty()) {
            md.append("\n## Personalised forecast: simulation-based validation\n\n");
            md.append("Virtual `trd` patients get 0.5 mg/kg at 09:00 on days 0, 2 and 4; their MADRS is rated with rater noise at\n"
                    + "08:00 on days 0, 1, 2 and 4; `ketasim forecast`'s estimator (MAP + Laplace, 100 posterior draws) then forecasts\n"
                    + "their true MADRS on days 7, 10 and 14. The truth comes from the same model: this checks the estimator, not\n"
                    + "the model. Target: 90 % bands cover the truth 85-95 % of the time, and the personalised error is clearly\n"
                    + "smaller than the population-only prediction's (`docs/forecast.md`).\n\n");
            md.append("| population seed | patients | 90 % band covers the truth | by day 7 / 10 / 14 | RMSE personalised | RMSE population-only | ms per patient |\n");
            md.append("|---:|---:|---:|---|---:|---:|---:|\n");
            for (ForecastRow f : context.forecast()) {
                ForecastValidation.Result r = f.result();
                md.append(String.format(Locale.ROOT, "| %d | %d | %d/%d (%.1f %%) | %s | %.2f | %.2f | %.0f |%n", f.seed(), r.visits() / 3,
                        r.covered(), r.visits(), 100 * r.coverage(), java.util.Arrays.toString(r.coveredByDay()), r.rmsePersonalised(),
                        r.rmsePopulation(), r.msPerPatient()));
            }
        }
        md.append("\n## Calibrated parameters\n\n| parameter | value | unit | calibrated to |\n|---|---:|---|---|\n");
        String previous = null;
        String previousName = null;
        for (Parameter p : context.calibrated()) {
            String text = p.provenance().text();
            String shown = text.equals(previous) ? "as `" + previousName + "`" : text.replace("|", "\\|");
            if (!text.equals(previous)) {
                previous = text;
                previousName = p.name();
            }
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s |%n", p.name(), ModelFileWriter.format(p.value()), p.unit(), shown));
        }
        md.append("\n## Plots\n\n");
        for (String t : trials) {
            md.append("### ").append(t).append("\n\n![").append(t).append("](img/validation/").append(t).append(".png)\n\n");
        }
        md.append("Rerun: `./ketasim validate").append(subjects != null ? " --subjects " + subjects : "").append("` (writes this file and the plots).\n");
        return md.toString();
    }

    private static void table(StringBuilder md, List<Line> lines, boolean withIds) {
        md.append(withIds ? "| trial | target | arm | endpoint | published | simulated (95% CI) | error | within 20%? |\n"
                : "| trial | arm | endpoint | published | simulated (95% CI) | error | within 20%? | source |\n");
        md.append(withIds ? "|---|---|---|---|---:|---:|---:|:---:|\n" : "|---|---|---|---:|---:|---:|:---:|---|\n");
        for (Line l : lines) {
            double pub = parse(l.published());
            Estimate e = l.simulated();
            String err = Double.isNaN(pub) || Double.isNaN(e.value()) ? "" : String.format(Locale.ROOT, "%+.3g", e.value() - pub);
            String ok = Double.isNaN(pub) || Double.isNaN(e.value()) ? "" : Math.abs(e.value() - pub) <= 0.2 * Math.abs(pub) ? "yes" : "no";
            if (withIds) {
                md.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %s (%s) | %s | %s | %s | %s |%n", l.trial(), l.id(), l.arm(), l.endpoint(),
                        l.unit(), l.published(), format(e), err, ok));
            } else {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s (%s) | %s | %s | %s | %s | %s |%n", l.trial(), l.arm(), l.endpoint(),
                        l.unit(), l.published(), format(e), err, ok, l.source()));
            }
        }
    }

    private static String format(Estimate e) {
        if (Double.isNaN(e.value())) {
            return "not reached";
        }
        return String.format(Locale.ROOT, "%.3g (%s to %s)", e.value(), Double.isNaN(e.lo()) ? "?" : String.format(Locale.ROOT, "%.3g", e.lo()),
                Double.isNaN(e.hi()) ? "?" : String.format(Locale.ROOT, "%.3g", e.hi()));
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
