package org.ketasim.spark;

import static org.ketasim.spark.Args.value;
import static org.ketasim.spark.Args.positive;
import static org.ketasim.spark.Args.whole;
import static org.ketasim.spark.Args.number;
import static org.ketasim.spark.Args.solver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.lang.ModelException;
import org.ketasim.models.ModelLibrary;
import org.ketasim.spark.SparkTrial.UserError;
import org.ketasim.trial.sensitivity.FactorSelection;
import org.ketasim.trial.sensitivity.Morris;
import org.ketasim.trial.sensitivity.MorrisTable;
import org.ketasim.trial.sensitivity.SensitivityMeasure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Global sensitivity analysis (Morris screening, as {@code ketasim sensitivity}) on Apache Spark: the driver draws the
 * design ({@link Morris#design()}), the r(k + 1) points go to the executors as an RDD of {@link DesignPoint}s, each
 * partition evaluates its points with the single-machine measure function (the model compiled once per executor JVM,
 * {@link SensitivityJob#output()}), and the driver collects the r(k + 1) outputs into their slots and computes the
 * statistics with {@link Morris#analyse}. Each output depends only on its point, so the result is the single-machine
 * result, bit for bit, whatever the number of partitions or executors.
 *
 * <pre>
 * spark-submit --class org.ketasim.spark.SparkSensitivity ketasim-spark.jar [--measure M] [--trajectories R]
 *     [--levels P] [--factor F] [--seed S] [--include NAMES] [--exclude NAMES] [--model FILE.ksm]
 *     [--solver S --rtol R --atol A] [--partitions N] [--top N] [--out FILE.json|FILE.md ...]
 * </pre>
 *
 * <p>Without {@code spark-submit} (plain {@code java}) it runs in local mode ({@code --master}, default
 * {@code local[*]}). Bad input ends as one line on standard error and exit code 2; see docs/spark.md.
 */
public final class SparkSensitivity {

    private static final String USAGE = "usage: spark-submit --class org.ketasim.spark.SparkSensitivity ketasim-spark.jar"
            + " [--measure madrs_change_24h|relapse_day] [--trajectories R] [--levels P] [--factor F] [--seed S]"
            + " [--include NAMES] [--exclude NAMES] [--model FILE.ksm] [--solver auto|ros34pw2|rodas4|dopri5|dopri853]"
            + " [--rtol R] [--atol A] [--partitions N] [--top N] [--out FILE.json|FILE.md]... [--master URL]";

    private SparkSensitivity() {
    }

    /** The output at one design point, as it comes back from an executor. */
    record Output(int index, double y) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Runs a screening on a Spark session.
     *
     * @param spark      the session (local or on a cluster)
     * @param job        the model, measure, factors and solver options
     * @param morris     the screening: its factors must be the job's
     * @param partitions how many tasks to split the points into (at most the number of points)
     * @return the statistics, identical to {@code morris.run(measure.function(model, factors, options), threads)}
     */
    public static Morris.Result run(SparkSession spark, SensitivityJob job, Morris morris, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        Morris.Design design = morris.design();
        if (!design.factors().equals(job.factors())) {
            throw new IllegalArgumentException("the screening's factors are not the job's");
        }
        List<DesignPoint> points = new ArrayList<>(design.size());
        for (int n = 0; n < design.size(); n++) {
            points.add(new DesignPoint(n, design.values(n)));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Output> outputs = jsc.parallelize(points, Math.min(partitions, points.size()))
                .mapPartitions(part -> evaluate(job, part))
                .collect();
        double[] y = new double[design.size()];
        boolean[] seen = new boolean[y.length];
        for (Output o : outputs) {
            if (seen[o.index()]) {
                throw new IllegalStateException("point " + o.index() + " came back twice");
            }
            seen[o.index()] = true;
            y[o.index()] = o.y();
        }
        if (outputs.size() != y.length) {
            throw new IllegalStateException(outputs.size() + " of " + y.length + " points came back");
        }
        return morris.analyse(design, y);
    }

    /** Evaluates one partition's points, lazily, with the executor's one compiled model. */
    static Iterator<Output> evaluate(SensitivityJob job, Iterator<DesignPoint> points) {
        ToDoubleFunction<double[]> output = job.output();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return points.hasNext();
            }

            @Override
            public Output next() {
                DesignPoint p = points.next();
                return new Output(p.index(), output.applyAsDouble(p.values()));
            }
        };
    }

    /** Entry point for {@code spark-submit} and plain {@code java}; exits with the code of {@link #run(String[], PrintStream, PrintStream)}. */
    public static void main(String[] args) {
        Args.quietLoggingUnderPlainJava();
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The command line; returns the exit code (0 done, 2 bad input, 1 a failure of KetaSim or Spark). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options o = Options.parse(args);
            if (o.help) {
                out.println(USAGE);
                return 0;
            }
            return execute(o, out, err);
        } catch (UserError e) {
            err.println("ketasim-spark: " + oneLine(e.getMessage()));
            return 2;
        } catch (RuntimeException e) {
            err.println("ketasim-spark: error: " + oneLine(String.valueOf(e)));
            return 1;
        }
    }

    private static int execute(Options o, PrintStream out, PrintStream err) {
        // Everything that can be checked without Spark is checked before it starts.
        String modelSource;
        String modelName;
        if (o.model == null) {
            modelSource = ModelLibrary.source(ModelLibrary.KETAMINE);
            modelName = "models/" + ModelLibrary.KETAMINE + ".ksm";
        } else {
            modelSource = readLocal(o.model);
            modelName = o.model;
        }
        Model model;
        try {
            model = Model.parse(modelSource, modelName);
        } catch (ModelException e) {
            throw new UserError(e.getMessage());
        }
        if (model.outputIndex("madrs").isEmpty()) {
            throw new UserError("model " + model.name() + " has no output 'madrs' to screen");
        }
        List<Morris.Factor> factors;
        try {
            factors = FactorSelection.factors(model, o.factor, o.include, o.exclude);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (factors.isEmpty()) {
            throw new UserError("model " + model.name() + " has no non-zero [parameters] to screen"
                    + (o.include == null ? "" : " among --include " + o.include));
        }
        Morris morris = new Morris(factors, o.trajectories, o.levels, o.seed);
        SensitivityJob job = SensitivityJob.of(modelSource, modelName, o.measure, factors, o.solver);

        SparkSession existing = SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get() : null;
        SparkConf conf = new SparkConf().setAppName("ketasim sensitivity " + o.measure.id());
        if (o.master != null) {
            conf.setMaster(o.master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]"); // plain java, not spark-submit
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            int points = o.trajectories * (factors.size() + 1);
            int partitions = Math.min(points, o.partitions != null ? o.partitions : Math.max(1, spark.sparkContext().defaultParallelism() * 4));
            long t0 = System.nanoTime();
            Morris.Result result = run(spark, job, morris, partitions);
            double s = (System.nanoTime() - t0) / 1e9;
            err.printf(Locale.ROOT, "ketasim-spark: Morris screening of %s: %d parameters, r = %d, p = %d, %d simulations in %.1f s on %d partitions (%s)%n",
                    o.measure.id(), factors.size(), o.trajectories, o.levels, points, s, partitions, spark.sparkContext().master());
            List<Morris.Effect> rows = o.top != null && o.top < result.effects().size() ? result.effects().subList(0, o.top) : result.effects();
            String table = String.join("\n", MorrisTable.markdown(rows)) + "\n";
            Configuration hadoop = spark.sparkContext().hadoopConfiguration();
            if (o.out.isEmpty()) {
                out.print(table);
            }
            for (String file : o.out) {
                byte[] bytes = file.endsWith(".md") ? table.getBytes(StandardCharsets.UTF_8) : json(result, o, model.name());
                write(file, bytes, hadoop);
                err.println("ketasim-spark: wrote " + file);
            }
            return 0;
        } finally {
            if (existing == null) {
                spark.stop();
            }
        }
    }

    /** The result as JSON: the options, then every factor's statistics in rank order. */
    static byte[] json(Morris.Result result, Options o, String modelName) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("measure", o.measure.id());
        doc.put("description", o.measure.description());
        doc.put("model", modelName);
        doc.put("method", "morris");
        doc.put("trajectories", result.trajectories());
        doc.put("levels", o.levels);
        doc.put("range_factor", o.factor);
        doc.put("seed", o.seed);
        doc.put("evaluations", result.evaluations());
        Map<String, Object> solver = new LinkedHashMap<>();
        solver.put("method", o.solver.method().name().toLowerCase(Locale.ROOT));
        solver.put("rtol", o.solver.rtol());
        solver.put("atol", o.solver.atol());
        doc.put("solver", solver);
        List<Map<String, Object>> effects = new ArrayList<>();
        for (int i = 0; i < result.effects().size(); i++) {
            Morris.Effect e = result.effects().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", i + 1);
            row.put("parameter", e.factor().name());
            row.put("mu_star", e.muStar());
            row.put("mu", e.mu());
            row.put("sigma", e.sigma());
            row.put("low", e.factor().low());
            row.put("high", e.factor().high());
            row.put("scale", e.factor().logScale() ? "log" : "linear");
            row.put("label", e.factor().label());
            effects.add(row);
        }
        doc.put("effects", effects);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRemote(String location) {
        try {
            String scheme = new URI(location).getScheme();
            return scheme != null && scheme.length() > 1 && !scheme.equals("file");
        } catch (Exception e) {
            return false;
        }
    }

    private static String readLocal(String file) {
        Path p = Path.of(file.startsWith("file:") ? URI.create(file).getPath() : file);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new UserError("--model " + file + ": no such readable file");
        }
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Writes a result file: a local file atomically, or a Hadoop path (hdfs://, s3a://...). */
    private static void write(String location, byte[] bytes, Configuration conf) {
        try {
            if (isRemote(location)) {
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
                try (FSDataOutputStream os = p.getFileSystem(conf).create(p, true)) {
                    os.write(bytes);
                }
                return;
            }
            Path target = Path.of(location).toAbsolutePath();
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp)) {
                os.write(bytes);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError("--out " + location + ": cannot write: " + oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** The command line's options (defaults as {@code ketasim sensitivity}). */
    static final class Options {
        SensitivityMeasure measure = SensitivityMeasure.MADRS_CHANGE_24H;
        int trajectories = Morris.DEFAULT_TRAJECTORIES;
        int levels = Morris.DEFAULT_LEVELS;
        double factor = Morris.DEFAULT_FACTOR;
        long seed = 1;
        String include;
        String exclude = FactorSelection.DEFAULT_EXCLUDE;
        String model;
        SolverOptions solver = SolverOptions.defaults();
        Integer partitions;
        Integer top;
        List<String> out = new ArrayList<>();
        String master;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            String method = "auto";
            double rtol = SolverOptions.DEFAULT_RTOL;
            double atol = SolverOptions.DEFAULT_ATOL;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> o.help = true;
                    case "--measure" -> {
                        String v = value(args, ++i, a);
                        try {
                            o.measure = SensitivityMeasure.of(v);
                        } catch (IllegalArgumentException e) {
                            throw new UserError("--measure " + e.getMessage().replaceFirst("^measure ", ""));
                        }
                    }
                    case "--trajectories" -> o.trajectories = positive(value(args, ++i, a), a);
                    case "--levels" -> {
                        o.levels = positive(value(args, ++i, a), a);
                        if (o.levels < 2 || o.levels % 2 != 0) {
                            throw new UserError("--levels must be even and at least 2");
                        }
                    }
                    case "--factor" -> {
                        o.factor = number(value(args, ++i, a), a);
                        if (!(o.factor > 1) || !Double.isFinite(o.factor)) {
                            throw new UserError("--factor must be a number greater than 1");
                        }
                    }
                    case "--seed" -> o.seed = whole(value(args, ++i, a), a);
                    case "--include" -> o.include = value(args, ++i, a);
                    case "--exclude" -> o.exclude = value(args, ++i, a);
                    case "--model" -> o.model = value(args, ++i, a);
                    case "--solver" -> method = value(args, ++i, a);
                    case "--rtol" -> rtol = number(value(args, ++i, a), a);
                    case "--atol" -> atol = number(value(args, ++i, a), a);
                    case "--partitions" -> o.partitions = positive(value(args, ++i, a), a);
                    case "--top" -> o.top = positive(value(args, ++i, a), a);
                    case "--out" -> o.out.add(value(args, ++i, a));
                    case "--master" -> o.master = value(args, ++i, a);
                    default -> throw new UserError("unknown argument '" + a + "'; " + USAGE);
                }
            }
            o.solver = solver(method, rtol, atol);
            return o;
        }

    }
}
