package org.ketasim.trial;

import java.util.List;
import java.util.Map;

/**
 * What a virtual trial produced: per arm, the number of subjects, each endpoint with its 95% interval,
 * and the mean MADRS trajectory with a 90% band of individual courses.
 */
public record TrialResult(String name, long seed, String model, List<ArmResult> arms) {

    /** One arm's results. */
    public record ArmResult(String name, int n, Map<String, EndpointResult> endpoints, Trajectory madrs, List<KaplanMeier.Point> relapseCurve) {
    }

    /**
     * One endpoint: its estimate, and for survival endpoints the curve.
     *
     * @param estimate value with 95% interval and the subjects counted
     * @param unit     unit of the value (fraction, points, d, or 1 for effect sizes)
     * @param curve    Kaplan–Meier points for relapse endpoints, else empty
     */
    public record EndpointResult(Estimate estimate, String unit, List<KaplanMeier.Point> curve) {
    }

    /** Mean true MADRS over time with the 5th and 95th percentiles of individual courses. */
    public record Trajectory(double[] timesH, double[] mean, double[] p05, double[] p95) {
    }
}
