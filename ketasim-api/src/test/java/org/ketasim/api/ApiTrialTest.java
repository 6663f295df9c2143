package org.ketasim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.trial.Estimate;
import org.ketasim.trial.TrialResult;
import org.ketasim.trial.TrialRunner;
import org.ketasim.trial.TrialSpec;

/** A trial through the API is the trial module's run, with endpoints and intervals by name. */
class ApiTrialTest {

    @Test
    void endpointsWithConfidenceIntervalsAreTheTrialRunnersOwn() throws Exception {
        AtomicInteger done = new AtomicInteger();
        Trial trial = Trial.fromYaml(Path.of("trials/murrough-2013.yaml")).subjectsPerArm(40);
        TrialOutcome outcome = trial.run(n -> done.accumulateAndGet(n, Math::max));

        TrialSpec spec = TrialSpec.read(Path.of("trials/murrough-2013.yaml")).withSubjectsPerArm(40);
        TrialResult byHand = new TrialRunner(KetaSim.ketamineModel(), SolverOptions.defaults()).run(spec, n -> { });

        assertThat(done.get()).isEqualTo(80);
        assertThat(outcome.name()).isEqualTo("murrough-2013");
        assertThat(outcome.seed()).isEqualTo(42);
        assertThat(outcome.armNames()).containsExactly("ketamine", "midazolam");
        assertThat(outcome.endpointNames("ketamine")).containsExactly("r24", "c24", "d24", "rem7");
        assertThat(outcome.endpointNames("midazolam")).containsExactly("r24", "c24", "rem7");
        assertThat(outcome.subjects("ketamine")).isEqualTo(40);
        for (String arm : outcome.armNames()) {
            for (String name : outcome.endpointNames(arm)) {
                EndpointValue v = outcome.endpoint(arm, name);
                Estimate e = byHand.arms().stream().filter(a -> a.name().equals(arm)).findFirst().orElseThrow()
                        .endpoints().get(name).estimate();
                assertThat(v.value()).as(arm + " " + name).isEqualTo(e.value());
                assertThat(v.ciLow()).isEqualTo(e.lo());
                assertThat(v.ciHigh()).isEqualTo(e.hi());
                assertThat(v.ciLow()).isLessThanOrEqualTo(v.value());
                assertThat(v.ciHigh()).isGreaterThanOrEqualTo(v.value());
            }
        }
        EndpointValue r24 = outcome.endpoint("ketamine", "r24");
        assertThat(r24.unit()).isEqualTo("fraction");
        assertThat(r24.n()).isEqualTo(40);
        assertThat(r24.value()).isBetween(0.0, 1.0);
        assertThat(outcome.endpoint("ketamine", "c24").value()).isNegative();   // MADRS falls
        assertThat(r24.toString()).startsWith("ketamine r24 = ");
    }

    @Test
    void parameterChangesAreTheRunnersOverrides() throws Exception {
        Trial trial = Trial.fromYaml(Path.of("trials/murrough-2013.yaml")).subjectsPerArm(10).parameter("k_out", 0.5);
        TrialSpec spec = TrialSpec.read(Path.of("trials/murrough-2013.yaml")).withSubjectsPerArm(10);
        TrialResult byHand = new TrialRunner(KetaSim.ketamineModel(), SolverOptions.defaults())
                .run(spec, Map.of("k_out", 0.5), n -> { });
        assertThat(trial.run().endpoint("ketamine", "c24").value())
                .isEqualTo(byHand.arms().get(0).endpoints().get("c24").estimate().value());
        assertThat(trial.toString()).contains("murrough-2013", "10 subjects", "k_out=0.5");
    }

    @Test
    void variabilityChangesAreTheRunnersCvOverrides() throws Exception {
        Trial trial = Trial.fromYaml(Path.of("trials/murrough-2013.yaml")).subjectsPerArm(10).parameter("Pl.cv", 0.3);
        TrialSpec spec = TrialSpec.read(Path.of("trials/murrough-2013.yaml")).withSubjectsPerArm(10);
        TrialResult byHand = new TrialRunner(KetaSim.ketamineModel(), SolverOptions.defaults())
                .run(spec, Map.of("Pl.cv", 0.3), n -> { });
        assertThat(trial.run().endpoint("midazolam", "c24").value())
                .isEqualTo(byHand.arms().get(1).endpoints().get("c24").estimate().value());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trial.parameter("k_out.cv", 0.3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no between-subject variability");
    }
}
