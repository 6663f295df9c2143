package org.ketasim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RatingNoiseTest {

    private static final int N = 40_000;

    private static double[] rate(Scale s, double trueScore, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = RatingNoise.rate(s, trueScore, rng);
        }
        return x;
    }

    @Test
    void unbiasedWithTheStatedSdAwayFromTheEnds() {
        for (Scale s : Scale.values()) {
            double sd = RatingNoise.sd(s);
            double truth = 0.47 * s.max() + 0.3; // mid-range, not a whole number
            double[] x = rate(s, truth, s.ordinal());
            // rounding to whole points adds variance 1/12 and no bias (Sheppard)
            double total = Math.sqrt(sd * sd + 1 / 12.0);
            assertThat(TestSupport.mean(x)).as(s.label()).isCloseTo(truth, within(3 * total / Math.sqrt(N)));
            assertThat(TestSupport.sd(x)).as(s.label()).isCloseTo(total, within(3 * total / Math.sqrt(2.0 * N)));
            assertThat(RatingNoise.sdSource(s)).isNotBlank();
        }
    }

    @Property
    void ratingsAreWholePointsInsideTheRange(@ForAll @DoubleRange(min = -5, max = 100) double truth,
                                             @ForAll @LongRange(min = 0, max = 1000) long seed) {
        for (Scale s : Scale.values()) {
            double r = RatingNoise.rate(s, truth, new SplitMix64(seed));
            assertThat(r).isBetween(s.min(), s.max());
            assertThat(r).isEqualTo(Math.rint(r));
        }
    }

    @Test
    void floorAndCeilingClamp() {
        double[] low = rate(Scale.MADRS, 0, 3);
        assertThat(TestSupport.boxed(low)).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0));
        // about half the ratings of a true 0 would be negative without the floor
        double zeros = java.util.Arrays.stream(low).filter(v -> v == 0).count() / (double) N;
        assertThat(zeros).isBetween(0.5, 0.6);
        assertThat(TestSupport.boxed(rate(Scale.PHQ9, 27, 4))).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(27));
    }

    @Test
    void deterministicForAGivenStream() {
        VirtualPatient p = new VirtualPopulation(TestSupport.ketamine(), PopulationSpec.preset("trd"), 1).patient(0);
        assertThat(RatingNoise.rate(Scale.MADRS, 20.3, p.noiseStream()))
                .isEqualTo(RatingNoise.rate(Scale.MADRS, 20.3, p.noiseStream()));
        assertThatThrownBy(() -> RatingNoise.rate(Scale.MADRS, Double.NaN, p.noiseStream()))
                .hasMessageContaining("NaN");
    }
}
