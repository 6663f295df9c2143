package org.ketasim.lang.compile;

import java.util.ArrayList;
import java.util.List;
import org.ketasim.lang.check.CheckedModel;
import org.ketasim.lang.check.Expr;

/**
 * Replaces every sub-expression without references ({@code ln(2)}, {@code 1/24}, {@code -3}) by its value,
 * computed by the {@link Interpreter} itself, so that folding never changes a result. Both the compiler and the
 * interpreter run on the folded model.
 */
public final class ConstantFolder {

    private ConstantFolder() {
    }

    /** @return the model with every expression folded */
    public static CheckedModel fold(CheckedModel m) {
        return new CheckedModel(m.name(), m.title(), m.sourceName(), m.parameters(), m.derived(),
                fold(m.derivedValues()), m.states(), fold(m.initialValues()), m.intermediates(),
                fold(m.intermediateValues()), fold(m.odes()), m.odeTexts(), m.equationsText(), m.outputs(),
                fold(m.outputValues()), m.doseTargets(), fold(m.fractions()), m.balanceUnit(),
                m.balanceValue() == null ? null : fold(m.balanceValue()), m.balanceText());
    }

    private static List<Expr> fold(List<Expr> es) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr e : es) {
            out.add(fold(e));
        }
        return out;
    }

    /** @return the expression with its constant sub-expressions replaced by their values */
    public static Expr fold(Expr e) {
        Expr f = rebuild(e);
        if (!(f instanceof Expr.Constant) && isConstant(f)) {
            return new Expr.Constant(Interpreter.eval(f, Double.NaN, null, null, null, null), f.dimension());
        }
        return f;
    }

    private static Expr rebuild(Expr e) {
        if (e instanceof Expr.Negate n) {
            return new Expr.Negate(fold(n.operand()));
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), fold(b.left()), fold(b.right()), b.dimension());
        }
        if (e instanceof Expr.IntPower p) {
            return new Expr.IntPower(fold(p.base()), p.exponent(), p.dimension());
        }
        if (e instanceof Expr.Power p) {
            return new Expr.Power(fold(p.base()), fold(p.exponent()), p.dimension());
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(fold(a));
            }
            return new Expr.Call(c.function(), args, c.dimension());
        }
        return e;
    }

    /** True when all children are constants (they are already folded). */
    private static boolean isConstant(Expr e) {
        if (e instanceof Expr.Negate n) {
            return n.operand() instanceof Expr.Constant;
        }
        if (e instanceof Expr.Binary b) {
            return b.left() instanceof Expr.Constant && b.right() instanceof Expr.Constant;
        }
        if (e instanceof Expr.IntPower p) {
            return p.base() instanceof Expr.Constant;
        }
        if (e instanceof Expr.Power p) {
            return p.base() instanceof Expr.Constant && p.exponent() instanceof Expr.Constant;
        }
        if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                if (!(a instanceof Expr.Constant)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
