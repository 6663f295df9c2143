package org.ketasim.server.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class InstrumentTest {

    @Test
    void phq9BandsFollowKroenke2001() {
        assertThat(Instrument.PHQ9.score(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)).band()).isEqualTo("minimal");
        assertThat(Instrument.PHQ9.score(List.of(1, 1, 1, 1, 1, 0, 0, 0, 0)).band()).isEqualTo("mild");
        assertThat(Instrument.PHQ9.score(List.of(2, 2, 2, 2, 2, 0, 0, 0, 0)).band()).isEqualTo("moderate");
        assertThat(Instrument.PHQ9.score(List.of(2, 2, 2, 2, 2, 2, 2, 1, 0)).band()).isEqualTo("moderately severe");
        var s = Instrument.PHQ9.score(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3));
        assertThat(s.total()).isEqualTo(27);
        assertThat(s.band()).isEqualTo("severe");
    }

    @Test
    void phq9Item9RaisesTheSuicideRiskFlagEvenWhenTheTotalIsLow() {
        var s = Instrument.PHQ9.score(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(s.band()).isEqualTo("minimal");
        assertThat(s.flags()).singleElement().asString().contains("item 9");
        assertThat(Instrument.PHQ9.score(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0)).flags()).isEmpty();
    }

    @Test
    void missingAndOutOfRangeAnswersAreRejectedNamingTheItem() {
        assertThatThrownBy(() -> Instrument.PHQ9.score(List.of(1, 1, 1, 1, 1, 1, 1, 1)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("item 9").hasMessageContaining("not answered");
        assertThatThrownBy(() -> Instrument.PHQ9.score(Arrays.asList(1, null, 1, 1, 1, 1, 1, 1, 1)))
                .hasMessageContaining("item 2").hasMessageContaining("Feeling down");
        assertThatThrownBy(() -> Instrument.GAD7.score(List.of(0, 0, 4, 0, 0, 0, 0)))
                .hasMessageContaining("item 3").hasMessageContaining("must be 0-3, got 4");
        assertThatThrownBy(() -> Instrument.PAIN_NRS.score(List.of(11))).hasMessageContaining("0-10");
        assertThatThrownBy(() -> Instrument.GAD7.score(List.of(0, 0, 0, 0, 0, 0, 0, 0))).hasMessageContaining("7 items");
    }

    @Test
    void otherScalesScoreAndBand() {
        assertThat(Instrument.GAD7.score(List.of(3, 3, 3, 3, 3, 0, 0)).band()).isEqualTo("severe");
        Integer[] pcl = new Integer[20];
        Arrays.fill(pcl, 2);
        assertThat(Instrument.PCL5.score(Arrays.asList(pcl)).total()).isEqualTo(40);
        assertThat(Instrument.PCL5.score(Arrays.asList(pcl)).band()).startsWith("probable PTSD");
        assertThat(Instrument.MADRS.score(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 1)).band()).isEqualTo("moderate");
        assertThat(Instrument.MADRS.score(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 4)).flags()).hasSize(1);
        assertThat(Instrument.CSSRS.score(List.of(1, 0, 0, 0, 0, 0)).band()).isEqualTo("low risk");
        assertThat(Instrument.CSSRS.score(List.of(1, 1, 1, 0, 0, 0)).band()).isEqualTo("moderate risk");
        assertThat(Instrument.CSSRS.score(List.of(0, 1, 0, 1, 0, 0)).band()).isEqualTo("high risk");
        assertThat(Instrument.CSSRS.score(List.of(0, 0, 0, 0, 0, 0)).flags()).isEmpty();
        Integer[] cadss = new Integer[23];
        Arrays.fill(cadss, 0);
        assertThat(Instrument.CADSS.score(Arrays.asList(cadss)).band()).isEqualTo("none");
        assertThat(Instrument.parse("phq-9")).isEqualTo(Instrument.PHQ9);
        assertThat(Instrument.parse("pain nrs")).isEqualTo(Instrument.PAIN_NRS);
    }
}
