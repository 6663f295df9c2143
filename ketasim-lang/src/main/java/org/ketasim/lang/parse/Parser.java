package org.ketasim.lang.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ketasim.lang.ModelException;
import org.ketasim.lang.Parameter;
import org.ketasim.lang.Provenance;
import org.ketasim.lang.parse.SourceModel.BalanceRow;
import org.ketasim.lang.parse.SourceModel.DerivedRow;
import org.ketasim.lang.parse.SourceModel.DosingRow;
import org.ketasim.lang.parse.SourceModel.EquationRow;
import org.ketasim.lang.parse.SourceModel.OutputRow;
import org.ketasim.lang.parse.SourceModel.ParameterRow;
import org.ketasim.lang.parse.SourceModel.StateRow;
import org.ketasim.lang.parse.SourceModel.TargetRow;
import org.ketasim.lang.parse.Token.Type;
import org.ketasim.units.Unit;
import org.ketasim.units.UnitException;

/**
 * Reads the rows of a model source into a {@link SourceModel}, checking the shape of each row (the syntax of
 * {@code docs/model-language.md}) and reading units. Names and dimensions are left to the checker.
 *
 * <p>Expression grammar, loosest first: {@code + -} (left), {@code * /} (left), unary {@code -},
 * {@code ^} (right; its exponent may start with a unary minus, so {@code x^-2} and {@code -x^2 = -(x^2)}),
 * then numbers, names, calls {@code f(a, b)} and parentheses.
 */
public final class Parser {

    /** The blocks of a model, in the order the specification lists them. */
    public enum Block {
        COVARIATES, PARAMETERS, SWITCHES, DERIVED, STATES, DOSING, EQUATIONS, OUTPUTS, BALANCE;

        /** @return the name as written between brackets */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Dose routes a {@code [dosing]} row may name. */
    public static final List<String> ROUTES = List.of("iv", "im", "sc", "intranasal", "oral", "sublingual");

    private final SourceText src;
    private final List<Token> toks;
    private int k;
    private int rowStart;

    private final List<ParameterRow> parameters = new ArrayList<>();
    private final List<DerivedRow> derived = new ArrayList<>();
    private final List<StateRow> states = new ArrayList<>();
    private final List<DosingRow> dosing = new ArrayList<>();
    private final List<EquationRow> equations = new ArrayList<>();
    private final List<OutputRow> outputs = new ArrayList<>();
    private final List<BalanceRow> balance = new ArrayList<>();

    private Parser(SourceText src, List<Token> toks) {
        this.src = src;
        this.toks = toks;
    }

    /**
     * Parses a model source.
     *
     * @throws ModelException at the first malformed row
     */
    public static SourceModel parse(SourceText src) throws ModelException {
        return new Parser(src, Lexer.tokenize(src)).model();
    }

    // ------------------------------------------------------------------ rows

    private SourceModel model() throws ModelException {
        skipNewlines();
        Token t = peek();
        if (!t.isWord("model")) {
            throw src.error(t, "expected 'model NAME \"title\"' as the first line of the model, found " + t.describe());
        }
        next();
        Token name = peek();
        if (!name.is(Type.IDENT)) {
            throw src.error(name, "expected the model name after 'model' (letters, digits and '_'), found "
                    + name.describe());
        }
        next();
        Token title = peek();
        if (!title.is(Type.STRING)) {
            throw src.error(title, "expected a quoted title after the model name, as in 'model " + name.text()
                    + " \"Title\"', found " + title.describe());
        }
        next();
        endRow("after the model title");

        Map<Block, Integer> seen = new EnumMap<>(Block.class);
        Block block = null;
        while (true) {
            skipNewlines();
            t = peek();
            if (t.is(Type.EOF)) {
                break;
            }
            if (t.is(Type.LBRACKET)) {
                block = header(seen);
                continue;
            }
            rowStart = k;
            if (block == null) {
                throw src.error(t, "expected a block header such as '[parameters]' before this row, found "
                        + t.describe());
            }
            switch (block) {
                case COVARIATES:
                    parameters.add(parameterRow(Parameter.Kind.COVARIATE));
                    break;
                case PARAMETERS:
                    parameters.add(parameterRow(Parameter.Kind.PARAMETER));
                    break;
                case SWITCHES:
                    parameters.add(parameterRow(Parameter.Kind.SWITCH));
                    break;
                case DERIVED:
                    derived.add(derivedRow());
                    break;
                case STATES:
                    states.add(stateRow());
                    break;
                case DOSING:
                    dosing.add(dosingRow());
                    break;
                case EQUATIONS:
                    equations.add(equationRow());
                    break;
                case OUTPUTS:
                    outputs.add(outputRow());
                    break;
                case BALANCE:
                    balance.add(balanceRow());
                    break;
                default:
                    throw new IllegalStateException(block.toString());
            }
        }
        return new SourceModel(src.name(), name.text(), name.pos(), title.text(), List.copyOf(parameters),
                List.copyOf(derived), List.copyOf(states), List.copyOf(dosing), List.copyOf(equations),
                List.copyOf(outputs), List.copyOf(balance));
    }

