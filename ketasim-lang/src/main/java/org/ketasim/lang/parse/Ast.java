package org.ketasim.lang.parse;

import java.util.List;

/**
 * The syntax tree of an expression, as written: names are not yet resolved and dimensions not yet known.
 * Every node knows the position to blame in an error ({@link #pos()}: the operator of a binary node, else
 * the first token) and its source span ({@link #start()} to {@link #end()}).
 */
public sealed interface Ast permits Ast.Num, Ast.Name, Ast.Neg, Ast.Binary, Ast.Call, Ast.Paren {

    /** @return where to point in an error about this node */
    Pos pos();

    /** @return offset of the node's first character */
    int start();

    /** @return offset after the node's last character */
    int end();

    /** A numeric literal (dimensionless). */
    record Num(double value, String text, Pos pos, int start, int end) implements Ast {
    }

    /** A reference to a name (or {@code t}). */
    record Name(String name, Pos pos, int start, int end) implements Ast {
    }

    /** Unary minus. */
    record Neg(Ast operand, Pos pos, int start, int end) implements Ast {
    }

    /** {@code left op right}, with op one of {@code + - * / ^}; {@code pos} is the operator. */
    record Binary(char op, Ast left, Ast right, Pos pos, int start, int end) implements Ast {
    }

    /** A function call {@code name(args)}. */
    record Call(String function, List<Ast> args, Pos pos, int start, int end) implements Ast {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** A parenthesized expression. */
    record Paren(Ast inner, Pos pos, int start, int end) implements Ast {
    }
}
