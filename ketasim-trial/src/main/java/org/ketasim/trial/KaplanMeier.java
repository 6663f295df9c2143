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
        List<Point> pts = new ArrayList<>();
        pts.add(new Point(0, 1, 1, 1, times.length));
        double s = 1;
        double greenwood = 0;
        int atRisk = times.length;
        int i = 0;
        while (i < order.length) {
            double t = times[order[i]];
            int d = 0;
            int c = 0;
            while (i < order.length && times[order[i]] == t) {
                if (events[order[i]]) {
                    d++;
                } else {
                    c++;
                }
                i++;
            }
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
                pts.add(new Point(t, s, lo, hi, atRisk));
            }
            atRisk -= d + c;
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