    private Block header(Map<Block, Integer> seen) throws ModelException {
        Token open = next();
        Token word = peek();
        if (!word.is(Type.IDENT)) {
            throw src.error(word, "expected a block name after '[', such as 'parameters', found " + word.describe());
        }
        next();
        Block block = null;
        for (Block b : Block.values()) {
            if (b.keyword().equals(word.text())) {
                block = b;
            }
        }
        if (block == null) {
            List<String> names = new ArrayList<>();
            for (Block b : Block.values()) {
                names.add(b.keyword());
            }
            String guess = Names.closest(word.text(), names);
            throw src.error(word, "unknown block '[" + word.text() + "]'"
                    + (guess == null ? "" : "; did you mean '[" + guess + "]'?") + "; expected one of "
                    + String.join(", ", names.stream().map(n -> "[" + n + "]").toList()));
        }
        Token close = peek();
        if (!close.is(Type.RBRACKET)) {
            throw src.error(close, "expected ']' after '[" + word.text() + "', found " + close.describe());
        }
        next();
        if (seen.containsKey(block)) {
            throw src.error(open, "block [" + block.keyword() + "] appears twice (first at line " + seen.get(block)
                    + "); put all its rows in one block");
        }
        seen.put(block, open.line());
        endRow("after the block header [" + block.keyword() + "]");
        return block;
    }

