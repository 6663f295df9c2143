package org.ketasim.population;

/**
 * Conversions between depression scales, all through the MADRS (the scale of the model's mood state).
 *
 * <p>Each link is a strictly increasing piecewise-linear curve through published corresponding scores, so it is
 * monotone and exactly invertible: {@code toMadrs(s, fromMadrs(s, x)) == x} to rounding for every x in
 * [0, 60]. Inputs and outputs are clamped to the scales' ranges. Anchors (scale score : MADRS):
 *
 * <table>
 *   <caption>Crosswalk anchors</caption>
 *   <tr><th>Scale</th><th>Anchors</th><th>Source</th></tr>
 *   <tr><td>HAM-D17</td><td>0:0, 10:13, 20:26, 30:39, 40:52.5, 52:60</td>
 *       <td>Leucht 2018 J Affect Disord 226:326 (equipercentile linking, 4,388 patients, 31 mirtazapine trials):
 *       "HAM-D scores of 10, 20, 30 and 40 roughly corresponded to MADRS scores of 13, 26, 39 and 52-53"
 *       (abstract; 52-53 taken as 52.5). 0:0 and 52:60 join the scale floors and ceilings (assumed). Check:
 *       HAM-D 7 gives MADRS 9.1; Carmody 2006 Eur Neuropsychopharmacol 16:601 (IRT) found HAM-D17 7 ~ MADRS
 *       8-9.</td></tr>
 *   <tr><td>QIDS-SR16</td><td>0:0, 5:7.5, 12.5:21.9, 17.6:31.9, 27:60</td>
 *       <td>Carmody 2006 J Affect Disord 95:115 (IRT, 233 treatment-resistant outpatients): "a QIDS-SR16 total
 *       score of 5 was comparable to a MADRS total score of 7 or 8 (7.5)"; means at one year (QIDS 12.5, MADRS
 *       21.9) and at baseline (17.6, 31.9) of the same patients, used as mean-equating points (their
 *       mean-sigma line, MADRS = 21.9 + (11.0/5.8)(QIDS - 12.5), gives 7.7 at QIDS 5, consistent). 0:0 and 27:60
 *       join the floors and ceilings (assumed); above QIDS 17.6 the link is therefore an interpolation to the
 *       ceiling, steeper than the mean-sigma line.</td></tr>
 *   <tr><td>PHQ-9</td><td>via QIDS-SR16: 0:0, 5:6, 10:11, 15:16, 20:21, 27:27 (PHQ-9 : QIDS-SR16)</td>
 *       <td><b>Assumed</b>: aligns the lower edges of the published severity bands, PHQ-9 5/10/15/20 (mild,
 *       moderate, moderately severe, severe; Kroenke 2001) with QIDS-SR16 6/11/16/21 (mild, moderate, severe,
 *       very severe; Rush 2003, www.ids-qids.org). Both rate the nine DSM-IV criteria 0-3 (range 0-27). A
 *       published PHQ-9 link (Palmer 2024 Neuropsychiatr Dis Treat 20:671, PHQ-9 vs QIDS-C; Wahl 2014 J Clin
 *       Epidemiol 67:73, PROMIS common metric) was not retrieved. PHQ-9 10 gives MADRS 19.0, PHQ-9 20 gives
 *       MADRS 42.1.</td></tr>
 * </table>
 *
 * <p>CAPS-5, the pain NRS and the CADSS measure other constructs and have no MADRS link: asking for one throws
 * {@link IllegalArgumentException}.
 */
public final class Crosswalk {

    /** (HAM-D17, MADRS), Leucht 2018. */
    private static final Link HAMD17 = new Link(
            new double[] {0, 10, 20, 30, 40, 52},
            new double[] {0, 13, 26, 39, 52.5, 60});
    /** (QIDS-SR16, MADRS), Carmody 2006 J Affect Disord. */
    private static final Link QIDS = new Link(
            new double[] {0, 5, 12.5, 17.6, 27},
            new double[] {0, 7.5, 21.9, 31.9, 60});
    /** (PHQ-9, QIDS-SR16), assumed severity-band alignment. */
    private static final Link PHQ9_TO_QIDS = new Link(
            new double[] {0, 5, 10, 15, 20, 27},
            new double[] {0, 6, 11, 16, 21, 27});

