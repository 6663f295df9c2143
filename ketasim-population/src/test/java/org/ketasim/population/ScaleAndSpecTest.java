package org.ketasim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaleAndSpecTest {

    @Test
    void scaleNamesParse() {
        assertThat(Scale.parse("MADRS")).isEqualTo(Scale.MADRS);
        for (String s : new String[] {"HAM-D17", "HAMD", "ham-d", "HDRS", "HRSD17", "HAMD17"}) {
            assertThat(Scale.parse(s)).as(s).isEqualTo(Scale.HAMD17);
        }
        assertThat(Scale.parse("QIDS-SR16")).isEqualTo(Scale.QIDS_SR16);
        assertThat(Scale.parse("PHQ-9")).isEqualTo(Scale.PHQ9);
        assertThat(Scale.parse("PHQ9")).isEqualTo(Scale.PHQ9);
        assertThat(Scale.parse("CAPS-5")).isEqualTo(Scale.CAPS5);
        assertThat(Scale.parse("pain NRS")).isEqualTo(Scale.PAIN_NRS);
        assertThat(Scale.parse("NRS")).isEqualTo(Scale.PAIN_NRS);
        assertThat(Scale.parse("PAIN_NRS")).isEqualTo(Scale.PAIN_NRS);
        assertThat(Scale.parse("CADSS")).isEqualTo(Scale.CADSS);
        for (Scale s : Scale.values()) {
            assertThat(Scale.parse(s.label())).isEqualTo(s);
            assertThat(Scale.parse(s.name())).isEqualTo(s);
            assertThat(s.source()).isNotBlank();
        }
        assertThatThrownBy(() -> Scale.parse("BDI-II")).hasMessageContaining("unknown rating scale 'BDI-II'")
                .hasMessageContaining("PHQ-9");
        assertThat(Scale.MADRS.max()).isEqualTo(60);
        assertThat(Scale.HAMD17.max()).isEqualTo(52);
        assertThat(Scale.CAPS5.max()).isEqualTo(80);
        assertThat(Scale.CADSS.max()).isEqualTo(92);
    }

    @Test
    void diagnosesParse() {
        for (Diagnosis d : Diagnosis.values()) {
            assertThat(Diagnosis.parse(d.keyword())).isEqualTo(d);
            assertThat(Diagnosis.parse(d.name())).isEqualTo(d);
        }
        assertThat(Diagnosis.BIPOLAR_DEPRESSION.keyword()).isEqualTo("bipolar-depression");
        assertThat(Diagnosis.parse("Bipolar depression")).isEqualTo(Diagnosis.BIPOLAR_DEPRESSION);
        assertThatThrownBy(() -> Diagnosis.parse("gad")).hasMessageContaining("trd, mdd, bipolar-depression, ptsd, crps");
    }

    @Test
    void presetsAndTheirErrors() {
        for (Diagnosis d : Diagnosis.values()) {
            assertThat(PopulationSpec.preset(d.keyword()).diagnosis()).isEqualTo(d);
        }
        assertThat(PopulationSpec.preset("TRD")).isEqualTo(PopulationSpec.preset("trd"));
        assertThatThrownBy(() -> PopulationSpec.preset("gad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown population preset 'gad'")
                .hasMessageContaining("trd, trd-adjunctive, mdd, bipolar-depression, ptsd, crps");
    }

    @Test
    void withCovariateValidatesNameAndSupport() {
        PopulationSpec s = PopulationSpec.preset("trd");
        assertThatThrownBy(() -> s.withCovariate("weight", Distribution.fixed(70)))
                .hasMessageContaining("unknown covariate 'weight'").hasMessageContaining("weight_kg, sex_female");
        // unbounded normal and log-normal laws are truncated to the covariate's range, and say so
        PopulationSpec w = s.withCovariate("weight_kg", Distribution.normal(80, 15, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY));
        assertThat(w.covariate("weight_kg")).isEqualTo(Distribution.normal(80, 15, 0, 400));
        assertThat(w.source("weight_kg")).contains("truncated to the range");
        assertThat(s.withCovariate("baseline_madrs", Distribution.normal(30, 5, 10, 70)).covariate("baseline_madrs"))
                .isEqualTo(Distribution.normal(30, 5, 10, 60));
        assertThat(s.withCovariate("benzodiazepine_mg_diazepam_eq",
                Distribution.logNormal(10, 0.5, 0, Double.POSITIVE_INFINITY)).covariate("benzodiazepine_mg_diazepam_eq"))
                .isEqualTo(Distribution.logNormal(10, 0.5, 0, 1000));
        assertThat(s.withCovariate("age_y", Distribution.normal(40, 0, 18, 65)).covariate("age_y"))
                .isEqualTo(Distribution.fixed(40));
        assertThatThrownBy(() -> s.withCovariate("weight_kg", Distribution.uniform(-10, 80)))
                .hasMessageContaining("weight_kg needs values in (0, 400] kg").hasMessageContaining("give the law bounds");
        assertThatThrownBy(() -> s.withCovariate("weight_kg", Distribution.fixed(0)))
                .hasMessageContaining("weight_kg needs");
        assertThatThrownBy(() -> s.withCovariate("weight_kg", Distribution.normal(-50, 5, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY))).hasMessageContaining("no probability");
        assertThatThrownBy(() -> s.withCovariate("cyp2b6_star6_alleles", Distribution.uniform(0, 2)))
                .hasMessageContaining("whole numbers").hasMessageContaining("hardyWeinberg");
        assertThatThrownBy(() -> s.withCovariate("bdnf_met_alleles", Distribution.categorical(0.5, 0.3, 0.1, 0.1)))
                .hasMessageContaining("[0, 2]");
        assertThatThrownBy(() -> s.withCovariate("baseline_madrs", Distribution.uniform(10, 70)))
                .hasMessageContaining("[0, 60] MADRS points");
        assertThat(s.withCovariate("sex_female", Distribution.fixed(1)).covariate("sex_female"))
                .isEqualTo(Distribution.fixed(1));
    }

    @Test
    void specsAreImmutableValues() {
        PopulationSpec a = PopulationSpec.preset("trd");
        PopulationSpec b = a.withParameterVariability("CL_S", 0.3).withName("my-trd");
        assertThat(a.parameterVariability()).isEmpty();
        assertThat(a.name()).isEqualTo("trd");
        assertThat(b.name()).isEqualTo("my-trd");
        assertThat(b).isNotEqualTo(a);
        assertThat(a.withName("x")).isEqualTo(a.withName("x")).hasSameHashCodeAs(a.withName("x"));
        assertThat(a.withDiagnosis(Diagnosis.MDD).diagnosis()).isEqualTo(Diagnosis.MDD);
        assertThatThrownBy(() -> a.covariates().put("bmi", Distribution.fixed(20)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(a.withBaselineRange(Scale.MADRS, 20, 40).withoutBaselineRanges()).isEqualTo(a);
        String text = a.withCorrelation("CL_S", "CL_R", 0.5).describe();
        assertThat(text).contains("baseline_madrs ~ normal(mean 32, sd 6.700, [20, 60])")
                .contains("Carmody 2006").contains("corr(eta CL_S, eta CL_R) = 0.5");
    }

    @Test
    void covariatesValidateTheirRangesAndKeepTheAgreedConstructor() {
        Covariates c = new Covariates(70, Sex.FEMALE, 40, 27, Diagnosis.TRD, 32, 1, 0, 0, false, false);
        assertThat(c.baselinePainNrs()).isZero();
        assertThat(c.female()).isTrue();
        assertThat(Sex.FEMALE.modelValue()).isEqualTo(1);
        assertThatThrownBy(() -> new Covariates(70, Sex.MALE, 40, 27, Diagnosis.TRD, 61, 0, 0, 0, false, false))
                .hasMessageContaining("baselineMadrs must be in 0-60");
        assertThatThrownBy(() -> new Covariates(70, Sex.MALE, 40, 27, Diagnosis.TRD, 30, 3, 0, 0, false, false))
                .hasMessageContaining("cyp2b6Star6Alleles");
        assertThatThrownBy(() -> new Covariates(-1, Sex.MALE, 40, 27, Diagnosis.TRD, 30, 0, 0, 0, false, false))
                .hasMessageContaining("weightKg");
    }
}
