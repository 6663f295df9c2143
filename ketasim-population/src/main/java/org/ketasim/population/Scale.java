package org.ketasim.population;

import java.util.Locale;

/**
 * Clinical rating scales that KetaSim reports or converts to: their range, published remission threshold and
 * source. Scores are in points of the scale.
 *
 * <table>
 *   <caption>Scales</caption>
 *   <tr><th>Scale</th><th>Range (points)</th><th>Remission</th><th>Sources</th></tr>
 *   <tr><td>MADRS</td><td>0-60 (10 items x 0-6)</td><td>&le; 10</td><td>Montgomery &amp; Asberg 1979 Br J
 *       Psychiatry 134:382; &le; 10 as in KetECT (Ekstrand 2022) and Zimmerman 2004 J Clin Psychiatry
 *       65:163 (some trials use &le; 12, Lii 2023, or &lt; 10, KADS)</td></tr>
 *   <tr><td>HAM-D17</td><td>0-52</td><td>&le; 7</td><td>Hamilton 1960 J Neurol Neurosurg Psychiatry 23:56;
 *       &le; 7 Frank 1991 Arch Gen Psychiatry 48:851</td></tr>
 *   <tr><td>QIDS-SR16</td><td>0-27 (9 domains x 0-3)</td><td>&le; 5</td><td>Rush 2003 Biol Psychiatry
 *       54:573; &le; 5 as in STAR*D and www.ids-qids.org</td></tr>
 *   <tr><td>PHQ-9</td><td>0-27 (9 items x 0-3)</td><td>&lt; 5</td><td>Kroenke 2001 J Gen Intern Med 16:606
 *       (0-4 none/minimal); &lt; 5 as in McInnes 2022 (trial-targets mcinnes2022_rem)</td></tr>
 *   <tr><td>CAPS-5</td><td>0-80 (20 items x 0-4)</td><td>none</td><td>Weathers 2018 Psychol Assess 30:383;
 *       no single accepted remission cut-off, pass one</td></tr>
 *   <tr><td>pain NRS</td><td>0-10</td><td>none</td><td>11-point numeric rating scale; relief is judged by
 *       change (Farrar 2001 Pain 94:149: 30 % or 2 points is clinically important)</td></tr>
 *   <tr><td>CADSS</td><td>0-92 (23 subjective items x 0-4)</td><td>none</td><td>Bremner 1998 J Trauma Stress
 *       11:125; a dissociation (side-effect) scale</td></tr>
 * </table>
 */
public enum Scale {
    /** Montgomery-Asberg Depression Rating Scale, 0-60. */
    MADRS("MADRS", 60, 10, false,
            "Montgomery & Asberg 1979 Br J Psychiatry 134:382; remission <= 10 (Zimmerman 2004 J Clin Psychiatry "
            + "65:163; KetECT, Ekstrand 2022)"),
    /** 17-item Hamilton Depression Rating Scale, 0-52. */
    HAMD17("HAM-D17", 52, 7, false,
            "Hamilton 1960 J Neurol Neurosurg Psychiatry 23:56; remission <= 7 (Frank 1991 Arch Gen Psychiatry 48:851)"),
    /** 16-item Quick Inventory of Depressive Symptomatology, self-report, 0-27. */
    QIDS_SR16("QIDS-SR16", 27, 5, false,
            "Rush 2003 Biol Psychiatry 54:573; remission <= 5 (STAR*D; www.ids-qids.org)"),
    /** 9-item Patient Health Questionnaire, 0-27. */
    PHQ9("PHQ-9", 27, 5, true,
            "Kroenke 2001 J Gen Intern Med 16:606; remission < 5 (none/minimal 0-4; McInnes 2022)"),
    /** Clinician-Administered PTSD Scale for DSM-5, total severity 0-80. */
    CAPS5("CAPS-5", 80, Double.NaN, false,
            "Weathers 2018 Psychol Assess 30:383; no single accepted remission threshold"),
    /** Pain numeric rating scale, 0-10. */
    PAIN_NRS("pain NRS", 10, Double.NaN, false,
            "11-point numeric rating scale; clinically important change 30 % or 2 points (Farrar 2001 Pain 94:149)"),
    /** Clinician-Administered Dissociative States Scale, 23 subjective items, 0-92. */
    CADSS("CADSS", 92, Double.NaN, false,
            "Bremner 1998 J Trauma Stress 11:125; 23 subjective items scored 0-4");

    private final String label;
    private final double max;
    private final double remission;
    private final boolean remissionStrict;
    private final String source;

    Scale(String label, double max, double remission, boolean remissionStrict, String source) {
        this.label = label;
        this.max = max;
        this.remission = remission;
        this.remissionStrict = remissionStrict;
        this.source = source;
    }

    /** @return the usual written name ({@code "HAM-D17"}, {@code "PHQ-9"}, {@code "pain NRS"}) */
    public String label() {
        return label;
    }

    /** @return the lowest possible score (points): 0 for every scale here */
    public double min() {
        return 0;
    }

    /** @return the highest possible score (points) */
    public double max() {
        return max;
    }

    /**
     * @return the published remission threshold (points), or NaN where the scale has none (CAPS-5, pain NRS,
     *         CADSS); whether the threshold itself counts is {@link #remissionStrict()}
     */
    public double remissionThreshold() {
        return remission;
    }

    /** @return true when remission is {@code score < threshold} (PHQ-9 &lt; 5), false for {@code score <= threshold} */
    public boolean remissionStrict() {
        return remissionStrict;
    }

    /** @return true when the scale has a published remission threshold */
    public boolean hasRemissionThreshold() {
        return !Double.isNaN(remission);
    }

    /** @return the scale's reference and the source of its remission threshold */
    public String source() {
        return source;
    }

    /**
     * @param score a score (points)
     * @return the score clamped to [{@link #min()}, {@link #max()}]
     */
    public double clamp(double score) {
        return Math.max(min(), Math.min(max, score));
    }

    /**
     * Reads a scale name, ignoring case, spaces, hyphens and underscores: {@code "MADRS"}; {@code "HAM-D17"},
     * {@code "HAMD"}, {@code "HAM-D"}, {@code "HDRS"}, {@code "HRSD17"}; {@code "QIDS-SR16"}, {@code "QIDS-SR"},
     * {@code "QIDS"}; {@code "PHQ-9"}, {@code "PHQ9"}; {@code "CAPS-5"}; {@code "pain NRS"}, {@code "NRS"};
     * {@code "CADSS"}; and the constant names ({@code "PAIN_NRS"}).
     *
     * @param s the text
     * @return the scale
     * @throws IllegalArgumentException for null or unknown text, listing the names
     */
    public static Scale parse(String s) {
        if (s != null) {
            String k = s.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
            switch (k) {
                case "madrs":
                    return MADRS;
                case "hamd17": case "hamd": case "hdrs": case "hdrs17": case "hrsd": case "hrsd17":
                    return HAMD17;
                case "qidssr16": case "qidssr": case "qids": case "qids16":
                    return QIDS_SR16;
                case "phq9":
                    return PHQ9;
                case "caps5": case "caps":
                    return CAPS5;
                case "painnrs": case "nrs": case "pain":
                    return PAIN_NRS;
                case "cadss":
                    return CADSS;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown rating scale '" + s
                + "'; known: MADRS, HAM-D17, QIDS-SR16, PHQ-9, CAPS-5, pain NRS, CADSS");
    }
}
