package org.ketasim.lang;

import org.ketasim.units.Dimension;

/**
 * An algebraic row {@code NAME = EXPR} of the {@code [equations]} block, evaluated in order before the ODEs
 * and the outputs.
 *
 * @param name       the name
 * @param expression the expression as written (comments removed, whitespace collapsed)
 * @param dimension  the dimension the checker inferred
 */
public record Intermediate(String name, String expression, Dimension dimension) {
}
