package org.ketasim.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;
import org.ketasim.models.KetamineRuns.Course;
import org.ketasim.models.KetamineRuns.Result;

/**
 * The mechanistic facts of {@code shared/reference/mechanism-targets.csv}, each as a test on the default
 * model after one standard infusion (0.5 mg/kg over 40 min, 70 kg) unless a row needs another regimen.
 */
class MechanismTimingsTest {

    private static final Result ONE = KetamineRuns.run(KetamineRuns.standard(0), 21 * 24, 5.0 / 60);
    /** The same infusion with the expectancy (placebo) state switched off: the drug's own effect. */
    private static final Result DRUG_ONLY = KetamineRuns.run(KetamineRuns.standard(0), 21 * 24, 5.0 / 60, Map.of("Pl", 0.0));
    private static final Result PLACEBO_ONLY = KetamineRuns.run(KetamineRuns.standard(0), 21 * 24, 5.0 / 60, Map.of("w_T", 0.0, "w_S", 0.0));

    @Test
    void cadssTiming_dissociationPeaksAtEndOfInfusionAndIsGoneWithinTwoHours() {
        assertThat(ONE.timeOfMax("cadss", 0, 24) * 60).isBetween(35.0, 50.0);
        double peak = ONE.max("cadss", 0, 24);
        assertThat(peak).isPositive();
        assertThat(ONE.at("cadss", 2)).isLessThan(0.2 * peak);
        assertThat(ONE.at("cadss", 80.0 / 60)).as("gone by the 80-min rating (clinical-targets 8)").isLessThan(0.5 * peak);
    }

    @Test
    void cadssTiming_smallerWithRepeatedInfusions() {
        Result six = KetamineRuns.run(KetamineRuns.standard(0, 2, 4, 7, 9, 11), 12 * 24, 5.0 / 60);
        double first = six.max("cadss", 0, 24);
        double sixth = six.max("cadss", 11 * 24, 12 * 24);
        assertThat(sixth).isLessThan(0.95 * first).isGreaterThan(0.3 * first);
    }

    @Test
    void bpTiming_largestRiseNearThirtyMinutesAndBackByNinety() {
        double tPeak = ONE.timeOfMax("sbp_change_mmhg", 0, 24) * 60;
        assertThat(tPeak).isBetween(20.0, 45.0);
        double peak = ONE.max("sbp_change_mmhg", 0, 24);
        assertThat(peak).isBetween(3.28 * 0.7, 3.28 * 1.3); // Riva-Posse 2018 mean +3.28 mmHg
        assertThat(ONE.at("sbp_change_mmhg", 1.5)).isLessThan(0.25 * peak);
    }

