package org.ketasim.engine.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SolverOptionsTest {

    @Test
    void parsesMethodNamesAndAliases() {
        assertThat(SolverMethod.parse("dopri5")).isEqualTo(SolverMethod.DORMAND_PRINCE_54);
        assertThat(SolverMethod.parse(" DOPRI853 ")).isEqualTo(SolverMethod.DORMAND_PRINCE_853);
        assertThat(SolverMethod.parse("rodas4")).isEqualTo(SolverMethod.RODAS4);
        assertThat(SolverMethod.parse("ros34pw2")).isEqualTo(SolverMethod.ROS34PW2);
        assertThat(SolverMethod.parse("auto")).isEqualTo(SolverMethod.AUTO);

        assertThatThrownBy(() -> SolverMethod.parse("lsoda"))
                .hasMessage("unknown solver 'lsoda'; valid solvers: dopri5, dopri853, rodas4, ros34pw2, auto");
    }

    @Test
    void defaultsAreDocumented() {
        final SolverOptions defaults = SolverOptions.defaults();
        assertThat(defaults.method()).isEqualTo(SolverMethod.AUTO);
        assertThat(defaults.rtol()).isEqualTo(1e-6);
        assertThat(defaults.atol()).isEqualTo(1e-9);
        assertThat(defaults.maxStepH()).isInfinite();
        assertThat(defaults.initialStepH()).isZero();
        assertThat(defaults.withMethod(SolverMethod.RODAS4).toString()).isEqualTo("rodas4, rtol 1.0E-6, atol 1.0E-9");
    }

    @Test
    void rejectsBadSettingsWithOneLineMessages() {
        final SolverOptions ok = SolverOptions.defaults();
        assertThatThrownBy(() -> ok.withTolerances(0, 1e-9)).hasMessage("relative tolerance must be in (0, 1), got 0.0");
        assertThatThrownBy(() -> ok.withTolerances(1e-6, Double.NaN))
                .hasMessage("absolute tolerance must be a finite number > 0, got NaN");
        assertThatThrownBy(() -> ok.withMaxStepH(-1)).hasMessage("maximum step must be > 0 h (or infinite), got -1.0");
        assertThatThrownBy(() -> ok.withInitialStepH(-0.1))
                .hasMessage("initial step must be a finite time >= 0 h (0 = estimate), got -0.1");
        assertThatThrownBy(() -> ok.withMethod(null)).hasMessage("solver method is missing");
    }

    @Test
    void everyIntegratorReportsNonFiniteEquationsAsIllegalState() {
        for (final SolverMethod method : SolverMethod.values()) {
            final SegmentIntegrator integrator = SolverOptions.of(method).createIntegrator(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> integrator.integrate(
                    (t, y, yDot) -> yDot[0] = t > 1 ? Double.NaN : -y[0], 0, new double[] {1}, 5, StepObserver.NONE))
                    .as(method.keyword())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageMatching("(?s).*(NaN|not finite).*");
        }
    }

    @Test
    void createsTheRequestedIntegrator() {
        for (final SolverMethod method : SolverMethod.values()) {
            final SegmentIntegrator integrator = SolverOptions.of(method).createIntegrator(3);
            assertThat(integrator.dimension()).isEqualTo(3);
            final double[] y = {1, 2, 3};
            integrator.integrate((t, yy, yDot) -> {
                for (int i = 0; i < 3; i++) {
                    yDot[i] = -yy[i];
                }
            }, 0, y, 1, StepObserver.NONE);
            assertThat(y[2]).isCloseTo(3 * Math.exp(-1), org.assertj.core.api.Assertions.within(1e-5));
            assertThat(integrator.statistics().segments()).isEqualTo(1);
        }
    }
}
