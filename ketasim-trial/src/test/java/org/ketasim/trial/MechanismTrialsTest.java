package org.ketasim.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.models.ModelLibrary;

/**
 * The predictors of {@code reference/mechanism-targets.csv} as virtual trials: the same patients (same seed;
 * each covariate has its own random stream), once with each value of the predictor, one infusion of
 * 0.5 mg/kg. The published direction must come out at the population level.
 */
class MechanismTrialsTest {

    private static double meanChange(String covariate, String value, String at) throws SpecException {
        String yaml = """
                name: predictor
                seed: 11
                subjects_per_arm: 120
                population:
                  preset: trd
                  covariates: {%s: %s}
                blinding: open-label
                arms:
                  - name: ketamine
                    doses: [{drug: ketamine, route: iv, amount: 0.5 mg/kg, over: 40 min, on_days: [0]}]
                endpoints:
                  - {name: c, kind: mean_change, scale: MADRS, at: %s}
                """.formatted(covariate, value, at);
        TrialResult r = new TrialRunner(ModelLibrary.ketamine(), SolverOptions.defaults()).run(TrialSpec.parse(yaml, "p.yaml"), d -> { });
        return r.arms().get(0).endpoints().get("c").estimate().value();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} responds {4} at {3}")
    @CsvSource({
        // val66met (Laje 2012): Met carriers respond less
        "bdnf_met_alleles, 0, 1, 7 d, less",
        // benzodiazepine (Andrashko 2020; Feeney 2023): > 8 mg diazepam-equivalent blunts response
        "benzodiazepine_mg_diazepam_eq, 0, 20, 24 h, less",
        // bmi_fhx (Niciu 2014): higher BMI and family history of AUD predict more improvement at day 1 and 7
        "bmi, 22, 35, 24 h, more",
        "bmi, 22, 35, 7 d, more",
        "family_history_aud, 0, 1, 24 h, more",
        "family_history_aud, 0, 1, 7 d, more",
    })
    void predictorGoesThePublishedWay(String covariate, String from, String to, String at, String direction) throws SpecException {
        double base = meanChange(covariate, from, at);
        double changed = meanChange(covariate, to, at);
        if (direction.equals("less")) {
            assertThat(changed).as("change in MADRS (negative = better)").isGreaterThan(base);
        } else {
            assertThat(changed).as("change in MADRS (negative = better)").isLessThan(base);
        }
    }

    private static TrialResult run(String specFile, int subjects) throws SpecException {
        TrialSpec spec = TrialSpec.read(Path.of("..", "trials", specFile)).withSubjectsPerArm(subjects);
        return new TrialRunner(ModelLibrary.ketamine(), SolverOptions.defaults()).run(spec, d -> { });
    }

    private static double endpoint(TrialResult r, String arm, String endpoint) {
        return r.arms().stream().filter(a -> a.name().equals(arm)).findFirst().orElseThrow().endpoints().get(endpoint).estimate().value();
    }

    @Test
    void rapamycin_noChangeAt24hAndMoreRespondersAtTwoWeeks() throws SpecException {
        // mechanism-targets rapamycin (Abdallah 2020): 24-h effect unchanged; response at 2 weeks 41% vs 13%
        TrialResult r = run("abdallah-2020-rapamycin.yaml", 400);
        double c24Rapa = endpoint(r, "rapamycin+ketamine", "c24");
        double c24 = endpoint(r, "placebo+ketamine", "c24");
        assertThat(c24Rapa).as("24-h change with rapamycin, vs %.1f without", c24).isBetween(c24 * 1.2, c24 * 0.8);
        assertThat(endpoint(r, "rapamycin+ketamine", "r14")).as("2-week response with rapamycin")
                .isGreaterThan(endpoint(r, "placebo+ketamine", "r14"));
    }

    @Test
    void placeboShare_ofTheResponseIsLargeButAtMost72Percent() throws SpecException {
        // mechanism-targets placebo_share (Matsingos 2024), in an active-placebo trial (Murrough 2013)
        TrialResult r = run("murrough-2013.yaml", 400);
        double share = endpoint(r, "midazolam", "c24") / endpoint(r, "ketamine", "c24");
        assertThat(share).isBetween(0.3, 0.72);
    }

}
