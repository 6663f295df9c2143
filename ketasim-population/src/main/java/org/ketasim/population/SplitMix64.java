package org.ketasim.population;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * The SplitMix64 generator (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators",
 * OOPSLA; the algorithm of {@link java.util.SplittableRandom}), written out here so that KetaSim's streams are
 * specified by this file and not by a JDK version.
 *
 * <p>State {@code s}; each {@link #nextLong()} adds the golden gamma {@code 0x9E3779B97F4A7C15} to {@code s}
 * and returns {@link #mix64 mix64(s)}. {@link #nextDouble()} is {@code (nextLong() >>> 11) * 2^-53}.
 * Instances are cheap and not thread-safe: give each thread or patient its own.
 *
 * <p>Derived streams ({@link #derive(long, String)}) are how a population gives every patient, and every
 * covariate and random effect of a patient, its own stream: the key's 64-bit FNV-1a hash (of its UTF-8 bytes)
 * is mixed and XOR-ed into the parent seed, then mixed again.
 */
public final class SplitMix64 implements RandomGenerator {

    /** The golden-ratio increment of SplitMix64. */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** @param seed the initial state (any value) */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** @return a uniform double in [0, 1): {@code (nextLong() >>> 11) * 2^-53} */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Stafford's variant 13 finaliser, as in {@link java.util.SplittableRandom}: a bijection of the 64-bit
     * integers with good avalanche.
     *
     * @param z any value
     * @return the mixed value
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The seed of a named sub-stream: {@code mix64(seed ^ mix64(fnv1a64(key)))}.
     *
     * @param seed the parent seed
     * @param key  the sub-stream's name (for example {@code "covariate:weight_kg"} or {@code "eta:CL_S"})
     * @return the sub-stream's seed
     */
    public static long derive(long seed, String key) {
        return mix64(seed ^ mix64(fnv1a64(key)));
    }

    /**
     * The seed of element {@code index} of an indexed family: the {@code (index + 1)}-th output of a SplitMix64
     * seeded with {@code mix64(seed)}, computed in constant time, so element 1,000,000 costs what element 0 does.
     *
     * @param seed  the family's seed
     * @param index the element (&ge; 0)
     * @return the element's seed
     */
    public static long derive(long seed, long index) {
        return mix64(mix64(seed) + GOLDEN_GAMMA * (index + 1));
    }

    /**
     * A uniform draw strictly inside (0, 1), for inverse-CDF sampling: {@code ((nextLong() >>> 12) + 0.5) * 2^-52},
     * the midpoints of 2^52 equal cells, all exactly representable (from 2^-53 to 1 - 2^-53). It uses only
     * {@link RandomGenerator#nextLong()}, so it means the same for every generator.
     *
     * @param rng the generator
     * @return u with 0 &lt; u &lt; 1
     */
    public static double openUniform(RandomGenerator rng) {
        return ((rng.nextLong() >>> 12) + 0.5) * 0x1.0p-52;
    }

    /** @return the 64-bit FNV-1a hash of the UTF-8 bytes of {@code key} */
    static long fnv1a64(String key) {
        long h = 0xCBF29CE484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
