package org.ketasim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ketasim.lang.Model;

class ModelCovariateMappingTest {

    @Test
    void covariatesLandInTheModelsSlotsInCanonicalUnits() {
        Model model = TestSupport.ketamine();
        PopulationSpec spec = PopulationSpec.preset("crps")
                .withCovariate("benzodiazepine_mg_diazepam_eq", Distribution.uniform(2, 9))
                .withCovariate("oral_antidepressant", Distribution.bernoulli(0.5));
        VirtualPopulation pop = new VirtualPopulation(model, spec, 12);
        for (VirtualPatient p : pop.patients(0, 200)) {
            Covariates c = p.covariates();
            assertThat(p.parameter(TestSupport.index("WT"))).isEqualTo(c.weightKg() * 1e6); // kg -> mg
            assertThat(p.parameter(TestSupport.index("AGE"))).isEqualTo(c.ageY() * 8766.0); // y -> h (365.25 d)
            assertThat(p.parameter(TestSupport.index("SEX"))).isEqualTo(c.female() ? 1.0 : 0.0);
            assertThat(p.parameter(TestSupport.index("BMI"))).isEqualTo(c.bmi() * 1e4); // kg/m^2 -> mg/dm^2
            assertThat(p.parameter(TestSupport.index("MADRS0"))).isEqualTo(c.baselineMadrs());
            assertThat(p.parameter(TestSupport.index("PAIN0"))).isEqualTo(c.baselinePainNrs()).isBetween(4.0, 10.0);
            assertThat(p.parameter(TestSupport.index("CYP2B6_6"))).isEqualTo(c.cyp2b6Star6Alleles());
            assertThat(p.parameter(TestSupport.index("BDNF_MET"))).isEqualTo(c.bdnfMetAlleles());
            assertThat(p.parameter(TestSupport.index("BZD"))).isEqualTo(c.benzodiazepineMgDiazepamEq());
            assertThat(p.parameter(TestSupport.index("FHX_AUD"))).isEqualTo(c.familyHistoryAud() ? 1.0 : 0.0);
            assertThat(p.parameter(TestSupport.index("ORAL_AD"))).isEqualTo(c.oralAntidepressant() ? 1.0 : 0.0);
            assertThat(c.diagnosis()).isEqualTo(Diagnosis.CRPS);
            // regimen and design inputs keep the model's values for the trial layer to set
            for (String untouched : new String[] {"T_FIRST", "PL_DESIGN", "RAPA_INH", "SPRAVATO", "CYP3A_INDUCER"}) {
                int k = TestSupport.index(untouched);
                assertThat(p.parameter(k)).as(untouched).isEqualTo(model.defaultParameters()[k]);
            }
        }
    }

    @Test
    void theModelsDefaultsInClinicalUnitsRoundTrip() {
        // a patient whose covariates equal the model's [covariates] defaults gets exactly the default vector
        // (checks the unit conversions against the model's own Unit.toCanonical)
        Model model = TestSupport.ketamine();
        PopulationSpec typical = PopulationSpec.preset("trd").withCovariate("weight_kg", Distribution.fixed(70))
                .withCovariate("age_y", Distribution.fixed(40)).withCovariate("sex_female", Distribution.fixed(0))
                .withCovariate("bmi", Distribution.fixed(27)).withCovariate("baseline_madrs", Distribution.fixed(32))
                .withCovariate("baseline_pain_nrs", Distribution.fixed(6))
                .withCovariate("cyp2b6_star6_alleles", Distribution.fixed(0))
                .withCovariate("bdnf_met_alleles", Distribution.fixed(0))
                .withCovariate("family_history_aud", Distribution.fixed(0));
        for (String p : new String[] {"CL_S", "CL_R", "CL_NK", "IC50_rac", "w_T", "w_S", "Pl"}) {
            typical = typical.withParameterVariability(p, 0);
        }
        VirtualPatient p = new VirtualPopulation(model, typical, 1).patient(0);
        assertThat(p.parameters()).containsExactly(model.defaultParameters());
        assertThat(typical.source("weight_kg")).isEqualTo("set by the user");
    }

    @Test
    void aModelWithoutSomeCovariatesSkipsThemAndRejectsWrongUnits() throws Exception {
        Model small = Model.parse("model m \"t\"\n[covariates]\nWT = 70 kg : \"w\" : assumed \"x\"\n"
                + "[parameters]\nk = 1 1/h : \"k\" : assumed \"x\" : bsv 30%\n[states]\nA(0) = 1 [mg] : \"A\"\n"
                + "[equations]\nd/dt(A) = -k * A * WT / WT\n", "m.ksm");
        VirtualPatient p = new VirtualPopulation(small, PopulationSpec.preset("mdd"), 4).patient(0);
        assertThat(p.parameterCount()).isEqualTo(2);
        assertThat(p.parameter(0)).isEqualTo(p.covariates().weightKg() * 1e6);
        assertThat(p.parameter(1)).isNotEqualTo(1.0).isPositive();

        Model wrong = Model.parse("model m \"t\"\n[covariates]\nWT = 70 L : \"w\" : assumed \"x\"\n"
                + "[parameters]\nk = 1 1/h : \"k\" : assumed \"x\"\n[states]\nA(0) = 1 [mg] : \"A\"\n"
                + "[equations]\nd/dt(A) = -k * A * WT / WT\n", "m.ksm");
        assertThatThrownBy(() -> new VirtualPopulation(wrong, PopulationSpec.preset("mdd"), 4))
                .hasMessageContaining("WT is declared in L");
    }
}
