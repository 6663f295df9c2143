package org.ketasim.engine.dosing;

/**
 * The chemical form in which a dose was labelled.
 *
 * <p>KetaSim computes in milligrams of ketamine <em>base</em>. Clinical doses are usually written as the
 * hydrochloride salt (ketamine HCl vials, "0.5 mg/kg ketamine"); Spravato's 56 and 84 mg are already
 * base. The conversion is by molar mass: ketamine base C13H16ClNO 237.73 g/mol, ketamine
 * hydrochloride C13H17Cl2NO 274.19 g/mol (Spravato USPI §11), so
 *
 * <pre>
 *   base mg = salt mg × 237.73 / 274.19 = salt mg × 0.86703
 * </pre>
 *
 * <p>(32.3 mg esketamine HCl per Spravato device = 28.0 mg base, as on the label). The factor is the same
 * for the racemate and both enantiomers, which share one molar mass.
 */
public enum Salt {

    /** Ketamine hydrochloride (the form in vials and most trial reports). */
    HCL,

    /** Ketamine free base (Spravato's labelled doses; KetaSim's internal form). */
    BASE;

    /** Molar mass of ketamine base (g/mol). */
    public static final double BASE_MOLAR_MASS = 237.73;

    /** Molar mass of ketamine hydrochloride (g/mol), Spravato USPI §11. */
    public static final double HCL_MOLAR_MASS = 274.19;

    /** Base mass per salt mass (dimensionless): 237.73 / 274.19. */
    public static final double HCL_TO_BASE = BASE_MOLAR_MASS / HCL_MOLAR_MASS;

    /**
     * Converts a mass labelled in this form to base mass.
     *
     * @param mg mass as labelled (mg of this form)
     * @return mass of ketamine base (mg)
     */
    public double toBaseMg(final double mg) {
        return this == HCL ? mg * HCL_TO_BASE : mg;
    }

    /**
     * Converts a base mass to the mass of this form.
     *
     * @param baseMg mass of ketamine base (mg)
     * @return mass in this form (mg)
     */
    public double fromBaseMg(final double baseMg) {
        return this == HCL ? baseMg / HCL_TO_BASE : baseMg;
    }
}
