package org.ketasim.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.ketasim.engine.Simulator;
import org.ketasim.engine.Trajectory;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.lang.ModelException;
import org.ketasim.lang.check.CheckedModel;
import org.ketasim.lang.check.Checker;
import org.ketasim.lang.compile.ConstantFolder;
import org.ketasim.lang.parse.Parser;
import org.ketasim.lang.parse.SourceText;
import org.ketasim.population.PopulationSpec;
import org.ketasim.population.VirtualPatient;
import org.ketasim.population.VirtualPopulation;

/**
 * KetaSim side by side with R's deSolve ({@code lsoda}, right-hand side compiled in C) and SciPy's
 * {@code solve_ivp}: the same model (the peers' code is generated from the model file by {@link PeerCodegen}),
 * the same virtual patients (trd preset, fixed seed; KetaSim writes their canonical parameter vectors), the
 * same regimen handled the same way (integration restarted at every dose start and infusion end, zero-order
 * infusion input, boluses as jumps), the same output grid and the same rtol/atol. Prints subjects per second,
 * the ratio to KetaSim (one thread) and the largest relative difference of any output from KetaSim's.
 *
 * <p>Run it with {@code bench/peers/run.sh}; see docs/performance.md, "Side by side with deSolve and SciPy".
 */
public final class PeerBench {

    /** Days of the standard course's six infusions. */
    public static final int[] INFUSION_DAYS = {0, 2, 4, 7, 9, 11};
    /** Clock hour of each infusion start. */
    public static final double START_HOUR = 9.0;
    /** Infusion length, h (40 min). */
    public static final double INFUSION_H = 40.0 / 60.0;
    /** Dose, mg of ketamine hydrochloride per kg. */
    public static final double MG_HCL_PER_KG = 0.5;

    /** Settings of one comparison. */
    public record Config(Path modelFile, Path scriptDir, Path buildDir, int subjects, int days, long seed, double rtol,
                         double atol, double floorFraction, int threads, List<String> scipyMethods, int scipySubjects,
                         boolean runR, boolean runPython, SolverMethod ketasimMethod, List<SolverMethod> ketasimExtra) {
    }

    /** One row of the table. */
    public record Row(String tool, String detail, int subjects, double seconds, double cpuSeconds, double rhsPerSubject,
                      double stepsPerSubject, double jacobiansPerSubject, double luPerSubject, double maxRelDiff,
                      String worst) {
        /** @return subjects per second of wall-clock time */
        public double rate() {
            return subjects / seconds;
        }

        /** @return subjects per second of CPU time of the simulating process (one core's work; NaN if not measured) */
        public double cpuRate() {
            return subjects / cpuSeconds;
        }
    }

    /** The result: rows (KetaSim one thread first), and where they were measured. */
    public record Result(List<Row> rows, String table) {
    }

    private final Config cfg;
    private final Model model;
    private final CheckedModel checked;
    private final double[] times;
    private final List<double[]> params = new ArrayList<>();
    private final List<Regimen> regimens = new ArrayList<>();

    /**
     * Reads the model and draws the patients.
     *
     * @param cfg the settings
     * @throws ModelException if the model file is not valid
     * @throws IOException    if it cannot be read
     */
    public PeerBench(Config cfg) throws ModelException, IOException {
        this.cfg = cfg;
        String text = Files.readString(cfg.modelFile(), StandardCharsets.UTF_8);
        String name = cfg.modelFile().toString();
        this.model = Model.parse(text, name);
        SourceText src = new SourceText(text, name);
        this.checked = ConstantFolder.fold(Checker.check(Parser.parse(src), src));
        this.times = new double[cfg.days() * 24 + 1];
        for (int k = 0; k < times.length; k++) {
            times[k] = k;
        }
        VirtualPopulation pop = new VirtualPopulation(model, PopulationSpec.preset("trd"), cfg.seed());
        int tFirst = model.parameterIndex("T_FIRST").orElse(-1);
        for (int i = 0; i < cfg.subjects(); i++) {
            VirtualPatient patient = pop.patient(i);
            double[] p = patient.parameters().clone();
            double mg = Salt.HCL.toBaseMg(MG_HCL_PER_KG * patient.covariates().weightKg());
            List<Dose> doses = new ArrayList<>();
            for (int day : INFUSION_DAYS) {
                double start = day * 24 + START_HOUR;
                if (start < times[times.length - 1]) {
                    doses.add(new Dose(Drug.KETAMINE, Route.IV, mg, start, INFUSION_H));
                }
            }
            if (tFirst >= 0) {
                p[tFirst] = INFUSION_DAYS[0] * 24 + START_HOUR;
            }
            params.add(p);
            regimens.add(Regimen.of(doses));
        }
    }

