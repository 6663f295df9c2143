package org.ketasim.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void matchesTheJdkSplittableRandomBitForBit() {
        // the written-out algorithm is the one java.util.SplittableRandom(seed) documents and implements
        for (long seed : new long[] {0, 1, -7, 0x123456789ABCDEFL}) {
            SplitMix64 ours = new SplitMix64(seed);
            SplittableRandom jdk = new SplittableRandom(seed);
            for (int i = 0; i < 1000; i++) {
                assertThat(ours.nextLong()).isEqualTo(jdk.nextLong());
            }
        }
    }

    @Test
    void nextDoubleUsesTheTop53Bits() {
        SplitMix64 a = new SplitMix64(42);
        SplitMix64 b = new SplitMix64(42);
        for (int i = 0; i < 100; i++) {
            double d = a.nextDouble();
            assertThat(d).isEqualTo((b.nextLong() >>> 11) * 0x1.0p-53).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
    }

    @Test
    void indexedDerivationIsRandomAccessIntoOneStream() {
        long seed = 99;
        SplitMix64 s = new SplitMix64(SplitMix64.mix64(seed));
        for (long i = 0; i < 50; i++) {
            assertThat(SplitMix64.derive(seed, i)).isEqualTo(s.nextLong());
        }
    }

    @Test
    void namedSubStreamsDifferAndAreStable() {
        long a = SplitMix64.derive(7L, "covariate:weight_kg");
        long b = SplitMix64.derive(7L, "covariate:bmi");
        assertThat(a).isNotEqualTo(b).isEqualTo(SplitMix64.derive(7L, "covariate:weight_kg"));
        // FNV-1a 64 reference values
        assertThat(SplitMix64.fnv1a64("")).isEqualTo(0xCBF29CE484222325L);
        assertThat(SplitMix64.fnv1a64("a")).isEqualTo(0xAF63DC4C8601EC8CL);
    }

    @Test
    void openUniformIsStrictlyInsideTheUnitInterval() {
        java.util.random.RandomGenerator zero = () -> 0L;
        java.util.random.RandomGenerator ones = () -> -1L;
        assertThat(SplitMix64.openUniform(zero)).isGreaterThan(0).isEqualTo(0x1.0p-53);
        assertThat(SplitMix64.openUniform(ones)).isLessThan(1).isEqualTo(1 - 0x1.0p-53);
    }
}
