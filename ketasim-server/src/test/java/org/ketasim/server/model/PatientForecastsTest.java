package org.ketasim.server.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.forecast.Forecaster;
import org.ketasim.models.ModelLibrary;
import org.ketasim.server.clinical.Consultation;
import org.ketasim.server.clinical.DoseCalculation;
import org.ketasim.server.clinical.DrugClass;
import org.ketasim.server.store.ClinicStore;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The forecast's patient built from a stored record, and the answers while computing, after a failure, when done. */
class PatientForecastsTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:30:00Z");

    static ClinicStore.Patient patient(String sex) {
        return new ClinicStore.Patient(1, "MRN-1", "A", "B", LocalDate.of(1980, 1, 1), sex, 46, T0);
    }

    static Consultation consultation(List<Consultation.Medication> meds, String dx) {
        return new Consultation(1L, 1, 80, 170.0, new Consultation.BaselineVitals(120, 80, 70, 98), List.of(dx), meds, Set.of(), "",
                T0.minusSeconds(86400), "physician1");
    }

    static ClinicStore.Questionnaire phq9(int total, Instant at) {
        return new ClinicStore.Questionnaire(total, null, "PHQ9", "PHQ-9", List.of(), total, "", List.of(), at, "nurse1");
    }

    static ClinicStore.Session session(int n, String status, Instant start, Instant end) {
        return new ClinicStore.Session(n, 1, 1, n, status, DoseCalculation.of(80, 0.5, 10, 100, 40), Map.of(), null, "nurse1", start,
                end == null ? null : "nurse1", end);
    }

    static ClinicStore.Plan plan(double dose, int minInterval) {
        return new ClinicStore.Plan(1, 1, 1, "IV induction", dose, 40, 6, 11, minInterval, List.of(0, 2, 4, 7, 9, 11), "", "physician1",
                T0.minusSeconds(3600), "physician1", T0.minusSeconds(3000), 1);
    }

    static ClinicStore.PatientRecord record(List<Consultation> k, List<ClinicStore.Plan> plans, List<ClinicStore.Session> s,
                                            List<ClinicStore.Questionnaire> q) {
        return new ClinicStore.PatientRecord(patient("FEMALE"), k, List.of(), plans, s, q);
    }

    @Test
    void noScoresAndNoWeightAreClearProblems() {
        var none = PatientForecasts.input(record(List.of(consultation(List.of(), "MDD")), List.of(), List.of(), List.of()));
        assertThat(none.noScores()).isTrue();
        assertThat(none.problem()).contains("no PHQ-9 or MADRS");
        var noWeight = PatientForecasts.input(record(List.of(), List.of(), List.of(), List.of(phq9(18, T0))));
        assertThat(noWeight.noScores()).isFalse();
        assertThat(noWeight.problem()).contains("no body weight");
        try (PatientForecasts f = new PatientForecasts(() -> {
            throw new AssertionError("not to be called");
        }, 10)) {
            ObjectNode v = f.view(1, noWeight);
            assertThat(v.get("status").asText()).isEqualTo("unavailable");
            assertThat(v.get("message").asText()).startsWith("forecast unavailable: no body weight");
            assertThat(f.view(1, none).get("status").asText()).isEqualTo("no_scores");
        }
    }

    @Test
    void recordMapsCovariatesDosesScoresAndLimits() {
        var meds = List.of(new Consultation.Medication("Lorazepam", DrugClass.BENZODIAZEPINE, 1.0),
                new Consultation.Medication("Sertraline", DrugClass.SSRI, null));
        var sessions = List.of(session(1, "COMPLETED", T0.plusSeconds(1800), T0.plusSeconds(9000)),
                session(2, "STOPPED", T0.plusSeconds(2 * 86400), T0.plusSeconds(2 * 86400 + 20 * 60)));
        var in = PatientForecasts.input(record(List.of(consultation(meds, "Bipolar II depression")), List.of(plan(0.5, 2)), sessions,
                List.of(phq9(18, T0), phq9(9, T0.plusSeconds(86400)))));
        assertThat(in.problem()).isNull();
        var r = in.record();
        assertThat(r.weightKg()).isEqualTo(80);
        assertThat(r.female()).isTrue();
        assertThat(r.diagnosis()).isEqualTo("bipolar-depression");
        assertThat(r.covariates()).containsEntry("benzodiazepine_mg_diazepam_eq", 10.0).containsEntry("oral_antidepressant", 1.0);
        assertThat(r.doses()).hasSize(2);
        // day 0 is midnight UTC of the first event; 40 mg HCl = 34.7 mg base over 40 min at 09:00
        assertThat(r.doses().get(0).startH()).isCloseTo(9.0, within(1e-9));
        assertThat(r.doses().get(0).durationH()).isCloseTo(40 / 60.0, within(1e-9));
        assertThat(r.doses().get(0).amountMg()).isCloseTo(40 * 238.74 / 274.19, within(0.2));
        // stopped after 20 of 40 min: half the dose counted
        assertThat(r.doses().get(1).amountMg()).isCloseTo(r.doses().get(0).amountMg() / 2, within(1e-6));
        assertThat(r.observations()).hasSize(2);
        assertThat(r.observations().get(0).timeH()).isCloseTo(8.5, within(1e-9));
        assertThat(r.observations().get(1).value()).isEqualTo(9);
        assertThat(in.doses()).containsExactly(0.5, 0.75, 1.0);
        assertThat(in.perWeek()).isEqualTo(3);
        assertThat(in.meta().at("/based_on/scores").asInt()).isEqualTo(2);
        assertThat(in.meta().at("/baseline/value").asInt()).isEqualTo(18);
        assertThat(in.meta().get("assumptions").toString()).contains("stopped");

        var weekly = PatientForecasts.input(record(List.of(consultation(List.of(), "MDD")), List.of(plan(0.8, 7)), List.of(),
                List.of(phq9(18, T0))));
        assertThat(weekly.doses()).containsExactly(0.5, 0.75, 0.8, 1.0);
        assertThat(weekly.perWeek()).isEqualTo(1);
        assertThat(weekly.record().diagnosis()).isEqualTo("trd");
    }

    @Test
    void failureIsShownAsUnavailableWithItsReasonAndSuccessAsReady() throws Exception {
        var in = PatientForecasts.input(record(List.of(consultation(List.of(), "MDD")), List.of(),
                List.of(session(1, "COMPLETED", T0.plusSeconds(1800), T0.plusSeconds(9000))),
                List.of(phq9(18, T0), phq9(8, T0.plusSeconds(86400)))));
        try (PatientForecasts broken = new PatientForecasts(() -> {
            throw new IllegalStateException("model file damaged\nsecond line");
        }, 10)) {
            ObjectNode v = poll(broken, in);
            assertThat(v.get("status").asText()).isEqualTo("unavailable");
            assertThat(v.get("message").asText()).isEqualTo("forecast unavailable: model file damaged");
            assertThat(v.toString()).doesNotContain("at org.ketasim");
        }
        try (PatientForecasts ok = new PatientForecasts(() -> new Forecaster(ModelLibrary.ketamine(), SolverOptions.defaults()), 20)) {
            ObjectNode first = ok.view(1, in);
            assertThat(first.get("status").asText()).isEqualTo("updating");
            ObjectNode v = poll(ok, in);
            assertThat(v.get("status").asText()).as(v.toString()).isEqualTo("ready");
            assertThat(v.get("trajectory").size()).isPositive();
            assertThat(v.get("disclaimer").asText()).startsWith("Decision support only");
            // new inputs: the previous forecast is shown, marked stale, while the new one is computed
            List<ClinicStore.Questionnaire> more = new ArrayList<>(List.of(phq9(18, T0), phq9(8, T0.plusSeconds(86400))));
            more.add(phq9(10, T0.plusSeconds(3 * 86400)));
            var in2 = PatientForecasts.input(record(List.of(consultation(List.of(), "MDD")), List.of(),
                    List.of(session(1, "COMPLETED", T0.plusSeconds(1800), T0.plusSeconds(9000))), more));
            ObjectNode stale = ok.view(1, in2);
            assertThat(stale.get("status").asText()).isEqualTo("updating");
            assertThat(stale.get("stale").asBoolean()).isTrue();
            assertThat(stale.at("/based_on/scores").asInt()).isEqualTo(2);
            assertThat(poll(ok, in2).at("/based_on/scores").asInt()).isEqualTo(3);
        }
    }

    private static ObjectNode poll(PatientForecasts f, PatientForecasts.Input in) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            ObjectNode v = f.view(1, in);
            if (!v.get("status").asText().equals("updating")) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still updating after 30 s");
    }
}
