package org.ketasim.population;

import static org.ketasim.population.Distribution.bernoulli;
import static org.ketasim.population.Distribution.categorical;
import static org.ketasim.population.Distribution.fixed;
import static org.ketasim.population.Distribution.hardyWeinberg;
import static org.ketasim.population.Distribution.logNormal;
import static org.ketasim.population.Distribution.mixture;
import static org.ketasim.population.Distribution.normal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The population presets. Every law carries its source: a citation with (V) verified in
 * shared/literature/clinical-targets.md or shared/reference/trial-targets.csv, (M) from memory there, or
 * "assumed" with the reasoning. The table in {@link PopulationSpec#preset(String)} summarises them.
 */
final class Presets {

    static final List<String> NAMES = List.of("trd", "trd-adjunctive", "mdd", "bipolar-depression", "ptsd", "crps");

    private Presets() {
    }

    static PopulationSpec build(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        switch (key) {
            case "trd":
                return trd();
            case "trd-adjunctive":
                return trdAdjunctive();
            case "mdd":
                return mdd();
            case "bipolar-depression":
            case "bipolar":
                return bipolar();
            case "ptsd":
                return ptsd();
            case "crps":
                return crps();
            default:
                throw new IllegalArgumentException("unknown population preset '" + name + "'; presets: "
                        + String.join(", ", NAMES));
        }
    }

    /** Collects laws with their sources. */
    private static final class Builder {
        final Map<String, Distribution> laws = new LinkedHashMap<>();
        final Map<String, String> sources = new LinkedHashMap<>();

        Builder put(String covariate, Distribution law, String source) {
            PopulationSpec.checkSupport(covariate, law);
            laws.put(covariate, law);
            sources.put(covariate, source);
            return this;
        }

        PopulationSpec spec(String name, Diagnosis diagnosis) {
            PopulationSpec s = new PopulationSpec(name, diagnosis, laws, sources, List.of(), List.of(), Map.of(),
                    List.of());
            // Weight and BMI move together; women are lighter. Correlations of normal scores (assumed):
            // weight-BMI 0.85 (BMI is weight / height^2 and height varies less than weight);
            // female-weight -0.4: women 2 x 0.4 x 0.80 = 0.64 SD lighter, about 10 kg here (US adults: women ~13 kg
            // lighter with an SD of ~21 kg, i.e. ~0.6 SD; not retrieved).
            return s.withCovariateCorrelation("weight_kg", "bmi", 0.85)
                    .withCovariateCorrelation("sex_female", "weight_kg", -0.4);
        }
    }

    /** Laws shared by all presets: body size, genotypes, family history. */
    private static Builder common() {
        return new Builder()
                // assumed: adult trial participants; centred so that BMI 27 (the model's BMI_ref, "typical of TRD
                // trial populations", Niciu 2014 value not retrieved) matches at a height of 1.70 m
                .put("weight_kg", normal(78, 16, 45, 150),
                        "assumed: adult trial participants, consistent with BMI 27 at 1.70 m")
                .put("bmi", normal(27, 5, 17, 50),
                        "assumed: centred on the model's BMI_ref 27 (Niciu 2014 sample, value not retrieved); SD 5")
                // assumed: 25 % is the commonly quoted European CYP2B6*6 frequency (25-30 %; e.g. Zanger & Klein
                // 2013 Front Genet 4:24, not retrieved here); Hardy-Weinberg genotypes 0.5625 / 0.375 / 0.0625
                .put("cyp2b6_star6_alleles", hardyWeinberg(0.25),
                        "assumed: allele frequency 0.25 (25-30 % quoted for Europeans), Hardy-Weinberg")
                // V: Laje 2012 (clinical-targets section 9): 41 Val/Val, 19 Val/Met, 2 Met/Met of 62 ketamine-treated
                // MDD patients; Met frequency 23/124 = 0.185. East Asian samples: hardyWeinberg(0.45) (assumed)
                .put("bdnf_met_alleles", categorical(41 / 62.0, 19 / 62.0, 2 / 62.0),
                        "Laje 2012 genotype counts 41/19/2 of 62 (V; Met frequency 0.185)")
                // assumed: Niciu 2014 found a first-degree family history of AUD predicts response; its
                // prevalence in that sample was not retrieved
                .put("family_history_aud", bernoulli(0.30),
                        "assumed: 30 % (Niciu 2014 predictor; prevalence not retrieved)");
    }

    /** Murrough 2013 AJP: psychotropic-free TRD, MADRS ~32, midazolam-controlled (clinical-targets section 1). */
    static PopulationSpec trd() {
        return trdDemographics(common())
                .put("benzodiazepine_mg_diazepam_eq", fixed(0),
                        "Murrough 2013: psychotropic-free (V); NIMH trials 2 weeks psychotropic-free (V)")
                .put("oral_antidepressant", fixed(0), "Murrough 2013: psychotropic-free (V)")
                .spec("trd", Diagnosis.TRD);
    }

    /** RAPID (Fava 2020 Mol Psychiatry; Feeney 2023): ketamine added to ongoing antidepressant treatment. */
    static PopulationSpec trdAdjunctive() {
        return trdDemographics(common())
                // V: Feeney 2023 (RAPID, n = 99): 44 benzodiazepine users (clinical-targets section 9).
                // assumed: dose among users log-normal, median 10 mg diazepam-eq (Andrashko 2020's 8 mg threshold
                // lies near it), capped at 30 mg = 3 mg lorazepam, the usual exclusion limit (clinical-targets s. 8)
                .put("benzodiazepine_mg_diazepam_eq",
                        mixture(new double[] {55 / 99.0, 44 / 99.0}, fixed(0), logNormal(10, 0.8, 1, 30)),
                        "Feeney 2023 RAPID: 44/99 users (V); dose median 10 mg, CV 0.8, 1-30 mg (assumed)")
                // M: RAPID was an adjunctive trial (patients stayed on their antidepressant); not in the notes
                .put("oral_antidepressant", fixed(1), "RAPID adjunctive design: all on an antidepressant (M)")
                .spec("trd-adjunctive", Diagnosis.TRD);
    }

    private static Builder trdDemographics(Builder b) {
        return b
                // mean 32: trial-targets murrough2013_* baseline "32 (M)"; SD 6.7: Carmody 2006 J Affect Disord
                // 95:115, 233 highly treatment-resistant outpatients, baseline MADRS 31.9 (SD 6.7) (retrieved
                // abstract); lower bound 20: NIMH inclusion MADRS >= 20 (clinical-targets section 8, V).
                // Truncation moves the mean to 32.6 and the SD to 6.1.
                .put("baseline_madrs", normal(32, 6.7, 20, 60),
                        "mean 32 (Murrough 2013, M); SD 6.7 (Carmody 2006 TRD sample); MADRS >= 20 (NIMH, V)")
                .put("baseline_pain_nrs", fixed(0), "assumed: no chronic pain in depression trials")
                .put("sex_female", bernoulli(0.5), "assumed: about half women (Murrough 2013 share not retrieved)")
                .put("age_y", normal(45, 12, 18, 70), "assumed: adult TRD trials (Murrough 2013 ages not retrieved)");
    }

    /** Lii 2023: MDD patients given ketamine or saline under anaesthesia (clinical-targets section 1). */
    static PopulationSpec mdd() {
        return common()
                // V: Lii 2023 baseline MADRS 25.1 +- 8.3 (ketamine, n = 20) and 29.9 +- 7.0 (placebo, n = 20);
                // pooled mean 27.5, pooled SD sqrt((8.3^2 + 7.0^2)/2 + 2.4^2) = 8.0. Lower bound 10: assumed
                // (above the remission threshold, so every patient starts depressed).
                .put("baseline_madrs", normal(27.5, 8.0, 10, 60),
                        "Lii 2023 arms 25.1 +- 8.3 and 29.9 +- 7.0 pooled (V); >= 10 assumed")
                .put("baseline_pain_nrs", fixed(0), "assumed: no chronic pain in depression trials")
                .put("sex_female", bernoulli(0.6), "assumed: MDD samples are mostly women (Lii 2023 share not retrieved)")
                .put("age_y", normal(45, 14, 18, 80), "assumed: adult surgical patients (Lii 2023 ages not retrieved)")
                .put("benzodiazepine_mg_diazepam_eq", fixed(0), "assumed: not retrieved for Lii 2023")
                .put("oral_antidepressant", fixed(0), "assumed: not retrieved for Lii 2023")
                .spec("mdd", Diagnosis.MDD);
    }

    /** Diazgranados 2010 and Zarate 2012: bipolar depression on lithium or valproate (clinical-targets s. 1). */
    static PopulationSpec bipolar() {
        return common()
                // M: baseline ~33 (trial-targets diazgranados2010_*); SD 5 assumed; MADRS >= 20 NIMH (V)
                .put("baseline_madrs", normal(33, 5, 20, 60),
                        "mean 33 (Diazgranados 2010, M); SD 5 assumed; MADRS >= 20 (NIMH, V)")
                .put("baseline_pain_nrs", fixed(0), "assumed: no chronic pain in depression trials")
                .put("sex_female", bernoulli(0.55), "assumed: share not retrieved")
                .put("age_y", normal(47, 12, 18, 65), "assumed: NIMH adult protocols; ages not retrieved")
                .put("benzodiazepine_mg_diazepam_eq", fixed(0), "assumed: NIMH protocols, mood stabiliser only")
                // V: patients stayed on therapeutic lithium or valproate, which are not antidepressants
                .put("oral_antidepressant", fixed(0), "on lithium or valproate only (V): no antidepressant")
                .spec("bipolar-depression", Diagnosis.BIPOLAR_DEPRESSION);
    }

    /** Feder 2014: chronic PTSD, ketamine vs midazolam (clinical-targets section 6). */
    static PopulationSpec ptsd() {
        return common()
                // assumed: Feder 2014 found comorbid depressive symptoms fell (V) but the baseline MADRS was not
                // retrieved; moderate depression with wide spread, not required for inclusion
                .put("baseline_madrs", normal(24, 8, 0, 60),
                        "assumed: comorbid depression (Feder 2014 baseline MADRS not retrieved)")
                .put("baseline_pain_nrs", fixed(0), "assumed: no chronic pain")
                .put("sex_female", bernoulli(0.46), "Feder 2014: 46 % women (V)")
                .put("age_y", normal(36, 10, 18, 65), "Feder 2014: mean age 36 (V); SD 10 and bounds assumed")
                .put("benzodiazepine_mg_diazepam_eq", fixed(0), "assumed: medication not retrieved for Feder 2014")
                .put("oral_antidepressant", fixed(0), "assumed: medication not retrieved for Feder 2014")
                .spec("ptsd", Diagnosis.PTSD);
    }

    /** Sigtermans 2009: CRPS-1, 100-h S-ketamine infusion vs placebo (clinical-targets section 7). */
    static PopulationSpec crps() {
        return common()
                // M: baseline NRS ~7 (trial-targets sigtermans2009_*); SD 1.5 and inclusion >= 4 (at least
                // moderate pain) assumed
                .put("baseline_pain_nrs", normal(7, 1.5, 4, 10),
                        "mean 7 (Sigtermans 2009, M); SD 1.5 and NRS >= 4 assumed")
                .put("baseline_madrs", normal(12, 7, 0, 60),
                        "assumed: mild depressive symptoms in chronic pain (not retrieved)")
                .put("sex_female", bernoulli(0.8), "Sigtermans 2009: 48 of 60 women (V)")
                .put("age_y", normal(46, 12, 18, 75), "assumed: ages not retrieved for Sigtermans 2009")
                .put("benzodiazepine_mg_diazepam_eq", fixed(0), "assumed: medication not retrieved")
                .put("oral_antidepressant", fixed(0), "assumed: medication not retrieved")
                .spec("crps", Diagnosis.CRPS);
    }
}
