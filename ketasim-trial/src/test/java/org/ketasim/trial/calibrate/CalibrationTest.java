package org.ketasim.trial.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.models.ModelLibrary;
import org.ketasim.trial.TrialResult;
import org.ketasim.trial.TrialRunner;
import org.ketasim.trial.TrialSpec;

/** Calibration on the bundled model: recovery of a known parameter, determinism, input checks. */
class CalibrationTest {

    /** Murrough 2013 (trials/murrough-2013.yaml) with fewer subjects. */
    static final String MURROUGH = """
            name: murrough-2013
            seed: 42
            subjects_per_arm: 80
            population:
              preset: trd
              baseline: {scale: MADRS, min: 22}
              covariates: {benzodiazepine_mg_diazepam_eq: 0}
            blinding: active-placebo
            arms:
              - name: ketamine
                doses:
                  - {drug: ketamine, route: iv, amount: 0.5 mg/kg, over: 40 min, on_days: [0]}
              - name: midazolam
                doses:
                  - {drug: midazolam, route: iv, amount: 0.045 mg/kg, over: 40 min, on_days: [0]}
            endpoints:
              - {name: r24, kind: response_rate, scale: MADRS, at: 24 h}
              - {name: c24, kind: mean_change, scale: MADRS, at: 24 h}
            """;

    private static final Model MODEL = ModelLibrary.ketamine();

    @Test
    void recoversAKnownMoodWeightFromItsOwnSimulatedTrial() throws Exception {
        TrialSpec spec = TrialSpec.parse(MURROUGH, "murrough.yaml");
        // the truth: the model with w_T moved 60% away from its value; the search starts at the model's value
        double start = MODEL.parameter("w_T").orElseThrow().value();
        double known = 1.6 * start;
        TrialResult truth = new TrialRunner(MODEL, SolverOptions.defaults()).run(spec, Map.of("w_T", known), done -> { });
        var ket = truth.arms().get(0).endpoints();
        List<CalibrationTarget> targets = List.of(
                new CalibrationTarget("murrough-2013", "sim_k_resp", "r24", "ketamine", ket.get("r24").estimate().value(), 47),
                new CalibrationTarget("murrough-2013", "sim_k_chg", "c24", "ketamine", ket.get("c24").estimate().value(), 47));
        Calibration cal = new Calibration(MODEL, SolverOptions.defaults(), List.of(spec), targets,
                List.of(FreeParameter.of("w_T", 0.3 * start, 3 * start)), new Calibration.Settings(80, 30, 1));
        CalibrationResult r = cal.run(line -> { });
        assertThat(r.initial().get("w_T")).isEqualTo(start);
        assertThat(r.initialObjective()).isGreaterThan(1);
        assertThat(r.best().get("w_T")).isCloseTo(known, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(r.objective()).isLessThan(r.initialObjective()).isLessThan(0.5);
        assertThat(r.evaluations()).isLessThanOrEqualTo(30);
        assertThat(r.targets()).hasSize(2);
        assertThat(r.targets().get(1).unit()).isEqualTo("points");
        assertThat(Math.abs(r.targets().get(1).after() - targets.get(1).published()))
                .isLessThan(Math.abs(r.targets().get(1).before() - targets.get(1).published()));
    }

    @Test
    void theObjectiveIsDeterministic() throws Exception {
        TrialSpec spec = TrialSpec.parse(MURROUGH, "murrough.yaml");
        List<CalibrationTarget> targets = List.of(new CalibrationTarget("murrough-2013", "murrough2013_k_chg", "c24", "ketamine", -16.5, 47),
                new CalibrationTarget("murrough-2013", "murrough2013_m_resp", "r24", "midazolam", 0.28, 25));
        Calibration cal = new Calibration(MODEL, SolverOptions.defaults(), List.of(spec), targets,
                List.of(FreeParameter.of("w_T", 0.1, 1.5)), new Calibration.Settings(30, 5, 1));
        double a = cal.objective(Map.of("w_T", 0.5));
        double b = cal.objective(Map.of("w_T", 0.5));
        assertThat(b).isEqualTo(a);
        assertThat(cal.objective(Map.of("w_T", 0.9))).isNotEqualTo(a);
    }

    @Test
    void scalesAreDocumentedChoices() {
        CalibrationTarget rate = new CalibrationTarget("t", "id", "e", "a", 0.64, 47);
        assertThat(rate.scale("fraction")).isCloseTo(Math.sqrt(0.64 * 0.36 / 47), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(new CalibrationTarget("t", "id", "e", "a", -16.5, 47).scale("points")).isCloseTo(1.65, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(new CalibrationTarget("t", "id", "e", "a", 2, 47).scale("points")).isEqualTo(1);
        assertThat(new CalibrationTarget("t", "id", "e", "a", 0.52, 18).scale("1")).isCloseTo(0.052, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void badInputIsRejected() throws Exception {
        TrialSpec spec = TrialSpec.parse(MURROUGH, "murrough.yaml");
        List<CalibrationTarget> targets = List.of(new CalibrationTarget("murrough-2013", "x", "c24", "ketamine", -16.5, 47));
        Calibration.Settings s = new Calibration.Settings(10, 5, 1);
        assertThatThrownBy(() -> new Calibration(MODEL, SolverOptions.defaults(), List.of(spec), targets, List.of(FreeParameter.of("w_X", 0.1, 1)), s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w_X").hasMessageContaining("did you mean");
        assertThatThrownBy(() -> new Calibration(MODEL, SolverOptions.defaults(), List.of(spec), targets, List.of(FreeParameter.of("WT", 10, 100)), s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("covariate");
        assertThatThrownBy(() -> FreeParameter.parse("w_T:0:1.5")).hasMessageContaining("positive");
        assertThatThrownBy(() -> FreeParameter.parse("w_T:1.5:0.1")).hasMessageContaining("lower < upper");
        assertThatThrownBy(() -> FreeParameter.parse("w_T:a:1")).hasMessageContaining("numbers");
        assertThatThrownBy(() -> FreeParameter.parse("w_T")).hasMessageContaining("NAME:LOWER:UPPER");
        assertThat(FreeParameter.parse("x:-1:1:lin")).isEqualTo(new FreeParameter("x", -1, 1, false));
        FreeParameter f = FreeParameter.of("w_T", 0.1, 1.5);
        assertThat(f.fromUnit(f.toUnit(0.6))).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
    }
}
