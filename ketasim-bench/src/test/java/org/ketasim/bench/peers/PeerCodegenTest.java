package org.ketasim.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketasim.bench.ReferenceStates;
import org.ketasim.lang.Model;
import org.ketasim.lang.ModelEquations;
import org.ketasim.lang.check.CheckedModel;
import org.ketasim.lang.check.Checker;
import org.ketasim.lang.compile.ConstantFolder;
import org.ketasim.lang.parse.Parser;
import org.ketasim.lang.parse.SourceText;

/**
 * The generated C (deSolve) and Python (SciPy) right-hand sides and outputs equal KetaSim's compiled model at the
 * same inputs: the default parameters at the mid-infusion reference state, and 20 random parameter sets and states
 * (log-normal parameters, CV about 30 %; states spread over five decades, some negative), with an infusion rate
 * on every dosing target. Every derivative and output must agree to 1e-12 relative (the generated arithmetic is
 * KetaSim's, operation for operation; only the platform's exp/log/pow may differ in the last bit). Skipped where R/deSolve or SciPy are missing.
 */
class PeerCodegenTest {

    private static Model model;
    private static CheckedModel checked;
    private static ModelEquations compiled;
    private static final List<double[]> P = new ArrayList<>();
    private static final List<double[]> Y = new ArrayList<>();
    private static final List<double[]> RATE = new ArrayList<>();
    private static final double T = ReferenceStates.MID_INFUSION_T;

