package org.ketasim.lang.check;

import java.util.List;
import org.ketasim.lang.Derived;
import org.ketasim.lang.DoseTarget;
import org.ketasim.lang.Intermediate;
import org.ketasim.lang.Output;
import org.ketasim.lang.Parameter;
import org.ketasim.lang.State;
import org.ketasim.units.Unit;

/**
 * The result of {@link Checker#check}: the public description of a model together with the checked
 * expression trees that the interpreter evaluates and the compiler translates. Lists are immutable;
 * expression lists are parallel to the description lists.
 *
 * @param initialValues  initial value of each state, canonical
 * @param odes           right-hand side of each state's ODE, by state index
 * @param odeTexts       each ODE row as written, by state index
 * @param equationsText  the ODE rows as written, in file order
 * @param outputValues   expression of each output, canonical (the caller divides by the unit factor)
 * @param fractions      fraction expression of each dose target
 * @param balanceUnit    the declared balance unit, or null
 * @param balanceValue   the balance expression (mg), or null
 * @param balanceText    the balance row as written, or null
 */
public record CheckedModel(String name, String title, String sourceName, List<Parameter> parameters,
                           List<Derived> derived, List<Expr> derivedValues, List<State> states,
                           List<Expr> initialValues, List<Intermediate> intermediates,
                           List<Expr> intermediateValues, List<Expr> odes, List<String> odeTexts,
                           List<String> equationsText, List<Output> outputs, List<Expr> outputValues,
                           List<DoseTarget> doseTargets, List<Expr> fractions, Unit balanceUnit, Expr balanceValue,
                           String balanceText) {

    /** Copies every list. */
    public CheckedModel {
        parameters = List.copyOf(parameters);
        derived = List.copyOf(derived);
        derivedValues = List.copyOf(derivedValues);
        states = List.copyOf(states);
        initialValues = List.copyOf(initialValues);
        intermediates = List.copyOf(intermediates);
        intermediateValues = List.copyOf(intermediateValues);
        odes = List.copyOf(odes);
        odeTexts = List.copyOf(odeTexts);
        equationsText = List.copyOf(equationsText);
        outputs = List.copyOf(outputs);
        outputValues = List.copyOf(outputValues);
        doseTargets = List.copyOf(doseTargets);
        fractions = List.copyOf(fractions);
    }
}
