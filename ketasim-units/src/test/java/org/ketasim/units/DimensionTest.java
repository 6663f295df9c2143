package org.ketasim.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DimensionTest {

    @Test
    void algebraAddsAndSubtractsExponents() {
        Dimension conc = Dimension.MASS.divide(Dimension.VOLUME);
        assertThat(conc).isEqualTo(new Dimension(1, -3, 0, 0, 0));
        assertThat(conc.multiply(Dimension.VOLUME)).isEqualTo(Dimension.MASS);
        assertThat(conc.divide(Dimension.TIME)).isEqualTo(new Dimension(1, -3, -1, 0, 0));
        assertThat(Dimension.TIME.inverse()).isEqualTo(new Dimension(0, 0, -1, 0, 0));
        assertThat(Dimension.LENGTH.pow(3)).isEqualTo(Dimension.VOLUME);
        assertThat(conc.pow(0)).isEqualTo(Dimension.DIMENSIONLESS);
    }

    @Test
    void dimensionlessOnlyWhenAllExponentsAreZero() {
        assertThat(Dimension.DIMENSIONLESS.isDimensionless()).isTrue();
        assertThat(Dimension.POINTS.isDimensionless()).isFalse();
        assertThat(Dimension.MASS.divide(Dimension.MASS).isDimensionless()).isTrue();
    }

    @Test
    void toStringListsNonZeroExponentsInOrder() {
        assertThat(new Dimension(1, -3, 0, 0, 0)).hasToString("M L^-3");
        assertThat(new Dimension(0, 0, -1, 1, 0)).hasToString("N T^-1");
        assertThat(Dimension.POINTS).hasToString("P");
        assertThat(Dimension.DIMENSIONLESS).hasToString("1");
        assertThat(new Dimension(1, -1, -2, 0, 0)).hasToString("M L^-1 T^-2");
    }

    @Test
    void powExactOnlyForWholeResults() {
        assertThat(new Dimension(0, 6, 0, 0, 0).powExact(0.5)).contains(Dimension.VOLUME);
        assertThat(Dimension.MASS.powExact(0.75)).isEmpty();
        assertThat(Dimension.MASS.powExact(-2.0)).contains(new Dimension(-2, 0, 0, 0, 0));
        assertThat(Dimension.DIMENSIONLESS.powExact(0.75)).contains(Dimension.DIMENSIONLESS);
        assertThat(Dimension.MASS.powExact(Double.NaN)).isEmpty();
    }

    @Test
    void equalityIsByExponents() {
        assertThat(Dimension.MASS.multiply(Dimension.TIME).divide(Dimension.TIME)).isEqualTo(Dimension.MASS)
                .hasSameHashCodeAs(Dimension.MASS);
        assertThat(Dimension.MASS).isNotEqualTo(Dimension.AMOUNT);
    }
}
