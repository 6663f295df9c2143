package org.ketasim.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ketasim demo}: the standard induction course (six infusions of 0.5 mg/kg over 40 min on days
 * 0, 2, 4, 7, 9 and 11) for a 70-kg adult, with CSV, plots and a short summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the standard six-infusion course for a 70 kg adult; write CSV and plots into a folder and print a summary.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Output folder (default ${DEFAULT-VALUE}).", defaultValue = "ketasim-out")
    Path outDir = Path.of("ketasim-out");

    @Mixin
    SolverChoice solver = new SolverChoice();

    @Override
    public Integer call() throws Exception {
        CourseOptions course = new CourseOptions();
        course.days = List.of("0", "2", "4", "7", "9", "11");
        course.at = "09:00";
        double untilH = 42 * 24;
        SimulationRun run = SimulationRun.simulate(new ModelChoice().model(), course, untilH, 5.0 / 60, solver);
        Files.createDirectories(outDir);
        Path csv = outDir.resolve("demo.csv");
        Files2.writeAtomically(csv, w -> TrajectoryWriter.csv(run, w));
        Path course42 = outDir.resolve("demo-course.png");
        CascadePlot.write(run, course42, untilH);
        Path day0 = outDir.resolve("demo-first-day.png");
        CascadePlot.write(run, day0, 24 + 9);
        summary(run, System.out);
        System.out.println();
        System.out.println("wrote " + csv + " (" + run.trajectory().timesH().length + " rows, " + run.outputNames().size() + " outputs)");
        System.out.println("wrote " + day0 + " and " + course42);
        return 0;
    }

    static void summary(SimulationRun run, PrintStream out) {
        double[] t = run.trajectory().timesH();
        double first = run.regimen().doses().get(0).startH();
        double second = run.regimen().doses().size() > 1 ? run.regimen().doses().get(1).startH() : Double.POSITIVE_INFINITY;
        double last = run.regimen().doses().get(run.regimen().doses().size() - 1).startH();
        out.println("KetaSim demo: " + run.description() + ", 70 kg adult, model " + run.model().name());
        out.println();
        out.println("First session");
        peak(out, run, t, "ketamine_ng_ml", "  plasma ketamine", "ng/mL", first, second);
        peak(out, run, t, "norketamine_ng_ml", "  norketamine", "ng/mL", first, second);
        peak(out, run, t, "hnk_ng_ml", "  hydroxynorketamine", "ng/mL", first, second);
        peak(out, run, t, "nmdar_occupancy_interneuron", "  NMDAR block on interneurons", "", first, second);
        peak(out, run, t, "cadss", "  dissociation (CADSS)", "points", first, second);
        peak(out, run, t, "sbp_change_mmhg", "  systolic BP rise", "mmHg", first, second);

        double[] y = run.column("madrs");
        double y0 = y[0];
        int nadir = 0;
        for (int i = 0; i < t.length; i++) {
            if (y[i] < y[nadir]) {
                nadir = i;
            }
        }
        double response = 0.5 * y0;
        double onset = Double.NaN;
        double fade = Double.NaN;
        for (int i = 1; i < t.length; i++) {
            if (Double.isNaN(onset) && y[i] <= response) {
                onset = t[i];
            }
            if (t[i] > last && y[i - 1] <= response && y[i] > response) {
                fade = t[i];
            }
        }
        out.println();
        out.println("Mood (MADRS)");
        out.printf(Locale.ROOT, "  baseline %.1f; lowest %.1f on day %.1f (%.0f%% improvement)%n", y0, y[nadir],
                (t[nadir] - first) / 24, 100 * (1 - y[nadir] / y0));
        out.printf(Locale.ROOT, "  after the first infusion: %.1f at 24 h%n", valueAt(t, y, first + 24));
        if (!Double.isNaN(onset)) {
            out.printf(Locale.ROOT, "  response (MADRS <= %.1f) from day %.1f%n", response, (onset - first) / 24);
        } else {
            out.printf(Locale.ROOT, "  no response (MADRS <= %.1f) during the simulation%n", response);
        }
        if (!Double.isNaN(fade)) {
            out.printf(Locale.ROOT, "  without further sessions the response is expected to fade on day %.1f (%.1f days after the last infusion)%n",
                    (fade - first) / 24, (fade - last) / 24);
        } else if (!Double.isNaN(onset)) {
            out.printf(Locale.ROOT, "  still in response at the end of the simulation (day %.0f)%n", (t[t.length - 1] - first) / 24);
        }
    }

    private static void peak(PrintStream out, SimulationRun run, double[] t, String name, String label, String unit,
            double from, double to) {
        if (!run.outputNames().contains(name)) {
            return;
        }
        double[] v = run.column(name);
        int best = -1;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from && t[i] < to && (best < 0 || v[i] > v[best])) {
                best = i;
            }
        }
        if (best >= 0) {
            out.printf(Locale.ROOT, "%-32s peak %8.3g %-6s at %5.0f min%n", label, v[best], unit, (t[best] - from) * 60);
        }
    }

    static double valueAt(double[] t, double[] y, double time) {
        int best = 0;
        for (int i = 0; i < t.length; i++) {
            if (Math.abs(t[i] - time) < Math.abs(t[best] - time)) {
                best = i;
            }
        }
        return y[best];
    }
}
