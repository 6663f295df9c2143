package org.ketasim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class StandardNormalTest {

    @Test
    void cdfMatchesReferenceValues() {
        // reference values: R pnorm / Abramowitz & Stegun 26.2
        assertThat(StandardNormal.cdf(0)).isEqualTo(0.5);
        assertThat(StandardNormal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-15));
        assertThat(StandardNormal.cdf(-1)).isCloseTo(0.15865525393145707, within(1e-15));
        assertThat(StandardNormal.cdf(-3)).isCloseTo(0.0013498980316300946, withinPercentage(1e-10));
        assertThat(StandardNormal.cdf(-2.5)).isCloseTo(0.0062096653257761353, withinPercentage(1e-10));
        assertThat(StandardNormal.cdf(-4)).isCloseTo(3.1671241833119863e-5, withinPercentage(1e-10));
        assertThat(StandardNormal.cdf(3)).isCloseTo(1 - 0.0013498980316300946, within(1e-15));
        assertThat(StandardNormal.cdf(-5)).isCloseTo(2.866515718791939e-7, withinPercentage(1e-10));
        assertThat(StandardNormal.cdf(-5.5)).isCloseTo(1.898956246588772e-8, withinPercentage(1e-10));
        assertThat(StandardNormal.cdf(-8)).isCloseTo(6.220960574271785e-16, withinPercentage(1e-10));
        assertThat(StandardNormal.cdf(-10)).isCloseTo(7.619853024160527e-24, withinPercentage(1e-10));
        assertThat(StandardNormal.cdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(StandardNormal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    }

    @Test
    void quantileMatchesReferenceValues() {
        assertThat(StandardNormal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-13));
        assertThat(StandardNormal.quantile(0.5)).isCloseTo(0, within(1e-15));
        assertThat(StandardNormal.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-11));
        assertThat(StandardNormal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StandardNormal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Property
    void quantileInvertsTheCdf(@ForAll @DoubleRange(min = -300, max = -0.01) double log10p, @ForAll boolean upper) {
        // p from 1e-300 to 0.98 in the lower half, and 1 - 1e-15 .. 0.02 mirrored into the upper half
        double p = upper ? 1 - Math.pow(10, Math.max(log10p, -15)) : Math.pow(10, log10p);
        double x = StandardNormal.quantile(p);
        if (upper) {
            assertThat(StandardNormal.cdf(-x)).isCloseTo(1 - p, withinPercentage(1e-6));
        } else {
            assertThat(StandardNormal.cdf(x)).isCloseTo(p, withinPercentage(1e-9));
        }
    }

    @Property
    void truncatedQuantileStaysInItsBoundsEvenFarInTheTail(@ForAll @DoubleRange(min = -12, max = 12) double a,
                                                            @ForAll @DoubleRange(min = 0.01, max = 3) double width,
                                                            @ForAll @DoubleRange(min = 0, max = 1) double u) {
        double b = a + width;
        double x = StandardNormal.truncatedQuantile(a, b, u);
        assertThat(x).isBetween(a, b).isFinite();
    }

    @Test
    void truncatedQuantileIsTheConditionalLaw() {
        // median of N(0,1) truncated to [1, inf): Phi^-1((Phi(1) + 1) / 2)
        double expected = StandardNormal.quantile((StandardNormal.cdf(1) + 1) / 2);
        assertThat(StandardNormal.truncatedQuantile(1, Double.POSITIVE_INFINITY, 0.5)).isCloseTo(expected,
                within(1e-12));
        // a far upper tail [8, 9]: the median is just above 8 (mean of the tail ~ 8 + 1/8)
        double m = StandardNormal.truncatedQuantile(8, 9, 0.5);
        assertThat(m).isBetween(8.05, 8.12);
    }
}
