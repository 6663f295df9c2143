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
    void aStreamedRunEqualsItsSubjectsFoldedInReverseAndReportsEachSubject() throws Exception {
        TrialSpec spec = TrialSpec.parse(SMALL.replace("subjects_per_arm: 60", "subjects_per_arm: 150"), "t.yaml");
        TrialRunner runner = new TrialRunner(ModelLibrary.ketamine(), SolverOptions.defaults());
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger highest = new java.util.concurrent.atomic.AtomicInteger();
        TrialResult streamed = runner.run(spec, done -> {
            calls.incrementAndGet();
            highest.accumulateAndGet(done, Math::max);
        });
        assertThat(calls.get()).isEqualTo(300);
        assertThat(highest.get()).isEqualTo(300);
        java.util.List<TrialRunner.SubjectRatings[]> reversed = new java.util.ArrayList<>();
        for (int a = 0; a < 2; a++) {
            var arm = runner.armSubjects(spec, a);
            TrialRunner.SubjectRatings[] s = new TrialRunner.SubjectRatings[150];
            for (int i = 0; i < s.length; i++) {
                s[s.length - 1 - i] = arm.apply(i);
            }
            reversed.add(s);
        }
        TrialAccumulatorTest.assertIdentical(runner.aggregate(spec, reversed), streamed);
        assertThat(streamed.arms().get(0).endpoints().get("relapse").curve()).hasSizeGreaterThan(1);
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
        double ketamine = r.arms().get(0).endpoints().get("pain40").estimate().value();
        double saline = r.arms().get(1).endpoints().get("pain40").estimate().value();
        // saline relieves through expectancy only (w_pl_pain), ketamine adds its acute antinociception
        assertThat(saline).isBetween(-3.0, 0.0);
        assertThat(ketamine).isLessThan(saline - 0.3);
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

    @Test
    void aVariabilityOverrideRescalesEachPatientsDeviationAndKeepsTheSubjects() throws Exception {
        TrialSpec spec = TrialSpec.parse(SMALL, "small.yaml");
        TrialRunner runner = new TrialRunner(ModelLibrary.ketamine(), SolverOptions.defaults());
        double cv = ModelLibrary.ketamine().parameter("Pl").orElseThrow().bsvCv();
        TrialResult base = runner.run(spec, d -> { });
        // the model's own CV: the identity (same patients, same numbers)
        TrialResult same = runner.run(spec, java.util.Map.of("Pl.cv", cv), d -> { });
        assertThat(same.arms().get(1).madrs().mean()).containsExactly(base.arms().get(1).madrs().mean());
        // more placebo variability: a wider 90% band of the placebo arm a day after its session
        TrialResult wide = runner.run(spec, java.util.Map.of("Pl.cv", 2 * cv), d -> { });
        TrialResult none = runner.run(spec, java.util.Map.of("Pl.cv", 0.0), d -> { });
        assertThat(width(wide, 1, 24)).isGreaterThan(width(base, 1, 24));
        assertThat(width(none, 1, 24)).isLessThan(width(base, 1, 24));
    }

    private static double width(TrialResult r, int arm, double hours) {
        TrialResult.Trajectory t = r.arms().get(arm).madrs();
        int k = 0;
        while (t.timesH()[k] < hours) {
            k++;
        }
        return t.p95()[k] - t.p05()[k];
    }
}
