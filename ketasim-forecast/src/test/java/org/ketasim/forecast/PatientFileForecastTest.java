package org.ketasim.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.population.Scale;

/** The patient file: the issue's example reads; bad files get a precise one-line error with the field path. */
class PatientFileForecastTest {

    static final String GOOD = """
            {"weight_kg": 80, "sex": "female", "age": 41, "diagnosis": "trd",
             "covariates": {"benzodiazepine_mg_diazepam_eq": 0},
             "doses": [{"day": 0, "time": "09:00", "drug": "ketamine", "route": "iv", "amount_mg": 40, "over_min": 40}],
             "observations": [{"day": 0, "time": "08:30", "scale": "MADRS", "value": 33},
                              {"day": 1, "time": "09:00", "scale": "MADRS", "value": 19}]}
            """;

    @Test
    void theIssuesExampleReads() {
        PatientRecord p = PatientFile.parse(GOOD);
        assertThat(p.weightKg()).isEqualTo(80);
        assertThat(p.female()).isTrue();
        assertThat(p.doses()).hasSize(1);
        assertThat(p.doses().get(0).drug()).isEqualTo(Drug.KETAMINE);
        assertThat(p.doses().get(0).amountMg()).isEqualTo(Salt.HCL.toBaseMg(40));
        assertThat(p.doses().get(0).startH()).isEqualTo(9);
        assertThat(p.doses().get(0).durationH()).isEqualTo(40 / 60.0);
        assertThat(p.observations().get(0).timeH()).isEqualTo(8.5);
        assertThat(p.observations().get(1).scale()).isEqualTo(Scale.MADRS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing weight|\"weight_kg\": 80,|    |weight_kg: missing (body weight in kg)",
        "unknown scale|\"scale\": \"MADRS\", \"value\": 19|\"scale\": \"BDI\", \"value\": 19|observations[1].scale: unknown rating scale 'BDI'",
        "score out of range|\"value\": 19|\"value\": 75|observations[1].value: 75 is outside the MADRS range 0-60",
        "PHQ-9 out of range|\"scale\": \"MADRS\", \"value\": 19|\"scale\": \"PHQ-9\", \"value\": 28|observations[1].value: 28 is outside the PHQ-9 range 0-27",
        "non-depression scale|\"scale\": \"MADRS\", \"value\": 19|\"scale\": \"CADSS\", \"value\": 19|observations[1].scale: CADSS is not a depression scale the forecast can use",
        "claims to follow a later dose|\"day\": 1, \"time\": \"09:00\", \"scale\"|\"day\": 0, \"time\": \"08:45\", \"after_dose\": 0, \"scale\"|observations[1]: recorded at day 0 08:45, but it claims to follow doses[0], given later (day 0 09:00)",
        "observations out of order|\"day\": 1, \"time\": \"09:00\", \"scale\"|\"day\": 0, \"time\": \"07:00\", \"scale\"|observations[1]: day 0 07:00 is before observations[0] (day 0 08:30); list the observations in time order",
        "unknown drug|\"drug\": \"ketamine\"|\"drug\": \"ketamin\"|doses[0].drug: ",
        "unknown route|\"route\": \"iv\"|\"route\": \"rectal\"|doses[0].route: ",
        "bad time|\"time\": \"09:00\", \"drug\"|\"time\": \"25:00\", \"drug\"|doses[0].time: expected HH:MM (00:00-23:59), got '25:00'",
        "unknown covariate|benzodiazepine_mg_diazepam_eq|benzo_mg|covariates.benzo_mg: unknown covariate; known: ",
        "baseline as covariate|benzodiazepine_mg_diazepam_eq|baseline_madrs|covariates.baseline_madrs: the baseline is estimated from the scores",
        "typo in a field|\"weight_kg\": 80|\"weight_kg\": 80, \"wieght\": 3|wieght: unknown field; known: ",
        "unknown diagnosis|\"trd\"|\"flu\"|diagnosis: unknown 'flu'; known: trd",
    })
    void badFilesGetPreciseErrors(String what, String from, String to, String message) {
        String bad = GOOD.replace(from, to == null ? "" : to);
        assertThat(bad).as("test edit applies").isNotEqualTo(GOOD);
        assertThatThrownBy(() -> PatientFile.parse(bad)).isInstanceOf(PatientFileException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void doseListedOutOfOrderIsRejected() {
        String bad = GOOD.replace("\"over_min\": 40}]", "\"over_min\": 40}, {\"day\": 0, \"time\": \"07:00\", "
                + "\"drug\": \"ketamine\", \"route\": \"iv\", \"amount_mg\": 40, \"over_min\": 40}]");
        assertThatThrownBy(() -> PatientFile.parse(bad)).hasMessage(
                "doses[1]: day 0 07:00 is before doses[0] (day 0 09:00); list the doses in time order");
    }

    @Test
    void noObservationsIsRejected() {
        String bad = GOOD.substring(0, GOOD.indexOf("\"observations\"")) + "\"observations\": []}";
        assertThatThrownBy(() -> PatientFile.parse(bad)).hasMessageStartingWith("observations: at least one score");
    }
}
