package org.ketasim.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The YAML specification: the documented shape reads, and every mistake names its field. */
class TrialSpecTest {

    static final String EXAMPLE = """
            name: murrough-2013
            seed: 42
            subjects_per_arm: 2000
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
              - {name: rem14, kind: remission_rate, scale: MADRS, at: 14 d, threshold: 10}
              - {name: relapse, kind: median_days_to_relapse, scale: MADRS, after_day: 11, among: responders}
            """;

    @Test
    void theIssuesExampleReads() throws SpecException {
        TrialSpec spec = TrialSpec.parse(EXAMPLE, "example.yaml");
        assertThat(spec.name()).isEqualTo("murrough-2013");
        assertThat(spec.subjectsPerArm()).isEqualTo(2000);
        assertThat(spec.blinding()).isEqualTo(Blinding.ACTIVE_PLACEBO);
        assertThat(spec.arms()).hasSize(2);
        TrialSpec.ArmDose k = spec.arms().get(0).doses().get(0);
        assertThat(k.perKg()).isTrue();
        assertThat(k.amount()).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(k.durationH()).isEqualTo(40.0 / 60, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(spec.endpoints().get(2).atH()).isEqualTo(14 * 24.0);
        assertThat(spec.followUpH()).isGreaterThan(11 * 24 + 60 * 24);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad amount|amount: 0.5 mg/kg|amount: lots|arms[0].doses[0].amount: expected a dose",
        "unknown drug|drug: midazolam|drug: aspirin|arms[1].doses[0].drug: expected ketamine",
        "unknown kind|kind: response_rate|kind: responders|endpoints[0].kind: expected one of",
        "bad time|at: 24 h|at: tomorrow|endpoints[0].at: expected a duration",
        "unknown route|route: iv, amount: 0.5|route: teleport, amount: 0.5|arms[0].doses[0].route",
        "unknown preset|preset: trd|preset: martians|population.preset",
        "subjects not a number|subjects_per_arm: 2000|subjects_per_arm: many|subjects_per_arm: expected a whole number",
        "unknown field|seed: 42|seeds: 42|seeds: unknown field",
        "blinding|blinding: active-placebo|blinding: double-dummy|blinding: expected one of",
        "threshold out of range|threshold: 10|threshold: 99|endpoints[2].threshold",
        "absurd dose|amount: 0.045 mg/kg|amount: 900 mg/kg|arms[1].doses[0].amount",
    })
    void mistakesNameTheirField(String what, String from, String to, String message) {
        String yaml = EXAMPLE.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        assertThat(yaml).isNotEqualTo(EXAMPLE);
        assertThatThrownBy(() -> TrialSpec.parse(yaml, "spec.yaml")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("spec.yaml: ").hasMessageContaining(message);
    }

    @Test
    void comparisonEndpointsNeedAnExistingArm() {
        String yaml = EXAMPLE.replace("- {name: c24, kind: mean_change,", "- {name: c24, kind: difference_vs, vs: saline,");
        assertThatThrownBy(() -> TrialSpec.parse(yaml, "spec.yaml")).hasMessageContaining("endpoints[1].vs: no arm named 'saline'");
    }

    @Test
    void invalidYamlIsReportedWithItsPosition() {
        assertThatThrownBy(() -> TrialSpec.parse("name: [unclosed\n", "spec.yaml")).hasMessageStartingWith("spec.yaml: not valid YAML at line");
    }
}
