package org.ketasim.interop.sbml;

import java.math.BigDecimal;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.ketasim.lang.check.Expr;

/**
 * Writes checked model expressions ({@link Expr}, canonical units) as MathML 2 content markup, the subset SBML
 * Level 3 Version 2 allows.
 *
 * <p>The model language's {@code min}, {@code max}, {@code pos}, {@code step} and {@code hill} become calls of the
 * function definitions in {@link #FUNCTIONS} (each a {@code piecewise}), so that every SBML reader, including
 * those without the Level 3 Version 2 {@code <min/>} and {@code <max/>} elements, evaluates them the same way.
 */
final class MathMl {

    static final String NAMESPACE = "http://www.w3.org/1998/Math/MathML";
    static final String TIME_URL = "http://www.sbml.org/sbml/symbols/time";

    /** Id prefix of everything the exporter adds to the model's own names. */
    static final String PREFIX = "ks_";

    /** The built-in functions that need a function definition, with their SBML ids. */
    enum Builtin {
        MIN("min", "a", "b"), MAX("max", "a", "b"), POS("pos", "x"), STEP("step", "x"), HILL("hill", "x", "k", "n");

        final String id;
        final List<String> arguments;
        final String keyword;

        Builtin(String keyword, String... arguments) {
            this.keyword = keyword;
            this.id = PREFIX + keyword;
            this.arguments = List.of(arguments);
        }
    }

    static final List<Builtin> FUNCTIONS = List.of(Builtin.values());

    private final XmlOut out;
    /** SBML unit ids of the dimensions of literals ({@code sbml:units} on {@code <cn>}), so that libSBML can check units. */
    private final java.util.function.Function<org.ketasim.units.Dimension, String> unitIds;

    MathMl(XmlOut out, java.util.function.Function<org.ketasim.units.Dimension, String> unitIds) {
        this.out = out;
        this.unitIds = unitIds;
    }

    private XmlOut startMath() throws XMLStreamException {
        return out.startIn(NAMESPACE, "math").declare("sbml", SbmlExporter.SBML_NAMESPACE);
    }

    /** {@code <math>} holding one expression. */
    void math(Expr e) throws XMLStreamException {
        startMath();
        expr(e);
        out.end();
    }

    /** {@code <math>} holding {@code e + extra[0] + extra[1] + ...}; extra terms are written by the callback. */
    void mathSum(Expr e, List<Term> extra) throws XMLStreamException {
        startMath();
        if (extra.isEmpty()) {
            expr(e);
        } else {
            out.start("apply").empty("plus");
            expr(e);
            for (Term t : extra) {
                t.write(this);
            }
            out.end();
        }
        out.end();
    }

    /** A piece of MathML written by the exporter. */
    interface Term {
        void write(MathMl m) throws XMLStreamException;
    }

    /** {@code <math>} around a term written by the caller. */
    void math(Term t) throws XMLStreamException {
        startMath();
        t.write(this);
        out.end();
    }

    void expr(Expr e) throws XMLStreamException {
        if (e instanceof Expr.Constant c) {
            number(c.value(), unitIds.apply(c.dimension()));
        } else if (e instanceof Expr.Ref r) {
            ci(r.name());
        } else if (e instanceof Expr.Time) {
            time();
        } else if (e instanceof Expr.Negate n) {
            out.start("apply").empty("minus");
            expr(n.operand());
            out.end();
        } else if (e instanceof Expr.Binary b) {
            out.start("apply").empty(switch (b.op()) {
                case ADD -> "plus";
                case SUB -> "minus";
                case MUL -> "times";
                case DIV -> "divide";
            });
            expr(b.left());
            expr(b.right());
            out.end();
        } else if (e instanceof Expr.IntPower p) {
            out.start("apply").empty("power");
            expr(p.base());
            integer(p.exponent());
            out.end();
        } else if (e instanceof Expr.Power p) {
            out.start("apply").empty("power");
            expr(p.base());
            expr(p.exponent());
            out.end();
        } else if (e instanceof Expr.Call c) {
            call(c);
        } else {
            throw new IllegalStateException("no MathML for expression " + e);
        }
    }

