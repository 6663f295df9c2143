package org.ketasim.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.models.ModelLibrary;

/** Whole trials on the bundled model: reproducibility and the direction of the effects. */
class TrialRunnerTest {

    private static final String SMALL = TrialSpecTest.EXAMPLE.replace("subjects_per_arm: 2000", "subjects_per_arm: 60");

    private static TrialResult run(String yaml, int threads) throws Exception {
        TrialSpec spec = TrialSpec.parse(yaml, "t.yaml");
        TrialRunner runner = new TrialRunner(ModelLibrary.ketamine(), SolverOptions.defaults());
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> runner.run(spec, done -> { })).get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void sameSeedGivesTheSameResultOnOneOrManyThreads() throws Exception {
        TrialResult one = run(SMALL, 1);
        TrialResult two = run(SMALL, 3);
        for (int a = 0; a < one.arms().size(); a++) {
            var x = one.arms().get(a);
            var y = two.arms().get(a);
            assertThat(y.endpoints()).isEqualTo(x.endpoints());
            assertThat(y.madrs().mean()).containsExactly(x.madrs().mean());
        }
        TrialResult other = run(SMALL.replace("seed: 42", "seed: 7"), 2);
        assertThat(other.arms().get(0).madrs().mean()).isNotEqualTo(one.arms().get(0).madrs().mean());
    }

    @Test
    void painEndpointsUseTheModelsPainOutputInChronicPainPatients() throws Exception {
        String yaml = """
                name: crps-pain
                seed: 3
                subjects_per_arm: 40
                population: {preset: crps}
                blinding: saline-placebo
                arms:
                  - name: ketamine
                    doses: [{drug: ketamine, route: iv, amount: 0.5 mg/kg, over: 40 min, on_days: [0]}]
                  - name: saline
                    doses: [{drug: saline, route: iv, amount: 0 mg, over: 40 min, on_days: [0]}]
                endpoints:
                  - {name: pain40, kind: mean_change, scale: pain NRS, at: 40 min}
                """;
        TrialResult r = run(yaml, 2);
        assertThat(r.arms().get(0).endpoints().get("pain40").estimate().value()).isLessThan(-0.3);
        assertThat(Math.abs(r.arms().get(1).endpoints().get("pain40").estimate().value())).isLessThan(0.5);
    }

    @Test
    void ketamineBeatsActivePlaceboAtTwentyFourHours() throws Exception {
        TrialResult r = run(SMALL.replace("subjects_per_arm: 60", "subjects_per_arm: 200"), 2);
        var k = r.arms().get(0).endpoints();
        var m = r.arms().get(1).endpoints();
        assertThat(k.get("r24").estimate().value()).isGreaterThan(m.get("r24").estimate().value());
        assertThat(k.get("c24").estimate().value()).isLessThan(m.get("c24").estimate().value());
        assertThat(k.get("r24").estimate().lo()).isLessThanOrEqualTo(k.get("r24").estimate().value());
        assertThat(r.arms().get(0).n()).isEqualTo(200);
    }
}
