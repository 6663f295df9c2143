package org.ketasim.bench;

import java.util.concurrent.TimeUnit;

import org.ketasim.lang.Model;
import org.ketasim.lang.ModelEquations;
import org.ketasim.models.ModelLibrary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One evaluation of the ketamine model's right-hand side ({@code derivatives}) and of its outputs, for the
 * three implementations of {@link ModelEquations}: the model compiled to bytecode ({@link Model#compile()}),
 * the same equations written by hand ({@link HandWrittenKetamine}) and the reference tree-walking interpreter
 * ({@link Model#interpret()}).
 *
 * <p>Each {@code impl} runs in its own forked JVM, so every call site sees one receiver class and the JIT
 * treats the three alike. Inputs live in fields of the state object (loaded afresh on every call, never
 * constant-folded) and the result array goes to the {@link Blackhole}. Run with
 * {@code java -jar ketasim-bench/target/benchmarks.jar RhsBenchmark}; see docs/performance.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Thread)
public class RhsBenchmark {

    /** Which implementation to measure. */
    @Param({"compiled", "handwritten", "interpreted"})
    public String impl;

    private ModelEquations equations;
    private double t;
    private double[] y;
    private double[] p;
    private double[] d;
    private double[] dydt;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        Model model = ModelLibrary.ketamine();
        equations = implementation(model, impl);
        p = model.defaultParameters();
        d = new double[equations.derivedCount()];
        equations.derive(p, d);
        y = ReferenceStates.midInfusion(model);
        t = ReferenceStates.MID_INFUSION_T;
        dydt = new double[equations.stateCount()];
        out = new double[equations.outputCount()];
    }

    /** @return the named implementation of the model: compiled, handwritten or interpreted */
    static ModelEquations implementation(Model model, String name) {
        switch (name) {
            case "compiled":
                return model.compile();
            case "handwritten":
                return new HandWrittenKetamine(model);
            case "interpreted":
                return model.interpret();
            default:
                throw new IllegalArgumentException("unknown implementation " + name);
        }
    }

    /** One right-hand-side evaluation: all 50 derivatives. */
    @Benchmark
    public void derivatives(Blackhole bh) {
        equations.derivatives(t, y, p, d, dydt);
        bh.consume(dydt);
    }

    /** All 38 outputs, converted to their display units. */
    @Benchmark
    public void outputs(Blackhole bh) {
        equations.outputs(t, y, p, d, out);
        bh.consume(out);
    }
}