    @BeforeAll
    static void inputs() throws Exception {
        Path file = Paths.get("../models/ketamine.ksm");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        model = Model.parse(text, file.toString());
        SourceText src = new SourceText(text, file.toString());
        checked = ConstantFolder.fold(Checker.check(Parser.parse(src), src));
        compiled = model.compile();
        double[] p0 = model.defaultParameters();
        double[] y0 = ReferenceStates.midInfusion(model);
        int ns = compiled.stateCount();
        int[] targets = PeerCodegen.targetStates(checked);
        SplittableRandom rnd = new SplittableRandom(6);
        for (int k = 0; k < 21; k++) {
            double[] p = p0.clone();
            double[] y = y0.clone();
            double[] rate = new double[ns];
            if (k > 0) {
                for (int i = 0; i < p.length; i++) {
                    if (model.parameters().get(i).kind().name().equals("PARAMETER")) {
                        p[i] *= Math.exp(0.3 * gauss(rnd));
                    }
                }
                for (int i = 0; i < ns; i++) {
                    y[i] = y[i] == 0 ? rnd.nextDouble(-0.01, 1) : y[i] * Math.exp(rnd.nextDouble(-6, 6)) * (rnd.nextInt(8) == 0 ? -1 : 1);
                }
            }
            for (int s : targets) {
                rate[s] = rnd.nextDouble(0, 50);
            }
            P.add(p);
            Y.add(y);
            RATE.add(rate);
        }
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** KetaSim's derivatives (with the infusion rates added) and outputs of case k, concatenated. */
    private static double[] expected(int k) {
        double[] d = new double[compiled.derivedCount()];
        compiled.derive(P.get(k), d);
        double[] dy = new double[compiled.stateCount()];
        compiled.derivatives(T, Y.get(k), P.get(k), d, dy);
        for (int i = 0; i < dy.length; i++) {
            dy[i] += RATE.get(k)[i];
        }
        double[] out = new double[compiled.outputCount()];
        compiled.outputs(T, Y.get(k), P.get(k), d, out);
        double[] all = new double[dy.length + out.length];
        System.arraycopy(dy, 0, all, 0, dy.length);
        System.arraycopy(out, 0, all, dy.length, out.length);
        return all;
    }

    private static Path writeInputs(Path dir) throws Exception {
        Files.createDirectories(dir);
        int n = P.size();
        double[] p = new double[n * P.get(0).length];
        double[] y = new double[n * Y.get(0).length];
        double[] r = new double[n * RATE.get(0).length];
        for (int k = 0; k < n; k++) {
            System.arraycopy(P.get(k), 0, p, k * P.get(0).length, P.get(0).length);
            System.arraycopy(Y.get(k), 0, y, k * Y.get(0).length, Y.get(0).length);
            System.arraycopy(RATE.get(k), 0, r, k * RATE.get(0).length, RATE.get(0).length);
        }
        PeerBench.writeDoubles(dir.resolve("cp.bin"), p);
        PeerBench.writeDoubles(dir.resolve("cy.bin"), y);
        PeerBench.writeDoubles(dir.resolve("cr.bin"), r);
        return dir;
    }

    private static void compare(double[] got) {
        int width = compiled.stateCount() + compiled.outputCount();
        assertThat(got).hasSize(P.size() * width);
        int identical = 0;
        double worst = 0;
        for (int k = 0; k < P.size(); k++) {
            double[] want = expected(k);
            for (int i = 0; i < width; i++) {
                double g = got[k * width + i];
                String what = i < compiled.stateCount() ? "d/dt(" + model.states().get(i).name() + ")"
                        : model.outputs().get(i - compiled.stateCount()).name();
                identical += g == want[i] ? 1 : 0;
                if (g != want[i]) {
                    worst = Math.max(worst, Math.abs(g - want[i]) / Math.abs(want[i]));
                }
                assertThat(Math.abs(g - want[i]))
                        .as("case %d, %s: generated %s, KetaSim %s", k, what, g, want[i])
                        .isLessThanOrEqualTo(1e-12 * Math.abs(want[i]));
            }
        }
        System.out.printf("%d of %d values bit-identical to KetaSim's, largest relative difference %.1e%n", identical,
                got.length, worst);
    }

    @Test
    void pythonEqualsCompiledModel() throws Exception {
        String missing = PeerBench.scipyMissing();
        assumeTrue(missing == null, () -> "skipped: " + missing);
        Path dir = writeInputs(Paths.get("target/peers-codegen-py"));
        Files.writeString(dir.resolve("ksm_model.py"), PeerCodegen.python(checked));
        String script = String.join("\n",
                "import sys, numpy as np",
                "sys.path.insert(0, '.')",
                "import ksm_model as km",
                "p = np.fromfile('cp.bin', '<f8').reshape(-1, km.NP); y = np.fromfile('cy.bin', '<f8').reshape(-1, km.NS)",
                "r = np.fromfile('cr.bin', '<f8').reshape(-1, km.NS)",
                "out = []",
                "for k in range(len(p)):",
                "    pk = list(map(float, p[k])); d = km.derive(pk)",
                "    out += km.make_rhs(pk, d, r[k])(" + T + ", y[k].copy()) + km.outputs(" + T + ", y[k], pk, d)",
                "    v = km.make_rhs_vec(pk, d, r[k])(" + T + ", np.stack([y[k], y[k]], axis=1))",
                "    assert np.array_equal(v[:, 0], v[:, 1])",
                "    assert np.allclose(v[:, 0], out[-km.NS - km.NO:-km.NO], rtol=1e-12, atol=1e-300), 'vectorised differs'",
                "np.array(out, '<f8').tofile('got.bin')");
        Files.writeString(dir.resolve("check.py"), script);
        run(dir, "/usr/bin/python3", "check.py");
        compare(PeerBench.readDoubles(dir.resolve("got.bin")));
    }

    @Test
    void cEqualsCompiledModel() throws Exception {
        String missing = PeerBench.desolveMissing();
        assumeTrue(missing == null, () -> "skipped: " + missing);
        Path dir = writeInputs(Paths.get("target/peers-codegen-c"));
        Files.writeString(dir.resolve("ksm_desolve.c"), PeerCodegen.c(checked));
        run(dir, "R", "CMD", "SHLIB", "-o", "ksm_desolve.so", "ksm_desolve.c");
        int np = compiled.parameterCount();
        int ns = compiled.stateCount();
        int no = compiled.outputCount();
        String script = String.join("\n",
                "dyn.load('ksm_desolve.so')",
                "rd <- function(f) readBin(f, 'double', n = file.size(f) / 8, size = 8, endian = 'little')",
                "p <- matrix(rd('cp.bin'), ncol = " + np + ", byrow = TRUE); y <- matrix(rd('cy.bin'), ncol = " + ns
                        + ", byrow = TRUE); r <- matrix(rd('cr.bin'), ncol = " + ns + ", byrow = TRUE)",
                "out <- c()",
                "for (k in seq_len(nrow(p))) {",
                "  dy <- .C('ksm_rhs_at', as.double(" + T + "), y[k, ], p[k, ], r[k, ], dydt = double(" + ns + "))$dydt",
                "  o <- .C('ksm_outputs', as.double(" + T + "), y[k, ], p[k, ], o = double(" + no + "))$o",
                "  out <- c(out, dy, o)",
                "}",
                "con <- file('got.bin', 'wb'); writeBin(out, con, size = 8, endian = 'little'); close(con)");
        Files.writeString(dir.resolve("check.R"), script);
        run(dir, "Rscript", "--vanilla", "check.R");
        compare(PeerBench.readDoubles(dir.resolve("got.bin")));
    }

    private static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
    }
}
