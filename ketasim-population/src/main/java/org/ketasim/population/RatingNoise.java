package org.ketasim.population;

import java.util.random.RandomGenerator;

/**
 * Rater (residual) noise on rated scores: a rating is the true score plus a normal error, rounded to whole
 * points and clamped to the scale's range. The model gives the true score; a trial rates it.
 *
 * <p>The error standard deviations are standard errors of measurement, SEM = SD x sqrt(1 - reliability), with
 * the SD of scores in a treated sample and the reliability as labelled:
 *
 * <table>
 *   <caption>Rater noise SD</caption>
 *   <tr><th>Scale</th><th>SD (points)</th><th>Basis</th></tr>
 *   <tr><td>MADRS</td><td>3.0</td><td>assumed: SD 11.0 of a treated TRD sample (Carmody 2006 J Affect Disord
 *       95:115, one year) x sqrt(1 - 0.92), inter-rater reliability 0.92 assumed</td></tr>
 *   <tr><td>HAM-D17</td><td>2.5</td><td>assumed: the MADRS value / 1.3 (Leucht 2018 slope) = 2.3, raised because
 *       the HAM-D17 is the less precise scale (Carmody 2006 Eur Neuropsychopharmacol 16:601)</td></tr>
 *   <tr><td>QIDS-SR16</td><td>1.8</td><td>assumed: SD 5.8 (Carmody 2006 J Affect Disord, one year) x sqrt(1 - 0.9),
 *       test-retest reliability 0.9 assumed</td></tr>
 *   <tr><td>PHQ-9</td><td>2.4</td><td>SD 6 (assumed) x sqrt(1 - 0.84), 48-h test-retest r = 0.84 (Kroenke 2001 J
 *       Gen Intern Med 16:606, from memory)</td></tr>
 *   <tr><td>CAPS-5</td><td>5.0</td><td>SD 11 (assumed) x sqrt(1 - 0.78), test-retest ICC 0.78 (Weathers 2018
 *       Psychol Assess 30:383, from memory)</td></tr>
 *   <tr><td>pain NRS</td><td>1.0</td><td>assumed: about one point of day-to-day variation in chronic pain</td></tr>
 *   <tr><td>CADSS</td><td>3.0</td><td>assumed</td></tr>
 * </table>
 *
 * <p>Away from the ends of the range the rating is unbiased (rounding adds variance 1/12, not bias); near 0 or
 * the maximum the clamp biases it inward, as real floors and ceilings do.
 */
public final class RatingNoise {

    private RatingNoise() {
    }

    /**
     * @param scale the scale
     * @return the rater-noise standard deviation (points of the scale)
     */
    public static double sd(Scale scale) {
        switch (scale) {
            case MADRS:
                return 3.0;
            case HAMD17:
                return 2.5;
            case QIDS_SR16:
                return 1.8;
            case PHQ9:
                return 2.4;
            case CAPS5:
                return 5.0;
            case PAIN_NRS:
                return 1.0;
            case CADSS:
                return 3.0;
            default:
                throw new AssertionError(scale);
        }
    }

    /**
     * @param scale the scale
     * @return where {@link #sd(Scale)} comes from, and what is assumed
     */
    public static String sdSource(Scale scale) {
        switch (scale) {
            case MADRS:
                return "assumed: SEM = 11.0 x sqrt(1 - 0.92); SD from Carmody 2006 J Affect Disord 95:115, reliability assumed";
            case HAMD17:
                return "assumed: MADRS SEM / 1.3 (Leucht 2018), raised to 2.5 for the HAM-D17's lower precision (Carmody 2006)";
            case QIDS_SR16:
                return "assumed: SEM = 5.8 x sqrt(1 - 0.9); SD from Carmody 2006 J Affect Disord 95:115, reliability assumed";
            case PHQ9:
                return "SEM = 6 x sqrt(1 - 0.84); 48-h retest r 0.84 (Kroenke 2001, from memory), SD 6 assumed";
            case CAPS5:
                return "SEM = 11 x sqrt(1 - 0.78); test-retest ICC 0.78 (Weathers 2018, from memory), SD 11 assumed";
            case PAIN_NRS:
                return "assumed: about one point of day-to-day variation";
            case CADSS:
                return "assumed";
            default:
                throw new AssertionError(scale);
        }
    }

    /**
     * A rating of a true score: {@code clamp(rint(trueScore + sd(scale) * Z))}, Z standard normal drawn by inversion
     * from one {@code rng.nextLong()}.
     *
     * @param scale     the scale
     * @param trueScore the true score (points)
     * @param rng       the rater's generator (for a virtual patient, {@link VirtualPatient#noiseStream()})
     * @return the rated score: a whole number of points within the scale's range
     * @throws IllegalArgumentException if trueScore is NaN
     */
    public static double rate(Scale scale, double trueScore, RandomGenerator rng) {
        if (Double.isNaN(trueScore)) {
            throw new IllegalArgumentException(scale.label() + " true score is NaN");
        }
        double z = StandardNormal.quantile(SplitMix64.openUniform(rng));
        return scale.clamp(Math.rint(trueScore + sd(scale) * z));
    }
}
