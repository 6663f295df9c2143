package org.ketasim.population;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One virtual patient of a {@link VirtualPopulation}: covariates, the model parameter vector that carries them and
 * the patient's random effects, and the seed of the patient's own rating-noise stream.
 *
 * <p>The parameter array is copied in and out, so a caller may change its copy (for example a trial arm's
 * {@code PL_DESIGN} or {@code T_FIRST}) without touching the patient.
 *
 * @param id         the patient's index in its population (0, 1, 2, ...)
 * @param covariates the covariates, in clinical units
 * @param parameters the model's {@code p[]} in canonical units (layout of {@code Model.parameters()}): defaults,
 *                   with the covariates set and each variable parameter multiplied by exp(eta)
 * @param noiseSeed  the seed of the patient's rating-noise stream ({@link #noiseStream()})
 */
public record VirtualPatient(long id, Covariates covariates, double[] parameters, long noiseSeed) {

    /** @throws NullPointerException if covariates or parameters is null */
    public VirtualPatient {
        Objects.requireNonNull(covariates, "covariates");
        parameters = Objects.requireNonNull(parameters, "parameters").clone();
    }

    /** @return a copy of the parameter vector (canonical units) */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /**
     * @param index a position in {@code p[]}
     * @return that parameter (canonical units), without copying the vector
     */
    public double parameter(int index) {
        return parameters[index];
    }

    /** @return the number of entries of {@code p[]} */
    public int parameterCount() {
        return parameters.length;
    }

    /**
     * @return a fresh generator for this patient's rater noise ({@link RatingNoise#rate}), seeded with
     *         {@link #noiseSeed()}: every call starts the same stream again
     */
    public RandomGenerator noiseStream() {
        return new SplitMix64(noiseSeed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VirtualPatient v && id == v.id && noiseSeed == v.noiseSeed
                && covariates.equals(v.covariates) && Arrays.equals(parameters, v.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, covariates, noiseSeed) * 31 + Arrays.hashCode(parameters);
    }

    @Override
    public String toString() {
        return "VirtualPatient[id=" + id + ", " + covariates + ", " + parameters.length + " parameters, noiseSeed="
                + noiseSeed + "]";
    }
}
