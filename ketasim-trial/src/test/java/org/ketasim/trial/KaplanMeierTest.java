package org.ketasim.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The product-limit estimate on a hand-computable data set. */
class KaplanMeierTest {

    @Test
    void productLimitWithCensoring() {
        // times 1,2,2(censored),3,4(censored),5: S(1)=5/6, S(2)=5/6*4/5=2/3, S(3)=2/3*2/3=4/9, S(5)=0
        double[] t = {1, 2, 2, 3, 4, 5};
        boolean[] ev = {true, true, false, true, false, true};
        KaplanMeier km = KaplanMeier.fit(t, ev);
        double[] expected = {1.0, 5.0 / 6, 2.0 / 3, 4.0 / 9, 0.0};
        assertThat(km.points()).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(km.points().get(i).survival()).isCloseTo(expected[i], within(1e-15));
        }
        assertThat(km.median(6).value()).isEqualTo(3.0);
        // the band contains the estimate
        km.points().forEach(p -> assertThat(p.lo()).isLessThanOrEqualTo(p.survival() + 1e-12));
        km.points().forEach(p -> assertThat(p.hi()).isGreaterThanOrEqualTo(p.survival() - 1e-12));
    }

    @Test
    void greenwoodVarianceOfTheFirstStep() {
        // one event among 10 at risk: S = 0.9, Var(log S) by Greenwood = 1/(10*9)
        double[] t = {1, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        boolean[] ev = {true, false, false, false, false, false, false, false, false, false};
        KaplanMeier.Point p = KaplanMeier.fit(t, ev).points().get(1);
        double se = Math.sqrt(1.0 / 90) / Math.abs(Math.log(0.9));
        assertThat(p.lo()).isCloseTo(Math.exp(-Math.exp(Math.log(-Math.log(0.9)) + 1.959964 * se)), within(1e-6));
        assertThat(KaplanMeier.fit(t, ev).median(10).value()).isNaN();
    }
}
