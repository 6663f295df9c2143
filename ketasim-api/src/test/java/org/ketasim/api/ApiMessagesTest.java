package org.ketasim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.lang.Model;
import org.ketasim.lang.ModelException;
import org.ketasim.trial.SpecException;

/** Bad input gives one actionable line. */
class ApiMessagesTest {

    private static final Model MODEL = KetaSim.ketamineModel();

    private static AbstractThrowableAssert<?, ? extends Throwable> oneLine(ThrowingCallable call, String... parts) {
        AbstractThrowableAssert<?, ? extends Throwable> a = assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class);
        a.message().doesNotContain("\n");
        for (String part : parts) {
            a.hasMessageContaining(part);
        }
        return a;
    }

    @Test
    void unknownOutputSuggestsTheClosestName() {
        SimulationResult r = Simulation.builder(MODEL).timesH(0).build().run();
        oneLine(() -> r.output("madr"), "model ketamine has no output 'madr'", "did you mean 'madrs'?", "outputNames()");
        oneLine(() -> r.outputUnit("ketamine_ng_mL"), "did you mean 'ketamine_ng_ml'?");
        oneLine(() -> r.state("A1_X"), "has no state 'A1_X'");
    }

    @Test
    void mgPerKgDosesNeedTheWeight() {
        oneLine(() -> Simulation.builder(MODEL).dose(Doses.iv(Drug.KETAMINE).mgPerKg(0.5).over(Duration.ofMinutes(40))).build(),
                "the ketamine iv dose is 0.5 mg/kg but the patient has no weight; set Patient.builder().weightKg(...)");
        oneLine(() -> Simulation.builder(MODEL).dose(Doses.iv(Drug.KETAMINE)).build(), "have no amount; call mg(...) or mgPerKg(...)");
    }

    @Test
    void covariatesAreCheckedAgainstTheModel() {
        oneLine(() -> Simulation.builder(MODEL).patient(Patient.builder().covariate("BZ", 10, "mg").build()).build(),
                "model ketamine has no covariate 'BZ'", "did you mean 'BZD'?");
        oneLine(() -> Simulation.builder(MODEL).patient(Patient.builder().covariate("BZD", 10, "L").build()).build(),
                "unit L does not fit BZD, which is in mg");
        oneLine(() -> Simulation.builder(MODEL).patient(Patient.builder().covariate("CL_S", 10, "L/h").build()).build(),
                "CL_S is a parameter of model ketamine, not a covariate", "parameter(\"CL_S\", ...)");
        oneLine(() -> Patient.builder().covariate("BZD", 10, "mgg"), "covariate BZD: cannot read the unit 'mgg'");
        oneLine(() -> Patient.builder().covariate("WT", 80, "kg"), "weightKg(...)");
        oneLine(() -> Patient.builder().weightKg(8), "weight 8.0 kg is outside 20-300 kg");
        oneLine(() -> Patient.builder().ageYears(-1), "age -1.0 y is outside 0-120 y");
    }

    @Test
    void parametersAreCheckedAgainstTheModel() {
        oneLine(() -> Simulation.builder(MODEL).parameter("CL_Z", 80), "no covariate, parameter or switch 'CL_Z'", "did you mean 'CL_S'?");
        oneLine(() -> Simulation.builder(MODEL).parameter("MADRS0", 30), "MADRS0 is a covariate of the patient",
                "Patient.builder().covariate(\"MADRS0\", ...)");
        oneLine(() -> Simulation.builder(MODEL).parameter("WT", 30), "Patient.builder().weightKg(...)");
        oneLine(() -> Simulation.builder(MODEL).parameter("lhb_trapping", 2), "a switch is 0 (off) or 1 (on)");
        oneLine(() -> Simulation.builder(MODEL).parameter("CL_S", -1), "must not be negative");
        oneLine(() -> Simulation.builder(MODEL).parameter("CL_S", 1, "mg"), "unit mg does not fit CL_S, which is in L/h");
    }

    @Test
    void dosesAndGridAreChecked() {
        oneLine(() -> Doses.iv(Drug.KETAMINE).mg(-5), "positive finite number of mg");
        oneLine(() -> Doses.iv(Drug.KETAMINE).onDays(), "at least one day");
        oneLine(() -> Doses.iv(null), "drug is missing");
        oneLine(() -> Doses.iv(Drug.KETAMINE).over(Duration.ofDays(8)), "between 0 and 7 days");
        oneLine(() -> Simulation.builder(MODEL).until(Duration.ofDays(3650)).every(Duration.ofSeconds(1)).build(),
                "choose a coarser step");
        oneLine(() -> Simulation.builder(MODEL).timesH(1, -2), "output times must be finite and >= 0 h, got -2.0 at position 1");
        oneLine(() -> Simulation.builder(null), "model is missing");
    }

    @Test
    void trialNamesAreChecked() throws Exception {
        Trial t = Trial.fromYaml(Path.of("trials/murrough-2013.yaml"));
        oneLine(() -> t.parameter("k_ot", 1), "has no parameter 'k_ot'", "did you mean 'k_out'?");
        oneLine(() -> t.subjectsPerArm(0), "subjects per arm must be 1-10,000,000");
        TrialOutcome o = t.subjectsPerArm(3).run();
        oneLine(() -> o.endpoint("ketamin", "r24"), "trial murrough-2013 has no arm 'ketamin'", "did you mean 'ketamine'?",
                "its arms: ketamine, midazolam");
        oneLine(() -> o.endpoint("ketamine", "r42"), "has no endpoint 'r42'", "its endpoints: r24, c24, d24, rem7");
    }

    @Test
    void badFilesAreCheckedExceptionsOfOneLine(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("bad.ksm");
        Files.writeString(model, "model bad \"x\"\n[parameters]\nk = 1 1/h : \"k\" : assumed \"x\"\n[states]\nA(0) = 0 [mg] : \"A\"\n"
                + "[equations]\nd/dt(A) = -k * B\n[outputs]\na = A [mg] : \"A\"\n");
        assertThatThrownBy(() -> KetaSim.model(model)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith(model.toString() + ":").message().doesNotContain("\n");
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "name: x\nseed: 1\n");
        assertThatThrownBy(() -> Trial.fromYaml(spec)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("bad.yaml:").message().doesNotContain("\n");
        assertThat(KetaSim.ketamineModel()).isSameAs(MODEL);
    }
}