    private void call(Expr.Call c) throws XMLStreamException {
        out.start("apply");
        switch (c.function()) {
            case EXP -> out.empty("exp");
            case LN -> out.empty("ln");
            case LOG10 -> {
                out.empty("log").start("logbase");
                integer(10);
                out.end();
            }
            case SQRT -> out.empty("root");
            case ABS -> out.empty("abs");
            case MIN -> ci(Builtin.MIN.id);
            case MAX -> ci(Builtin.MAX.id);
            case POS -> ci(Builtin.POS.id);
            case STEP -> ci(Builtin.STEP.id);
            case HILL -> ci(Builtin.HILL.id);
            default -> throw new IllegalStateException("no MathML for function " + c.function());
        }
        for (Expr a : c.args()) {
            expr(a);
        }
        out.end();
    }

    /** The {@code <lambda>} of a built-in function's definition. */
    void lambda(Builtin f) throws XMLStreamException {
        out.startIn(NAMESPACE, "math").start("lambda");
        for (String a : f.arguments) {
            out.start("bvar");
            ci(a);
            out.end();
        }
        switch (f) {
            case MIN -> piecewise("a", "leq", "a", "b", () -> ci("b"));
            case MAX -> piecewise("a", "geq", "a", "b", () -> ci("b"));
            case POS -> piecewise("x", "gt", "x", null, () -> integer(0));
            case STEP -> {
                // 1 where x >= 0, else 0
                out.start("piecewise").start("piece");
                integer(1);
                relation("geq", "x", null);
                out.end().start("otherwise");
                integer(0);
                out.end().end();
            }
            case HILL -> {
                // x^n / (k^n + x^n) for x > 0, else 0 (a concentration pushed below 0 by an integrator gives no effect)
                out.start("piecewise").start("piece");
                out.start("apply").empty("divide");
                power("x", "n");
                out.start("apply").empty("plus");
                power("k", "n");
                power("x", "n");
                out.end().end();
                relation("gt", "x", null);
                out.end().start("otherwise");
                integer(0);
                out.end().end();
            }
            default -> throw new IllegalStateException(f.toString());
        }
        out.end().end();
    }

    private interface Body {
        void write() throws XMLStreamException;
    }

    /** {@code piecewise(value where left rel right, otherwise)}; a null right means 0. */
    private void piecewise(String value, String rel, String left, String right, Body otherwise) throws XMLStreamException {
        out.start("piecewise").start("piece");
        ci(value);
        relation(rel, left, right);
        out.end().start("otherwise");
        otherwise.write();
        out.end().end();
    }

    private void relation(String rel, String left, String right) throws XMLStreamException {
        out.start("apply").empty(rel);
        ci(left);
        if (right == null) {
            integer(0);
        } else {
            ci(right);
        }
        out.end();
    }

    private void power(String base, String exponent) throws XMLStreamException {
        out.start("apply").empty("power");
        ci(base);
        ci(exponent);
        out.end();
    }

    void ci(String name) throws XMLStreamException {
        out.leaf("ci", " " + name + " ");
    }

    void time() throws XMLStreamException {
        out.start("csymbol", "encoding", "text", "definitionURL", TIME_URL).text(" time ").end();
    }

    void integer(int k) throws XMLStreamException {
        out.start("cn", "type", "integer").text(" " + k + " ").end();
    }

    /** A number with the canonical unit of a dimension. */
    void number(double v, org.ketasim.units.Dimension d) throws XMLStreamException {
        number(v, unitIds.apply(d));
    }

    /** A number without a declared unit. */
    void number(double v) throws XMLStreamException {
        number(v, (String) null);
    }

    /**
     * A real number, written exactly (the shortest decimal that reads back as the same double).
     *
     * @param unit its SBML unit id ({@code sbml:units}), or null for none
     */
    void number(double v, String unit) throws XMLStreamException {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot write the non-finite number " + v + " as MathML");
        }
        if (v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE) {
            // MathML integers are read as 32-bit by libSBML
            out.start("cn", "sbml:units", unit, "type", "integer").text(" " + (long) v + " ").end();
            return;
        }
        out.start("cn", "sbml:units", unit).text(" " + new BigDecimal(Double.toString(v)).toPlainString() + " ").end();
    }

    void apply(String operator, Term... args) throws XMLStreamException {
        out.start("apply").empty(operator);
        for (Term t : args) {
            t.write(this);
        }
        out.end();
    }
}