    private ParameterRow parameterRow(Parameter.Kind kind) throws ModelException {
        String what = kind.name().toLowerCase(Locale.ROOT);
        Token nameTok = expectName("a " + what + " name");
        String name = nameTok.text();
        expectEquals(nameTok);
        Token v = peek();
        Pos valuePos = v.pos();
        double sign = 1;
        if (v.is(Type.MINUS)) {
            next();
            sign = -1;
            v = peek();
        }
        if (!v.is(Type.NUMBER)) {
            throw src.error(v, (kind == Parameter.Kind.SWITCH ? "expected 0 or 1 as the value of switch '"
                    : "expected a number as the value of '") + name + "', found " + v.describe());
        }
        next();
        double value = sign * v.number();
        Token after = peek();
        Unit unit = null;
        if (after.is(Type.LBRACKET) && kind != Parameter.Kind.SWITCH) {
            throw src.error(after, "the unit after the value of '" + name + "' is written without brackets, as in '"
                    + name + " = " + v.text() + " L/h'");
        }
        if (!after.is(Type.COLON, Type.NEWLINE, Type.EOF)) {
            int first = k;
            while (!peek().is(Type.COLON, Type.NEWLINE, Type.EOF)) {
                next();
            }
            if (kind == Parameter.Kind.SWITCH) {
                throw src.error(after, "a switch takes no unit; expected ':' after the value of '" + name
                        + "', found " + after.describe());
            }
            unit = unit(first, k, "the value of '" + name + "'");
        }
        Token colon = peek();
        if (!colon.is(Type.COLON)) {
            throw src.error(colon, "expected ':' and a quoted label after the " + (unit == null ? "value" : "unit")
                    + " of '" + name + "', found " + colon.describe());
        }
        next();
        Token label = peek();
        if (!label.is(Type.STRING)) {
            throw src.error(label, "expected a quoted label for '" + name + "' after ':', found " + label.describe());
        }
        next();
        Token c2 = peek();
        String expectedProvenance = "expected ': source \"citation\"', ': assumed \"reason\"' or "
                + "': calibrated \"target\"'";
        if (!c2.is(Type.COLON)) {
            if (c2.is(Type.NEWLINE, Type.EOF)) {
                throw src.error(c2, "missing provenance for '" + name + "'; " + expectedProvenance
                        + " after the label");
            }
            throw src.error(c2, "expected ':' and a provenance after the label of '" + name + "', found "
                    + c2.describe());
        }
        next();
        Token pk = peek();
        Provenance.Type type = null;
        for (Provenance.Type pt : Provenance.Type.values()) {
            if (pk.isWord(pt.keyword())) {
                type = pt;
            }
        }
        if (type == null) {
            if (pk.isWord("bsv")) {
                throw src.error(pk, "missing provenance for '" + name + "' before 'bsv'; " + expectedProvenance);
            }
            if (pk.is(Type.IDENT)) {
                throw src.error(pk, "unknown provenance '" + pk.text() + "' for '" + name
                        + "'; expected source \"citation\", assumed \"reason\" or calibrated \"target\"");
            }
            throw src.error(pk, "missing provenance for '" + name + "'; expected source \"citation\", "
                    + "assumed \"reason\" or calibrated \"target\" after ':', found " + pk.describe());
        }
        next();
        Token ptext = peek();
        if (!ptext.is(Type.STRING)) {
            String noun = type == Provenance.Type.SOURCE ? "citation"
                    : type == Provenance.Type.ASSUMED ? "reason" : "calibration target";
            throw src.error(ptext, "expected a quoted " + noun + " after '" + type.keyword() + "' for '" + name
                    + "', found " + ptext.describe());
        }
        next();
        double bsv = Double.NaN;
        Pos bsvPos = null;
        if (peek().is(Type.COLON)) {
            next();
            Token b = peek();
            if (!b.isWord("bsv")) {
                throw src.error(b, "expected 'bsv N%' after ':', found " + b.describe());
            }
            if (kind != Parameter.Kind.PARAMETER) {
                throw src.error(b, "bsv is only allowed in [parameters], not for the " + what + " '" + name + "'");
            }
            next();
            Token n = peek();
            if (!n.is(Type.NUMBER)) {
                throw src.error(n, "expected a percentage after 'bsv', as in 'bsv 25%', found " + n.describe());
            }
            next();
            Token pct = peek();
            if (!pct.is(Type.PERCENT)) {
                throw src.error(pct, "expected '%' after the bsv value, as in 'bsv " + n.text() + "%', found "
                        + pct.describe());
            }
            next();
            bsv = n.number() / 100.0;
            bsvPos = n.pos();
        }
        endRow("at the end of the row of '" + name + "'");
        return new ParameterRow(kind, name, nameTok.pos(), value, valuePos, unit,
                unit == null ? null : after.pos(), after.pos(), label.text(),
                new Provenance(type, ptext.text()), pk.pos(), bsv, bsvPos, nameTok.line());
    }

    private DerivedRow derivedRow() throws ModelException {
        Token nameTok = expectName("a derived quantity name");
        expectEquals(nameTok);
        Ast e = expression();
        String label = "";
        if (peek().is(Type.COLON)) {
            next();
            Token l = peek();
            if (!l.is(Type.STRING)) {
                throw src.error(l, "expected a quoted label after ':', found " + l.describe());
            }
            next();
            label = l.text();
        }
        endRow("after the expression of '" + nameTok.text() + "'; expected an operator, ': \"label\"' or");
        return new DerivedRow(nameTok.text(), nameTok.pos(), e, src.slice(e.start(), e.end()), label, nameTok.line());
    }

    private StateRow stateRow() throws ModelException {
        Token nameTok = expectName("a state name");
        String name = nameTok.text();
        String example = "as in '" + name + "(0) = 0 [mg]'";
        Token open = peek();
        if (!open.is(Type.LPAREN)) {
            throw src.error(open, "expected '(0)' after the state name '" + name + "', " + example + ", found "
                    + open.describe());
        }
        next();
        Token zero = peek();
        if (!zero.is(Type.NUMBER) || zero.number() != 0.0) {
            throw src.error(zero, "expected '(0)' after the state name '" + name + "', " + example + ", found "
                    + zero.describe());
        }
        next();
        Token close = peek();
        if (!close.is(Type.RPAREN)) {
            throw src.error(close, "expected ')' after '" + name + "(0', " + example + ", found " + close.describe());
        }
        next();
        expectEquals(nameTok);
        Ast init = expression();
        Token bracket = peek();
        if (!bracket.is(Type.LBRACKET)) {
            throw src.error(bracket, "expected the unit of state '" + name + "' in brackets after its initial value, "
                    + example + ", found " + bracket.describe());
        }
        Pos unitPos = bracket.pos();
        Unit unit = bracketUnit("the state '" + name + "'");
        String label = label(name);
        endRow("at the end of the row of '" + name + "'");
        return new StateRow(name, nameTok.pos(), init, unit, unitPos, label, nameTok.line());
    }

