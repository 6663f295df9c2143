package org.ketasim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.population.Sex;

/** Patients and dose series are immutable values. */
class ApiValuesTest {

    @Test
    void doseSeriesMethodsReturnNewValues() {
        DoseSeries base = Doses.iv(Drug.KETAMINE).mgPerKg(0.5);
        DoseSeries infusion = base.over(Duration.ofMinutes(40)).onDays(0, 2).at(LocalTime.of(9, 0));
        assertThat(base.durationH()).isZero();
        assertThat(base.startsH()).containsExactly(0);
        assertThat(infusion.durationH()).isEqualTo(40 / 60.0);
        assertThat(infusion.startsH()).containsExactly(9, 57);
        assertThat(infusion.salt()).isEqualTo(Salt.HCL);
        assertThat(Doses.intranasal(Drug.ESKETAMINE).salt()).isEqualTo(Salt.BASE);
        assertThat(infusion).isEqualTo(Doses.iv(Drug.KETAMINE).mgPerKg(0.5).onDays(0, 2).at(LocalTime.of(9, 0)).over(Duration.ofMinutes(40)))
                .isNotEqualTo(base);
        assertThat(infusion.toString()).isEqualTo("ketamine iv 0.5 mg/kg (hcl) over 40 min on days 0,2 at 9 h");
        assertThat(infusion.resolve(OptionalDouble.of(70))).containsExactly(
                new Dose(Drug.KETAMINE, Route.IV, Salt.HCL.toBaseMg(35), 9, 40 / 60.0),
                new Dose(Drug.KETAMINE, Route.IV, Salt.HCL.toBaseMg(35), 57, 40 / 60.0));
        assertThat(infusion.bolus().durationH()).isZero();
    }

    @Test
    void patientsAreValues() {
        Patient.Builder b = Patient.builder().weightKg(80).sex(Sex.FEMALE).ageYears(41).covariate("BZD", 10, "mg");
        Patient p = b.build();
        b.weightKg(60);
        assertThat(p.weightKg()).hasValue(80);
        assertThat(p.sex()).contains(Sex.FEMALE);
        assertThat(p.ageYears()).hasValue(41);
        assertThat(p.bmi()).isEmpty();
        assertThat(p.covariates()).containsOnlyKeys("BZD");
        assertThat(p.toString()).isEqualTo("Patient[80 kg, FEMALE, 41 y, BZD=10 mg]");
        assertThat(p.toBuilder().build()).isEqualTo(p).hasSameHashCodeAs(p);
        assertThat(p.toBuilder().bmi(31).build()).isNotEqualTo(p);
        assertThat(Patient.modelDefault().toString()).isEqualTo("Patient[]");
    }
}
