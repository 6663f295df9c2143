package org.ketasim.trial.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.ketasim.lang.Model;
import org.ketasim.models.ModelLibrary;

class SensitivityKetamineTest {

    @Test
    void madrsAt24hIgnoresBloodPressureAndPainButNotTheMoodWeights() {
        Model model = ModelLibrary.ketamine();
        List<Morris.Factor> factors = Morris.parameterFactors(model, 2);
        assertTrue(factors.stream().noneMatch(f -> f.name().equals("WT") || f.name().equals("MADRS0")),
                "covariates are not varied");
        ToDoubleFunction<double[]> y = SensitivityMeasure.MADRS_CHANGE_24H.function(model, factors);
        Morris morris = new Morris(factors, 2, 4, 2026);
        Morris.Result one = morris.run(y, 1);
        // not exactly 0: the adaptive step size sees every state, so round-off differs at ~1e-14 points
        assertEquals(0, one.effect("SBP_max").muStar(), 1e-9);
        assertEquals(0, one.effect("Emax_CS").muStar(), 1e-9);
        assertTrue(one.effect("w_S").muStar() > 0 || one.effect("w_T").muStar() > 0);
        assertTrue(one.effect("w_T").muStar() > 0.1, "w_T mu* " + one.effect("w_T").muStar());
        Morris.Result three = morris.run(y, 3);
        assertEquals(one, three, "thread count must not change the result");
    }
}
