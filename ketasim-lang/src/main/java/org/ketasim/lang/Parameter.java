package org.ketasim.lang;

import java.util.Objects;
import org.ketasim.units.Unit;

/**
 * A covariate, parameter or switch of a model, as declared in its row.
 *
 * <p>{@link #value()} is the number as written, in {@link #unit()}; {@link #canonicalValue()} is the same
 * quantity in canonical units (mg, L, h, µmol, points), which is what the equations see. Its index in the
 * parameter array {@code p[]} is its position in {@link Model#parameters()}.
 *
 * @param name       the name
 * @param kind       covariate, parameter or switch
 * @param value      the value as written
 * @param unit       the unit as written ({@link Unit#ONE} when none was written, and for switches)
 * @param label      the human-readable label
 * @param provenance the citation, assumption or calibration target
 * @param bsvCv      between-subject variability as a coefficient of variation (0.25 for {@code bsv 25%}),
 *                   or NaN when none was declared
 * @param line       the 1-based line of the row in the model source
 */
public record Parameter(String name, Kind kind, double value, Unit unit, String label, Provenance provenance,
                        double bsvCv, int line) {

    /** The three blocks a parameter can be declared in. */
    public enum Kind {
        /** {@code [covariates]}: per-patient inputs such as body weight. */
        COVARIATE,
        /** {@code [parameters]}: fixed-effect values. */
        PARAMETER,
        /** {@code [switches]}: 0 or 1, turning a contested pathway off or on. */
        SWITCH
    }

    /** @throws NullPointerException if an object argument is null */
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** @return the value in canonical units: {@code value * unit.factor()} */
    public double canonicalValue() {
        return unit.toCanonical(value);
    }

    /** @return true when a between-subject variability was declared */
    public boolean hasBsv() {
        return !Double.isNaN(bsvCv);
    }
}
