package org.ketasim.trial;

import java.util.List;

import org.ketasim.population.Outcomes;
import org.ketasim.population.Scale;
import org.ketasim.trial.TrialResult.EndpointResult;
import org.ketasim.trial.TrialRunner.SubjectRatings;
import org.ketasim.trial.TrialSpec.Endpoint;

/**
 * Endpoint definitions, computed on rated scores (with rater noise), as a trial reports them.
 *
 * <ul>
 * <li>Baseline is the rating at time 0, before any dose.</li>
 * <li>Response: score at or below 50% of baseline. Remission: at or below the endpoint's threshold, else the
 * scale's published threshold.</li>
 * <li>Relapse (Murrough 2013b): responders are those in response 24 h after day {@code after_day} (the
 * morning after the last session when that is the last session day); relapse is the first later daily
 * rating that is no longer a response; time is counted in days from {@code after_day}; subjects without
 * relapse are censored at the end of follow-up.</li>
 * </ul>
 */
final class Endpoints {

    private Endpoints() {
    }

    static EndpointResult compute(Endpoint e, double[] grid, SubjectRatings[] arm, SubjectRatings[] vs, double firstH) {
        Scale s = e.scale();
        switch (e.kind()) {
            case RESPONSE_RATE: {
                int k = index(grid, firstH + e.atH());
                int hits = 0;
                for (SubjectRatings r : arm) {
                    hits += Outcomes.response(r.on(s)[0], r.on(s)[k]) ? 1 : 0;
                }
                return new EndpointResult(Estimate.proportion(hits, arm.length), "fraction", List.of());
            }
            case REMISSION_RATE: {
                int k = index(grid, firstH + e.atH());
                int hits = 0;
                for (SubjectRatings r : arm) {
                    double score = r.on(s)[k];
                    hits += (Double.isNaN(e.threshold()) ? Outcomes.remission(s, score) : Outcomes.remission(s, score, e.threshold())) ? 1 : 0;
                }
                return new EndpointResult(Estimate.proportion(hits, arm.length), "fraction", List.of());
            }
            case MEAN_CHANGE:
                return new EndpointResult(Estimate.mean(change(arm, s, index(grid, firstH + e.atH()))), "points", List.of());
            case MEAN_SCORE: {
                int k = index(grid, firstH + e.atH());
                double[] x = new double[arm.length];
                for (int i = 0; i < arm.length; i++) {
                    x[i] = arm[i].on(s)[k];
                }
                return new EndpointResult(Estimate.mean(x), "points", List.of());
            }
            case DIFFERENCE_VS: {
                int k = index(grid, firstH + e.atH());
                return new EndpointResult(Estimate.meanDifference(change(arm, s, k), change(vs, s, k)), "points", List.of());
            }
            case EFFECT_SIZE_D: {
                int k = index(grid, firstH + e.atH());
                // positive when this arm improves more than the comparator (the convention of the trial reports)
                return new EndpointResult(Estimate.cohensD(change(vs, s, k), change(arm, s, k)), "1", List.of());
            }
            default:
                return relapse(e, grid, arm, firstH);
        }
    }

    private static EndpointResult relapse(Endpoint e, double[] grid, SubjectRatings[] arm, double firstH) {
        Scale s = e.scale();
        double fromH = firstH + e.afterDay() * 24;
        int k0 = index(grid, fromH + 24);
        int responders = 0;
        for (SubjectRatings r : arm) {
            responders += Outcomes.response(r.on(s)[0], r.on(s)[k0]) ? 1 : 0;
        }
        double[] times = new double[responders];
        boolean[] events = new boolean[responders];
        int j = 0;
        for (SubjectRatings r : arm) {
            double[] x = r.on(s);
            if (!Outcomes.response(x[0], x[k0])) {
                continue;
            }
            times[j] = (grid[grid.length - 1] - fromH) / 24;
            for (int k = k0 + 1; k < grid.length; k++) {
                boolean daily = Math.abs(((grid[k] - fromH) / 24) - Math.rint((grid[k] - fromH) / 24)) < 1e-9;
                if (daily && Outcomes.relapse(x[0], x[k])) {
                    times[j] = (grid[k] - fromH) / 24;
                    events[j] = true;
                    break;
                }
            }
            j++;
        }
        KaplanMeier km = KaplanMeier.fit(times, events);
        if (e.kind() == EndpointKind.MEDIAN_DAYS_TO_RELAPSE) {
            return new EndpointResult(km.median(responders), "d", km.points());
        }
        KaplanMeier.Point last = km.last();
        return new EndpointResult(new Estimate(last.survival(), last.lo(), last.hi(), responders), "fraction relapse-free", km.points());
    }

    private static double[] change(SubjectRatings[] arm, Scale s, int k) {
        double[] d = new double[arm.length];
        for (int i = 0; i < arm.length; i++) {
            d[i] = arm[i].on(s)[k] - arm[i].on(s)[0];
        }
        return d;
    }

    static int index(double[] grid, double timeH) {
        int best = 0;
        for (int k = 0; k < grid.length; k++) {
            if (Math.abs(grid[k] - timeH) < Math.abs(grid[best] - timeH)) {
                best = k;
            }
        }
        if (Math.abs(grid[best] - timeH) > 1e-6) {
            throw new IllegalStateException("time " + timeH + " h is not on the trial grid");
        }
        return best;
    }
}
