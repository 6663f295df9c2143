package org.ketasim.trial;

import java.util.List;

import org.ketasim.trial.TrialResult.EndpointResult;
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
 *
 * <p>Endpoints are computed from an arm's {@link ArmAccumulator}, never from its list of subjects, so that a trial's
 * memory does not grow with its size.
 */
final class Endpoints {

    private Endpoints() {
    }

    /**
     * Endpoint {@code endpoint} (its index in the specification) of an arm, from the arm's accumulator and, for
     * comparisons, the other arm's.
     */
    static EndpointResult compute(Endpoint e, int endpoint, ArmAccumulator arm, ArmAccumulator vs) {
        switch (e.kind()) {
            case RESPONSE_RATE:
            case REMISSION_RATE: {
                ArmAccumulator.Hits h = (ArmAccumulator.Hits) arm.slot(endpoint);
                return new EndpointResult(Estimate.proportion(h.hits(), arm.n()), "fraction", List.of());
            }
            case MEAN_CHANGE:
            case MEAN_SCORE:
                return new EndpointResult(Estimate.mean(sample(arm, endpoint)), "points", List.of());
            case DIFFERENCE_VS:
                return new EndpointResult(Estimate.meanDifference(sample(arm, endpoint), sample(vs, endpoint)), "points", List.of());
            case EFFECT_SIZE_D:
                // positive when this arm improves more than the comparator (the convention of the trial reports)
                return new EndpointResult(Estimate.cohensD(sample(vs, endpoint), sample(arm, endpoint)), "1", List.of());
            default: {
                ArmAccumulator.Relapses r = (ArmAccumulator.Relapses) arm.slot(endpoint);
                KaplanMeier km = r.curve();
                if (e.kind() == EndpointKind.MEDIAN_DAYS_TO_RELAPSE) {
                    return new EndpointResult(km.median(r.responders()), "d", km.points());
                }
                KaplanMeier.Point last = km.last();
                return new EndpointResult(new Estimate(last.survival(), last.lo(), last.hi(), r.responders()), "fraction relapse-free",
                        km.points());
            }
        }
    }

    private static Estimate.Sample sample(ArmAccumulator arm, int endpoint) {
        return ((ArmAccumulator.Moments) arm.slot(endpoint)).sample();
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
