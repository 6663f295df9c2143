package org.ketasim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CrosswalkTest {

    private static final Scale[] LINKED = {Scale.MADRS, Scale.HAMD17, Scale.QIDS_SR16, Scale.PHQ9};

    @Property
    void roundTripsInsideTheRange(@ForAll @DoubleRange(min = 0, max = 60) double madrs,
                                  @ForAll @IntRange(min = 0, max = 3) int scale) {
        Scale s = LINKED[scale];
        double there = Crosswalk.fromMadrs(s, madrs);
        assertThat(there).isBetween(s.min(), s.max());
        assertThat(Crosswalk.toMadrs(s, there)).isCloseTo(madrs, within(1e-9));
    }

    @Property
    void scoreRoundTripsOnEachScale(@ForAll @DoubleRange(min = 0, max = 1) double fraction,
                                    @ForAll @IntRange(min = 0, max = 3) int scale) {
        Scale s = LINKED[scale];
        double score = fraction * s.max();
        assertThat(Crosswalk.fromMadrs(s, Crosswalk.toMadrs(s, score))).isCloseTo(score, within(1e-9));
    }

    @Property
    void isStrictlyMonotone(@ForAll @DoubleRange(min = 0, max = 60) double a,
                            @ForAll @DoubleRange(min = 0, max = 60) double b,
                            @ForAll @IntRange(min = 1, max = 3) int scale) {
        Scale s = LINKED[scale];
        if (a < b) {
            assertThat(Crosswalk.fromMadrs(s, a)).isLessThan(Crosswalk.fromMadrs(s, b));
        }
    }

    @Test
    void publishedAnchorsAreReproduced() {
        // Leucht 2018: HAM-D 10, 20, 30, 40 ~ MADRS 13, 26, 39, 52-53
        assertThat(Crosswalk.toMadrs(Scale.HAMD17, 10)).isEqualTo(13);
        assertThat(Crosswalk.toMadrs(Scale.HAMD17, 20)).isEqualTo(26);
        assertThat(Crosswalk.toMadrs(Scale.HAMD17, 30)).isEqualTo(39);
        assertThat(Crosswalk.toMadrs(Scale.HAMD17, 40)).isBetween(52.0, 53.0);
        // Carmody 2006 Eur Neuropsychopharmacol: HAM-D17 7 ~ MADRS 8-9 (our Leucht-based line gives 9.1)
        assertThat(Crosswalk.toMadrs(Scale.HAMD17, 7)).isBetween(8.0, 9.5);
        // Carmody 2006 J Affect Disord: QIDS-SR16 5 ~ MADRS 7.5
        assertThat(Crosswalk.toMadrs(Scale.QIDS_SR16, 5)).isEqualTo(7.5);
        // remission thresholds roughly agree across scales
        assertThat(Crosswalk.fromMadrs(Scale.HAMD17, 10)).isBetween(7.0, 8.0);
        assertThat(Crosswalk.fromMadrs(Scale.QIDS_SR16, 10)).isBetween(5.0, 6.5);
        assertThat(Crosswalk.fromMadrs(Scale.PHQ9, 10)).isBetween(4.0, 6.0);
        // stated values of the assumed PHQ-9 link
        assertThat(Crosswalk.toMadrs(Scale.PHQ9, 10)).isCloseTo(19.02, within(0.01));
        assertThat(Crosswalk.toMadrs(Scale.PHQ9, 20)).isCloseTo(42.06, within(0.01));
        assertThat(Crosswalk.convert(Scale.PHQ9, Scale.QIDS_SR16, 15)).isCloseTo(16, within(1e-12));
    }

    @Test
    void endsAndOutOfRangeValuesClamp() {
        for (Scale s : LINKED) {
            assertThat(Crosswalk.fromMadrs(s, 0)).isZero();
            assertThat(Crosswalk.fromMadrs(s, 60)).isEqualTo(s.max());
            assertThat(Crosswalk.fromMadrs(s, 75)).isEqualTo(s.max());
            assertThat(Crosswalk.fromMadrs(s, -3)).isZero();
            assertThat(Crosswalk.toMadrs(s, s.max() + 10)).isEqualTo(60);
        }
    }

    @Test
    void otherConstructsHaveNoLink() {
        for (Scale s : new Scale[] {Scale.CAPS5, Scale.PAIN_NRS, Scale.CADSS}) {
            assertThat(Crosswalk.supports(s)).isFalse();
            assertThatThrownBy(() -> Crosswalk.fromMadrs(s, 20)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no crosswalk between MADRS and " + s.label());
            assertThatThrownBy(() -> Crosswalk.toMadrs(s, 5)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Crosswalk.toMadrs(Scale.HAMD17, Double.NaN)).hasMessageContaining("NaN");
    }
}
