package org.ketasim.population;

/**
 * Response, remission and relapse as trials define them. Scores and baselines are in points of one scale.
 *
 * <ul>
 *   <li><b>Response</b>: a fall of at least 50 % from baseline, {@code score <= 0.5 * baseline} (the convention of
 *       every trial in trial-targets.csv; shared/reference/README.md).</li>
 *   <li><b>Remission</b>: the scale's published threshold ({@link Scale#remissionThreshold()}): MADRS &le; 10,
 *       HAM-D17 &le; 7, QIDS-SR16 &le; 5, PHQ-9 &lt; 5. Trials that use another cut-off (Lii 2023: MADRS &le; 12;
 *       KADS: MADRS &lt; 10) pass it to {@link #remission(Scale, double, double)}.</li>
 *   <li><b>Relapse</b>: a responder no longer meets the response criterion, {@code score > 0.5 * baseline}, with the
 *       baseline taken before the first dose. This is the rule of the repeated-infusion studies in
 *       trial-targets.csv (aan het Rot 2010 and Murrough 2013b: relapse when the MADRS reduction from the
 *       pre-treatment baseline falls below 50 %; their wording is from memory, not retrieved). Some trials also
 *       require it at two consecutive visits; that is a rule across visits, which the trial layer applies by
 *       calling this method at each.</li>
 * </ul>
 */
public final class Outcomes {

    private Outcomes() {
    }

    /**
     * @param baseline the baseline score (points), &ge; 0; a baseline of 0 has nothing to halve, so never responds
     * @param score    the current score (points)
     * @return true when {@code score <= 0.5 * baseline} and baseline &gt; 0
     * @throws IllegalArgumentException for NaN or a negative baseline
     */
    public static boolean response(double baseline, double score) {
        check(baseline, score);
        return baseline > 0 && score <= 0.5 * baseline;
    }

    /**
     * @param scale the scale of {@code score}
     * @param score the score (points)
     * @return true at or below the scale's published threshold (below it for PHQ-9)
     * @throws IllegalArgumentException for NaN, or a scale without a published threshold (CAPS-5, pain NRS, CADSS)
     */
    public static boolean remission(Scale scale, double score) {
        if (!scale.hasRemissionThreshold()) {
            throw new IllegalArgumentException(scale.label() + " has no published remission threshold; pass one to "
                    + "remission(scale, score, threshold)");
        }
        checkScore(score);
        return scale.remissionStrict() ? score < scale.remissionThreshold() : score <= scale.remissionThreshold();
    }

    /**
     * @param scale     the scale of {@code score} (for messages)
     * @param score     the score (points)
     * @param threshold the trial's threshold (points), inclusive: pass 4 for a whole-point rule "&lt; 5"
     * @return true when {@code score <= threshold}
     * @throws IllegalArgumentException for NaN
     */
    public static boolean remission(Scale scale, double score, double threshold) {
        checkScore(score);
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException(scale.label() + " remission threshold is NaN");
        }
        return score <= threshold;
    }

    /**
     * @param baseline the pre-treatment baseline score (points), &ge; 0
     * @param score    the current score (points)
     * @return true when {@code score > 0.5 * baseline}: the response criterion is no longer met
     * @throws IllegalArgumentException for NaN or a negative baseline
     */
    public static boolean relapse(double baseline, double score) {
        check(baseline, score);
        return score > 0.5 * baseline;
    }

    private static void check(double baseline, double score) {
        if (Double.isNaN(baseline) || baseline < 0) {
            throw new IllegalArgumentException("baseline score must be >= 0, got " + baseline);
        }
        checkScore(score);
    }

    private static void checkScore(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score is NaN");
        }
    }
}