    @Test
    void bpTiming_noToleranceOverSixInfusions() {
        Result six = KetamineRuns.run(KetamineRuns.standard(0, 2, 4, 7, 9, 11), 12 * 24, 5.0 / 60);
        assertThat(six.max("sbp_change_mmhg", 11 * 24, 12 * 24)).isCloseTo(six.max("sbp_change_mmhg", 0, 24),
                org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void dissociationLinear_nearLinearBetween50And200NgPerMlAtSteadyState() {
        // Bowdle 1998: target-controlled steady states 50, 100, 150, 200 ng/mL; here, constant infusions at
        // rates giving those plasma levels (rate = CL x C), read after 6 h.
        double[] levels = {50, 100, 150, 200};
        double[] effect = new double[levels.length];
        double[] conc = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            double rateMgPerH = 79 * levels[i] / 1000; // racemic CL 79 L/h (Kamp 2020) x target
            Result r = KetamineRuns.run(new Course(Drug.KETAMINE, Route.IV, rateMgPerH * 8, 8, 0), 6, 0.25,
                    Map.of("tol_max", 0.0));
            effect[i] = r.at("cadss", 6);
            conc[i] = r.at("ketamine_ng_ml", 6);
        }
        assertThat(pearson(conc, effect)).isGreaterThan(0.98);
        for (int i = 1; i < levels.length; i++) {
            assertThat(effect[i]).isGreaterThan(effect[i - 1]);
        }
    }

    @Test
    void glutamateTransient_surgeDuringInfusionGoneWithinHoursWhileDrugRemains() {
        double tPeak = ONE.timeOfMax("glutamate_rel", 0, 24);
        assertThat(tPeak).isLessThan(1.5);
        double surge = ONE.max("glutamate_rel", 0, 24) - 1;
        assertThat(surge).isPositive();
        assertThat(ONE.at("glutamate_rel", 4) - 1).isLessThan(0.2 * surge);
        assertThat(ONE.at("ketamine_ng_ml", 4)).as("drug still present at 4 h").isGreaterThan(10);
    }

    @Test
    void glutamateInvertedU_noSurgeAtAnaestheticExposure() {
        // Moghaddam 1997: anaesthetic doses do not raise prefrontal glutamate (mechanism.md 1.2B). Anaesthetic
        // exposure: a constant infusion giving Idvall 1979's steady state of 9.3 umol/L (2.2 ug/mL), rate = CL x C.
        double rateMgPerH = 79 * 2.2;
        Result anaesthetic = KetamineRuns.run(new Course(Drug.KETAMINE, Route.IV, rateMgPerH * 4, 4, 0), 4, 1.0 / 60);
        for (double h = 2; h <= 4; h += 0.5) {
            assertThat(anaesthetic.at("ketamine_ng_ml", h)).as("anaesthetic band 1200-2400 ng/mL (Zanos 2018 Table 1)").isBetween(1200.0, 2400.0);
        }
        assertThat(anaesthetic.max("glutamate_rel", 2, 4) - 1).isLessThan(0.25 * (ONE.max("glutamate_rel", 0, 24) - 1));
    }

    @Test
    void mtorTiming_activationWithinAnHourOrTwoAndNearBaselineBy8h() {
        double tPeak = ONE.timeOfMax("mtorc1_rel", 0, 48);
        assertThat(tPeak).isBetween(0.5, 3.0);
        double rise = ONE.max("mtorc1_rel", 0, 48) - 1;
        assertThat(rise).isPositive();
        assertThat(ONE.at("mtorc1_rel", 8) - 1).isLessThan(0.2 * rise);
    }

    @Test
    void synapticProteins_upBy2hAndSustained24To72h() {
        double peakRise = ONE.max("synaptic_proteins_rel", 0, 96) - 1;
        // "up by 2 h" (Li 2010, graded from memory): a clear rise, still well below the later peak
        assertThat(ONE.at("synaptic_proteins_rel", 2) - 1).isGreaterThan(0.05).isGreaterThan(0.1 * peakRise);
        assertThat(ONE.at("synaptic_proteins_rel", 24) - 1).isGreaterThan(0.3 * peakRise);
        assertThat(ONE.at("synaptic_proteins_rel", 72) - 1).isPositive();
    }

    @Test
    void spines_formOver12To24hAndNewSpinesAreLostAfterAbout10Days() {
        double base = ONE.at("spine_density_rel", 0);
        double tPeak = ONE.timeOfMax("spine_density_rel", 0, 21 * 24);
        assertThat(tPeak).isBetween(12.0, 96.0);
        double gain = ONE.max("spine_density_rel", 0, 21 * 24) - base;
        assertThat(ONE.at("spine_density_rel", 6) - base).as("little by 6 h").isLessThan(0.3 * gain);
        assertThat(ONE.at("spine_density_rel", 24) - base).as("formed by 24 h").isGreaterThan(0.5 * gain);
        assertThat(ONE.at("spine_density_rel", 10 * 24) - base).as("mostly lost by day 10").isLessThan(0.5 * gain);
        assertThat(ONE.at("persistent_spines", 14 * 24)).as("a fraction persists to 2 weeks").isPositive();
    }

    @Test
    void onset_drugEffectFrom40MinutesAndMoodEffectPeaksNearDayOne() {
        double[] y = DRUG_ONLY.column("madrs");
        double y0 = y[0];
        assertThat(y0 - DRUG_ONLY.at("madrs", 2)).as("drug effect at 2 h").isGreaterThan(1.0);
        double tNadir = DRUG_ONLY.t()[DRUG_ONLY.argmin("madrs", 0, 21 * 24)];
        assertThat(tNadir).isBetween(8.0, 72.0);
        double tNadirWithPlacebo = ONE.t()[ONE.argmin("madrs", 0, 21 * 24)];
        assertThat(tNadirWithPlacebo).isBetween(8.0, 72.0);
    }

    @Test
    void singleInfusionEffectFadesOverOneToTwoWeeks() {
        // Kishimoto 2016: superiority over placebo lost by days 10-12
        double peakDrug = 0;
        for (double h = 0; h <= 72; h += 1) {
            peakDrug = Math.max(peakDrug, PLACEBO_ONLY.at("madrs", h) - ONE.at("madrs", h));
        }
        double day12 = PLACEBO_ONLY.at("madrs", 12 * 24) - ONE.at("madrs", 12 * 24);
        assertThat(peakDrug).isGreaterThan(4.0);
        assertThat(day12).isLessThan(0.35 * peakDrug);
    }

    @Test
    void placeboShare_isLargeButBelowSeventyTwoPercentOfTheResponse() {
        double total = ONE.column("madrs")[0] - ONE.at("madrs", 24);
        double placebo = PLACEBO_ONLY.column("madrs")[0] - PLACEBO_ONLY.at("madrs", 24);
        assertThat(placebo / total).isBetween(0.3, 0.72);
    }

    @Test
    void val66met_metCarriersRespondLess() {
        Result met = KetamineRuns.run(KetamineRuns.standard(0), 8 * 24, 0.25, Map.of("BDNF_MET", 1.0));
        assertThat(met.at("madrs", 7 * 24)).isGreaterThan(ONE.at("madrs", 7 * 24));
        assertThat(met.at("madrs", 24)).isGreaterThanOrEqualTo(ONE.at("madrs", 24));
    }

    @Test
    void benzodiazepine_highDoseBluntsResponse() {
        Result bzd = KetamineRuns.run(KetamineRuns.standard(0), 8 * 24, 0.25, Map.of("BZD", 20.0));
        assertThat(bzd.at("madrs", 24)).isGreaterThan(ONE.at("madrs", 24));
        assertThat(bzd.max("glutamate_rel", 0, 4)).isLessThan(ONE.max("glutamate_rel", 0, 4));
    }

    @Test
    void bmiAndFamilyHistory_predictMoreImprovementAtDayOneAndSeven() {
        // Niciu 2014 (mechanism-targets bmi_fhx)
        Result heavy = KetamineRuns.run(KetamineRuns.standard(0), 8 * 24, 0.25, Map.of("BMI", 35.0));
        Result fhx = KetamineRuns.run(KetamineRuns.standard(0), 8 * 24, 0.25, Map.of("FHX_AUD", 1.0));
        for (double day : new double[] {1, 7}) {
            assertThat(heavy.at("madrs", day * 24)).isLessThan(ONE.at("madrs", day * 24));
            assertThat(fhx.at("madrs", day * 24)).isLessThan(ONE.at("madrs", day * 24));
        }
    }

    @Test
    void hnkPathwaySwitch_addsAmpaDriveOnlyWhenOn() {
        Result on = KetamineRuns.run(KetamineRuns.standard(0), 48, 5.0 / 60, Map.of("hnk_ampa", 1.0));
        assertThat(on.max("ampa_drive", 0, 48)).isGreaterThan(ONE.max("ampa_drive", 0, 48));
        assertThat(on.at("bdnf_rel", 4)).isGreaterThanOrEqualTo(ONE.at("bdnf_rel", 4));
    }

    @Test
    void rapamycinPretreatmentLeavesTheTwentyFourHourEffectLargelyIntact() {
        // Abdallah 2020: no change at 24 h (the fast phase does not need mTORC1 in this model)
        Result rapa = KetamineRuns.run(KetamineRuns.standard(0), 48, 0.25, Map.of("RAPA_INH", 0.5));
        double drop = ONE.column("madrs")[0] - ONE.at("madrs", 24);
        double dropRapa = rapa.column("madrs")[0] - rapa.at("madrs", 24);
        assertThat(dropRapa).isGreaterThan(0.8 * drop);
        assertThat(rapa.max("mtorc1_rel", 0, 12)).isLessThan(ONE.max("mtorc1_rel", 0, 12));
    }

    private static double pearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
