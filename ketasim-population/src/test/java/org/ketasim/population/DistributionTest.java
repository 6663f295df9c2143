package org.ketasim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class DistributionTest {

    private static final int N = 50_000;

    private static double[] draw(Distribution d, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = d.sample(rng);
        }
        return x;
    }

    @Test
    void untruncatedNormalHasItsMeanAndSd() {
        double[] x = draw(Distribution.normal(10, 2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), 1);
        assertThat(TestSupport.mean(x)).isCloseTo(10, within(3 * 2 / Math.sqrt(N)));
        assertThat(TestSupport.sd(x)).isCloseTo(2, within(3 * 2 / Math.sqrt(2.0 * N)));
    }

    @Test
    void truncatedNormalStaysInBoundsWithTheTruncatedMoments() {
        Distribution d = Distribution.normal(32, 6.7, 20, 60);
        TestSupport.Moments m = TestSupport.Moments.of(d);
        // the preset table states 32.6 and 6.1; closed form of the doubly truncated normal:
        // mean + sd (phi(a) - phi(b)) / Z, var = sd^2 [1 + (a phi(a) - b phi(b)) / Z - ((phi(a) - phi(b)) / Z)^2]
        double a = (20 - 32) / 6.7;
        double b = (60 - 32) / 6.7;
        double z = StandardNormal.cdf(b) - StandardNormal.cdf(a);
        double lambda = (StandardNormal.density(a) - StandardNormal.density(b)) / z;
        double var = 1 + (a * StandardNormal.density(a) - b * StandardNormal.density(b)) / z - lambda * lambda;
        assertThat(m.mean()).isCloseTo(32 + 6.7 * lambda, within(1e-6)).isCloseTo(32.6, within(0.05));
        assertThat(m.sd()).isCloseTo(6.7 * Math.sqrt(var), within(1e-5)).isCloseTo(6.1, within(0.1));
        double[] x = draw(d, 2);
        assertThat(TestSupport.boxed(x)).allSatisfy(v -> assertThat(v).isBetween(20.0, 60.0));
        assertThat(TestSupport.mean(x)).isCloseTo(m.mean(), within(3 * m.seMean(N)));
        assertThat(TestSupport.sd(x)).isCloseTo(m.sd(), within(3 * m.seSd(N)));
    }

    @Test
    void logNormalIsParameterisedByMedianAndCv() {
        Distribution.LogNormal d = new Distribution.LogNormal(10, 0.5, 0, Double.POSITIVE_INFINITY);
        double[] x = draw(d, 3);
        double[] logs = new double[N];
        for (int i = 0; i < N; i++) {
            logs[i] = Math.log(x[i]);
        }
        double sigma = Math.sqrt(Math.log(1 + 0.25));
        assertThat(d.sigma()).isCloseTo(sigma, within(1e-15));
        assertThat(TestSupport.mean(logs)).isCloseTo(Math.log(10), within(3 * sigma / Math.sqrt(N)));
        assertThat(TestSupport.sd(logs)).isCloseTo(sigma, within(3 * sigma / Math.sqrt(2.0 * N)));
        assertThat(d.quantile(0.5)).isCloseTo(10, within(1e-9));
        // CV of the values: sqrt(exp(sigma^2) - 1) = 0.5 (sample CV has a larger error: tolerance 5 %)
        assertThat(TestSupport.sd(x) / TestSupport.mean(x)).isCloseTo(0.5, within(0.025));
    }

    @Test
    void truncatedLogNormalRespectsBounds() {
        Distribution d = Distribution.logNormal(10, 0.8, 1, 30);
        assertThat(TestSupport.boxed(draw(d, 4))).allSatisfy(v -> assertThat(v).isBetween(1.0, 30.0));
        assertThat(d.cdf(0.5)).isZero();
        assertThat(d.cdf(30)).isEqualTo(1.0);
        assertThat(d.cdf(10)).isGreaterThan(0.5); // the upper cut at 30 removes more mass than the lower at 1
    }

    @Test
    void bernoulliAndCategoricalFrequencies() {
        double[] b = draw(Distribution.bernoulli(0.3), 5);
        long ones = java.util.Arrays.stream(b).filter(v -> v == 1).count();
        assertThat(java.util.Arrays.stream(b).allMatch(v -> v == 0 || v == 1)).isTrue();
        assertThat(ones / (double) N).isCloseTo(0.3, within(3 * Math.sqrt(0.3 * 0.7 / N)));

        double[] p = {0.5625, 0.375, 0.0625};
        double[] c = draw(Distribution.hardyWeinberg(0.25), 6);
        for (int k = 0; k < 3; k++) {
            final int kk = k;
            double f = java.util.Arrays.stream(c).filter(v -> v == kk).count() / (double) N;
            assertThat(f).isCloseTo(p[k], within(3 * Math.sqrt(p[k] * (1 - p[k]) / N)));
        }
        assertThat(Distribution.hardyWeinberg(0.25)).isEqualTo(Distribution.categorical(p));
    }

    @Test
    void mixtureIsZeroInflatedWhereAsked() {
        Distribution d = Distribution.mixture(new double[] {0.56, 0.44}, Distribution.fixed(0),
                Distribution.logNormal(10, 0.8, 1, 30));
        double[] x = draw(d, 7);
        double zeros = java.util.Arrays.stream(x).filter(v -> v == 0).count() / (double) N;
        assertThat(zeros).isCloseTo(0.56, within(3 * Math.sqrt(0.56 * 0.44 / N)));
        assertThat(d.cdf(0)).isCloseTo(0.56, within(1e-12));
        assertThat(d.min()).isZero();
        assertThat(d.max()).isEqualTo(30);
        assertThat(d.integerValued()).isFalse();
    }

    @Test
    void fixedAlwaysGivesItsValue() {
        Distribution d = Distribution.fixed(2);
        assertThat(d.sample(new SplitMix64(1))).isEqualTo(2);
        assertThat(d.integerValued()).isTrue();
        assertThat(Distribution.fixed(2.5).integerValued()).isFalse();
        assertThat(d.cdf(1.99)).isZero();
        assertThat(d.cdf(2)).isEqualTo(1);
    }

    @Test
    void eachDrawUsesExactlyOneNextLong() {
        for (Distribution d : laws()) {
            SplitMix64 a = new SplitMix64(11);
            SplitMix64 b = new SplitMix64(11);
            d.sample(a);
            b.nextLong();
            assertThat(a.nextLong()).as(d.toString()).isEqualTo(b.nextLong());
        }
    }

    @Property
    void quantileIsMonotoneAndWithinSupport(@ForAll("anyLaw") Distribution d,
                                            @ForAll @DoubleRange(min = 0, max = 1) double u1,
                                            @ForAll @DoubleRange(min = 0, max = 1) double u2) {
        double lo = Math.min(u1, u2);
        double hi = Math.max(u1, u2);
        assertThat(d.quantile(lo)).isLessThanOrEqualTo(d.quantile(hi));
        assertThat(d.quantile(lo)).isBetween(d.min(), d.max());
    }

    @Property
    void cdfOfTheQuantileGivesBackTheProbability(@ForAll("continuousLaws") Distribution d,
                                                 @ForAll @DoubleRange(min = 0.001, max = 0.999) @Scale(6) double u) {
        assertThat(d.cdf(d.quantile(u))).isCloseTo(u, within(1e-8));
    }

    @Provide
    Arbitrary<Distribution> anyLaw() {
        return Arbitraries.of(laws());
    }

    @Provide
    Arbitrary<Distribution> continuousLaws() {
        return Arbitraries.of(Distribution.normal(32, 6.7, 20, 60), Distribution.normal(0, 1, 3, 4),
                Distribution.logNormal(10, 0.8, 1, 30), Distribution.logNormal(1, 0.25, 0, Double.POSITIVE_INFINITY),
                Distribution.uniform(18, 65));
    }

    private static List<Distribution> laws() {
        return List.of(Distribution.fixed(3), Distribution.normal(32, 6.7, 20, 60), Distribution.normal(0, 1, 3, 4),
                Distribution.logNormal(10, 0.8, 1, 30), Distribution.uniform(18, 65), Distribution.bernoulli(0.46),
                Distribution.categorical(0.2, 0.5, 0.3), Distribution.hardyWeinberg(0.185),
                Distribution.mixture(new double[] {0.5, 0.5}, Distribution.fixed(0), Distribution.uniform(5, 10)));
    }

    @Test
    void invalidLawsAreRejectedWithTheValue() {
        assertThatThrownBy(() -> Distribution.normal(0, -1, -1, 1)).hasMessageContaining("sd > 0");
        assertThat(Distribution.normal(0.5, 0, -1, 1)).isEqualTo(Distribution.fixed(0.5));
        assertThat(Distribution.logNormal(3, 0, 0, 10)).isEqualTo(Distribution.fixed(3));
        assertThatThrownBy(() -> Distribution.normal(5, 0, -1, 1)).hasMessageContaining("outside [-1.0, 1.0]");
        assertThatThrownBy(() -> Distribution.normal(0, 1, 2, 1)).hasMessageContaining("lo < hi");
        assertThatThrownBy(() -> Distribution.normal(0, 1, 50, 60)).hasMessageContaining("no probability");
        assertThatThrownBy(() -> Distribution.logNormal(-1, 0.3, 0, 10)).hasMessageContaining("median > 0");
        assertThatThrownBy(() -> Distribution.logNormal(1, 0.3, -1, 10)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Distribution.bernoulli(1.2)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> Distribution.categorical(0.5, 0.4)).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> Distribution.categorical(-0.5, 1.5)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Distribution.mixture(new double[] {1}, Distribution.fixed(0), Distribution.fixed(1)))
                .hasMessageContaining("1 weights but 2 components");
        assertThatThrownBy(() -> Distribution.uniform(0, Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Distribution.fixed(Double.NaN)).hasMessageContaining("finite");
    }

    @Test
    void lawsPrintReadably() {
        assertThat(Distribution.normal(32, 6.7, 20, 60)).hasToString("normal(mean 32, sd 6.700, [20, 60])");
        assertThat(Distribution.bernoulli(0.5)).hasToString("bernoulli(0.5000)");
        assertThat(Distribution.categorical(0.25, 0.75)).hasToString("categorical(0.2500, 0.7500)");
    }
}
