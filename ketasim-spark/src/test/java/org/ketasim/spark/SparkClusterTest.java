package org.ketasim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.ketasim.trial.TrialResult;

/**
 * A real standalone cluster on this machine (Spark's {@code local-cluster}: a master, two workers, and executors in
 * their own JVMs, as on a cluster): subjects travel as text to other JVMs, which compile the model themselves, and the
 * result is still the single-machine one, bit for bit. The build sets {@code SPARK_HOME} (an empty Spark home whose
 * executors take the test class path) and {@code SPARK_SCALA_VERSION} for it.
 */
@EnabledIfEnvironmentVariable(named = "SPARK_SCALA_VERSION", matches = "2\\.13")
class SparkClusterTest {

    @Test
    void executorsInOtherJvmsGiveTheSingleMachineResult() throws Exception {
        Path home = Path.of(System.getenv("SPARK_HOME"));
        Files.createDirectories(home.resolve("jars"));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        SparkSession spark = SparkSession.builder().master("local-cluster[2,1,1024]").appName("ketasim-spark-cluster-test")
                .config("spark.ui.enabled", "false")
                .config("spark.executor.extraClassPath", classPath)
                .getOrCreate();
        try {
            TrialResult onCluster = SparkTrial.run(spark, SparkTrialTest.job("murrough-2013.yaml", 20), 4, null);
            TrialResult local = SparkTrialTest.local("murrough-2013.yaml", 20);
            SparkTrialTest.assertIdentical(onCluster, local);
            assertThat(new String(SparkTrial.json(onCluster), StandardCharsets.UTF_8)).contains("\"n\" : 20");
            assertThat(spark.sparkContext().getExecutorMemoryStatus().size()).as("driver and two executors").isEqualTo(3);
        } finally {
            spark.stop();
        }
    }
}
