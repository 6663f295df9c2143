package org.ketasim.trial.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketasim.lang.Model;
import org.ketasim.models.ModelLibrary;

class FactorSelectionTest {

    private final Model model = ModelLibrary.ketamine();

    @Test
    void prefixesAndNamesMatchParameterRows() {
        assertTrue(FactorSelection.names(model, "MW_*").contains("MW_K"));
        assertEquals(List.of("w_S"), List.copyOf(FactorSelection.names(model, " w_S ,, ")));
        assertTrue(FactorSelection.names(model, "").isEmpty());
    }

    @Test
    void includeKeepsTheModelsOrderAndExcludeWins() {
        List<Morris.Factor> f = FactorSelection.factors(model, 2, "w_S,CL_S,MW_*", FactorSelection.DEFAULT_EXCLUDE);
        assertEquals(List.of("CL_S", "w_S"), f.stream().map(Morris.Factor::name).toList());
        assertEquals(Morris.parameterFactors(model, 2, FactorSelection.names(model, FactorSelection.DEFAULT_EXCLUDE)),
                FactorSelection.factors(model, 2, null, FactorSelection.DEFAULT_EXCLUDE));
    }

    @Test
    void anUnknownNameIsReportedWithTheOptionAndASuggestion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FactorSelection.factors(model, 2, null, "SBP_mx"));
        assertEquals("--exclude SBP_mx: no such parameter in model ketamine (did you mean SBP_max?)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FactorSelection.factors(model, 2, "nope", ""));
    }
}
