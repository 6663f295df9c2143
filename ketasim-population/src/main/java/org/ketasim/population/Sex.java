package org.ketasim.population;

/** Sex of a virtual patient; the model's {@code SEX} covariate is 0 for {@link #MALE}, 1 for {@link #FEMALE}. */
public enum Sex {
    /** Male: {@code SEX = 0}. */
    MALE,
    /** Female: {@code SEX = 1}. */
    FEMALE;

    /** @return the model's coding: 0 for male, 1 for female */
    public double modelValue() {
        return this == FEMALE ? 1.0 : 0.0;
    }
}
