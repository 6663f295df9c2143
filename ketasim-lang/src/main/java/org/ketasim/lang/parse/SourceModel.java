package org.ketasim.lang.parse;

import java.util.List;
import org.ketasim.lang.Parameter;
import org.ketasim.lang.Provenance;
import org.ketasim.units.Unit;

/**
 * A model as parsed, before names and dimensions are checked: one list of rows per block, in file order.
 *
 * @param sourceName the source name for messages
 * @param name       the model name
 * @param namePos    where the model name is
 * @param title      the model title
 * @param parameters covariates, parameters and switches, in file order (see {@link ParameterRow#kind()})
 * @param derived    rows of {@code [derived]}
 * @param states     rows of {@code [states]}
 * @param dosing     rows of {@code [dosing]}
 * @param equations  rows of {@code [equations]}
 * @param outputs    rows of {@code [outputs]}
 * @param balance    rows of {@code [balance]} (the checker allows one)
 */
public record SourceModel(String sourceName, String name, Pos namePos, String title, List<ParameterRow> parameters,
                          List<DerivedRow> derived, List<StateRow> states, List<DosingRow> dosing,
                          List<EquationRow> equations, List<OutputRow> outputs, List<BalanceRow> balance) {

    /**
     * A row of {@code [covariates]}, {@code [parameters]} or {@code [switches]}.
     *
     * @param unit           the unit as written, or null when none was written
     * @param afterValuePos  where a unit would be expected (the token after the value)
     * @param provenancePos  position of the provenance keyword
     * @param bsvCv          coefficient of variation as a fraction, NaN when absent
     * @param bsvPos         position of the bsv value, or null
     */
    public record ParameterRow(Parameter.Kind kind, String name, Pos namePos, double value, Pos valuePos, Unit unit,
                               Pos unitPos, Pos afterValuePos, String label, Provenance provenance,
                               Pos provenancePos, double bsvCv, Pos bsvPos, int line) {
    }

    /** A row of {@code [derived]}; {@code label} is empty when none was written. */
    public record DerivedRow(String name, Pos namePos, Ast expr, String text, String label, int line) {
    }

    /** A row of {@code [states]}. */
    public record StateRow(String name, Pos namePos, Ast init, Unit unit, Pos unitPos, String label, int line) {
    }

    /** A row of {@code [dosing]}. */
    public record DosingRow(String route, Pos routePos, String enantiomer, Pos enantiomerPos,
                            List<TargetRow> targets, int line) {
    }

    /** One target of a dosing row; {@code fraction} is null when none was written (fraction 1). */
    public record TargetRow(String state, Pos statePos, Ast fraction) {
    }

    /**
     * A row of {@code [equations]}: an intermediate ({@code ode == false}) or {@code d/dt(name) = expr}.
     *
     * @param text the whole row as written, for documentation
     * @param exprText the right-hand side as written
     */
    public record EquationRow(boolean ode, String name, Pos namePos, Ast expr, String text, String exprText,
                              int line) {
    }

    /** A row of {@code [outputs]}. */
    public record OutputRow(String name, Pos namePos, Ast expr, Unit unit, Pos unitPos, String label, int line) {
    }

    /** A row of {@code [balance]}. */
    public record BalanceRow(String name, Pos namePos, Ast expr, Unit unit, Pos unitPos, int line) {
    }
}