    private DosingRow dosingRow() throws ModelException {
        Token route = peek();
        if (!route.is(Type.IDENT) || !ROUTES.contains(route.text())) {
            throw src.error(route, (route.is(Type.IDENT) ? "unknown route '" + route.text() + "'"
                    : "expected a route, found " + route.describe()) + "; expected one of " + String.join(", ", ROUTES));
        }
        next();
        Token en = peek();
        if (!en.isWord("S") && !en.isWord("R")) {
            throw src.error(en, "expected the enantiomer S or R after the route '" + route.text() + "', found "
                    + en.describe());
        }
        next();
        Token colon = peek();
        if (!colon.is(Type.COLON)) {
            throw src.error(colon, "expected ':' and the target states after '" + route.text() + " " + en.text()
                    + "', found " + colon.describe());
        }
        next();
        List<TargetRow> targets = new ArrayList<>();
        while (true) {
            Token st = peek();
            if (!st.is(Type.IDENT)) {
                throw src.error(st, "expected a target state name, as in '" + route.text() + " " + en.text()
                        + ": A_c', found " + st.describe());
            }
            next();
            Ast fraction = null;
            if (peek().is(Type.STAR)) {
                next();
                fraction = expression();
            }
            targets.add(new TargetRow(st.text(), st.pos(), fraction));
            if (!peek().is(Type.COMMA)) {
                break;
            }
            next();
        }
        endRow("after the dose targets (separate targets with ',');");
        return new DosingRow(route.text(), route.pos(), en.text(), en.pos(), List.copyOf(targets), route.line());
    }

    private EquationRow equationRow() throws ModelException {
        Token first = peek();
        if (first.isWord("d") && peek(1).is(Type.SLASH) && peek(2).isWord("dt")) {
            next();
            next();
            next();
            Token open = peek();
            if (!open.is(Type.LPAREN)) {
                throw src.error(open, "expected '(' and a state name after 'd/dt', as in 'd/dt(A_c) = ...', found "
                        + open.describe());
            }
            next();
            Token st = peek();
            if (!st.is(Type.IDENT)) {
                throw src.error(st, "expected a state name inside 'd/dt( )', found " + st.describe());
            }
            next();
            Token close = peek();
            if (!close.is(Type.RPAREN)) {
                throw src.error(close, "expected ')' after 'd/dt(" + st.text() + "', found " + close.describe());
            }
            next();
            Token eq = peek();
            if (!eq.is(Type.EQUALS)) {
                throw src.error(eq, "expected '=' after 'd/dt(" + st.text() + ")', found " + eq.describe());
            }
            next();
            Ast e = expression();
            endRow("after the expression of d/dt(" + st.text() + "); expected an operator or");
            String exprText = src.slice(e.start(), e.end());
            return new EquationRow(true, st.text(), st.pos(), e, "d/dt(" + st.text() + ") = " + exprText, exprText,
                    first.line());
        }
        Token nameTok = expectName("an intermediate name or 'd/dt(STATE)'");
        expectEquals(nameTok);
        Ast e = expression();
        endRow("after the expression of '" + nameTok.text() + "'; expected an operator or");
        String exprText = src.slice(e.start(), e.end());
        return new EquationRow(false, nameTok.text(), nameTok.pos(), e, nameTok.text() + " = " + exprText, exprText,
                nameTok.line());
    }

