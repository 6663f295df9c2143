package org.ketasim.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ketasim.units.Unit;

/** Parses quantities typed on the command line, such as {@code 0.5mg/kg}, {@code 40min} or {@code 28d}. */
final class Quantities {

    private static final Pattern QUANTITY =
            Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|[-+]?NaN|[-+]?Infinity)\\s*(.*?)\\s*");

    private Quantities() {
    }

    /** A number with its unit. */
    record Quantity(double value, Unit unit) {
        double canonical() {
            return unit.toCanonical(value);
        }
    }

    static Quantity parse(String option, String text) {
        Matcher m = QUANTITY.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new UserInputException(option + " '" + text + "' is not a number with a unit (for example 0.5mg/kg, 40min, 28d)");
        }
        double value = Double.parseDouble(m.group(1));
        if (!Double.isFinite(value)) {
            throw new UserInputException(option + " '" + text + "' is not a finite number");
        }
        String symbol = m.group(2).isEmpty() ? "1" : m.group(2);
        Unit unit;
        try {
            unit = Unit.parse(symbol);
        } catch (RuntimeException e) {
            throw new UserInputException(option + " '" + text + "': " + e.getMessage());
        }
        return new Quantity(value, unit);
    }

    /** A duration in hours; a bare number is taken in {@code defaultUnit}. */
    static double hours(String option, String text, String defaultUnit) {
        Quantity q = parse(option, text);
        Unit unit = q.unit().dimension().isDimensionless() ? Unit.parse(defaultUnit) : q.unit();
        if (!unit.dimension().equals(Unit.parse("h").dimension())) {
            throw new UserInputException(option + " '" + text + "' is not a duration (use min, h, d or wk, for example 40min)");
        }
        return unit.toCanonical(q.value());
    }

    static boolean isMass(Unit u) {
        return u.dimension().equals(Unit.parse("mg").dimension());
    }

    /** A mass per mass of body weight, such as mg/kg (dimensionless, but written with a unit). */
    static boolean isMassPerMass(Unit u) {
        return u.dimension().isDimensionless() && u.symbol().contains("/");
    }
}
