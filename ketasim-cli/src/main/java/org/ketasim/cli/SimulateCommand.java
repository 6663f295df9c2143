package org.ketasim.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ketasim simulate}: one patient, one course, every output of the model over time. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate one patient's course: plasma and brain levels, receptors, circuit, plasticity, MADRS, "
                + "dissociation, blood pressure and pain.",
        footer = {"", "Example:", "  ketasim simulate --weight 70 --drug ketamine --route iv --dose 0.5mg/kg --over 40min \\",
                "                   --days 0,2,4,7,9,11 --until 28d --every 10min --out course.csv --plot course.png"})
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    CourseOptions course = new CourseOptions();

    @Mixin
    ModelChoice modelChoice = new ModelChoice();

    @Mixin
    SolverChoice solver = new SolverChoice();

    @Option(names = "--until", paramLabel = "DURATION", description = "End of the simulation, e.g. 28d (default ${DEFAULT-VALUE}).", defaultValue = "14d")
    String until = "14d";

    @Option(names = "--every", paramLabel = "DURATION", description = "Output grid step, e.g. 10min (default ${DEFAULT-VALUE}).", defaultValue = "10min")
    String every = "10min";

    @Option(names = "--format", description = "csv or json (default: from the --out extension, else csv).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the cascade as stacked panels (.png or .svg).")
    Path plot;

    @Option(names = "--dataset", paramLabel = "FILE", description = "A NONMEM-style dataset (ID,TIME,EVID,AMT,RATE,CMT,DV,MDV, covariates; "
            + "docs/interop.md): simulate each subject's doses at its observation times; the CSV has an ID column. Replaces the course options.")
    Path dataset;

    @Override
    public Integer call() throws IOException {
        if (dataset != null) {
            DatasetRuns.simulate(modelChoice.model(), dataset, course, format, solver.options(), out);
            return 0;
        }
        String fmt = format != null ? format.toLowerCase(Locale.ROOT)
                : out != null && out.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "csv";
        if (!fmt.equals("csv") && !fmt.equals("json")) {
            throw new UserInputException("--format '" + format + "' is not known; use csv or json");
        }
        if (plot != null) {
            CascadePlot.checkExtension(plot);
        }
        SimulationRun run = SimulationRun.simulate(modelChoice.model(), course,
                Quantities.hours("--until", until, "h"), Quantities.hours("--every", every, "min"), solver);
        if (out == null) {
            Writer w = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            write(run, fmt, w);
            w.flush();
        } else {
            Files2.writeAtomically(out, w -> write(run, fmt, w));
            System.err.println("wrote " + out);
        }
        if (plot != null) {
            CascadePlot.write(run, plot, run.trajectory().timesH()[run.trajectory().timesH().length - 1]);
            System.err.println("wrote " + plot);
        }
        return 0;
    }

    private static void write(SimulationRun run, String fmt, Writer w) throws IOException {
        if (fmt.equals("json")) {
            TrajectoryWriter.json(run, w);
        } else {
            TrajectoryWriter.csv(run, w);
        }
    }
}
