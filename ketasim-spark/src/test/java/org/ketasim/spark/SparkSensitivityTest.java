package org.ketasim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.models.ModelLibrary;
import org.ketasim.trial.sensitivity.FactorSelection;
import org.ketasim.trial.sensitivity.Morris;
import org.ketasim.trial.sensitivity.MorrisTable;
import org.ketasim.trial.sensitivity.SensitivityMeasure;

/** Morris screening on a real Spark in local mode (two cores) against the single-machine screening. */
class SparkSensitivityTest {

    /** A handful of factors that matter for the 24-hour response (docs/performance.md), and one that does not. */
    private static final String INCLUDE = "I_max,Pl,g_ad,w_S,CL_S,SBP_max";
    private static final int TRAJECTORIES = 3;
    private static final long SEED = 5;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("ketasim-spark-sensitivity-test")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static List<Morris.Factor> factors(Model model) {
        return FactorSelection.factors(model, Morris.DEFAULT_FACTOR, INCLUDE, FactorSelection.DEFAULT_EXCLUDE);
    }

    /** What {@code ketasim sensitivity --include INCLUDE --trajectories 3 --seed 5} computes. */
    private static Morris.Result local() {
        Model model = ModelLibrary.ketamine();
        List<Morris.Factor> factors = factors(model);
        return new Morris(factors, TRAJECTORIES, Morris.DEFAULT_LEVELS, SEED)
                .run(SensitivityMeasure.MADRS_CHANGE_24H.function(model, factors, SolverOptions.defaults()), 2);
    }

    @Test
    void theScreeningMatchesTheSingleMachineOneExactlyOnAnyNumberOfPartitions() {
        Morris.Result local = local();
        Model model = ModelLibrary.ketamine();
        List<Morris.Factor> factors = factors(model);
        assertThat(factors).extracting(Morris.Factor::name).containsExactlyInAnyOrder(INCLUDE.split(","));
        SensitivityJob job = SensitivityJob.of(ModelLibrary.source(ModelLibrary.KETAMINE), "models/ketamine.ksm",
                SensitivityMeasure.MADRS_CHANGE_24H, factors, SolverOptions.defaults());
        for (int partitions : new int[] {1, 5}) {
            Morris.Result onSpark = SparkSensitivity.run(spark, job, new Morris(factors, TRAJECTORIES, Morris.DEFAULT_LEVELS, SEED), partitions);
            assertThat(onSpark.evaluations()).isEqualTo(TRAJECTORIES * (factors.size() + 1));
            assertThat(onSpark.effects()).hasSameSizeAs(local.effects());
            for (int i = 0; i < local.effects().size(); i++) {
                Morris.Effect s = onSpark.effects().get(i);
                Morris.Effect l = local.effects().get(i);
                assertThat(s.factor()).isEqualTo(l.factor());
                // exact: compare the bits
                assertThat(Double.doubleToRawLongBits(s.muStar())).as(l.factor().name() + " mu*").isEqualTo(Double.doubleToRawLongBits(l.muStar()));
                assertThat(Double.doubleToRawLongBits(s.mu())).as(l.factor().name() + " mu").isEqualTo(Double.doubleToRawLongBits(l.mu()));
                assertThat(Double.doubleToRawLongBits(s.sigma())).as(l.factor().name() + " sigma").isEqualTo(Double.doubleToRawLongBits(l.sigma()));
            }
            assertThat(onSpark).isEqualTo(local);
        }
        // the placebo magnitude moves the 24-hour MADRS; the blood-pressure ceiling only through the solver's steps,
        // far below the solver's own tolerance on MADRS (rtol 1e-6 of about 30 points)
        assertThat(local.effect("Pl").muStar()).isGreaterThan(1);
        assertThat(local.effect("SBP_max").muStar()).isLessThan(3e-6);
    }

    @Test
    void anExecutorCompilesTheModelOncePerJobNotPerPoint() throws Exception {
        List<Morris.Factor> factors = factors(ModelLibrary.ketamine());
        SensitivityJob job = SensitivityJob.of(ModelLibrary.source(ModelLibrary.KETAMINE), "models/ketamine.ksm",
                SensitivityMeasure.MADRS_CHANGE_24H, factors, SolverOptions.defaults());
        // what a task carries: a serialised copy, which finds the function (compiled model) already built in this JVM
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream os = new ObjectOutputStream(bytes)) {
            os.writeObject(job);
        }
        SensitivityJob copy;
        try (ObjectInputStream is = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (SensitivityJob) is.readObject();
        }
        assertThat(copy).isEqualTo(job).isNotSameAs(job);
        assertThat(copy.output()).isSameAs(job.output());
        SensitivityJob otherSolver = SensitivityJob.of(job.modelSource(), job.modelSourceName(), SensitivityMeasure.MADRS_CHANGE_24H,
                factors, SolverOptions.defaults().withTolerances(1e-7, 1e-9));
        assertThat(otherSolver.output()).isNotSameAs(job.output());
    }

    @Test
    void theCommandLineWritesJsonAndTheMarkdownTableOfKetasimSensitivity(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("gsa.json");
        Path md = tmp.resolve("gsa.md");
        Result r = run("--include", INCLUDE, "--trajectories", Integer.toString(TRAJECTORIES), "--seed", Long.toString(SEED),
                "--partitions", "3", "--out", json.toString(), "--out", md.toString(), "--master", "local[2]");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.err).contains("6 parameters").contains("21 simulations").contains("3 partitions");
        Morris.Result local = local();
        assertThat(Files.readString(md)).isEqualTo(String.join("\n", MorrisTable.markdown(local.effects())) + "\n");
        String doc = Files.readString(json);
        assertThat(doc).contains("\"measure\" : \"madrs_change_24h\"").contains("\"evaluations\" : 21").contains("\"seed\" : 5");
        Morris.Effect first = local.effects().get(0);
        assertThat(doc).contains("\"parameter\" : \"" + first.factor().name() + "\",\n    \"mu_star\" : " + first.muStar() + ",");

        // without --out: the table on standard output, --top rows of it
        Result top = run("--include", INCLUDE, "--trajectories", "1", "--top", "2", "--partitions", "2");
        assertThat(top.code).as(top.err).isZero();
        assertThat(top.out.strip().split("\n")).hasSize(4);
        assertThat(top.out).startsWith("| rank | parameter | μ* | μ | σ | description |");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo(@TempDir Path tmp) {
        String[][] bad = {{"--measure", "nonsense"}, {"--factor", "1"}, {"--trajectories", "0"}, {"--levels", "3"},
            {"--include", "w_S,nonsense"}, {"--exclude", "SBP_mx"}, {"--include", "MW_*"}, {"--frobnicate"}, {"--partitions", "0"},
            {"--solver", "euler"}, {"--rtol", "2"}, {"--seed", "x"}, {"--trajectories"}, {"--model", tmp.resolve("none.ksm").toString()}};
        for (String[] args : bad) {
            Result r = run(args);
            assertThat(r.code).as(String.join(" ", args) + ": " + r.err).isEqualTo(2);
            assertThat(r.err.strip()).startsWith("ketasim-spark: ").doesNotContain("\n");
        }
        assertThat(run("--exclude", "SBP_mx").err).contains("did you mean SBP_max?");
        assertThat(run("--help").code).isZero();
    }

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkSensitivity.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
