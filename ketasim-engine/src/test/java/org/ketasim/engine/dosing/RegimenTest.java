package org.ketasim.engine.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class RegimenTest {

    @Test
    void sixInfusionsOnClinicDaysAtNineInTheMorning() {
        final Regimen regimen = Regimen.builder()
                .dose(35, Drug.KETAMINE, Route.IV).over(Duration.ofMinutes(40))
                .onDays(0, 2, 4, 7, 9, 11).at(LocalTime.of(9, 0))
                .build();
        assertThat(regimen.size()).isEqualTo(6);
        assertThat(regimen.doses()).extracting(Dose::startH)
                .containsExactly(9.0, 57.0, 105.0, 177.0, 225.0, 273.0);
        assertThat(regimen.doses()).allSatisfy(dose -> {
            assertThat(dose.durationH()).isCloseTo(2 / 3.0, within(1e-15));
            assertThat(dose.amountMg()).isEqualTo(35);
        });
        assertThat(regimen.totalMg()).isEqualTo(210);
        assertThat(regimen.breakpoints()).hasSize(12);
        assertThat(regimen.breakpoints()[0]).isEqualTo(9.0);
        assertThat(regimen.breakpoints()[1]).isEqualTo(9.0 + 2 / 3.0);
    }

    @Test
    void everyNHoursMTimesAndSeveralSeries() {
        final Regimen regimen = Regimen.builder()
                .dose(56, Drug.ESKETAMINE, Route.INTRANASAL).onDays(1).atHour(8)
                .dose(25, Drug.KETAMINE, Route.ORAL).atHour(8).every(6, 5)
                .build();
        assertThat(regimen.doses()).extracting(Dose::startH).containsExactly(8.0, 14.0, 20.0, 26.0, 32.0, 32.0);
        assertThat(regimen.doses().get(4).drug()).isEqualTo(Drug.KETAMINE);
        assertThat(regimen.doses().get(5).drug()).isEqualTo(Drug.ESKETAMINE);
        // boluses only: breakpoints are the distinct dose times
        assertThat(regimen.breakpoints()).containsExactly(8.0, 14.0, 20.0, 26.0, 32.0);
    }

    @Test
    void singleDosesAndSeriesMix() {
        final Regimen regimen = Regimen.builder()
                .add(Dose.bolus(Drug.KETAMINE, Route.IM, 50, 30))
                .dose(10, Drug.KETAMINE, Route.IV).overHours(1)
                .and()
                .add(Dose.infusion(Drug.KETAMINE, Route.IV, 10, 0.5, 2))
                .build();
        assertThat(regimen.doses()).extracting(Dose::startH).containsExactly(0.0, 0.5, 30.0);
        assertThat(regimen.breakpoints()).containsExactly(0.0, 0.5, 1.0, 2.5, 30.0);
        assertThat(regimen.administeredMgBy(1.0)).isCloseTo(10 + 2.5, within(1e-12));
        assertThat(regimen.administeredMgBy(30.0)).isEqualTo(70);
        assertThat(regimen.administeredMgBy(29.99)).isEqualTo(20);
        assertThat(Regimen.of(regimen.doses())).isEqualTo(regimen);
        assertThat(regimen.plus(Regimen.empty())).isEqualTo(regimen);
        assertThat(regimen.plus(Dose.bolus(Drug.KETAMINE, Route.IV, 1, 0)).size()).isEqualTo(4);
    }

    @Test
    void emptyRegimen() {
        assertThat(Regimen.empty().isEmpty()).isTrue();
        assertThat(Regimen.builder().build()).isEqualTo(Regimen.empty());
        assertThat(Regimen.of().breakpoints()).isEmpty();
        assertThat(Regimen.empty().administeredMgBy(100)).isZero();
    }

    @Test
    void regimenIsImmutable() {
        final Regimen regimen = Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IV, 1, 0));
        assertThatThrownBy(() -> regimen.doses().add(Dose.bolus(Drug.KETAMINE, Route.IV, 1, 0)))
                .isInstanceOf(UnsupportedOperationException.class);
        regimen.breakpoints()[0] = 99;
        assertThat(regimen.breakpoints()).containsExactly(0.0);
    }

    @Test
    void builderRejectsNonsenseWithOneLineMessages() {
        final Regimen.Builder builder = Regimen.builder();
        assertThatThrownBy(() -> builder.dose(-1, Drug.KETAMINE, Route.IV))
                .hasMessage("dose amount must be a positive finite number of mg, got -1.0");
        assertThatThrownBy(() -> builder.dose(1, Drug.KETAMINE, Route.IV).onDays(0, -2))
                .hasMessage("treatment days must be >= 0 (day 0 is the first), got -2");
        assertThatThrownBy(() -> builder.dose(1, Drug.KETAMINE, Route.IV).onDays())
                .hasMessage("a dose series needs at least one day");
        assertThatThrownBy(() -> builder.dose(1, Drug.KETAMINE, Route.IV).atHour(24))
                .hasMessage("time of day must be in [0, 24) h, got 24.0");
        assertThatThrownBy(() -> builder.dose(1, Drug.KETAMINE, Route.IV).every(0, 3))
                .hasMessage("dosing interval must be a finite time > 0 h, got 0.0");
        assertThatThrownBy(() -> builder.dose(1, Drug.KETAMINE, Route.IV).every(6, 0))
                .hasMessage("number of repeated doses must be >= 1, got 0");
        assertThatThrownBy(() -> builder.dose(1, Drug.KETAMINE, Route.IV).overHours(Double.NaN))
                .hasMessage("dose duration must be a finite time >= 0 h (0 = bolus), got NaN");
        assertThatThrownBy(() -> Regimen.of((Dose) null)).hasMessage("regimen contains a missing (null) dose");
    }
}
