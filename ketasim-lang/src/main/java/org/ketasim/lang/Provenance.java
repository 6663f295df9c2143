package org.ketasim.lang;

import java.util.Objects;

/**
 * Where a parameter value comes from: every covariate, parameter and switch of a model cites one.
 *
 * @param type the kind of evidence
 * @param text the citation ({@code SOURCE}), the reasoning ({@code ASSUMED}) or the calibration target
 *             ({@code CALIBRATED}); never empty
 */
public record Provenance(Type type, String text) {

    /** The kinds of provenance, written {@code source}, {@code assumed} and {@code calibrated} in a model. */
    public enum Type {
        /** A published value: the paper and the table, row or reference id. */
        SOURCE,
        /** A modelling assumption, with the reasoning. */
        ASSUMED,
        /** Fitted to a named target in {@code shared/reference/}. */
        CALIBRATED;

        /** @return the keyword as written in a model: source, assumed or calibrated */
        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @throws NullPointerException if an argument is null */
    public Provenance {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }

    /** @return the provenance as written, e.g. {@code source "Kamp 2020"} */
    @Override
    public String toString() {
        return type.keyword() + " \"" + text + "\"";
    }
}