    private OutputRow outputRow() throws ModelException {
        Token nameTok = expectName("an output name");
        String name = nameTok.text();
        expectEquals(nameTok);
        Ast e = expression();
        Token bracket = peek();
        if (!bracket.is(Type.LBRACKET)) {
            throw src.error(bracket, "expected an operator, or the display unit of output '" + name
                    + "' in brackets, as in '[ng/mL]', found " + bracket.describe());
        }
        Unit unit = bracketUnit("the output '" + name + "'");
        String label = label(name);
        endRow("at the end of the row of '" + name + "'");
        return new OutputRow(name, nameTok.pos(), e, unit, bracket.pos(), label, nameTok.line());
    }

    private BalanceRow balanceRow() throws ModelException {
        Token nameTok = expectName("a name for the balance expression");
        String name = nameTok.text();
        expectEquals(nameTok);
        Ast e = expression();
        Token bracket = peek();
        if (!bracket.is(Type.LBRACKET)) {
            throw src.error(bracket, "expected an operator, or the unit of '" + name
                    + "' in brackets, as in '[mg]', found " + bracket.describe());
        }
        Unit unit = bracketUnit("the balance '" + name + "'");
        endRow("at the end of the row of '" + name + "'");
        return new BalanceRow(name, nameTok.pos(), e, unit, bracket.pos(), nameTok.line());
    }

    private String label(String name) throws ModelException {
        Token colon = peek();
        if (!colon.is(Type.COLON)) {
            throw src.error(colon, "expected ':' and a quoted label after the unit of '" + name + "', found "
                    + colon.describe());
        }
        next();
        Token l = peek();
        if (!l.is(Type.STRING)) {
            throw src.error(l, "expected a quoted label for '" + name + "' after ':', found " + l.describe());
        }
        next();
        return l.text();
    }

    // ------------------------------------------------------------------ units

    private Unit bracketUnit(String of) throws ModelException {
        Token open = next();
        int first = k;
        while (!peek().is(Type.RBRACKET)) {
            if (peek().is(Type.NEWLINE, Type.EOF)) {
                throw src.error(open, "unbalanced bracket: '[' is never closed; expected ']' after the unit of " + of);
            }
            next();
        }
        if (k == first) {
            throw src.error(peek(), "expected a unit between '[' and ']' for " + of + ", as in '[mg]' (use '[1]' for "
                    + "a dimensionless quantity)");
        }
        Unit u = unit(first, k, of);
        next();
        return u;
    }

    /** Reads the unit whose tokens are toks[from, to), reporting errors at the exact column. */
    private Unit unit(int from, int to, String of) throws ModelException {
        int start = toks.get(from).start();
        int end = toks.get(to - 1).end();
        String text = src.text().substring(start, end);
        try {
            return Unit.parse(text);
        } catch (UnitException e) {
            int off = Math.max(0, e.offset());
            throw src.error(src.pos(start + off), e.getMessage() + " in the unit of " + of);
        }
    }

    // ------------------------------------------------------------------ expressions

    private Ast expression() throws ModelException {
        Ast left = term();
        while (peek().is(Type.PLUS, Type.MINUS)) {
            Token op = next();
            Ast right = term();
            left = new Ast.Binary(op.text().charAt(0), left, right, op.pos(), left.start(), right.end());
        }
        return left;
    }

    private Ast term() throws ModelException {
        Ast left = unary();
        while (peek().is(Type.STAR, Type.SLASH)) {
            Token op = next();
            Ast right = unary();
            left = new Ast.Binary(op.text().charAt(0), left, right, op.pos(), left.start(), right.end());
        }
        return left;
    }

    private Ast unary() throws ModelException {
        if (peek().is(Type.MINUS)) {
            Token minus = next();
            Ast operand = unary();
            return new Ast.Neg(operand, minus.pos(), minus.start(), operand.end());
        }
        return power();
    }

    private Ast power() throws ModelException {
        Ast base = primary();
        if (peek().is(Type.CARET)) {
            Token op = next();
            Ast exponent = unary();
            return new Ast.Binary('^', base, exponent, op.pos(), base.start(), exponent.end());
        }
        return base;
    }

