package org.ketasim.lang;

import org.ketasim.units.Unit;

/**
 * A row of the {@code [outputs]} block. {@link ModelEquations#outputs} writes its value in {@code unit}.
 *
 * @param name  the name
 * @param unit  the display unit
 * @param label the label
 * @param index the slot in the outputs array
 */
public record Output(String name, Unit unit, String label, int index) {
}
