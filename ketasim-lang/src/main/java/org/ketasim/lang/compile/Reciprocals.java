package org.ketasim.lang.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ketasim.lang.Derived;
import org.ketasim.lang.check.CheckedModel;
import org.ketasim.lang.check.Expr;

/**
 * Moves divisions by parameters out of the right-hand side: {@code x / v1} in an equation or output becomes
 * {@code x * r} with {@code r = 1 / v1} appended to the derived block, computed once per parameter set.
 *
 * <p>Why: a pharmacometric right-hand side divides by volumes, half-lives and potencies everywhere (73
 * divisions per evaluation of the ketamine model), and a floating-point division costs several times a
 * multiplication, so divisions dominated the cost of an evaluation. Each result may move by an ulp or two
 * against dividing in place, far below any solver tolerance. The compiler and the interpreter both run on the
 * rewritten model, so they still agree to the last bit; {@link org.ketasim.lang.Model#derived()} and every
 * other view of the model are unchanged (the appended rows exist only in the executable form).
 */
public final class Reciprocals {

    private Reciprocals() {
    }

    /**
     * @param folded a constant-folded model
     * @return the same model with every division whose divisor depends only on parameters, derived values and
     *         constants turned into a multiplication by a new derived reciprocal (equal divisors share one)
     */
    public static CheckedModel hoist(CheckedModel folded) {
        Rewriter r = new Rewriter(folded.derived().size());
        List<Expr> intermediates = r.all(folded.intermediateValues());
        List<Expr> odes = r.all(folded.odes());
        List<Expr> outputs = r.all(folded.outputValues());
        if (r.divisors.isEmpty()) {
            return folded;
        }
        List<Derived> derived = new ArrayList<>(folded.derived());
        List<Expr> derivedValues = new ArrayList<>(folded.derivedValues());
        int k = 0;
        for (Expr divisor : r.divisors.keySet()) {
            derived.add(new Derived("reciprocal_" + k++, "1 / " + describe(divisor), "precomputed by the compiler",
                    divisor.dimension().inverse()));
            derivedValues.add(new Expr.Binary(Expr.Op.DIV, new Expr.Constant(1.0), divisor, divisor.dimension().inverse()));
        }
        return new CheckedModel(folded.name(), folded.title(), folded.sourceName(), folded.parameters(), derived,
                derivedValues, folded.states(), folded.initialValues(), folded.intermediates(), intermediates, odes,
                folded.odeTexts(), folded.equationsText(), folded.outputs(), outputs, folded.doseTargets(),
                folded.fractions(), folded.balanceUnit(), folded.balanceValue(), folded.balanceText());
    }

    /** A short text for the generated code's comments: a name, or "an expression of the parameters". */
    private static String describe(Expr divisor) {
        return divisor instanceof Expr.Ref ref ? ref.name() : "(an expression of the parameters)";
    }

    /** True when the value is fixed for a parameter set: no state, intermediate or time in it. */
    static boolean parametersOnly(Expr e) {
        if (e instanceof Expr.Constant) {
            return true;
        }
        if (e instanceof Expr.Ref ref) {
            return ref.source() == Expr.Source.PARAMETER || ref.source() == Expr.Source.DERIVED;
        }
        if (e instanceof Expr.Negate n) {
            return parametersOnly(n.operand());
        }
        if (e instanceof Expr.Binary b) {
            return parametersOnly(b.left()) && parametersOnly(b.right());
        }
        if (e instanceof Expr.IntPower p) {
            return parametersOnly(p.base());
        }
        if (e instanceof Expr.Power p) {
            return parametersOnly(p.base()) && parametersOnly(p.exponent());
        }
        if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                if (!parametersOnly(a)) {
                    return false;
                }
            }
            return true;
        }
        return false; // time
    }

    private static final class Rewriter {

        private final int firstSlot;
        /** Divisor → its slot in the derived array, in order of first use. */
        private final Map<Expr, Integer> divisors = new LinkedHashMap<>();

        Rewriter(int firstSlot) {
            this.firstSlot = firstSlot;
        }

        List<Expr> all(List<Expr> es) {
            List<Expr> out = new ArrayList<>(es.size());
            for (Expr e : es) {
                out.add(rewrite(e));
            }
            return out;
        }

        Expr rewrite(Expr e) {
            if (e instanceof Expr.Negate n) {
                return new Expr.Negate(rewrite(n.operand()));
            }
            if (e instanceof Expr.Binary b) {
                Expr left = rewrite(b.left());
                if (b.op() == Expr.Op.DIV && parametersOnly(b.right()) && !(b.right() instanceof Expr.Constant)) {
                    Integer slot = divisors.computeIfAbsent(b.right(), d -> firstSlot + divisors.size());
                    Expr reciprocal = new Expr.Ref(Expr.Source.DERIVED, slot, "reciprocal_" + (slot - firstSlot),
                            b.right().dimension().inverse());
                    return new Expr.Binary(Expr.Op.MUL, left, reciprocal, b.dimension());
                }
                return new Expr.Binary(b.op(), left, rewrite(b.right()), b.dimension());
            }
            if (e instanceof Expr.IntPower p) {
                return new Expr.IntPower(rewrite(p.base()), p.exponent(), p.dimension());
            }
            if (e instanceof Expr.Power p) {
                return new Expr.Power(rewrite(p.base()), rewrite(p.exponent()), p.dimension());
            }
            if (e instanceof Expr.Call c) {
                List<Expr> args = new ArrayList<>(c.args().size());
                for (Expr a : c.args()) {
                    args.add(rewrite(a));
                }
                return new Expr.Call(c.function(), args, c.dimension());
            }
            return e;
        }
    }
}
