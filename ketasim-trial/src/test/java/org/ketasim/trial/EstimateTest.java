package org.ketasim.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Interval formulas against textbook values. */
class EstimateTest {

    @Test
    void wilsonIntervalMatchesNewcombe1998() {
        // Newcombe 1998 Stat Med 17:857, Table I: 81/263 -> 0.2553 to 0.3662 (method 3, Wilson)
        Estimate e = Estimate.proportion(81, 263);
        assertThat(e.value()).isCloseTo(0.3080, within(1e-4));
        assertThat(e.lo()).isCloseTo(0.2553, within(1e-4));
        assertThat(e.hi()).isCloseTo(0.3662, within(1e-4));
        // 15/148 -> 0.0624 to 0.1605
        Estimate f = Estimate.proportion(15, 148);
        assertThat(f.lo()).isCloseTo(0.0624, within(1e-4));
        assertThat(f.hi()).isCloseTo(0.1605, within(1e-4));
        // 0/20 -> 0 to 0.1611
        Estimate z = Estimate.proportion(0, 20);
        assertThat(z.lo()).isEqualTo(0.0);
        assertThat(z.hi()).isCloseTo(0.1611, within(1e-4));
    }

    @Test
    void meanIntervalIsMeanPlusMinusZTimesStandardError() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Estimate e = Estimate.mean(x);
        double se = Math.sqrt(9.1666666667 / 10); // sample variance of 1..10 is 55/6
        assertThat(e.value()).isEqualTo(5.5);
        assertThat(e.hi() - e.value()).isCloseTo(1.959964 * se, within(1e-6));
    }

    @Test
    void cohensDOfShiftedSamplesIsTheShiftOverTheSd() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {0, 1, 2, 3, 4};
        Estimate d = Estimate.cohensD(a, b);
        assertThat(d.value()).isCloseTo(1 / Math.sqrt(2.5), within(1e-12));
        assertThat(Estimate.meanDifference(a, b).value()).isEqualTo(1.0);
    }
}
