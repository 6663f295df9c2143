package org.ketasim.server.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DoseAndVitalsTest {

    @Test
    void standardInductionDoseForSeventyKilograms() {
        var d = DoseCalculation.of(70, 0.5, 10, 100, 40);
        assertThat(d.doseMg()).isEqualTo(35.0);
        assertThat(d.drugVolumeMl()).isEqualTo(3.5);
        assertThat(d.totalVolumeMl()).isEqualTo(103.5);
        assertThat(d.pumpRateMlPerH()).isCloseTo(155.3, within(0.05)); // 103.5 mL over 2/3 h
        assertThat(d.doseRateMgPerKgPerH()).isCloseTo(0.75, within(1e-12));
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void undilutedSyringeAndWarnings() {
        var d = DoseCalculation.of(82.4, 0.5, 50, 0, 40);
        assertThat(d.doseMg()).isEqualTo(41.2);
        assertThat(d.drugVolumeMl()).isEqualTo(0.82);
        assertThat(d.pumpRateMlPerH()).isCloseTo(1.2, within(0.05));
        assertThat(DoseCalculation.of(200, 1.2, 100, 100, 40).warnings()).hasSize(2);
        assertThatThrownBy(() -> DoseCalculation.of(70, 5, 10, 100, 40)).hasMessageContaining("dose_mg_per_kg");
        assertThatThrownBy(() -> DoseCalculation.of(70, 0.5, 0, 100, 40)).hasMessageContaining("vial_mg_per_ml");
    }

    @Test
    void alertsAtTheClinicalThresholds() {
        assertThat(new VitalSigns(30, 180, 100, 80, 97, 14).alerts(120)).extracting(VitalSigns.Alert::code)
                .containsExactlyInAnyOrder("SBP_HIGH", "DBP_RAISED");
        assertThat(new VitalSigns(30, 179, 109, 80, 97, 14).alerts(170)).extracting(VitalSigns.Alert::code)
                .containsExactlyInAnyOrder("SBP_RAISED", "DBP_RAISED");
        assertThat(new VitalSigns(30, 150, 110, 80, 97, 14).alerts(140)).extracting(VitalSigns.Alert::level)
                .contains(VitalSigns.Level.CRITICAL);
        assertThat(new VitalSigns(30, 130, 80, 80, 91, 14).alerts(120)).extracting(VitalSigns.Alert::code).containsExactly("SPO2_LOW");
        assertThat(new VitalSigns(30, 130, 80, 80, 92, 14).alerts(120)).extracting(VitalSigns.Alert::code).containsExactly("SPO2_FALLING");
        assertThat(new VitalSigns(30, 130, 80, 80, 98, 14).alerts(120)).isEmpty();
        assertThat(new VitalSigns(30, 130, 80, 80, 98, 8).alerts(120)).extracting(VitalSigns.Alert::code).containsExactly("RR_LOW");
        assertThatThrownBy(() -> new VitalSigns(30, 80, 120, 80, 98, 14)).hasMessageContaining("dbp_mmhg");
        assertThatThrownBy(() -> new VitalSigns(30, 130, 80, 80, 101, 14)).hasMessageContaining("spo2_pct");
    }

    @Test
    void checksListWhatIsUnmet() {
        var ok = new VitalSigns(0, 130, 80, 70, 98, 14);
        assertThat(SessionChecks.unmet(new SessionChecks.PreInfusion(true, true, true, true, false, ok), false)).isEmpty();
        assertThat(SessionChecks.unmet(new SessionChecks.PreInfusion(false, true, false, true, false, new VitalSigns(0, 165, 90, 70, 98, 14)), false))
                .hasSize(3);
        assertThat(SessionChecks.unmet(new SessionChecks.PreInfusion(true, true, true, true, false, ok), true)).singleElement().asString()
                .contains("suicide risk");
        assertThat(SessionChecks.unmet(new SessionChecks.PreInfusion(true, true, true, true, true, ok), true)).isEmpty();
        assertThat(SessionChecks.unmet(new SessionChecks.Discharge(true, true, true, true, 2, 30), ok)).isEmpty();
        assertThat(SessionChecks.unmet(new SessionChecks.Discharge(true, false, true, true, 12, 10), ok)).hasSize(3);
    }

    @Test
    void schedulesAreCheckedAgainstThePlan() {
        assertThat(Schedule.even(4, 84, 14)).containsExactly(0, 28, 56, 84);
        assertThat(Schedule.parse("0, 2,4,7,9,11", 6, 21, 2)).containsExactly(0, 2, 4, 7, 9, 11);
        assertThatThrownBy(() -> Schedule.parse("0,1,4,7,9,11", 6, 21, 2)).hasMessageContaining("less than 2 days");
        assertThatThrownBy(() -> Schedule.parse("0,2,4", 6, 21, 2)).hasMessageContaining("3 days for 6 sessions");
        assertThatThrownBy(() -> Schedule.parse("1,3,5,7,9,11", 6, 21, 2)).hasMessageContaining("day 0");
        assertThatThrownBy(() -> Schedule.parse("0,2,4,7,9,30", 6, 21, 2)).hasMessageContaining("span");
        assertThatThrownBy(() -> Schedule.parse("0,2,x,7,9,11", 6, 21, 2)).hasMessageContaining("'x'");
    }

    @Test
    void wilsonIntervalMatchesTheClosedForm() {
        double[] ci = Wilson.ci95(8, 10);
        assertThat(ci[0]).isCloseTo(0.4902, within(1e-4));
        assertThat(ci[1]).isCloseTo(0.9433, within(1e-4));
        assertThat(Wilson.ci95(0, 5)[0]).isZero();
        assertThat(Wilson.ci95(5, 5)[1]).isEqualTo(1.0);
    }

    @Test
    void outcomesCountOnlyPatientsWithBaselineAndAScoreInTheWindow() {
        Instant t0 = Instant.parse("2026-01-01T09:00:00Z");
        Instant t1 = Instant.parse("2026-02-01T09:00:00Z");
        Instant t2 = Instant.parse("2026-03-01T09:00:00Z");
        var scores = Map.of(
                1L, List.of(new Outcomes.Score(t0.minusSeconds(3600), 20), new Outcomes.Score(t0.plusSeconds(7 * 86400), 8),
                        new Outcomes.Score(t0.plusSeconds(14 * 86400), 4)),
                2L, List.of(new Outcomes.Score(t1.minusSeconds(3600), 18), new Outcomes.Score(t1.plusSeconds(6 * 86400), 12)),
                3L, List.of(new Outcomes.Score(t2.plusSeconds(7 * 86400), 5))); // no baseline: not counted
        var d = Outcomes.compute(Instrument.PHQ9, Map.of(1L, t0, 2L, t1, 3L, t2), scores);
        assertThat(d.patientsTreated()).isEqualTo(3);
        assertThat(d.patientsWithBaseline()).isEqualTo(2);
        var week1 = d.rates().get(1);
        assertThat(week1.counted()).isEqualTo(2);
        assertThat(week1.responders()).isEqualTo(1);
        assertThat(week1.remitters()).isZero();
        var week2 = d.rates().get(2);
        assertThat(week2.counted()).isEqualTo(1);
        assertThat(week2.missing()).isEqualTo(1);
        assertThat(week2.remitters()).isEqualTo(1);
        assertThat(d.whoIsCounted()).contains("missing").contains("PHQ-9 < 5");
    }
}
