package org.ketasim.trial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Kaplan–Meier estimate of an event-free fraction, with Greenwood's variance on the log(-log) scale,
 * and its median with the interval where the confidence band crosses one half (Brookmeyer–Crowley).
 */
public final class KaplanMeier {

    /** One step of the curve: time, event-free fraction and its 95% band, number at risk. */
    public record Point(double time, double survival, double lo, double hi, int atRisk) {
    }

    private final List<Point> points;

    private KaplanMeier(List<Point> points) {
        this.points = points;
    }

    /**
     * Fits the curve.
     *
     * @param times  event or censoring times (any unit; results are in the same unit)
     * @param events true where the time is an event, false where it is censored
     */
    public static KaplanMeier fit(double[] times, boolean[] events) {
        Integer[] order = new Integer[times.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
        // group equal times: events and censorings at each distinct time, in time order
        double[] at = new double[times.length];
        int[] d = new int[times.length];
        int[] c = new int[times.length];
        int groups = 0;
        int i = 0;
        while (i < order.length) {
            double t = times[order[i]];
            at[groups] = t;
            while (i < order.length && times[order[i]] == t) {
                if (events[order[i]]) {
                    d[groups]++;
                } else {
                    c[groups]++;
                }
                i++;
            }
            groups++;
        }
        return fromCounts(Arrays.copyOf(at, groups), Arrays.copyOf(d, groups), Arrays.copyOf(c, groups));
    }

    /**
     * Fits the curve from counts at distinct times: the same curve as {@link #fit} on the subjects behind the
     * counts, bit for bit. This is how a trial fits it without keeping its subjects: relapse times lie on the
     * trial's time grid, so counts per grid time lose nothing.
     *
     * @param times     distinct times, increasing
     * @param events    events at each time
     * @param censored  censorings at each time
     * @throws IllegalArgumentException if the arrays differ in length or the times do not increase
     */
    public static KaplanMeier fromCounts(double[] times, int[] events, int[] censored) {
        if (events.length != times.length || censored.length != times.length) {
            throw new IllegalArgumentException("times, events and censored differ in length");
        }
        int total = 0;
        for (int g = 0; g < times.length; g++) {
            if (g > 0 && !(times[g] > times[g - 1])) {
                throw new IllegalArgumentException("times must increase: " + times[g - 1] + ", " + times[g]);
            }
            total = Math.addExact(total, Math.addExact(events[g], censored[g]));
        }
        List<Point> pts = new ArrayList<>();
        pts.add(new Point(0, 1, 1, 1, total));
        double s = 1;
        double greenwood = 0;
        int atRisk = total;
        for (int g = 0; g < times.length; g++) {
            int d = events[g];
            if (d > 0) {
                s *= 1 - (double) d / atRisk;
                if (atRisk > d) {
                    greenwood += (double) d / ((double) atRisk * (atRisk - d));
                }
                double lo = s;
                double hi = s;
                if (s > 0 && s < 1) {
                    double se = Math.sqrt(greenwood) / Math.abs(Math.log(s));
                    double ll = Math.log(-Math.log(s));
                    lo = Math.exp(-Math.exp(ll + Estimate.z() * se));
                    hi = Math.exp(-Math.exp(ll - Estimate.z() * se));
                }
                pts.add(new Point(times[g], s, lo, hi, atRisk));
            }
            atRisk -= d + censored[g];
        }
        return new KaplanMeier(List.copyOf(pts));
    }

    public List<Point> points() {
        return points;
    }

    /** The median event time with its 95% interval; NaN where the curve (or band) never reaches one half. */
    public Estimate median(int n) {
        return new Estimate(firstAtOrBelowHalf(0), firstAtOrBelowHalf(-1), firstAtOrBelowHalf(1), n);
    }

    /** The event-free fraction at the end of follow-up. */
    public Point last() {
        return points.get(points.size() - 1);
    }

    private double firstAtOrBelowHalf(int which) {
        for (Point p : points) {
            double v = which == 0 ? p.survival() : which < 0 ? p.lo() : p.hi();
            if (v <= 0.5) {
                return p.time();
            }
        }
        return Double.NaN;
    }
}