    /** Writes the generated peers' code and the shared inputs into the build folder. */
    public void generate() throws IOException {
        Path b = Files.createDirectories(cfg.buildDir());
        Files.writeString(b.resolve("ksm_desolve.c"), PeerCodegen.c(checked), StandardCharsets.UTF_8);
        Files.writeString(b.resolve("ksm_meta.R"), PeerCodegen.rMeta(checked), StandardCharsets.UTF_8);
        Files.writeString(b.resolve("ksm_model.py"), PeerCodegen.python(checked), StandardCharsets.UTF_8);
        int np = checked.parameters().size();
        double[] p = new double[params.size() * np];
        List<double[]> doseRows = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            System.arraycopy(params.get(i), 0, p, i * np, np);
            for (Dose d : regimens.get(i)) {
                doseRows.add(new double[] {i, d.route().ordinal(), d.drug().sFraction(), d.drug().rFraction(),
                    d.amountMg(), d.startH(), d.durationH()});
            }
        }
        writeDoubles(b.resolve("params.bin"), p);
        double[] dr = new double[doseRows.size() * 7];
        for (int i = 0; i < doseRows.size(); i++) {
            System.arraycopy(doseRows.get(i), 0, dr, i * 7, 7);
        }
        writeDoubles(b.resolve("doses.bin"), dr);
        writeDoubles(b.resolve("times.bin"), times);
        // the absolute tolerance of each state: atol of its declared unit, as KetaSim's Simulator applies it
        double[] atolState = model.compile().stateUnitFactors();
        for (int i = 0; i < atolState.length; i++) {
            atolState[i] *= cfg.atol();
        }
        writeDoubles(b.resolve("atol.bin"), atolState);
        Files.writeString(b.resolve("sizes.txt"), params.size() + " " + np + " " + doseRows.size() + " " + times.length
                + " " + checked.outputs().size() + "\n");
    }

    /** Compiles the C model for R ({@code R CMD SHLIB}). */
    public void compileC() throws IOException, InterruptedException {
        exec(List.of("R", "CMD", "SHLIB", "-o", "ksm_desolve.so", "ksm_desolve.c"), cfg.buildDir(), "R CMD SHLIB");
    }

    private SolverOptions options(SolverMethod method) {
        return SolverOptions.of(method).withTolerances(cfg.rtol(), cfg.atol());
    }

    private SolverOptions options() {
        return options(cfg.ketasimMethod());
    }

    /** KetaSim on one thread: outputs[subject][time][output]; a warm-up pass first. */
    public Row ketasimSingle(double[][][] outputs) {
        return ketasimSingle(outputs, cfg.ketasimMethod());
    }

    private Row ketasimSingle(double[][][] outputs, SolverMethod method) {
        Simulator sim = new Simulator(model.compile(), model.doseTargets(), options(method));
        int warm = Math.min(params.size(), 20);
        for (int i = 0; i < warm; i++) {
            sim.run(params.get(i), regimens.get(i), times);
        }
        long rhs = 0;
        long steps = 0;
        long jac = 0;
        long lu = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < params.size(); i++) {
            Trajectory tr = sim.run(params.get(i), regimens.get(i), times);
            outputs[i] = tr.outputs();
            rhs += tr.statistics().rhsEvaluations();
            steps += tr.statistics().acceptedSteps() + Math.max(0, tr.statistics().rejectedSteps());
            jac += tr.statistics().jacobianEvaluations();
            lu += tr.statistics().decompositions();
        }
        double s = (System.nanoTime() - t0) * 1e-9;
        double cpu = (mx.getCurrentThreadCpuTime() - c0) * 1e-9;
        int n = params.size();
        String m = method == SolverMethod.AUTO ? "auto (dopri5 -> ros34pw2)" : method.keyword();
        return new Row("KetaSim", m + ", 1 thread", n, s, cpu, (double) rhs / n, (double) steps / n,
                (double) jac / n, (double) lu / n, 0, "");
    }

    /** KetaSim on all cores (one simulator shared by {@code threads} workers). */
    public Row ketasimParallel(double[][][] reference) throws InterruptedException {
        Simulator sim = new Simulator(model.compile(), model.doseTargets(), options());
        int threads = cfg.threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double[][][] outputs = new double[params.size()][][];
        try {
            AtomicInteger next = new AtomicInteger();
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                fs.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < params.size(); i = next.getAndIncrement()) {
                        outputs[i] = sim.run(params.get(i), regimens.get(i), times).outputs();
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double s = (System.nanoTime() - t0) * 1e-9;
            Diff d = diff(reference, outputs, params.size());
            return new Row("KetaSim", cfg.ketasimMethod().keyword() + ", " + threads + " threads (all cores)", params.size(), s, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, d.max, d.where);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** Runs deSolve through the R driver and reads its outputs. */
    public Row desolve(double[][][] reference) throws IOException, InterruptedException {
        Path out = cfg.buildDir().resolve("desolve.bin");
        Files.deleteIfExists(out);
        String log = exec(List.of("Rscript", "--vanilla", cfg.scriptDir().resolve("desolve_driver.R").toAbsolutePath().toString(),
                cfg.buildDir().toAbsolutePath().toString(), fmt(cfg.rtol()), fmt(cfg.atol()), String.valueOf(params.size())),
                cfg.buildDir(), "deSolve driver");
        return peerRow("R deSolve", "lsoda, RHS compiled C (" + rVersion(log) + ")", out, log, params.size(), reference);
    }

    /** Runs SciPy's solve_ivp through the Python driver and reads its outputs. */
    public Row scipy(String method, double[][][] reference) throws IOException, InterruptedException {
        Path out = cfg.buildDir().resolve("scipy_" + method + ".bin");
        Files.deleteIfExists(out);
        int n = Math.min(cfg.scipySubjects(), params.size());
        String log = exec(List.of(python(), cfg.scriptDir().resolve("scipy_driver.py").toAbsolutePath().toString(),
                cfg.buildDir().toAbsolutePath().toString(), fmt(cfg.rtol()), fmt(cfg.atol()), String.valueOf(n), method),
                cfg.buildDir(), "SciPy driver");
        String rhs = method.endsWith("-vec") ? "vectorised numpy RHS" : "Python RHS";
        return peerRow("SciPy solve_ivp", method.replace("-vec", "") + ", " + rhs + " (" + field(log, "version") + ")", out, log, n, reference);
    }

    private static String rVersion(String log) {
        return field(log, "version");
    }

    private Row peerRow(String tool, String detail, Path out, String log, int n, double[][][] reference) throws IOException {
        double seconds = Double.parseDouble(field(log, "seconds"));
        double cpu = Double.parseDouble(field(log, "cpu_seconds"));
        double rhs = Double.parseDouble(field(log, "rhs_per_subject"));
        double steps = log.contains("steps_per_subject") ? Double.parseDouble(field(log, "steps_per_subject")) : Double.NaN;
        double jac = Double.parseDouble(field(log, "jacobians_per_subject"));
        double lu = Double.parseDouble(field(log, "lu_per_subject"));
        double[][][] got = readOutputs(out, n);
        Diff d = diff(reference, got, n);
        return new Row(tool, detail, n, seconds, cpu, rhs, steps, jac, lu, d.max, d.where);
    }

    /** "key value" lines that the drivers print. */
    private static String field(String log, String key) {
        for (String line : log.split("\n")) {
            String[] kv = line.trim().split("\\s+", 2);
            if (kv.length == 2 && kv[0].equals(key)) {
                return kv[1].trim();
            }
        }
        throw new IllegalStateException("driver output has no '" + key + "' line:\n" + log);
    }

    /** The largest difference and where it is. */
    public record Diff(double max, String where) {
    }

    /**
     * The largest relative difference over all subjects, times and outputs: {@code |x - ref| / max(|ref|, floor)}.
     * An output's absolute floor is {@code floorFraction} times the largest |value| of that output in KetaSim's run
     * of the whole virtual population (for 1e-4: a value below 1e-4 of the population's peak is held to an absolute
     * difference of 1e-8 times that peak, the rtol on the peak, instead of a relative one; a concentration that
     * has decayed to 1e-20 of its peak, or an effect that is exactly 0 before the first session, has no meaningful
     * relative difference).
     */
    public Diff diff(double[][][] ref, double[][][] got, int n) {
        double max = 0;
        String where = "";
        int no = checked.outputs().size();
        double[] floors = new double[no];
        for (int j = 0; j < no; j++) {
            double scale = 0;
            for (double[][] subject : ref) {
                for (double[] row : subject) {
                    scale = Math.max(scale, Math.abs(row[j]));
                }
            }
            floors[j] = Math.max(cfg.floorFraction() * scale, Double.MIN_NORMAL);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < no; j++) {
                for (int k = 0; k < ref[i].length; k++) {
                    double r = ref[i][k][j];
                    double x = got[i][k][j];
                    double e = Math.abs(x - r) / Math.max(Math.abs(r), floors[j]);
                    if (!(e <= max)) {
                        max = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                        where = checked.outputs().get(j).name() + " subject " + i + " t=" + times[k] + " h (KetaSim " + r
                                + ", peer " + x + ", floor " + floors[j] + ")";
                    }
                }
            }
        }
        return new Diff(max, where);
    }

    private static void writeOutputs(Path file, double[][][] o) throws IOException {
        int n = o.length;
        int nt = o[0].length;
        int no = o[0][0].length;
        double[] v = new double[n * nt * no];
        int q = 0;
        for (double[][] subject : o) {
            for (double[] row : subject) {
                for (double x : row) {
                    v[q++] = x;
                }
            }
        }
        writeDoubles(file, v);
    }

    private double[][][] readOutputs(Path file, int n) throws IOException {
        int nt = times.length;
        int no = checked.outputs().size();
        double[] v = readDoubles(file);
        if (v.length != n * nt * no) {
            throw new IllegalStateException(file + ": expected " + n * nt * no + " values, got " + v.length);
        }
        double[][][] out = new double[n][nt][no];
        int q = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < nt; k++) {
                for (int j = 0; j < no; j++) {
                    out[i][k][j] = v[q++];
                }
            }
        }
        return out;
    }

    /** Runs everything and formats the table. */
    public Result run() throws IOException, InterruptedException {
        generate();
        List<Row> rows = new ArrayList<>();
        double[][][] ref = new double[params.size()][][];
        Row single = ketasimSingle(ref);
        rows.add(single);
        writeOutputs(cfg.buildDir().resolve("ketasim.bin"), ref);
        if (cfg.threads() > 1) {
            rows.add(ketasimParallel(ref));
        }
        for (SolverMethod extra : cfg.ketasimExtra()) {
            double[][][] other = new double[params.size()][][];
            Row r = ketasimSingle(other, extra);
            Diff d = diff(ref, other, params.size());
            rows.add(new Row(r.tool(), r.detail(), r.subjects(), r.seconds(), r.cpuSeconds(), r.rhsPerSubject(), r.stepsPerSubject(),
                    r.jacobiansPerSubject(), r.luPerSubject(), d.max(), d.where()));
        }
        if (cfg.runR()) {
            compileC();
            rows.add(desolve(ref));
        }
        if (cfg.runPython()) {
            for (String method : cfg.scipyMethods()) {
                rows.add(scipy(method, ref));
            }
        }
        return new Result(rows, table(rows, single));
    }

    private String table(List<Row> rows, Row ketasim) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "model %s (%d states, %d outputs); %d trd subjects (seed %d); 0.5 mg/kg ketamine HCl"
                        + " over 40 min at %02.0f:00 on days 0,2,4,7,9,11; %d days, hourly outputs (%d times); rtol %s, atol %s;"
                        + " difference floor %s x each output's peak over the population%n",
                checked.name(), checked.states().size(), checked.outputs().size(), params.size(), cfg.seed(), START_HOUR,
                cfg.days(), times.length, fmt(cfg.rtol()), fmt(cfg.atol()), fmt(cfg.floorFraction())));
        s.append("| tool | solver | subjects | subjects/s per core (CPU time) | ratio to KetaSim (1 thread) | subjects/s"
                + " (wall clock) | per subject: RHS evaluations / steps / Jacobians / LU | max relative difference to KetaSim |\n");
        s.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            String work = Double.isNaN(r.rhsPerSubject()) ? "" : count(r.rhsPerSubject()) + " / " + count(r.stepsPerSubject())
                    + " / " + count(r.jacobiansPerSubject()) + " / " + count(r.luPerSubject());
            boolean cpu = !Double.isNaN(r.cpuSeconds());
            s.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %.2f | %s | %s |%n", r.tool(), r.detail(), r.subjects(),
                    cpu ? String.format(Locale.ROOT, "%.2f", r.cpuRate()) : "",
                    String.format(Locale.ROOT, "%.2f", (cpu ? r.cpuRate() / ketasim.cpuRate() : r.rate() / ketasim.rate()))
                            + (cpu ? "" : " (wall)"),
                    r.rate(), work,
                    r == ketasim ? "(reference)" : String.format(Locale.ROOT, "%.1e", r.maxRelDiff())));
        }
        for (Row r : rows) {
            if (r != ketasim && !r.worst().isEmpty()) {
                s.append("largest difference, ").append(r.tool()).append(' ').append(r.detail().split(",")[0]).append(": ")
                        .append(r.worst()).append('\n');
            }
        }
        return s.toString();
    }

    // ------------------------------------------------------------------ helpers

    private static String count(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String python() {
        return Files.isExecutable(Paths.get("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static String exec(List<String> cmd, Path dir, String what) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IllegalStateException(what + " failed (exit " + rc + "): " + String.join(" ", cmd) + "\n" + out);
        }
        return out;
    }

    private static String fmt(double v) {
        return String.valueOf(v);
    }

    static void writeDoubles(Path file, double[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        Files.write(file, b.array());
    }

    static double[] readDoubles(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[b.remaining() / 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getDouble();
        }
        return v;
    }

    /** Whether R with deSolve can be run here; null if so, else why not. */
    public static String desolveMissing() {
        return probe(List.of("Rscript", "-e", "library(deSolve)"), "R with deSolve (Debian: r-cran-desolve)");
    }

    /** Whether SciPy can be run here; null if so, else why not. */
    public static String scipyMissing() {
        return probe(List.of(python(), "-c", "import scipy.integrate, numpy"), "SciPy (Debian: python3-scipy)");
    }

    private static String probe(List<String> cmd, String what) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? null : what + " is not installed";
        } catch (IOException | InterruptedException e) {
            return what + " is not installed (" + e.getMessage() + ")";
        }
    }

    /**
     * {@code PeerBench [--subjects N] [--days D] [--seed S] [--rtol R] [--atol A] [--floor F] [--threads T]
     * [--scipy LSODA,BDF] [--scipy-subjects M] [--no-r] [--no-python] [--ketasim-solver NAME] [--ketasim-also NAME,...] [--model FILE] [--build DIR]
     * [--scripts DIR]}
     */
    public static void main(String[] args) throws Exception {
        int subjects = 100;
        int days = 28;
        long seed = 20261124L;
        double rtol = 1e-8;
        double atol = 1e-11;
        double floor = 1e-4;
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> methods = List.of("LSODA");
        int scipySubjects = Integer.MAX_VALUE;
        boolean runR = true;
        boolean runPy = true;
        SolverMethod method = SolverMethod.AUTO;
        List<SolverMethod> extra = new ArrayList<>();
        Path modelFile = Paths.get("models/ketamine.ksm");
        Path build = Paths.get("bench/peers/build");
        Path scripts = Paths.get("bench/peers");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--subjects": subjects = Integer.parseInt(args[++i]); break;
                case "--days": days = Integer.parseInt(args[++i]); break;
                case "--seed": seed = Long.parseLong(args[++i]); break;
                case "--rtol": rtol = Double.parseDouble(args[++i]); break;
                case "--atol": atol = Double.parseDouble(args[++i]); break;
                case "--floor": floor = Double.parseDouble(args[++i]); break;
                case "--threads": threads = Integer.parseInt(args[++i]); break;
                case "--scipy": methods = List.of(args[++i].split(",")); break;
                case "--scipy-subjects": scipySubjects = Integer.parseInt(args[++i]); break;
                case "--no-r": runR = false; break;
                case "--no-python": runPy = false; break;
                case "--ketasim-solver": method = SolverMethod.parse(args[++i]); break;
                case "--ketasim-also":
                    for (String x : args[++i].split(",")) {
                        extra.add(SolverMethod.parse(x));
                    }
                    break;
                case "--model": modelFile = Paths.get(args[++i]); break;
                case "--build": build = Paths.get(args[++i]); break;
                case "--scripts": scripts = Paths.get(args[++i]); break;
                default:
                    System.err.println("unknown option " + args[i]
                            + "; options: --subjects N --days D --seed S --rtol R --atol A --floor F --threads T"
                            + " --scipy LSODA,BDF,BDF-vec,Radau --scipy-subjects M --no-r --no-python --ketasim-solver auto|dopri5|ros34pw2|rodas4 --ketasim-also dopri5,..."
                            + " --model FILE --build DIR --scripts DIR");
                    System.exit(2);
            }
        }
        if (runR && desolveMissing() != null) {
            System.err.println("skipping deSolve: " + desolveMissing());
            runR = false;
        }
        if (runPy && scipyMissing() != null) {
            System.err.println("skipping SciPy: " + scipyMissing());
            runPy = false;
        }
        Config cfg = new Config(modelFile, scripts, build, subjects, days, seed, rtol, atol, floor, threads, methods,
                scipySubjects, runR, runPy, method, extra);
        Result r = new PeerBench(cfg).run();
        System.out.print(r.table());
        try {
            Files.writeString(build.resolve("table.md"), r.table(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
