package org.ketasim.lang;

/**
 * One row target of a model's {@code [dosing]} block: a dose of {@code enantiomer} by {@code route}
 * sends a fraction (evaluated by {@link ModelEquations#doseFractions}, slot {@code index}) into state
 * {@code stateIndex}.
 *
 * @param route       route keyword as written in the model: iv, im, sc, intranasal, oral, sublingual
 * @param enantiomer  "S" or "R"
 * @param state       name of the receiving state
 * @param stateIndex  index of that state in the state vector
 * @param index       slot of this target in the fractions array
 */
public record DoseTarget(String route, String enantiomer, String state, int stateIndex, int index) {
}
