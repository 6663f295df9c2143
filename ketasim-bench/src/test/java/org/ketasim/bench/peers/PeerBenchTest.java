package org.ketasim.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketasim.engine.solve.SolverMethod;

/**
 * The peers of docs/performance.md ("Side by side with deSolve and SciPy") compute what KetaSim computes: the
 * code generated from models/ketamine.ksm for R deSolve (C) and SciPy (Python), run on 3 virtual patients over
 * the first 3 days of the standard course (two infusions), agree with KetaSim's outputs to 1e-4 relative at every
 * hourly output. Skipped, with the reason, where R/deSolve or SciPy are not installed.
 */
class PeerBenchTest {

    private static final Path ROOT = Paths.get("..");

    private static PeerBench.Config config(Path build, boolean r, boolean py) {
        return new PeerBench.Config(ROOT.resolve("models/ketamine.ksm"), ROOT.resolve("bench/peers"), build, 3, 3, 20261124L,
                1e-8, 1e-11, 1e-4, 1, List.of("LSODA"), Integer.MAX_VALUE, r, py, SolverMethod.AUTO, List.of());
    }

    @Test
    void desolveAgreesWithKetaSim() throws Exception {
        String missing = PeerBench.desolveMissing();
        assumeTrue(missing == null, () -> "skipped: " + missing + " (install r-cran-desolve)");
        PeerBench bench = new PeerBench(config(Paths.get("target/peers-test-r"), true, false));
        PeerBench.Result result = bench.run();
        System.out.print(result.table());
        PeerBench.Row row = result.rows().get(1);
        assertThat(row.tool()).isEqualTo("R deSolve");
        assertThat(row.maxRelDiff()).as(row.worst()).isLessThan(1e-4);
        assertThat(Files.readString(Paths.get("target/peers-test-r/ksm_desolve.c"))).contains("void derivs(", "void initmod(");
    }

    @Test
    void scipyAgreesWithKetaSim() throws Exception {
        String missing = PeerBench.scipyMissing();
        assumeTrue(missing == null, () -> "skipped: " + missing + " (install python3-scipy python3-numpy)");
        PeerBench bench = new PeerBench(config(Paths.get("target/peers-test-py"), false, true));
        PeerBench.Result result = bench.run();
        System.out.print(result.table());
        PeerBench.Row row = result.rows().get(1);
        assertThat(row.tool()).isEqualTo("SciPy solve_ivp");
        assertThat(row.maxRelDiff()).as(row.worst()).isLessThan(1e-4);
    }
}
