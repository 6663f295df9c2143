package org.ketasim.trial.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.ketasim.trial.ReferenceTargets;
import org.ketasim.trial.TrialSpec;

/**
 * One published value the calibration fits: an endpoint of one arm of one trial.
 *
 * @param trial     trial name ({@link TrialSpec#name()})
 * @param id        target id (row of {@code reference/trial-targets.csv})
 * @param endpoint  endpoint name in the spec
 * @param arm       arm name in the spec
 * @param published the published value
 * @param n         patients behind the published value, or 0 when unknown
 */
public record CalibrationTarget(String trial, String id, String endpoint, String arm, double published, int n) {

    /**
     * The numeric targets named by the specs' {@code targets:} lists, looked up in {@code reference}.
     * Targets whose published value is not a number (a range, a time) are skipped and reported to {@code skipped}.
     *
     * @throws IllegalArgumentException if an id is not in the reference table
     */
    public static List<CalibrationTarget> of(List<TrialSpec> specs, ReferenceTargets reference, List<String> skipped) {
        List<CalibrationTarget> out = new ArrayList<>();
        for (TrialSpec spec : specs) {
            for (TrialSpec.Target t : spec.targets()) {
                ReferenceTargets.Row row = reference.row(t.id()).orElseThrow(() -> new IllegalArgumentException(
                        spec.name() + ": target id '" + t.id() + "' is not in reference/trial-targets.csv"));
                OptionalDouble v = row.number();
                if (v.isEmpty()) {
                    skipped.add(t.id() + " (value '" + row.value() + "' is not a number)");
                    continue;
                }
                int n;
                try {
                    n = Integer.parseInt(row.n().trim());
                } catch (RuntimeException e) {
                    n = 0;
                }
                out.add(new CalibrationTarget(spec.name(), t.id(), t.endpoint(), t.arm(), v.getAsDouble(), n));
            }
        }
        return out;
    }

    /**
     * The scale a residual is divided by, so that targets in fractions, points and days weigh alike:
     * <ul>
     *   <li>rates ({@code unit} "fraction") with a known n: the binomial standard error of the published value,
     *       sqrt(p(1 − p)/n), p clamped to [0.05, 0.95], at least 0.02;</li>
     *   <li>means (mean changes and scores, "points") with a known n: the standard error of the published mean,
     *       SD/sqrt(n), with the SD of the simulated arm (the table has no SDs), at least 1 point;</li>
     *   <li>effect sizes ("1") with a known n: the large-sample SE of Cohen's d, sqrt(4/n + d²/(2n));</li>
     *   <li>anything else (days to relapse, rows without n): 10% of |published|, at least a floor by unit
     *       (0.02 for a fraction, 1 point, 1 day, 0.05 for an effect size, else 0.1).</li>
     * </ul>
     * The objective is the sum of ((simulated − published) / scale)²: a target one scale off adds 1.
     */
    public double scale(String unit, org.ketasim.trial.Estimate simulated) {
        if (n > 0 && "points".equals(unit) && Double.isFinite(simulated.lo()) && Double.isFinite(simulated.hi()) && simulated.n() > 1) {
            // the standard error of the published mean, with the SD of the simulated arm
            double sd = (simulated.hi() - simulated.lo()) / (2 * 1.959963984540054) * Math.sqrt(simulated.n());
            return Math.max(1, sd / Math.sqrt(n));
        }
        if (n > 0 && "1".equals(unit)) {
            // large-sample standard error of Cohen's d with n patients in all (Hedges & Olkin 1985)
            return Math.max(0.05, Math.sqrt(4.0 / n + published * published / (2.0 * n)));
        }
        return scale(unit);
    }

    /** The scale without a simulated arm: see {@link #scale(String, org.ketasim.trial.Estimate)}. */
    public double scale(String unit) {
        if ("fraction".equals(unit) && n > 0) {
            double p = Math.min(0.95, Math.max(0.05, published));
            return Math.max(0.02, Math.sqrt(p * (1 - p) / n));
        }
        double floor;
        switch (unit == null ? "" : unit) {
            case "fraction":
                floor = 0.02;
                break;
            case "points":
            case "d":
                floor = 1;
                break;
            case "1":
                floor = 0.05;
                break;
            default:
                floor = 0.1;
        }
        return Math.max(floor, 0.1 * Math.abs(published));
    }
}
