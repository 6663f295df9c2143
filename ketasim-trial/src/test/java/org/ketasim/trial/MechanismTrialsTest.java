package org.ketasim.trial;

import static org.assertj.core.api.Assertions.assertThat;

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
}
