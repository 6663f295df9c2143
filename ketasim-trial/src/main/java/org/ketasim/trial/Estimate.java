package org.ketasim.trial;

/**
 * A point estimate with its 95% confidence interval and the number of subjects it rests on.
 *
 * @param value the estimate
 * @param lo    lower 95% limit
 * @param hi    upper 95% limit
 * @param n     subjects counted
 */
public record Estimate(double value, double lo, double hi, int n) {

    private static final double Z = 1.959963984540054;

    /** A proportion with the Wilson score interval (good coverage near 0 and 1). */
    public static Estimate proportion(int successes, int n) {
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double p = (double) successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half), n);
    }

    /**
     * The summary of a sample that the mean-based estimates need.
     *
     * @param n        subjects
     * @param mean     sample mean
     * @param variance unbiased sample variance (NaN below two subjects)
     */
    public record Sample(int n, double mean, double variance) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /** The sample of {@code x}, summed in array order (two passes). */
        static Sample of(double[] x) {
            return new Sample(x.length, Moments.mean(x), Moments.variance(x));
        }
    }

    /** A mean with the normal-approximation interval (mean ± 1.96 SE). */
    public static Estimate mean(double[] x) {
        return mean(Sample.of(x));
    }

    /** As {@link #mean(double[])}, from the sample's summary. */
    public static Estimate mean(Sample x) {
        int n = x.n();
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double m = x.mean();
        double se = n > 1 ? Math.sqrt(x.variance() / n) : Double.NaN;
        return new Estimate(m, m - Z * se, m + Z * se, n);
    }

    /** The difference of two means with the Welch standard error. */
    public static Estimate meanDifference(double[] a, double[] b) {
        return meanDifference(Sample.of(a), Sample.of(b));
    }

    /** As {@link #meanDifference(double[], double[])}, from the samples' summaries. */
    public static Estimate meanDifference(Sample a, Sample b) {
        double d = a.mean() - b.mean();
        double se = Math.sqrt(a.variance() / a.n() + b.variance() / b.n());
        return new Estimate(d, d - Z * se, d + Z * se, a.n() + b.n());
    }

    /** Cohen's d (pooled SD) of {@code a} against {@code b}, with the Hedges–Olkin large-sample interval. */
    public static Estimate cohensD(double[] a, double[] b) {
        return cohensD(Sample.of(a), Sample.of(b));
    }

    /** As {@link #cohensD(double[], double[])}, from the samples' summaries. */
    public static Estimate cohensD(Sample a, Sample b) {
        int n1 = a.n();
        int n2 = b.n();
        double pooled = Math.sqrt(((n1 - 1) * a.variance() + (n2 - 1) * b.variance()) / (n1 + n2 - 2));
        double d = (a.mean() - b.mean()) / pooled;
        double se = Math.sqrt((n1 + n2) / ((double) n1 * n2) + d * d / (2.0 * (n1 + n2)));
        return new Estimate(d, d - Z * se, d + Z * se, n1 + n2);
    }

    static double z() {
        return Z;
    }

    /** Mean and unbiased variance. */
    static final class Moments {
        private Moments() {
        }

        static double mean(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v;
            }
            return s / x.length;
        }

        static double variance(double[] x) {
            double m = mean(x);
            double s = 0;
            for (double v : x) {
                s += (v - m) * (v - m);
            }
            return x.length > 1 ? s / (x.length - 1) : Double.NaN;
        }
    }
}
