package org.ketasim.api;

import java.util.Locale;

/**
 * One endpoint of one arm of a virtual trial, with its 95% confidence interval.
 *
 * <p>Rates are fractions (0 to 1) with Wilson intervals, mean changes are scale points with normal
 * intervals, differences between arms use the Welch standard error, Cohen's d the Hedges–Olkin interval,
 * and relapse times are days from Kaplan–Meier curves.
 *
 * @param arm    the arm's name
 * @param name   the endpoint's name in the specification
 * @param value  the estimate, in {@code unit}
 * @param ciLow  lower 95% limit, in {@code unit} (NaN when it cannot be estimated)
 * @param ciHigh upper 95% limit, in {@code unit} (NaN when it cannot be estimated)
 * @param n      subjects counted
 * @param unit   the unit: {@code fraction}, {@code points}, {@code d}, or {@code 1} for effect sizes
 */
public record EndpointValue(String arm, String name, double value, double ciLow, double ciHigh, int n, String unit) {

    /** For example {@code "ketamine r24 = 0.62 fraction (95% CI 0.55-0.69, n = 200)"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s = %.4g %s (95%% CI %.4g-%.4g, n = %d)", arm, name, value, unit, ciLow, ciHigh, n);
    }
}
