package org.ketasim.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.models.ModelLibrary;

/** The issue's example patient: output fields, limits of the recommendation, reproducibility. */
class ForecastOutputTest {

    static final String PATIENT = """
            {"weight_kg": 80, "sex": "female", "age": 41, "diagnosis": "trd",
             "covariates": {"benzodiazepine_mg_diazepam_eq": 0},
             "doses": [{"day": 0, "time": "09:00", "drug": "ketamine", "route": "iv", "amount_mg": 40, "over_min": 40},
                       {"day": 2, "time": "09:00", "drug": "ketamine", "route": "iv", "amount_mg": 40, "over_min": 40}],
             "observations": [{"day": 0, "time": "08:30", "scale": "MADRS", "value": 33},
                              {"day": 1, "time": "09:00", "scale": "MADRS", "value": 19},
                              {"day": 3, "time": "09:00", "scale": "PHQ-9", "value": 9}]}
            """;

    @Test
    void forecastHasTheIssuesFieldsAndIsReproducible() throws Exception {
        Forecaster f = new Forecaster(ModelLibrary.ketamine(), SolverOptions.defaults());
        Forecaster.Options o = Forecaster.Options.defaults().withDraws(30).withHorizon(14, 1);
        String json = f.forecast(PatientFile.parse(PATIENT), o).toJson();
        System.out.println(json);
        assertThat(f.forecast(PatientFile.parse(PATIENT), o).toJson()).isEqualTo(json);
        JsonNode n = new ObjectMapper().readTree(json);
        assertThat(n.get("disclaimer").asText()).contains("Decision support");
        JsonNode first = n.get("trajectory").get(0);
        assertThat(first.has("day") && first.has("mean") && first.has("lo90") && first.has("hi90")).isTrue();
        assertThat(n.get("trajectory").findValuesAsText("scale")).contains("MADRS", "PHQ-9");
        for (JsonNode p : n.get("trajectory")) {
            assertThat(p.get("lo90").asDouble()).isLessThanOrEqualTo(p.get("mean").asDouble() + 1e-9);
            assertThat(p.get("hi90").asDouble()).isGreaterThanOrEqualTo(p.get("mean").asDouble() - 1e-9);
        }
        assertThat(n.has("relapse_day")).isTrue();
        assertThat(n.get("p_response").size()).isEqualTo(3);
        JsonNode rec = n.get("recommendation");
        assertThat(rec.get("next_day").asInt()).isBetween(4, 10);
        assertThat(rec.get("dose_mg_per_kg").asDouble()).isBetween(0.5, 1.0);
        assertThat(rec.get("reason").asText()).contains("Decision support");
        assertThat(rec.get("alternatives").size()).isGreaterThan(1);
        for (JsonNode a : rec.get("alternatives")) {
            int[] days = new int[a.get("session_days").size() + 2];
            days[0] = 0;
            days[1] = 2;
            for (int i = 2; i < days.length; i++) {
                days[i] = a.get("session_days").get(i - 2).asInt();
            }
            for (int d : days) {      // at most 3 sessions in any 7 days
                int c = 0;
                for (int e : days) {
                    c += e >= d && e < d + 7 ? 1 : 0;
                }
                assertThat(c).isLessThanOrEqualTo(3);
            }
        }
        assertThat(n.get("parameters").findValuesAsText("name")).contains("w_T", "w_S", "Pl", "MADRS0");
    }

    @Test
    void oneObservationIsEnough() {
        Forecaster f = new Forecaster(ModelLibrary.ketamine(), SolverOptions.defaults());
        PatientRecord all = PatientFile.parse(PATIENT);
        PatientRecord p = all.withObservations(all.observations().subList(0, 1));
        assertThat(p.observations()).hasSize(1);
        Forecast fc = f.forecast(p, Forecaster.Options.defaults().withDraws(20).withRecommend(false).withHorizon(7, 1));
        // with only a baseline, the individual parameters stay near the prior
        for (Forecast.Estimate e : fc.estimates()) {
            if (!e.name().equals("MADRS0")) {
                assertThat(e.posteriorSd()).isGreaterThan(0.8 * e.priorSd());
            }
        }
        assertThat(fc.trajectory()).isNotEmpty();
    }
}
