package org.ketasim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    @Test
    void responseIsAtLeastFiftyPercentImprovement() {
        assertThat(Outcomes.response(30, 15)).isTrue();
        assertThat(Outcomes.response(30, Math.nextUp(15.0))).isFalse();
        assertThat(Outcomes.response(31, 15.5)).isTrue();
        assertThat(Outcomes.response(31, 16)).isFalse();
        assertThat(Outcomes.response(30, 0)).isTrue();
        assertThat(Outcomes.response(0, 0)).isFalse(); // nothing to halve
        assertThatThrownBy(() -> Outcomes.response(-1, 0)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Outcomes.response(30, Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void relapseIsLosingTheResponseCriterion() {
        assertThat(Outcomes.relapse(30, 15)).isFalse();
        assertThat(Outcomes.relapse(30, Math.nextUp(15.0))).isTrue();
        assertThat(Outcomes.relapse(32, 20)).isTrue();
    }

    @Property
    void responseAndRelapseAreComplementsForPositiveBaselines(@ForAll @DoubleRange(min = 0.1, max = 60) double baseline,
                                                             @ForAll @DoubleRange(min = 0, max = 60) double score) {
        assertThat(Outcomes.response(baseline, score)).isNotEqualTo(Outcomes.relapse(baseline, score));
        assertThat(Outcomes.response(baseline, score)).isEqualTo(score * 2 <= baseline);
    }

    @Test
    void remissionAtEachScalesPublishedThreshold() {
        assertThat(Outcomes.remission(Scale.MADRS, 10)).isTrue();
        assertThat(Outcomes.remission(Scale.MADRS, 10.5)).isFalse();
        assertThat(Outcomes.remission(Scale.HAMD17, 7)).isTrue();
        assertThat(Outcomes.remission(Scale.HAMD17, 8)).isFalse();
        assertThat(Outcomes.remission(Scale.QIDS_SR16, 5)).isTrue();
        assertThat(Outcomes.remission(Scale.QIDS_SR16, 6)).isFalse();
        assertThat(Outcomes.remission(Scale.PHQ9, 4)).isTrue();
        assertThat(Outcomes.remission(Scale.PHQ9, 4.99)).isTrue();
        assertThat(Outcomes.remission(Scale.PHQ9, 5)).isFalse();
        assertThat(Scale.PHQ9.remissionStrict()).isTrue();
        assertThat(Scale.MADRS.remissionThreshold()).isEqualTo(10);
    }

    @Test
    void customThresholdsAndScalesWithoutOne() {
        assertThat(Outcomes.remission(Scale.MADRS, 12, 12)).isTrue();    // Lii 2023
        assertThat(Outcomes.remission(Scale.MADRS, 12.5, 12)).isFalse();
        assertThat(Outcomes.remission(Scale.CAPS5, 19, 19)).isTrue();
        for (Scale s : new Scale[] {Scale.CAPS5, Scale.PAIN_NRS, Scale.CADSS}) {
            assertThat(s.hasRemissionThreshold()).isFalse();
            assertThatThrownBy(() -> Outcomes.remission(s, 3)).hasMessageContaining("no published remission threshold");
        }
    }
}
