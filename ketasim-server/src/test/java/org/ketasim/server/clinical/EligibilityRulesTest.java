package org.ketasim.server.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class EligibilityRulesTest {

    static Consultation consultation(int sbp, int dbp, List<Consultation.Medication> meds, HistoryFlag... flags) {
        var set = EnumSet.noneOf(HistoryFlag.class);
        set.addAll(List.of(flags));
        return new Consultation(1L, 1, 70, null, new Consultation.BaselineVitals(sbp, dbp, 70, 98), List.of("MDD"), meds, set, "", null, null);
    }

    static EligibilityRules.Result screen(Consultation k) {
        return EligibilityRules.screen(new EligibilityRules.Facts(k, 40));
    }

    @Test
    void cleanPatientIsEligibleWithNoRuleFired() {
        var r = screen(consultation(124, 78, List.of()));
        assertThat(r.outcome()).isEqualTo(EligibilityRules.Outcome.ELIGIBLE);
        assertThat(r.fired()).isEmpty();
    }

    @Test
    void everyFiredRuleIsListedWithItsReasonAndSource() {
        var r = screen(consultation(150, 95, List.of(new Consultation.Medication("Lorazepam", DrugClass.BENZODIAZEPINE, 3.0),
                new Consultation.Medication("Phenelzine", DrugClass.MAOI, null)), HistoryFlag.PREGNANT, HistoryFlag.RAISED_INTRAOCULAR_PRESSURE));
        assertThat(r.outcome()).isEqualTo(EligibilityRules.Outcome.NOT_ELIGIBLE);
        assertThat(r.fired()).extracting(EligibilityRules.Fired::id)
                .containsExactlyInAnyOrder("A-PREGNANCY", "R-BP", "R-IOP", "R-BENZO", "R-MAOI");
        assertThat(r.fired()).allSatisfy(f -> {
            assertThat(f.reason()).isNotBlank();
            assertThat(f.source()).isNotBlank();
            assertThat(f.finding()).isNotBlank();
        });
    }

    @Test
    void bloodPressureThresholds() {
        assertThat(screen(consultation(180, 90, List.of())).fired()).extracting(EligibilityRules.Fired::id).containsExactly("A-BP");
        assertThat(screen(consultation(150, 109, List.of())).fired()).extracting(EligibilityRules.Fired::id).containsExactly("R-BP");
        assertThat(screen(consultation(139, 89, List.of())).fired()).isEmpty();
    }

    @Test
    void relativeOnlyGivesCautionsAndLowDoseBenzodiazepineDoesNotFire() {
        var r = screen(consultation(124, 78, List.of(new Consultation.Medication("Lorazepam", DrugClass.BENZODIAZEPINE, 1.0),
                new Consultation.Medication("Lamotrigine", DrugClass.LAMOTRIGINE, null)), HistoryFlag.BIPOLAR));
        assertThat(r.outcome()).isEqualTo(EligibilityRules.Outcome.ELIGIBLE_WITH_CAUTIONS);
        assertThat(r.fired()).extracting(EligibilityRules.Fired::id).containsExactlyInAnyOrder("R-LAMOTRIGINE", "R-BIPOLAR");
    }

    @Test
    void everyAbsoluteContraindicationOfTheIssueHasARule() {
        for (HistoryFlag f : List.of(HistoryFlag.ACTIVE_PSYCHOSIS, HistoryFlag.MANIA, HistoryFlag.PREGNANT, HistoryFlag.SEVERE_CARDIAC_DISEASE,
                HistoryFlag.RAISED_INTRACRANIAL_PRESSURE, HistoryFlag.SUBSTANCE_USE_ACTIVE, HistoryFlag.HEPATIC_IMPAIRMENT_SEVERE,
                HistoryFlag.KETAMINE_ALLERGY, HistoryFlag.UNCONTROLLED_HYPERTENSION)) {
            assertThat(screen(consultation(124, 78, List.of(), f)).outcome()).as(f.name()).isEqualTo(EligibilityRules.Outcome.NOT_ELIGIBLE);
        }
        assertThat(EligibilityRules.rules()).extracting(EligibilityRules.Rule::id).doesNotHaveDuplicates();
    }
}
