package org.ketasim.lang.compile;

import java.util.BitSet;
import java.util.List;
import org.ketasim.lang.check.CheckedModel;
import org.ketasim.lang.check.Expr;

/**
 * The structural sparsity of a model's Jacobian: which states each right-hand side reads, directly or through
 * the intermediates of {@code [equations]}. Every branch of {@code pos}, {@code max}, {@code step} counts, so
 * the pattern holds every entry that can be non-zero anywhere. A solver uses it to evaluate a finite-difference
 * Jacobian with a few grouped perturbations instead of one per state (Curtis, Powell and Reid 1974).
 */
public final class StateDependencies {

    private StateDependencies() {
    }

    /**
     * @param m a checked model
     * @return the entries {@code i * n + j} (n states) where d/dt of state i reads state j, ascending
     */
    public static int[] of(CheckedModel m) {
        int n = m.states().size();
        List<Expr> intermediates = m.intermediateValues();
        BitSet[] viaIntermediate = new BitSet[intermediates.size()];
        for (int k = 0; k < intermediates.size(); k++) {
            // an intermediate reads only earlier rows, so theirs are known already
            viaIntermediate[k] = states(intermediates.get(k), viaIntermediate);
        }
        int count = 0;
        BitSet[] rows = new BitSet[n];
        for (int i = 0; i < n; i++) {
            rows[i] = states(m.odes().get(i), viaIntermediate);
            count += rows[i].cardinality();
        }
        int[] entries = new int[count];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int j = rows[i].nextSetBit(0); j >= 0; j = rows[i].nextSetBit(j + 1)) {
                entries[e++] = i * n + j;
            }
        }
        return entries;
    }

    private static BitSet states(Expr e, BitSet[] viaIntermediate) {
        BitSet s = new BitSet();
        collect(e, viaIntermediate, s);
        return s;
    }

    private static void collect(Expr e, BitSet[] viaIntermediate, BitSet into) {
        if (e instanceof Expr.Ref r) {
            if (r.source() == Expr.Source.STATE) {
                into.set(r.index());
            } else if (r.source() == Expr.Source.INTERMEDIATE) {
                into.or(viaIntermediate[r.index()]);
            }
        } else if (e instanceof Expr.Negate n) {
            collect(n.operand(), viaIntermediate, into);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), viaIntermediate, into);
            collect(b.right(), viaIntermediate, into);
        } else if (e instanceof Expr.IntPower p) {
            collect(p.base(), viaIntermediate, into);
        } else if (e instanceof Expr.Power p) {
            collect(p.base(), viaIntermediate, into);
            collect(p.exponent(), viaIntermediate, into);
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                collect(a, viaIntermediate, into);
            }
        }
    }
}
