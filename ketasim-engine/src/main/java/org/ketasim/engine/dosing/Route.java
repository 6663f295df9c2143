package org.ketasim.engine.dosing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a dose enters the body.
 *
 * <p>Each route has the keyword a model's {@code [dosing]} block uses for it ({@link #modelName()}).
 * The model, not the engine, says where a route's dose goes (which states, with which bioavailable
 * and lost fractions); the engine only looks the route up there.
 */
public enum Route {

    /** Intravenous: bolus or infusion into the central compartment. */
    IV("iv", "intravenous", "i.v."),

    /** Intramuscular injection. */
    IM("im", "intramuscular", "i.m."),

    /** Subcutaneous injection or infusion. */
    SC("sc", "subcutaneous", "s.c.", "subcut"),

    /** Intranasal spray (for example Spravato). */
    INTRANASAL("intranasal", "in", "nasal", "i.n."),

    /** Oral (swallowed). */
    ORAL("oral", "po", "p.o."),

    /** Sublingual or buccal (held in the mouth). */
    SUBLINGUAL("sublingual", "sl", "s.l.", "buccal");

    private final String modelName;
    private final String[] aliases;

    Route(final String modelName, final String... aliases) {
        this.modelName = modelName;
        this.aliases = aliases;
    }

    /**
     * The keyword of this route in a model's {@code [dosing]} block.
     *
     * @return one of iv, im, sc, intranasal, oral, sublingual
     */
    public String modelName() {
        return modelName;
    }

    /**
     * Reads a route from its model keyword or a common alias, ignoring case and surrounding blanks.
     *
     * <p>Accepted: {@code iv intravenous im intramuscular sc subcutaneous intranasal in nasal oral po
     * sublingual sl} (and dotted abbreviations such as {@code i.v.}).
     *
     * @param text the route as typed by a user or written in a file
     * @return the route
     * @throws IllegalArgumentException (one line, listing the valid routes) if the text names no route
     */
    public static Route parse(final String text) {
        if (text != null) {
            final String key = text.trim().toLowerCase(Locale.ROOT);
            for (final Route route : values()) {
                if (route.modelName.equals(key) || Arrays.asList(route.aliases).contains(key)) {
                    return route;
                }
            }
        }
        throw new IllegalArgumentException("unknown route '" + text + "'; valid routes: " + validNames()
                + " (aliases: intravenous, intramuscular, subcutaneous, in, nasal, po, sl)");
    }

    /**
     * The route whose model keyword is exactly {@code modelName} (no aliases, case-sensitive), as
     * written in a {@code [dosing]} block.
     *
     * @param modelName a keyword from {@link #modelName()}
     * @return the route
     * @throws IllegalArgumentException if no route has that keyword
     */
    public static Route fromModelName(final String modelName) {
        for (final Route route : values()) {
            if (route.modelName.equals(modelName)) {
                return route;
            }
        }
        throw new IllegalArgumentException("unknown route keyword '" + modelName + "' in the model's [dosing] block; valid: "
                + validNames());
    }

    private static String validNames() {
        return Arrays.stream(values()).map(Route::modelName).collect(Collectors.joining(", "));
    }
}
