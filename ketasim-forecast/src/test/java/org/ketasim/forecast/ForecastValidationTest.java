package org.ketasim.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.models.ModelLibrary;

/** Simulation-based validation of the forecast (issue 5); the experiment is {@link ForecastValidation}. */
class ForecastValidationTest {

    @Test
    void bandsCoverTheTruthAndPersonalisationBeatsThePopulation() {
        ForecastValidation.Result r = ForecastValidation.run(ModelLibrary.ketamine(), SolverOptions.defaults(), 40,
                Integer.getInteger("ketasim.forecast.validationDraws", 100), Long.getLong("ketasim.forecast.validationSeed", 5));
        System.out.printf("coverage %d/%d = %.3f; RMSE personalised %.2f, population-only %.2f; %.0f ms/patient%n",
                r.covered(), r.visits(), r.coverage(), r.rmsePersonalised(), r.rmsePopulation(), r.msPerPatient());
        // 90 % bands: 120 visits, binomial 99 % range at p = 0.9 is 100-116 of 120 (0.83-0.97); the test fails
        // outside it (visits of one patient are correlated, so this is if anything strict)
        assertThat(r.coverage()).as("coverage %d/%d", r.covered(), r.visits()).isBetween(0.83, 0.97);
        assertThat(r.rmsePersonalised()).as("RMSE personalised %.2f vs population-only %.2f", r.rmsePersonalised(), r.rmsePopulation())
                .isLessThan(0.7 * r.rmsePopulation());
    }
}
