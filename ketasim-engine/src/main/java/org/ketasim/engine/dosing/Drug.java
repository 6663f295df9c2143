package org.ketasim.engine.dosing;

import java.util.Locale;

/**
 * The administered product, described by how its base mass splits between the two enantiomers.
 *
 * <p>Racemic ketamine is a 50:50 mixture of S- and R-ketamine (same molar mass), so a dose of
 * {@code X} mg of racemate sends {@code 0.5 X} mg to the model's S targets and {@code 0.5 X} mg to its R
 * targets. Esketamine is pure S-ketamine and arketamine pure R-ketamine.
 */
public enum Drug {

    /** Racemic ketamine (Ketalar and generics): 50 % S, 50 % R. */
    KETAMINE(0.5, 0.5),

    /** Esketamine (S-ketamine; Spravato, Ketanest S): 100 % S. */
    ESKETAMINE(1.0, 0.0),

    /** Arketamine (R-ketamine): 100 % R. */
    ARKETAMINE(0.0, 1.0);

    /** Enantiomer names as written in a model's {@code [dosing]} block, in the order S, R. */
    private static final String[] ENANTIOMERS = {"S", "R"};

    private final double sFraction;
    private final double rFraction;

    Drug(final double sFraction, final double rFraction) {
        this.sFraction = sFraction;
        this.rFraction = rFraction;
    }

    /**
     * Fraction of the base mass that is S-ketamine.
     *
     * @return mass fraction (dimensionless, 0 to 1)
     */
    public double sFraction() {
        return sFraction;
    }

    /**
     * Fraction of the base mass that is R-ketamine.
     *
     * @return mass fraction (dimensionless, 0 to 1)
     */
    public double rFraction() {
        return rFraction;
    }

    /**
     * Fraction of the base mass that is the named enantiomer.
     *
     * @param enantiomer "S" or "R", as in a model's {@code [dosing]} block
     * @return mass fraction (dimensionless, 0 to 1)
     * @throws IllegalArgumentException for any other name
     */
    public double fractionOf(final String enantiomer) {
        if ("S".equals(enantiomer)) {
            return sFraction;
        }
        if ("R".equals(enantiomer)) {
            return rFraction;
        }
        throw new IllegalArgumentException("unknown enantiomer '" + enantiomer + "'; valid: S, R");
    }

    /**
     * The enantiomer names a model uses, in a fixed order (S, R).
     *
     * @return a new array {"S", "R"}
     */
    public static String[] enantiomers() {
        return ENANTIOMERS.clone();
    }

    /**
     * The lower-case name used on the command line and in files.
     *
     * @return ketamine, esketamine or arketamine
     */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a drug name, ignoring case and surrounding blanks.
     *
     * <p>Accepted: {@code ketamine racemic racemate esketamine s-ketamine arketamine r-ketamine}.
     *
     * @param text the name as typed
     * @return the drug
     * @throws IllegalArgumentException (one line, listing the valid names) if the text names no drug
     */
    public static Drug parse(final String text) {
        final String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "ketamine":
            case "racemic":
            case "racemate":
            case "racemic ketamine":
                return KETAMINE;
            case "esketamine":
            case "s-ketamine":
            case "s ketamine":
            case "sketamine":
                return ESKETAMINE;
            case "arketamine":
            case "r-ketamine":
            case "r ketamine":
            case "rketamine":
                return ARKETAMINE;
            default:
                throw new IllegalArgumentException("unknown drug '" + text
                        + "'; valid drugs: ketamine (racemic), esketamine (s-ketamine), arketamine (r-ketamine)");
        }
    }
}
