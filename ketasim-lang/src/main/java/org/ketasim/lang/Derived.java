package org.ketasim.lang;

import org.ketasim.units.Dimension;

/**
 * A row of the {@code [derived]} block: a function of the parameters, evaluated once per parameter set.
 * Its index in the derived array {@code d[]} is its position in {@link Model#derived()}.
 *
 * @param name       the name
 * @param expression the expression as written (comments removed, whitespace collapsed)
 * @param label      the label, or the empty string when the row has none
 * @param dimension  the dimension the checker inferred; the value is held in that dimension's canonical unit
 */
public record Derived(String name, String expression, String label, Dimension dimension) {
}
