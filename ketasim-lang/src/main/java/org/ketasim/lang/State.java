package org.ketasim.lang;

import org.ketasim.units.Unit;

/**
 * A state of the ODE system, declared in {@code [states]}. The state vector holds canonical values
 * (mg, L, h, µmol, points), whatever the declared unit.
 *
 * @param name  the name
 * @param unit  the declared unit
 * @param label the label
 * @param index the index in the state vector {@code y[]}
 */
public record State(String name, Unit unit, String label, int index) {
}
