package org.ketasim.spark;

import static org.ketasim.spark.Args.value;
import static org.ketasim.spark.Args.positive;
import static org.ketasim.spark.Args.number;
import static org.ketasim.spark.Args.solver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.lang.ModelException;
import org.ketasim.models.ModelLibrary;
import org.ketasim.trial.SpecException;
import org.ketasim.trial.TrialAccumulator;
import org.ketasim.trial.TrialResult;
import org.ketasim.trial.TrialResultJson;
import org.ketasim.trial.TrialRunner;
import org.ketasim.trial.TrialRunner.SubjectRatings;
import org.ketasim.trial.TrialSpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A virtual trial on Apache Spark: the subjects of every arm are split into contiguous index ranges, one per
 * partition; executors simulate them with the single-machine engine's own code
 * ({@link TrialRunner#armSubjects}) and fold them into a {@link TrialAccumulator} per partition; the accumulators
 * are merged (in a tree, then on the driver) and the endpoints computed with {@link TrialRunner#result}. Subjects
 * never reach the driver, whose memory does not grow with their number. Each subject's random streams depend
 * only on the seed, its arm and its index, and accumulators give the same result whatever the order of folding
 * and merging, so the result is the single-machine result, bit for bit, whatever the number of partitions or
 * executors.
 *
 * <pre>
 * spark-submit --class org.ketasim.spark.SparkTrial ketasim-spark.jar SPEC.yaml --out RESULT.json \
 *     [--subjects-parquet DIR] [--partitions N] [--subjects-per-arm N] [--model FILE.ksm] [--solver S --rtol R --atol A]
 * </pre>
 *
 * <p>Without {@code spark-submit} (plain {@code java}) it runs in local mode ({@code --master}, default
 * {@code local[*]}). Bad input ends as one line on standard error and exit code 2; see docs/spark.md.
 */
public final class SparkTrial {

    private static final String USAGE = "usage: spark-submit --class org.ketasim.spark.SparkTrial ketasim-spark.jar SPEC.yaml"
            + " [--out RESULT.json] [--subjects-parquet DIR] [--partitions N] [--subjects-per-arm N] [--model FILE.ksm]"
            + " [--solver auto|ros34pw2|rodas4|dopri5|dopri853] [--rtol R] [--atol A] [--master URL]";

    private SparkTrial() {
    }

    /** A user error: reported as one line, exit code 2. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }

    /**
     * Runs a trial on a Spark session.
     *
     * @param spark           the session (local or on a cluster)
     * @param job             the specification, model and solver options
     * @param partitions      how many tasks to split the subjects into (at most the number of subjects)
     * @param subjectsParquet where to write one Parquet row per subject (a Hadoop path: a local folder, hdfs://,
     *                        s3a://...), or null for none; it must not exist yet
     * @return the trial's result, identical to {@code new TrialRunner(model, options).run(spec, ...)}
     */
    public static TrialResult run(SparkSession spark, TrialJob job, int partitions, String subjectsParquet) {
        TrialSpec spec = job.spec();
        int arms = spec.arms().size();
        int n = spec.subjectsPerArm();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<ArrayList<Slice>> runs = Slice.split(arms, n, partitions);
        JavaRDD<SubjectRecord> subjects = jsc.parallelize(runs, runs.size()).flatMap(run -> simulate(job, run));
        if (subjectsParquet != null) {
            subjects = subjects.persist(StorageLevel.MEMORY_AND_DISK());
            SubjectTable.write(spark, spec, subjects, subjectsParquet);
        }
        TrialAccumulator total;
        try {
            // each partition folds its subjects into one accumulator; only accumulators travel, and they merge in
            // any order to the same result, so the driver's memory does not grow with the number of subjects
            total = subjects.mapPartitions(part -> {
                TrialAccumulator acc = new TrialAccumulator(job.spec());
                part.forEachRemaining(r -> acc.add(r.arm(), r.ratings()));
                return List.of(acc).iterator();
            }).treeReduce(TrialAccumulator::merge, DEPTH);
        } finally {
            if (subjectsParquet != null) {
                subjects.unpersist(false);
            }
        }
        for (int a = 0; a < arms; a++) {
            if (total.subjects(a) != n) {
                throw new IllegalStateException("arm " + a + ": " + total.subjects(a) + " of " + n + " subjects were simulated");
            }
        }
        return job.runner().result(spec, total);
    }

    /** Depth of the tree in which executors merge partitions' accumulators before the driver takes the last few. */
    private static final int DEPTH = 2;

    /** Simulates one partition's subjects, lazily, in (arm, index) order. */
    static Iterator<SubjectRecord> simulate(TrialJob job, List<Slice> run) {
        TrialRunner runner = job.runner();
        TrialSpec spec = job.spec();
        return run.stream().flatMap(s -> {
            IntFunction<SubjectRatings> arm = runner.armSubjects(spec, s.arm());
            return IntStream.range(s.from(), s.to()).mapToObj(i -> new SubjectRecord(s.arm(), i, arm.apply(i)));
        }).iterator();
    }

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
            return execute(o, err, out);
        } catch (UserError e) {
            err.println("ketasim-spark: " + oneLine(e.getMessage()));
            return 2;
        } catch (RuntimeException e) {
            err.println("ketasim-spark: error: " + oneLine(String.valueOf(e)));
            return 1;
        }
    }

    private static int execute(Options o, PrintStream err, PrintStream out) {
        // Everything that can be checked without Spark is checked before it starts.
        String modelSource;
        String modelName;
        if (o.model == null) {
            modelSource = ModelLibrary.source(ModelLibrary.KETAMINE);
            modelName = "models/" + ModelLibrary.KETAMINE + ".ksm";
        } else {
            modelSource = readLocal(o.model, "--model");
            modelName = o.model;
            try {
                Model.parse(modelSource, modelName);
            } catch (ModelException e) {
                throw new UserError(e.getMessage());
            }
        }
        SparkSession existing = SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get() : null;
        String specText = isRemote(o.spec) ? null : readLocal(o.spec, "SPEC");
        if (specText != null) {
            parseSpec(specText, o.spec, o.subjectsPerArm); // fail fast, before Spark starts
        }
        SparkConf conf = new SparkConf().setAppName("ketasim trial " + fileName(o.spec));
        if (o.master != null) {
            conf.setMaster(o.master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]"); // plain java, not spark-submit
        }
        if (!conf.contains("spark.driver.maxResultSize")) {
            // partitions' accumulators come back to the driver (MBs each, see docs/spark.md; not growing with the
            // subjects, but with the grid, the arms and the number of partitions): its heap, not this cap, is the limit
            conf.set("spark.driver.maxResultSize", "0");
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            Configuration hadoop = spark.sparkContext().hadoopConfiguration();
            if (specText == null) {
                specText = readHadoop(o.spec, hadoop);
            }
            TrialSpec spec = parseSpec(specText, o.spec, o.subjectsPerArm);
            String yaml = o.subjectsPerArm == null ? specText : withSubjects(specText, o.spec, o.subjectsPerArm);
            if (o.subjectsParquet != null && exists(o.subjectsParquet, hadoop)) {
                throw new UserError("--subjects-parquet " + o.subjectsParquet + ": already exists; give a new folder");
            }
            long need = driverBytes(spec);
            long heap = Runtime.getRuntime().maxMemory();
            if (need > heap / 2) {
                err.printf(Locale.ROOT, "ketasim-spark: warning: the trial's accumulators need about %.1f GB on the driver, whose heap is %.1f GB;"
                        + " give it more (--driver-memory)%n", need / 1e9, heap / 1e9);
            }
            TrialJob job = TrialJob.of(yaml, fileName(o.spec), modelSource, modelName, o.solver);
            int partitions = o.partitions != null ? o.partitions : Math.max(1, spark.sparkContext().defaultParallelism() * 4);
            long t0 = System.nanoTime();
            TrialResult result = run(spark, job, partitions, o.subjectsParquet);
            double s = (System.nanoTime() - t0) / 1e9;
            err.printf(Locale.ROOT, "ketasim-spark: %d subjects (%d arms) in %.1f s on %d partitions (%s)%n",
                    (long) spec.subjectsPerArm() * spec.arms().size(), spec.arms().size(), s, partitions, spark.sparkContext().master());
            byte[] json = json(result);
            if (o.out == null) {
                out.println(new String(json, StandardCharsets.UTF_8));
            } else {
                write(o.out, json, hadoop);
                err.println("ketasim-spark: wrote " + o.out);
            }
            if (o.subjectsParquet != null) {
                err.println("ketasim-spark: wrote " + o.subjectsParquet);
            }
            return 0;
        } finally {
            if (existing == null) {
                spark.stop();
            }
        }
    }

    /**
     * About how many bytes of the driver's heap the trial's statistics take: the driver merges partitions'
     * {@link TrialAccumulator}s as they arrive, so it holds a few at a time (the merged one, one arriving and one
     * being read). Independent of the number of subjects.
     */
    static long driverBytes(TrialSpec spec) {
        return 3 * TrialAccumulator.bytes(spec);
    }

    /** The result as {@code ketasim trial} writes it. */
    static byte[] json(TrialResult result) {
        Map<String, Object> doc = TrialResultJson.toMap(result);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrialSpec parseSpec(String text, String location, Integer subjectsPerArm) {
        try {
            TrialSpec spec = TrialSpec.parse(text, fileName(location));
            return subjectsPerArm == null ? spec : spec.withSubjectsPerArm(subjectsPerArm);
        } catch (SpecException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The specification's YAML with {@code subjects_per_arm} replaced (executors parse the text). */
    private static String withSubjects(String yaml, String location, int n) {
        String replaced = yaml.replaceFirst("(?m)^subjects_per_arm:.*$", "subjects_per_arm: " + n);
        TrialSpec check = parseSpec(replaced, location, null);
        if (check.subjectsPerArm() != n) {
            throw new UserError(location + ": cannot set subjects_per_arm to " + n + " (write it on a line of its own)");
        }
        return replaced;
    }

    private static boolean isRemote(String location) {
        try {
            String scheme = new URI(location).getScheme();
            return scheme != null && scheme.length() > 1 && !scheme.equals("file");
        } catch (Exception e) {
            return false;
        }
    }

    private static String fileName(String location) {
        int slash = location.lastIndexOf('/');
        return slash < 0 ? location : location.substring(slash + 1);
    }

    private static String readLocal(String file, String what) {
        Path p = Path.of(file.startsWith("file:") ? URI.create(file).getPath() : file);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new UserError(what + " " + file + ": no such readable file");
        }
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
    }

    private static String readHadoop(String location, Configuration conf) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p) || !fs.getFileStatus(p).isFile()) {
                throw new UserError("SPEC " + location + ": no such readable file");
            }
            try (java.io.InputStream in = fs.open(p)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UserError(location + ": cannot read: " + oneLine(e.getMessage()));
        }
    }

    private static boolean exists(String location, Configuration conf) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
            return p.getFileSystem(conf).exists(p);
        } catch (IOException e) {
            throw new UserError(location + ": " + oneLine(e.getMessage()));
        }
    }

    /** Writes the result: a local file atomically, or a Hadoop path (hdfs://, s3a://...). */
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

    /** The command line's options. */
    static final class Options {
        String spec;
        String out;
        String subjectsParquet;
        Integer partitions;
        Integer subjectsPerArm;
        String model;
        String master;
        SolverOptions solver = SolverOptions.defaults();
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
                    case "--out" -> o.out = value(args, ++i, a);
                    case "--subjects-parquet" -> o.subjectsParquet = value(args, ++i, a);
                    case "--partitions" -> o.partitions = positive(value(args, ++i, a), a);
                    case "--subjects-per-arm" -> o.subjectsPerArm = positive(value(args, ++i, a), a);
                    case "--model" -> o.model = value(args, ++i, a);
                    case "--master" -> o.master = value(args, ++i, a);
                    case "--solver" -> method = value(args, ++i, a);
                    case "--rtol" -> rtol = number(value(args, ++i, a), a);
                    case "--atol" -> atol = number(value(args, ++i, a), a);
                    default -> {
                        if (a.startsWith("-") && a.length() > 1) {
                            throw new UserError("unknown option '" + a + "'; " + USAGE);
                        }
                        if (o.spec != null) {
                            throw new UserError("one SPEC.yaml expected, got '" + o.spec + "' and '" + a + "'");
                        }
                        o.spec = a;
                    }
                }
            }
            if (o.help) {
                return o;
            }
            if (o.spec == null) {
                throw new UserError("missing SPEC.yaml; " + USAGE);
            }
            o.solver = solver(method, rtol, atol);
            return o;
        }

    }
}
