package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

import org.ketasim.trial.SpecException;
import org.ketasim.trial.TrialResult;
import org.ketasim.trial.TrialResultJson;
import org.ketasim.trial.TrialRunner;
import org.ketasim.trial.TrialSpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ketasim trial SPEC.yaml}: a virtual trial with endpoints and 95% intervals. */
@Command(name = "trial", mixinStandardHelpOptions = true,
        description = "Run a virtual trial from a YAML specification and write its endpoints (with 95% intervals) as JSON.")
final class TrialCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC.yaml", description = "The trial specification (see trials/ for examples).")
    Path specFile;

    @Option(names = "--out", paramLabel = "FILE", description = "Result JSON (default: standard output).")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "Plot mean trajectories with bands, response rates and relapse curves (.png or .svg).")
    Path plot;

    @Option(names = "--export-dataset", paramLabel = "FILE", description = "Also write the virtual subjects (doses, observation rows at the endpoint times with the simulated MADRS, covariates) as a NONMEM-style dataset.")
    Path exportDataset;

    @Mixin
    ModelChoice modelChoice = new ModelChoice();

    @Mixin
    SolverChoice solver = new SolverChoice();

    @Override
    public Integer call() throws IOException {
        TrialSpec spec;
        try {
            spec = TrialSpec.read(specFile);
        } catch (SpecException e) {
            throw new UserInputException(e.getMessage());
        }
        if (plot != null) {
            CascadePlot.checkExtension(plot);
        }
        if (exportDataset != null) {
            DatasetRuns.checkFolder(exportDataset);
        }
        int total = spec.subjectsPerArm() * spec.arms().size();
        IntConsumer progress = progressBar(total, System.err);
        TrialResult result = new TrialRunner(modelChoice.model(), solver.options()).run(spec, progress);
        Map<String, Object> json = json(result);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        if (out == null) {
            System.out.println(mapper.writeValueAsString(json));
        } else {
            Files2.writeAtomically(out, w -> mapper.writeValue(w, json));
            System.err.println("wrote " + out);
        }
        if (plot != null) {
            TrialPlot.write(result, plot);
            System.err.println("wrote " + plot);
        }
        if (exportDataset != null) {
            DatasetRuns.exportTrial(modelChoice.model(), spec, solver.options(), exportDataset);
        }
        return 0;
    }

    /** A progress bar on a terminal; nothing when output is redirected. */
    static IntConsumer progressBar(int total, PrintStream err) {
        if (System.console() == null) {
            return done -> { };
        }
        int step = Math.max(1, total / 100);
        return done -> {
            if (done % step == 0 || done == total) {
                int width = 30;
                int filled = (int) ((long) done * width / total);
                synchronized (err) {
                    err.printf(Locale.ROOT, "\r[%s%s] %3d%% (%d/%d subjects)%s", "#".repeat(filled), " ".repeat(width - filled),
                            (int) ((long) done * 100 / total), done, total, done == total ? "\n" : "");
                    err.flush();
                }
            }
        };
    }

    static Map<String, Object> json(TrialResult r) {
        return TrialResultJson.toMap(r);
    }
}
