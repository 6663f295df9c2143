package org.ketasim.trial.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.models.ModelLibrary;

class MechanismPenaltiesTest {

    private static final Model MODEL = ModelLibrary.ketamine();
    private static final MechanismPenalties PENALTIES = new MechanismPenalties(MODEL, SolverOptions.defaults());

    private static MechanismPenalties.Check check(List<MechanismPenalties.Check> checks, String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void spinesThatLastForWeeksViolateTheLossByDayTen() {
        // Duman 2014: new spines are lost after ~10 d. A labile half-life of 20 days keeps them.
        MechanismPenalties.Check kept = check(PENALTIES.checks(Map.of("t_l", 480.0, "k_c", 0.005)), "spines");
        assertThat(kept.measured()).isGreaterThan(0.5);
        assertThat(kept.violation()).isPositive();
        MechanismPenalties.Check lost = check(PENALTIES.checks(Map.of("t_l", 24.0)), "spines");
        assertThat(lost.violation()).isZero();
        assertThat(lost.measured()).isLessThan(0.5);
    }

    @Test
    void aMoodResponseWithoutTheSpinePhasePeaksTooEarly() {
        // w_S = 0 and a fast MADRS turnover: only the trapped block acts, and the response peaks within hours,
        // before the published day-1 peak
        MechanismPenalties.Check early = check(PENALTIES.checks(Map.of("w_S", 0.0, "w_T", 1.0, "k_out", 2.0)), "onset");
        assertThat(early.measured()).isLessThan(8.0);
        assertThat(early.violation()).isPositive();
        assertThat(early.penalty()).isEqualTo(MechanismPenalties.WEIGHT * early.violation() * early.violation());
    }

    @Test
    void placeboShareAboveSeventyTwoPercentIsPenalised() {
        MechanismPenalties.Check share = check(PENALTIES.checks(Map.of("w_T", 0.02, "w_S", 0.02)), "placebo_share");
        assertThat(share.measured()).isGreaterThan(0.72);
        assertThat(share.violation()).isPositive();
    }

    @Test
    void aModelWithoutTheNeededOutputsIsRejected() throws Exception {
        Model tiny = Model.parse("""
                model tiny "one state"
                [parameters]
                k = 1 1/h : "rate" : assumed "test"
                [states]
                A(0) = 1 [mg] : "amount"
                [equations]
                d/dt(A) = -k * A
                [outputs]
                a = A [mg] : "amount"
                """, "tiny.ksm");
        assertThatThrownBy(() -> new MechanismPenalties(tiny, SolverOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("madrs");
    }
}
