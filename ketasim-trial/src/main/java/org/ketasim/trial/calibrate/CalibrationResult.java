package org.ketasim.trial.calibrate;

import java.util.List;
import java.util.Map;

/**
 * What a calibration found.
 *
 * @param initial          starting values (model file's units), in the order of the free parameters
 * @param best             best values found (model file's units)
 * @param initialObjective objective at the starting values
 * @param objective        objective at the best values
 * @param targets          each target at the start and at the best values
 * @param checksBefore     the mechanistic facts at the start (empty when not part of the objective)
 * @param checksAfter      the mechanistic facts at the best values
 * @param evaluations      objective evaluations used (each runs every trial once)
 */
public record CalibrationResult(Map<String, Double> initial, Map<String, Double> best, double initialObjective, double objective,
                                List<TargetFit> targets, List<MechanismPenalties.Check> checksBefore,
                                List<MechanismPenalties.Check> checksAfter, int evaluations) {

    /**
     * One target before and after.
     *
     * @param target the target
     * @param unit   the endpoint's unit (fraction, points, d, 1)
     * @param scale  the residual scale ({@link CalibrationTarget#scale})
     * @param before simulated at the starting values (NaN when not reached)
     * @param after  simulated at the best values
     */
    public record TargetFit(CalibrationTarget target, String unit, double scale, double before, double after) {
    }
}
