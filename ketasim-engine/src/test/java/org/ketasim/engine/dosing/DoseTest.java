package org.ketasim.engine.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DoseTest {

    @Test
    void bolusAndInfusionDescribeThemselves() {
        final Dose bolus = Dose.bolus(Drug.KETAMINE, Route.IV, 35, 9);
        assertThat(bolus.isInfusion()).isFalse();
        assertThat(bolus.endH()).isEqualTo(9);
        assertThat(bolus.rateMgPerH()).isInfinite();
        final Dose infusion = Dose.infusion(Drug.KETAMINE, Route.IV, 35, 9, 0.5);
        assertThat(infusion.isInfusion()).isTrue();
        assertThat(infusion.endH()).isEqualTo(9.5);
        assertThat(infusion.rateMgPerH()).isEqualTo(70);
        assertThat(infusion.toString()).isEqualTo("35.0000 mg ketamine iv over 0.500000 h at 9.00000 h");
        assertThat(bolus.at(20).startH()).isEqualTo(20);
    }

    @Test
    void administeredAmountCountsTheElapsedShareOfAnInfusion() {
        final Dose infusion = Dose.infusion(Drug.ESKETAMINE, Route.SC, 40, 2, 4);
        assertThat(infusion.administeredMgBy(1.999)).isZero();
        assertThat(infusion.administeredMgBy(2)).isZero();
        assertThat(infusion.administeredMgBy(3)).isEqualTo(10);
        assertThat(infusion.administeredMgBy(6)).isEqualTo(40);
        assertThat(infusion.administeredMgBy(100)).isEqualTo(40);
        final Dose bolus = Dose.bolus(Drug.ESKETAMINE, Route.INTRANASAL, 56, 2);
        assertThat(bolus.administeredMgBy(1.999)).isZero();
        assertThat(bolus.administeredMgBy(2)).isEqualTo(56);
    }

    @Test
    void anyRouteMayBeGivenOverADuration() {
        for (final Route route : Route.values()) {
            assertThat(new Dose(Drug.KETAMINE, route, 10, 0, 1).isInfusion()).isTrue();
        }
    }

    @Test
    void invalidValuesAreRejectedWithOneLineMessages() {
        assertThatThrownBy(() -> Dose.bolus(Drug.KETAMINE, Route.IV, -5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dose amount must be a positive finite number of mg, got -5.0");
        assertThatThrownBy(() -> Dose.bolus(Drug.KETAMINE, Route.IV, 0, 0))
                .hasMessage("dose amount must be a positive finite number of mg, got 0.0");
        assertThatThrownBy(() -> Dose.bolus(Drug.KETAMINE, Route.IV, Double.NaN, 0))
                .hasMessage("dose amount must be a positive finite number of mg, got NaN");
        assertThatThrownBy(() -> Dose.bolus(Drug.KETAMINE, Route.IV, Double.POSITIVE_INFINITY, 0))
                .hasMessage("dose amount must be a positive finite number of mg, got Infinity");
        assertThatThrownBy(() -> Dose.bolus(Drug.KETAMINE, Route.IV, 10, -1))
                .hasMessage("dose start must be a finite time >= 0 h, got -1.0");
        assertThatThrownBy(() -> Dose.bolus(Drug.KETAMINE, Route.IV, 10, Double.NaN))
                .hasMessage("dose start must be a finite time >= 0 h, got NaN");
        assertThatThrownBy(() -> new Dose(Drug.KETAMINE, Route.IV, 10, 0, -0.5))
                .hasMessage("dose duration must be a finite time >= 0 h (0 = bolus), got -0.5");
        assertThatThrownBy(() -> Dose.infusion(Drug.KETAMINE, Route.IV, 10, 0, 0))
                .hasMessage("infusion duration must be > 0 h, got 0.0");
        assertThatThrownBy(() -> Dose.bolus(null, Route.IV, 10, 0)).hasMessage("dose drug is missing");
        assertThatThrownBy(() -> Dose.bolus(Drug.KETAMINE, null, 10, 0)).hasMessage("dose route is missing");
    }
}
