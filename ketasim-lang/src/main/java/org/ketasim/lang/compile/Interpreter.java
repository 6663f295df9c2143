package org.ketasim.lang.compile;

import java.util.List;
import org.ketasim.lang.ModelEquations;
import org.ketasim.lang.check.CheckedModel;
import org.ketasim.lang.check.Expr;

/**
 * A tree-walking implementation of {@link ModelEquations}: the reference semantics that the compiled code is
 * tested against. It computes exactly the operations the compiler emits. It is stateless and thread-safe, but
 * allocates a small array for the intermediates on each call and is several times slower than compiled code.
 */
public final class Interpreter implements ModelEquations {

    private final CheckedModel m;

    /** @param m the checked model to evaluate */
    public Interpreter(CheckedModel m) {
        this.m = m;
    }

    @Override
    public int stateCount() {
        return m.states().size();
    }

    @Override
    public int parameterCount() {
        return m.parameters().size();
    }

    @Override
    public int derivedCount() {
        return m.derived().size();
    }

    @Override
    public int outputCount() {
        return m.outputs().size();
    }

    @Override
    public int doseTargetCount() {
        return m.doseTargets().size();
    }

    @Override
    public int[] stateDependencies() {
        return StateDependencies.of(m);
    }

    @Override
    public double[] stateUnitFactors() {
        return m.states().stream().mapToDouble(s -> s.unit().factor()).toArray();
    }

    @Override
    public void derive(double[] p, double[] d) {
        List<Expr> values = m.derivedValues();
        for (int i = 0; i < values.size(); i++) {
            d[i] = eval(values.get(i), Double.NaN, null, p, d, null);
        }
    }

    @Override
    public void initialState(double[] p, double[] d, double[] y0) {
        List<Expr> values = m.initialValues();
        for (int i = 0; i < values.size(); i++) {
            y0[i] = eval(values.get(i), Double.NaN, null, p, d, null);
        }
    }

    @Override
    public void derivatives(double t, double[] y, double[] p, double[] d, double[] dydt) {
        double[] v = intermediates(t, y, p, d);
        List<Expr> odes = m.odes();
        for (int i = 0; i < odes.size(); i++) {
            dydt[i] = eval(odes.get(i), t, y, p, d, v);
        }
    }

    @Override
    public void outputs(double t, double[] y, double[] p, double[] d, double[] out) {
        double[] v = intermediates(t, y, p, d);
        List<Expr> values = m.outputValues();
        for (int i = 0; i < values.size(); i++) {
            out[i] = eval(values.get(i), t, y, p, d, v) / m.outputs().get(i).unit().factor();
        }
    }

    @Override
    public void doseFractions(double[] p, double[] d, double[] fractions) {
        List<Expr> values = m.fractions();
        for (int i = 0; i < values.size(); i++) {
            fractions[i] = eval(values.get(i), Double.NaN, null, p, d, null);
        }
    }

    @Override
    public double balance(double t, double[] y, double[] p, double[] d) {
        if (m.balanceValue() == null) {
            return Double.NaN;
        }
        return eval(m.balanceValue(), t, y, p, d, intermediates(t, y, p, d));
    }

    private double[] intermediates(double t, double[] y, double[] p, double[] d) {
        List<Expr> values = m.intermediateValues();
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = eval(values.get(i), t, y, p, d, v);
        }
        return v;
    }

    /**
     * Evaluates a checked expression.
     *
     * @param v values of the intermediates computed so far
     */
    static double eval(Expr e, double t, double[] y, double[] p, double[] d, double[] v) {
        if (e instanceof Expr.Constant c) {
            return c.value();
        }
        if (e instanceof Expr.Ref r) {
            switch (r.source()) {
                case PARAMETER:
                    return p[r.index()];
                case DERIVED:
                    return d[r.index()];
                case STATE:
                    return y[r.index()];
                default:
                    return v[r.index()];
            }
        }
        if (e instanceof Expr.Time) {
            return t;
        }
        if (e instanceof Expr.Negate n) {
            return -eval(n.operand(), t, y, p, d, v);
        }
        if (e instanceof Expr.Binary b) {
            double l = eval(b.left(), t, y, p, d, v);
            double r = eval(b.right(), t, y, p, d, v);
            switch (b.op()) {
                case ADD:
                    return l + r;
                case SUB:
                    return l - r;
                case MUL:
                    return l * r;
                default:
                    return l / r;
            }
        }
        if (e instanceof Expr.IntPower ip) {
            return Functions.powInt(eval(ip.base(), t, y, p, d, v), ip.exponent());
        }
        if (e instanceof Expr.Power pw) {
            return Math.pow(eval(pw.base(), t, y, p, d, v), eval(pw.exponent(), t, y, p, d, v));
        }
        if (e instanceof Expr.Call c) {
            double a = eval(c.args().get(0), t, y, p, d, v);
            switch (c.function()) {
                case EXP:
                    return Math.exp(a);
                case LN:
                    return Math.log(a);
                case LOG10:
                    return Math.log10(a);
                case SQRT:
                    return Math.sqrt(a);
                case ABS:
                    return Math.abs(a);
                case POS:
                    return Math.max(a, 0.0);
                case STEP:
                    return a >= 0.0 ? 1.0 : 0.0;
                case MIN:
                    return Math.min(a, eval(c.args().get(1), t, y, p, d, v));
                case MAX:
                    return Math.max(a, eval(c.args().get(1), t, y, p, d, v));
                case HILL: {
                    double k = eval(c.args().get(1), t, y, p, d, v);
                    int n = JavaGenerator.smallIntegerExponent(c.args().get(2));
                    if (n != JavaGenerator.NOT_SMALL) {
                        return Functions.hillInt(a, k, n);
                    }
                    return Functions.hill(a, k, eval(c.args().get(2), t, y, p, d, v));
                }
                default:
                    throw new IllegalStateException(c.function().toString());
            }
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    @Override
    public String toString() {
        return "interpreted model " + m.name();
    }
}