    private Crosswalk() {
    }

    /**
     * @param scale a scale
     * @return true when {@link #fromMadrs} and {@link #toMadrs} accept it (MADRS, HAM-D17, QIDS-SR16, PHQ-9)
     */
    public static boolean supports(Scale scale) {
        return scale == Scale.MADRS || scale == Scale.HAMD17 || scale == Scale.QIDS_SR16 || scale == Scale.PHQ9;
    }

    /**
     * A MADRS score on another depression scale.
     *
     * @param to    the target scale
     * @param madrs the MADRS score (points; clamped to 0-60)
     * @return the corresponding score on {@code to} (points, within its range; not rounded)
     * @throws IllegalArgumentException for NaN or a scale without a MADRS link
     */
    public static double fromMadrs(Scale to, double madrs) {
        double m = Scale.MADRS.clamp(checked(madrs, "MADRS"));
        switch (check(to)) {
            case MADRS:
                return m;
            case HAMD17:
                return to.clamp(HAMD17.inverse(m));
            case QIDS_SR16:
                return to.clamp(QIDS.inverse(m));
            case PHQ9:
                return to.clamp(PHQ9_TO_QIDS.inverse(QIDS.inverse(m)));
            default:
                throw new AssertionError(to);
        }
    }

    /**
     * A score on a depression scale as MADRS.
     *
     * @param from  the scale of {@code score}
     * @param score the score (points; clamped to the scale's range)
     * @return the corresponding MADRS score (points, 0-60; not rounded)
     * @throws IllegalArgumentException for NaN or a scale without a MADRS link
     */
    public static double toMadrs(Scale from, double score) {
        double s = check(from).clamp(checked(score, from.label()));
        switch (from) {
            case MADRS:
                return s;
            case HAMD17:
                return Scale.MADRS.clamp(HAMD17.forward(s));
            case QIDS_SR16:
                return Scale.MADRS.clamp(QIDS.forward(s));
            case PHQ9:
                return Scale.MADRS.clamp(QIDS.forward(PHQ9_TO_QIDS.forward(s)));
            default:
                throw new AssertionError(from);
        }
    }

    /**
     * A score on one depression scale as another, through the MADRS.
     *
     * @param from  the scale of {@code score}
     * @param to    the target scale
     * @param score the score (points)
     * @return the corresponding score on {@code to} (points)
     */
    public static double convert(Scale from, Scale to, double score) {
        return fromMadrs(to, toMadrs(from, score));
    }

    private static Scale check(Scale s) {
        if (s == null) {
            throw new IllegalArgumentException("scale is null");
        }
        if (!supports(s)) {
            throw new IllegalArgumentException("no crosswalk between MADRS and " + s.label() + ": KetaSim links only"
                    + " the depression scales (MADRS, HAM-D17, QIDS-SR16, PHQ-9); " + s.label()
                    + " measures another construct");
        }
        return s;
    }

    private static double checked(double v, String what) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException(what + " score is NaN");
        }
        return v;
    }

    /** A strictly increasing piecewise-linear map x -&gt; y through anchors, with its exact inverse. */
    private static final class Link {
        private final double[] x;
        private final double[] y;

        Link(double[] x, double[] y) {
            for (int i = 1; i < x.length; i++) {
                if (!(x[i] > x[i - 1] && y[i] > y[i - 1])) {
                    throw new IllegalStateException("crosswalk anchors must increase");
                }
            }
            this.x = x;
            this.y = y;
        }

        double forward(double v) {
            return interpolate(x, y, v);
        }

        double inverse(double v) {
            return interpolate(y, x, v);
        }

        private static double interpolate(double[] from, double[] to, double v) {
            if (v <= from[0]) {
                return to[0];
            }
            int n = from.length;
            if (v >= from[n - 1]) {
                return to[n - 1];
            }
            int i = 1;
            while (v > from[i]) {
                i++;
            }
            double f = (v - from[i - 1]) / (from[i] - from[i - 1]);
            return to[i - 1] + f * (to[i] - to[i - 1]);
        }
    }
}
