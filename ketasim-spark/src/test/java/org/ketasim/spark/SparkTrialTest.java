package org.ketasim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.models.ModelLibrary;
import org.ketasim.population.Scale;
import org.ketasim.trial.TrialResult;
import org.ketasim.trial.TrialResult.ArmResult;
import org.ketasim.trial.TrialRunner;
import org.ketasim.trial.TrialRunner.SubjectRatings;
import org.ketasim.trial.TrialSpec;

/** Trials on a real Spark in local mode (two cores) against the single-machine engine. */
class SparkTrialTest {

    private static SparkSession spark;
    /** Single-machine results, by spec file and size, computed once. */
    private static final Map<String, TrialResult> LOCAL = new HashMap<>();

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("ketasim-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static Path trials() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("trials"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository's trials/ folder").isNotNull();
        return dir.resolve("trials");
    }

    /** A trial file of trials/ with another number of subjects per arm, as YAML. */
    static String yaml(String file, int perArm) throws Exception {
        String text = Files.readString(trials().resolve(file));
        String out = text.replaceFirst("(?m)^subjects_per_arm:.*$", "subjects_per_arm: " + perArm);
        assertThat(out).isNotEqualTo(text);
        return out;
    }

    static TrialJob job(String file, int perArm) throws Exception {
        return TrialJob.of(yaml(file, perArm), file, ModelLibrary.source(ModelLibrary.KETAMINE), "models/ketamine.ksm", SolverOptions.defaults());
    }

    static TrialResult local(String file, int perArm) throws Exception {
        String key = file + "@" + perArm;
        if (!LOCAL.containsKey(key)) {
            TrialSpec spec = TrialSpec.parse(yaml(file, perArm), file);
            LOCAL.put(key, new TrialRunner(ModelLibrary.ketamine(), SolverOptions.defaults()).run(spec, done -> { }));
        }
        return LOCAL.get(key);
    }

    /** Every endpoint value, interval bound and curve point, and the trajectories, bit for bit. */
    static void assertIdentical(TrialResult spark, TrialResult local) {
        assertThat(spark.name()).isEqualTo(local.name());
        assertThat(spark.seed()).isEqualTo(local.seed());
        assertThat(spark.model()).isEqualTo(local.model());
        assertThat(spark.arms()).hasSameSizeAs(local.arms());
        for (int a = 0; a < local.arms().size(); a++) {
            ArmResult s = spark.arms().get(a);
            ArmResult l = local.arms().get(a);
            assertThat(s.name()).isEqualTo(l.name());
            assertThat(s.n()).isEqualTo(l.n());
            assertThat(s.endpoints().keySet()).containsExactlyElementsOf(l.endpoints().keySet());
            l.endpoints().forEach((name, e) -> {
                var se = s.endpoints().get(name);
                // exact: compare the bits (records compare doubles with Double.compare, too)
                assertThat(Double.doubleToRawLongBits(se.estimate().value())).as(name + " value").isEqualTo(Double.doubleToRawLongBits(e.estimate().value()));
                assertThat(Double.doubleToRawLongBits(se.estimate().lo())).as(name + " lo").isEqualTo(Double.doubleToRawLongBits(e.estimate().lo()));
                assertThat(Double.doubleToRawLongBits(se.estimate().hi())).as(name + " hi").isEqualTo(Double.doubleToRawLongBits(e.estimate().hi()));
                assertThat(se).as(name).isEqualTo(e);
            });
            assertThat(s.relapseCurve()).isEqualTo(l.relapseCurve());
            assertThat(s.madrs().timesH()).isEqualTo(l.madrs().timesH());
            assertThat(s.madrs().mean()).isEqualTo(l.madrs().mean());
            assertThat(s.madrs().p05()).isEqualTo(l.madrs().p05());
            assertThat(s.madrs().p95()).isEqualTo(l.madrs().p95());
        }
        // and the JSON a user gets is the same, byte for byte
        assertThat(new String(SparkTrial.json(spark), StandardCharsets.UTF_8)).isEqualTo(new String(SparkTrial.json(local), StandardCharsets.UTF_8));
    }

    @Test
    void aControlledTrialMatchesTheSingleMachineEngineExactlyOnAnyNumberOfPartitions() throws Exception {
        TrialResult local = local("murrough-2013.yaml", 60);
        assertThat(local.arms()).hasSize(2);
        for (int partitions : new int[] {1, 7}) {
            TrialResult onSpark = SparkTrial.run(spark, job("murrough-2013.yaml", 60), partitions, null);
            assertIdentical(onSpark, local);
        }
    }

    @Test
    void aRelapseTrialWithItsKaplanMeierCurveMatchesExactly() throws Exception {
        TrialResult local = local("murrough-2013b.yaml", 60);
        assertThat(local.arms().get(0).endpoints().get("relapse").curve()).as("Kaplan–Meier curve").hasSizeGreaterThan(1);
        for (int partitions : new int[] {1, 7}) {
            assertIdentical(SparkTrial.run(spark, job("murrough-2013b.yaml", 60), partitions, null), local);
        }
        // curve points have a fixed key order, so that result files from two JVMs can be compared byte for byte
        assertThat(new String(SparkTrial.json(local), StandardCharsets.UTF_8))
                .containsPattern("\\{\\s*\"day\" : [^}]*\"relapse_free\" : [^}]*\"lo\" : [^}]*\"hi\" : [^}]*\"at_risk\" : ");
    }

    @Test
    void subjectsAreWrittenAsParquetOneRowEach(@TempDir Path tmp) throws Exception {
        String out = tmp.resolve("subjects").toString();
        TrialJob job = job("murrough-2013.yaml", 60);
        TrialResult onSpark = SparkTrial.run(spark, job, 5, out);
        assertIdentical(onSpark, local("murrough-2013.yaml", 60));

        Dataset<Row> back = spark.read().parquet(out);
        assertThat(back.count()).isEqualTo(120);
        assertThat(back.columns()).contains("arm", "arm_index", "subject", "ep_r24", "ep_c24", "ep_d24", "ep_rem7", "baseline_madrs",
                "true_madrs", "rated_madrs");
        assertThat(back.select("arm", "subject").distinct().count()).isEqualTo(120);
        assertThat(back.filter("arm = 'midazolam'").count()).isEqualTo(60);

        // one subject's row holds exactly what the engine simulates for it
        TrialSpec spec = job.spec();
        SubjectRatings s = job.runner().armSubjects(spec, 1, java.util.Map.of()).apply(17);
        Row row = back.filter("arm_index = 1 AND subject = 17").first();
        double[] grid = TrialRunner.grid(spec);
        int k24 = java.util.Arrays.binarySearch(grid, TrialRunner.firstDose(spec) + 24);
        assertThat(row.<Double>getAs("ep_r24")).isEqualTo(s.on(Scale.MADRS)[k24]);
        assertThat(row.<Double>getAs("baseline_madrs")).isEqualTo(s.on(Scale.MADRS)[0]);
        List<Double> rated = row.getList(row.fieldIndex("rated_madrs"));
        assertThat(rated).hasSize(grid.length);
        assertThat(rated.get(k24)).isEqualTo(s.on(Scale.MADRS)[k24]);
        assertThat(row.getList(row.fieldIndex("true_madrs")).get(5)).isEqualTo(s.trueMadrs()[5]);

        // the folder is not overwritten
        Path specFile = tmp.resolve("murrough-2013.yaml");
        Files.writeString(specFile, yaml("murrough-2013.yaml", 60));
        Result r = cli(specFile, "--subjects-parquet", out);
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("already exists");
    }

    @Test
    void theCommandLineWritesTheSameJsonAsKetasimTrial(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("murrough-2013.yaml");
        Files.writeString(spec, yaml("murrough-2013.yaml", 60));
        Path out = tmp.resolve("result.json");
        Result r = cli(spec, "--out", out.toString(), "--partitions", "3", "--master", "local[2]");
        assertThat(r.code).as(r.err).isZero();
        assertThat(Files.readString(out)).isEqualTo(new String(SparkTrial.json(local("murrough-2013.yaml", 60)), StandardCharsets.UTF_8));
        assertThat(r.err).contains("120 subjects");

        // --subjects-per-arm changes the size only
        Result small = cli(spec, "--subjects-per-arm", "7", "--partitions", "2");
        assertThat(small.code).as(small.err).isZero();
        assertThat(small.out).contains("\"n\" : 7");
    }

    @Test
    void theDriverMemoryEstimateFollowsTheGridNotTheSubjects() throws Exception {
        TrialSpec single = TrialSpec.parse(yaml("murrough-2013.yaml", 1000), "m");
        TrialSpec million = TrialSpec.parse(yaml("murrough-2013.yaml", 1_000_000), "m");
        TrialSpec relapse = TrialSpec.parse(yaml("murrough-2013b.yaml", 1000), "b");
        // accumulators, not subjects, reach the driver: 1000 or a million subjects need the same
        assertThat(SparkTrial.driverBytes(million)).isEqualTo(SparkTrial.driverBytes(single));
        // per arm and grid time (29 for murrough-2013) a histogram of 6002 int bins of the true MADRS, x 3 held at once
        assertThat(SparkTrial.driverBytes(single) / (3.0 * 2 * 29)).as("bytes an arm and grid time").isBetween(24_000.0, 25_000.0);
        assertThat(SparkTrial.driverBytes(relapse)).as("a longer grid").isGreaterThan(5 * SparkTrial.driverBytes(single) / 2);
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo(@TempDir Path tmp) throws Exception {
        Result missing = cli(tmp.resolve("nope.yaml"));
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err.strip()).startsWith("ketasim-spark: ").contains("nope.yaml").doesNotContain("\n");

        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nseed: 1\nsubjects_per_arm: lots\n");
        Result badSpec = cli(bad);
        assertThat(badSpec.code).isEqualTo(2);
        assertThat(badSpec.err.strip()).contains("bad.yaml").contains("subjects_per_arm").doesNotContain("\n");

        Path notYaml = tmp.resolve("broken.yaml");
        Files.writeString(notYaml, "name: [unclosed\n");
        assertThat(cli(notYaml).code).isEqualTo(2);

        Result noSpec = run();
        assertThat(noSpec.code).isEqualTo(2);
        assertThat(noSpec.err).contains("missing SPEC.yaml");
        assertThat(run("--help").code).isZero();
        assertThat(cli(bad, "--partitions", "0").code).isEqualTo(2);
        assertThat(cli(bad, "--frobnicate").code).isEqualTo(2);
        assertThat(cli(bad, "--solver", "euler").code).isEqualTo(2);
        assertThat(cli(bad, "--model", tmp.resolve("none.ksm").toString()).code).isEqualTo(2);
    }

    record Result(int code, String out, String err) {
    }

    static Result cli(Path spec, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = spec.toString();
        System.arraycopy(options, 0, args, 1, options.length);
        return run(args);
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkTrial.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
