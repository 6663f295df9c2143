package org.ketasim.population;

import java.nio.file.Path;
import org.ketasim.lang.Model;

/** Shared fixtures and statistics for the tests. */
final class TestSupport {

    private static Model ketamine;

    private TestSupport() {
    }

    /** @return models/ketamine.ksm of this checkout, loaded once */
    static synchronized Model ketamine() {
        if (ketamine == null) {
            try {
                ketamine = Model.load(Path.of("..", "models", "ketamine.ksm"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return ketamine;
    }

    static int index(String parameter) {
        return ketamine().parameterIndex(parameter).getAsInt();
    }

    static java.util.List<Double> boxed(double[] x) {
        return java.util.Arrays.stream(x).boxed().toList();
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Exact moments of a law by the midpoint rule over its quantile function. */
    record Moments(double mean, double sd, double mu4) {
        static Moments of(Distribution law) {
            int n = 400_000;
            double s1 = 0;
            for (int i = 0; i < n; i++) {
                s1 += law.quantile((i + 0.5) / n);
            }
            double m = s1 / n;
            double s2 = 0;
            double s4 = 0;
            for (int i = 0; i < n; i++) {
                double d = law.quantile((i + 0.5) / n) - m;
                s2 += d * d;
                s4 += d * d * d * d;
            }
            return new Moments(m, Math.sqrt(s2 / n), s4 / n);
        }

        /** @return the standard error of a sample mean of n */
        double seMean(int n) {
            return sd / Math.sqrt(n);
        }

        /** @return the standard error of a sample SD of n: sqrt((mu4 - sd^4) / n) / (2 sd) */
        double seSd(int n) {
            return Math.sqrt((mu4 - Math.pow(sd, 4)) / n) / (2 * sd);
        }
    }
}