    private Ast primary() throws ModelException {
        Token t = peek();
        if (t.is(Type.NUMBER)) {
            next();
            return new Ast.Num(t.number(), t.text(), t.pos(), t.start(), t.end());
        }
        if (t.is(Type.IDENT)) {
            next();
            if (peek().is(Type.LPAREN)) {
                Token open = next();
                List<Ast> args = new ArrayList<>();
                if (!peek().is(Type.RPAREN)) {
                    args.add(expression());
                    while (peek().is(Type.COMMA)) {
                        next();
                        args.add(expression());
                    }
                }
                Token close = closeParen(open, "the arguments of '" + t.text() + "'");
                return new Ast.Call(t.text(), args, t.pos(), t.start(), close.end());
            }
            return new Ast.Name(t.text(), t.pos(), t.start(), t.end());
        }
        if (t.is(Type.LPAREN)) {
            Token open = next();
            Ast inner = expression();
            Token close = closeParen(open, "the expression");
            return new Ast.Paren(inner, open.pos(), open.start(), close.end());
        }
        Token prev = k > 0 ? toks.get(k - 1) : null;
        String after = prev == null ? "" : " after " + prev.describe();
        if (t.is(Type.RPAREN)) {
            throw src.error(t, "expected an expression" + after + ", found ')'");
        }
        if (t.is(Type.OTHER)) {
            throw src.error(t, "unexpected character '" + t.text() + "'; expected an expression (a number, a name "
                    + "or '(')");
        }
        throw src.error(t, "expected an expression (a number, a name or '(')" + after + ", found " + t.describe());
    }

    private Token closeParen(Token open, String what) throws ModelException {
        Token t = peek();
        if (t.is(Type.RPAREN)) {
            return next();
        }
        if (t.is(Type.NEWLINE, Type.EOF) || t.line() != open.line()) {
            String where = t.is(Type.NEWLINE, Type.EOF) || t.line() == open.line() ? ""
                    : " (the row ran on to line " + t.line() + ", where " + t.describe() + " cannot continue it)";
            throw src.error(open, "unbalanced parenthesis: '(' is never closed; expected ')' after " + what + where);
        }
        throw src.error(t, "expected ')' to close the '(' at column " + open.column() + ", or an operator, found "
                + t.describe());
    }

    // ------------------------------------------------------------------ helpers

    private Token expectName(String what) throws ModelException {
        Token t = peek();
        if (t.is(Type.PLUS, Type.MINUS, Type.STAR, Type.SLASH, Type.CARET)) {
            throw src.error(t, "a row cannot start with '" + t.text() + "'; to continue the previous row on this "
                    + "line, end that line with the operator instead");
        }
        if (!t.is(Type.IDENT)) {
            throw src.error(t, "expected " + what + " at the start of the row, found " + t.describe());
        }
        return next();
    }

    private void expectEquals(Token nameTok) throws ModelException {
        Token t = peek();
        if (!t.is(Type.EQUALS)) {
            throw src.error(t, "expected '=' after '" + nameTok.text() + "', found " + t.describe());
        }
        next();
    }

    private void endRow(String context) throws ModelException {
        Token t = peek();
        if (t.is(Type.NEWLINE)) {
            next();
            return;
        }
        if (t.is(Type.EOF)) {
            return;
        }
        if (t.is(Type.RPAREN)) {
            throw src.error(t, "unbalanced parenthesis: ')' has no matching '('");
        }
        if (t.is(Type.OTHER)) {
            throw src.error(t, "unexpected character '" + t.text() + "'");
        }
        String ctx = context.endsWith(" or") || context.endsWith(";") ? context + " the end of the row"
                : context + "; expected the end of the row";
        throw src.error(t, "unexpected " + t.describe() + " " + ctx + continuationNote());
    }

    /** Explains a row that ran on to later lines because a line ended with an operator. */
    private String continuationNote() {
        for (int i = rowStart + 1; i <= k && i < toks.size(); i++) {
            Token prev = toks.get(i - 1);
            if (toks.get(i).line() != prev.line()
                    && prev.is(Type.PLUS, Type.MINUS, Type.STAR, Type.SLASH, Type.CARET, Type.COMMA)) {
                return " (line " + prev.line() + " ends with '" + prev.text() + "', so the row continues on line "
                        + toks.get(i).line() + ")";
            }
        }
        return "";
    }

    private void skipNewlines() {
        while (peek().is(Type.NEWLINE)) {
            k++;
        }
    }

    private Token peek() {
        return toks.get(k);
    }

    private Token peek(int ahead) {
        return toks.get(Math.min(k + ahead, toks.size() - 1));
    }

    private Token next() {
        Token t = toks.get(k);
        if (!t.is(Type.EOF)) {
            k++;
        }
        return t;
    }
}
