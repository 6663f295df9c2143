package org.ketasim.lang.check;

import java.util.List;
import org.ketasim.units.Dimension;

/**
 * A checked expression: every name is resolved to a slot of one of the model's arrays, every node knows its
 * dimension, and all values are in canonical units. The interpreter evaluates this tree and the compiler
 * translates it to Java; both give the same results.
 */
public sealed interface Expr permits Expr.Constant, Expr.Ref, Expr.Time, Expr.Negate, Expr.Binary, Expr.Power,
        Expr.IntPower, Expr.Call {

    /** @return the dimension of the value */
    Dimension dimension();

    /** Which array a {@link Ref} reads. */
    enum Source {
        /** {@code p[]}: covariates, parameters and switches. */
        PARAMETER,
        /** {@code d[]}: the derived block. */
        DERIVED,
        /** {@code y[]}: the states. */
        STATE,
        /** A local value computed earlier in the same evaluation: a row of {@code [equations]}. */
        INTERMEDIATE
    }

    /** The four arithmetic operators. */
    enum Op {
        ADD('+'), SUB('-'), MUL('*'), DIV('/');

        private final char symbol;

        Op(char symbol) {
            this.symbol = symbol;
        }

        /** @return the operator as written */
        public char symbol() {
            return symbol;
        }
    }

    /** A number in canonical units (a literal, or a literal initial value already converted). */
    record Constant(double value, Dimension dimension) implements Expr {
        /** A dimensionless literal. */
        public Constant(double value) {
            this(value, Dimension.DIMENSIONLESS);
        }
    }

    /** A slot of an array, or an intermediate: {@code name} is kept for readable generated code. */
    record Ref(Source source, int index, String name, Dimension dimension) implements Expr {
    }

    /** Time {@code t}, in hours. */
    record Time() implements Expr {
        @Override
        public Dimension dimension() {
            return Dimension.TIME;
        }
    }

    /** Unary minus. */
    record Negate(Expr operand) implements Expr {
        @Override
        public Dimension dimension() {
            return operand.dimension();
        }
    }

    /** {@code left op right}. */
    record Binary(Op op, Expr left, Expr right, Dimension dimension) implements Expr {
    }

    /** {@code Math.pow(base, exponent)}: a non-integer literal exponent, or a dimensionless base and exponent. */
    record Power(Expr base, Expr exponent, Dimension dimension) implements Expr {
    }

    /** {@code base^exponent} for an integer literal exponent; small powers are computed by multiplication. */
    record IntPower(Expr base, int exponent, Dimension dimension) implements Expr {
    }

    /** A call of one of the built-in functions. */
    record Call(Function function, List<Expr> args, Dimension dimension) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }
}
