package org.ketasim.api;

import java.util.List;

import org.ketasim.trial.Estimate;
import org.ketasim.trial.TrialResult;
import org.ketasim.trial.TrialResult.ArmResult;
import org.ketasim.trial.TrialResult.EndpointResult;

/**
 * What a {@link Trial} produced: per arm, the endpoints with their 95% intervals.
 *
 * <pre>{@code
 * EndpointValue r24 = outcome.endpoint("ketamine", "r24");
 * System.out.println(r24.value() + " [" + r24.ciLow() + ", " + r24.ciHigh() + "]");
 * }</pre>
 *
 * <p>The full result of the trial module, with mean MADRS trajectories and relapse curves, is
 * {@link #result()}. Instances are immutable and thread-safe.
 */
public final class TrialOutcome {

    private final TrialResult result;

    TrialOutcome(final TrialResult result) {
        this.result = result;
    }

    /**
     * The trial's name.
     *
     * @return the {@code name} of the specification
     */
    public String name() {
        return result.name();
    }

    /**
     * The master seed.
     *
     * @return the seed the subjects were drawn with
     */
    public long seed() {
        return result.seed();
    }

    /**
     * The arms, in the order of the specification.
     *
     * @return an unmodifiable list of arm names
     */
    public List<String> armNames() {
        return result.arms().stream().map(ArmResult::name).toList();
    }

    /**
     * The endpoints reported for an arm (an arm is not compared with itself, so a {@code difference_vs}
     * endpoint is missing from the arm it names).
     *
     * @param arm an arm name
     * @return an unmodifiable list of endpoint names, in the order of the specification
     * @throws IllegalArgumentException if there is no such arm (with a suggestion)
     */
    public List<String> endpointNames(final String arm) {
        return List.copyOf(find(arm).endpoints().keySet());
    }

    /**
     * The number of subjects simulated in an arm.
     *
     * @param arm an arm name
     * @return subjects in the arm
     * @throws IllegalArgumentException if there is no such arm (with a suggestion)
     */
    public int subjects(final String arm) {
        return find(arm).n();
    }

    /**
     * One endpoint of one arm.
     *
     * @param arm      an arm name, e.g. {@code "ketamine"}
     * @param endpoint an endpoint name, e.g. {@code "r24"}
     * @return the estimate with its 95% interval and unit
     * @throws IllegalArgumentException if there is no such arm or endpoint (with a suggestion)
     */
    public EndpointValue endpoint(final String arm, final String endpoint) {
        final ArmResult a = find(arm);
        final EndpointResult r = a.endpoints().get(endpoint);
        if (r == null) {
            throw new IllegalArgumentException("arm " + a.name() + " of trial " + result.name() + " has no endpoint '" + endpoint + "'"
                    + Names2.didYouMean(endpoint, a.endpoints().keySet()) + "; its endpoints: " + String.join(", ", a.endpoints().keySet()));
        }
        final Estimate e = r.estimate();
        return new EndpointValue(a.name(), endpoint, e.value(), e.lo(), e.hi(), e.n(), r.unit());
    }

    private ArmResult find(final String arm) {
        for (final ArmResult a : result.arms()) {
            if (a.name().equals(arm)) {
                return a;
            }
        }
        throw new IllegalArgumentException("trial " + result.name() + " has no arm '" + arm + "'" + Names2.didYouMean(arm, armNames())
                + "; its arms: " + String.join(", ", armNames()));
    }

    /**
     * The trial module's full result: endpoints, mean MADRS trajectories with 90% bands, relapse curves.
     *
     * @return the result
     */
    public TrialResult result() {
        return result;
    }

    /** For example {@code "TrialOutcome[murrough-2013, arms ketamine, midazolam]"}. */
    @Override
    public String toString() {
        return "TrialOutcome[" + result.name() + ", arms " + String.join(", ", armNames()) + "]";
    }
}
