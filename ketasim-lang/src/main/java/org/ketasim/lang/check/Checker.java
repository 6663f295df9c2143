package org.ketasim.lang.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.ketasim.lang.Derived;
import org.ketasim.lang.DoseTarget;
import org.ketasim.lang.Intermediate;
import org.ketasim.lang.ModelException;
import org.ketasim.lang.Output;
import org.ketasim.lang.Parameter;
import org.ketasim.lang.State;
import org.ketasim.lang.check.Expr.Op;
import org.ketasim.lang.check.Expr.Source;
import org.ketasim.lang.parse.Ast;
import org.ketasim.lang.parse.Names;
import org.ketasim.lang.parse.Pos;
import org.ketasim.lang.parse.SourceModel;
import org.ketasim.lang.parse.SourceModel.BalanceRow;
import org.ketasim.lang.parse.SourceModel.DerivedRow;
import org.ketasim.lang.parse.SourceModel.DosingRow;
import org.ketasim.lang.parse.SourceModel.EquationRow;
import org.ketasim.lang.parse.SourceModel.OutputRow;
import org.ketasim.lang.parse.SourceModel.ParameterRow;
import org.ketasim.lang.parse.SourceModel.StateRow;
import org.ketasim.lang.parse.SourceModel.TargetRow;
import org.ketasim.lang.parse.SourceText;
import org.ketasim.units.Dimension;
import org.ketasim.units.Unit;

/**
 * Checks a parsed model: names (undefined, duplicate, reserved, used before definition or where not allowed),
 * parameter rows (switch values, provenance), dimensions of every expression, one ODE per state, dose
 * targets and fractions, outputs and the balance. Fails fast: the first problem is thrown as a
 * {@link ModelException} positioned at the offending token.
 *
 * <p>A covariate or parameter written without a unit is dimensionless. When that makes some expression
 * inconsistent and giving that parameter a unit would fix it, the error points at the parameter's row and
 * names the unit it needs ({@code expected a unit after the value of 'CL' (for example 'L/h')}).
 */
public final class Checker {

    /** Names that models may not declare: time. Function names are reserved too. */
    public static final String TIME = "t";

    private enum Kind {
        COVARIATE("covariate"), PARAMETER("parameter"), SWITCH("switch"), DERIVED("derived quantity"),
        STATE("state"), INTERMEDIATE("intermediate"), OUTPUT("output"), BALANCE("balance expression");

        final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        String withArticle() {
            return (noun.startsWith("balance") ? "the " : "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
        }
    }

    private record Decl(String name, Kind kind, Pos pos, int index) {
    }

    /** Where an expression is, which decides which names it may use. */
    private enum Ctx {
        DERIVED("derived quantities may use only covariates, parameters, switches and earlier derived quantities"),
        INITIAL("initial values may use only covariates, parameters, switches and derived quantities"),
        FRACTION("dose fractions may use only covariates, parameters, switches and derived quantities"),
        EQUATION(null), OUTPUT(null), BALANCE(null);

        final String rule;

        Ctx(String rule) {
            this.rule = rule;
        }

        boolean parameterOnly() {
            return rule != null;
        }
    }

    /**
     * @param ctx   the context
     * @param owner what the expression defines, for messages ("derived 'cl'")
     * @param limit derived (in DERIVED) or intermediates (in EQUATION) with an index below this may be used
     */
    private record Scope(Ctx ctx, String owner, int limit) {
    }

    /** A dimension error, with the sub-expressions that may be to blame and the dimension each should have. */
    private record Blame(Expr expr, Dimension expected) {
    }

    private final SourceModel m;
    private final SourceText src;
    private final Map<String, Decl> names = new LinkedHashMap<>();
    private final List<ParameterRow> paramRows = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Derived> derived = new ArrayList<>();
    private final List<Expr> derivedValues = new ArrayList<>();
    private final List<State> states = new ArrayList<>();
    private final List<Expr> initialValues = new ArrayList<>();
    private final List<Intermediate> intermediates = new ArrayList<>();
    private final List<Expr> intermediateValues = new ArrayList<>();
    private final List<Integer> intermediateLines = new ArrayList<>();

    private Checker(SourceModel m, SourceText src) {
        this.m = m;
        this.src = src;
    }

    /**
     * Checks a parsed model.
     *
     * @param model the parsed rows
     * @param src   the source text (for positions and quoted text)
     * @return the checked model
     * @throws ModelException at the first problem
     */
    public static CheckedModel check(SourceModel model, SourceText src) throws ModelException {
        return new Checker(model, src).run();
    }

    private CheckedModel run() throws ModelException {
        declare();
        checkParameters();
        checkDerived();
        checkStates();
        Expr[] odes = new Expr[states.size()];
        String[] odeTexts = new String[states.size()];
        List<String> equationsText = new ArrayList<>();
        checkEquations(odes, odeTexts, equationsText);
        List<DoseTarget> targets = new ArrayList<>();
        List<Expr> fractions = new ArrayList<>();
        checkDosing(targets, fractions);
        List<Output> outputs = new ArrayList<>();
        List<Expr> outputValues = new ArrayList<>();
        checkOutputs(outputs, outputValues);
        Unit balanceUnit = null;
        Expr balanceValue = null;
        String balanceText = null;
        if (!m.balance().isEmpty()) {
            if (m.balance().size() > 1) {
                BalanceRow second = m.balance().get(1);
                throw error(second.namePos(), "[balance] takes exactly one row (the first is at line "
                        + m.balance().get(0).line() + ")");
            }
            BalanceRow b = m.balance().get(0);
            if (!b.unit().dimension().equals(Dimension.MASS)) {
                throw error(b.unitPos(), "the balance unit must be a mass (M), as in '[mg]', found "
                        + b.unit().describe());
            }
            balanceValue = resolve(b.expr(), new Scope(Ctx.BALANCE, "the balance '" + b.name() + "'", 0));
            expectDimension(b.expr(), balanceValue, b.unit().dimension(), "the balance '" + b.name()
                    + "' has dimension " + describe(balanceValue.dimension()) + " but is declared in "
                    + b.unit().describe());
            balanceUnit = b.unit();
            balanceText = b.name() + " = " + src.slice(b.expr().start(), b.expr().end()) + " [" + b.unit() + "]";
        }
        return new CheckedModel(m.name(), m.title(), m.sourceName(), parameters, derived, derivedValues, states,
                initialValues, intermediates, intermediateValues, List.of(odes), List.of(odeTexts), equationsText,
                outputs, outputValues, targets, fractions, balanceUnit, balanceValue, balanceText);
    }

    // ------------------------------------------------------------------ declarations

    private void declare() throws ModelException {
        List<Decl> all = new ArrayList<>();
        // p[] order: covariates, then parameters, then switches, each in file order
        for (Parameter.Kind pk : Parameter.Kind.values()) {
            for (ParameterRow r : m.parameters()) {
                if (r.kind() == pk) {
                    paramRows.add(r);
                }
            }
        }
        for (int i = 0; i < paramRows.size(); i++) {
            ParameterRow r = paramRows.get(i);
            Kind k = r.kind() == Parameter.Kind.COVARIATE ? Kind.COVARIATE
                    : r.kind() == Parameter.Kind.PARAMETER ? Kind.PARAMETER : Kind.SWITCH;
            all.add(new Decl(r.name(), k, r.namePos(), i));
        }
        for (int i = 0; i < m.derived().size(); i++) {
            all.add(new Decl(m.derived().get(i).name(), Kind.DERIVED, m.derived().get(i).namePos(), i));
        }
        for (int i = 0; i < m.states().size(); i++) {
            all.add(new Decl(m.states().get(i).name(), Kind.STATE, m.states().get(i).namePos(), i));
        }
        int inter = 0;
        for (EquationRow r : m.equations()) {
            if (!r.ode()) {
                all.add(new Decl(r.name(), Kind.INTERMEDIATE, r.namePos(), inter++));
            }
        }
        for (int i = 0; i < m.outputs().size(); i++) {
            all.add(new Decl(m.outputs().get(i).name(), Kind.OUTPUT, m.outputs().get(i).namePos(), i));
        }
        for (BalanceRow b : m.balance()) {
            all.add(new Decl(b.name(), Kind.BALANCE, b.namePos(), 0));
        }
        all.sort(Comparator.comparingInt((Decl d) -> d.pos().line()).thenComparingInt(d -> d.pos().column()));
        for (Decl d : all) {
            if (d.name().equals(TIME)) {
                throw error(d.pos(), "'t' is reserved for time (h); choose another name for this " + d.kind().noun);
            }
            if (Function.byKeyword(d.name()) != null) {
                throw error(d.pos(), "'" + d.name() + "' is the name of a built-in function; choose another name "
                        + "for this " + d.kind().noun);
            }
            Decl first = names.get(d.name());
            if (first != null) {
                throw error(d.pos(), "duplicate name '" + d.name() + "': already defined at line "
                        + first.pos().line() + " as " + first.kind().withArticle() + "; names must be unique in a model");
            }
            names.put(d.name(), d);
        }
    }

    // ------------------------------------------------------------------ parameters

    private void checkParameters() throws ModelException {
        for (ParameterRow r : paramRows) {
            if (r.kind() == Parameter.Kind.SWITCH && r.value() != 0.0 && r.value() != 1.0) {
                throw error(r.valuePos(), "switch '" + r.name() + "' must be 0 or 1, found " + fmt(r.value()));
            }
            if (r.provenance().text().isBlank()) {
                throw error(r.provenancePos(), "empty provenance for '" + r.name() + "'; the "
                        + r.provenance().type().keyword() + " text must say where the value comes from");
            }
            if (!Double.isNaN(r.bsvCv()) && !(r.bsvCv() >= 0 && Double.isFinite(r.bsvCv()))) {
                throw error(r.bsvPos(), "bsv of '" + r.name() + "' must be a non-negative percentage");
            }
            Unit unit = r.unit() == null ? Unit.ONE : r.unit();
            parameters.add(new Parameter(r.name(), r.kind(), r.value(), unit, r.label(), r.provenance(), r.bsvCv(),
                    r.line()));
        }
    }

    private void checkDerived() throws ModelException {
        for (int i = 0; i < m.derived().size(); i++) {
            DerivedRow r = m.derived().get(i);
            Expr e = resolve(r.expr(), new Scope(Ctx.DERIVED, "derived '" + r.name() + "'", i));
            derivedValues.add(e);
            derived.add(new Derived(r.name(), r.text(), r.label(), e.dimension()));
        }
    }

    private void checkStates() throws ModelException {
        for (int i = 0; i < m.states().size(); i++) {
            StateRow r = m.states().get(i);
            Double literal = literal(r.init());
            Expr e;
            if (literal != null) {
                e = new Expr.Constant(r.unit().toCanonical(literal), r.unit().dimension());
            } else {
                e = resolve(r.init(), new Scope(Ctx.INITIAL, "the initial value of '" + r.name() + "'", 0));
                expectDimension(r.init(), e, r.unit().dimension(), "the initial value of state '" + r.name()
                        + "' has dimension " + describe(e.dimension()) + " but the state is declared in "
                        + r.unit().describe());
            }
            initialValues.add(e);
            states.add(new State(r.name(), r.unit(), r.label(), i));
        }
    }

    private void checkEquations(Expr[] odes, String[] odeTexts, List<String> equationsText) throws ModelException {
        int[] odeLines = new int[states.size()];
        for (EquationRow r : m.equations()) {
            if (!r.ode()) {
                int index = intermediates.size();
                Expr e = resolve(r.expr(), new Scope(Ctx.EQUATION, "intermediate '" + r.name() + "'", index));
                intermediates.add(new Intermediate(r.name(), r.exprText(), e.dimension()));
                intermediateValues.add(e);
                intermediateLines.add(r.line());
                continue;
            }
            Decl d = names.get(r.name());
            if (d == null) {
                throw error(r.namePos(), "d/dt(" + r.name() + "): undefined state '" + r.name() + "'"
                        + didYouMean(r.name(), Kind.STATE) + "; d/dt( ) takes a state declared in [states]");
            }
            if (d.kind() != Kind.STATE) {
                throw error(r.namePos(), "d/dt(" + r.name() + "): '" + r.name() + "' is " + d.kind().withArticle()
                        + ", not a state; d/dt( ) takes a state declared in [states]");
            }
            if (odes[d.index()] != null) {
                throw error(r.namePos(), "second ODE for state '" + r.name() + "' (the first is at line "
                        + odeLines[d.index()] + "); each state has exactly one d/dt row");
            }
            Expr e = resolve(r.expr(), new Scope(Ctx.EQUATION, "d/dt(" + r.name() + ")", intermediates.size()));
            Dimension expected = states.get(d.index()).unit().dimension().divide(Dimension.TIME);
            expectDimension(r.expr(), e, expected, "d/dt(" + r.name() + ") has dimension " + describe(e.dimension())
                    + " but must be " + describe(expected));
            odes[d.index()] = e;
            odeTexts[d.index()] = r.text();
            odeLines[d.index()] = r.line();
            equationsText.add(r.text());
        }
        for (int i = 0; i < states.size(); i++) {
            if (odes[i] == null) {
                StateRow s = m.states().get(i);
                throw error(s.namePos(), "state '" + s.name() + "' has no ODE; expected a row 'd/dt(" + s.name()
                        + ") = ...' in [equations]");
            }
        }
    }

    private void checkDosing(List<DoseTarget> targets, List<Expr> fractions) throws ModelException {
        Map<String, Integer> seen = new HashMap<>();
        for (DosingRow r : m.dosing()) {
            String pair = r.route() + " " + r.enantiomer();
            Integer first = seen.putIfAbsent(pair, r.line());
            if (first != null) {
                throw error(r.routePos(), "dosing for '" + pair + "' is declared twice (first at line " + first
                        + "); list all its targets in one row");
            }
            Set<String> inRow = new HashSet<>();
            for (TargetRow t : r.targets()) {
                Decl d = names.get(t.state());
                if (d == null) {
                    throw error(t.statePos(), "undefined dose target '" + t.state() + "'"
                            + didYouMean(t.state(), Kind.STATE) + "; expected a state declared in [states]");
                }
                if (d.kind() != Kind.STATE) {
                    throw error(t.statePos(), "dose target '" + t.state() + "' is " + d.kind().withArticle()
                            + ", not a state; expected a state declared in [states]");
                }
                if (!inRow.add(t.state())) {
                    throw error(t.statePos(), "state '" + t.state() + "' is listed twice for '" + pair + "'");
                }
                State s = states.get(d.index());
                if (!s.unit().dimension().equals(Dimension.MASS)) {
                    throw error(t.statePos(), "dose target '" + t.state() + "' has unit " + s.unit().describe()
                            + " but must be a mass (M), since doses are amounts in mg");
                }
                Expr f;
                if (t.fraction() == null) {
                    f = new Expr.Constant(1.0);
                } else {
                    f = resolve(t.fraction(), new Scope(Ctx.FRACTION, "the dose fraction for '" + t.state() + "'", 0));
                    expectDimension(t.fraction(), f, Dimension.DIMENSIONLESS, "the dose fraction for '" + t.state()
                            + "' has dimension " + describe(f.dimension()) + " but must be dimensionless");
                }
                targets.add(new DoseTarget(r.route(), r.enantiomer(), t.state(), d.index(), targets.size()));
                fractions.add(f);
            }
        }
    }

    private void checkOutputs(List<Output> outputs, List<Expr> values) throws ModelException {
        for (int i = 0; i < m.outputs().size(); i++) {
            OutputRow r = m.outputs().get(i);
            Expr e = resolve(r.expr(), new Scope(Ctx.OUTPUT, "output '" + r.name() + "'", 0));
            expectDimension(r.expr(), e, r.unit().dimension(), "output '" + r.name() + "' has dimension "
                    + describe(e.dimension()) + " but is declared in " + r.unit().describe());
            outputs.add(new Output(r.name(), r.unit(), r.label(), i));
            values.add(e);
        }
    }

    // ------------------------------------------------------------------ expressions

    private Expr resolve(Ast a, Scope s) throws ModelException {
        if (a instanceof Ast.Num n) {
            return new Expr.Constant(n.value());
        }
        if (a instanceof Ast.Paren p) {
            return resolve(p.inner(), s);
        }
        if (a instanceof Ast.Name n) {
            return name(n, s);
        }
        if (a instanceof Ast.Neg g) {
            Expr e = resolve(g.operand(), s);
            if (e instanceof Expr.Constant c) {
                return new Expr.Constant(-c.value(), c.dimension());
            }
            return new Expr.Negate(e);
        }
        if (a instanceof Ast.Binary b) {
            return binary(b, s);
        }
        if (a instanceof Ast.Call c) {
            return call(c, s);
        }
        throw new IllegalStateException("unknown node " + a);
    }

    private Expr name(Ast.Name n, Scope s) throws ModelException {
        String name = n.name();
        if (name.equals(TIME)) {
            if (s.ctx().parameterOnly()) {
                throw error(n.pos(), s.owner() + " uses time 't'; " + s.ctx().rule);
            }
            return new Expr.Time();
        }
        Decl d = names.get(name);
        if (d == null) {
            throw error(n.pos(), "undefined name '" + name + "'" + didYouMean(name, null));
        }
        switch (d.kind()) {
            case COVARIATE:
            case PARAMETER:
            case SWITCH:
                return new Expr.Ref(Source.PARAMETER, d.index(), name, parameters.get(d.index()).unit().dimension());
            case DERIVED:
                if (s.ctx() == Ctx.DERIVED && d.index() >= s.limit()) {
                    throw error(n.pos(), d.index() == s.limit() ? s.owner() + " refers to itself"
                            : "derived '" + name + "' is used before it is defined (line " + d.pos().line()
                            + "); derived quantities are evaluated in order");
                }
                return new Expr.Ref(Source.DERIVED, d.index(), name, derived.get(d.index()).dimension());
            case STATE:
                if (s.ctx().parameterOnly()) {
                    throw error(n.pos(), s.owner() + " uses state '" + name + "'; " + s.ctx().rule);
                }
                return new Expr.Ref(Source.STATE, d.index(), name, states.get(d.index()).unit().dimension());
            case INTERMEDIATE:
                if (s.ctx().parameterOnly()) {
                    throw error(n.pos(), s.owner() + " uses intermediate '" + name + "'; " + s.ctx().rule);
                }
                if (s.ctx() == Ctx.EQUATION && d.index() >= s.limit()) {
                    throw error(n.pos(), d.index() == s.limit() && s.owner().startsWith("intermediate")
                            ? s.owner() + " refers to itself"
                            : "intermediate '" + name + "' is used before it is defined (line " + d.pos().line()
                            + "); [equations] rows are evaluated in order");
                }
                return new Expr.Ref(Source.INTERMEDIATE, d.index(), name, intermediates.get(d.index()).dimension());
            case OUTPUT:
                throw error(n.pos(), "'" + name + "' is an output and cannot be used in an expression; define it as "
                        + "an intermediate in [equations] to reuse it");
            case BALANCE:
                throw error(n.pos(), "'" + name + "' is the balance expression and cannot be used in an expression");
            default:
                throw new IllegalStateException(d.kind().toString());
        }
    }

    private Expr binary(Ast.Binary b, Scope s) throws ModelException {
        if (b.op() == '^') {
            return power(b, s);
        }
        Expr l = resolve(b.left(), s);
        Expr r = resolve(b.right(), s);
        switch (b.op()) {
            case '+':
            case '-': {
                if (!l.dimension().equals(r.dimension())) {
                    throw dimensionError(b.pos(), "dimension mismatch in '" + b.op() + "': left is "
                            + describe(l.dimension()) + ", right is " + describe(r.dimension()),
                            List.of(new Blame(r, l.dimension()), new Blame(l, r.dimension())));
                }
                return new Expr.Binary(b.op() == '+' ? Op.ADD : Op.SUB, l, r, l.dimension());
            }
            case '*':
                return new Expr.Binary(Op.MUL, l, r, l.dimension().multiply(r.dimension()));
            case '/':
                return new Expr.Binary(Op.DIV, l, r, l.dimension().divide(r.dimension()));
            default:
                throw new IllegalStateException("operator " + b.op());
        }
    }

    private Expr power(Ast.Binary b, Scope s) throws ModelException {
        Expr base = resolve(b.left(), s);
        Double literal = literal(b.right());
        if (literal != null) {
            Optional<Dimension> d = base.dimension().powExact(literal);
            if (d.isEmpty()) {
                throw dimensionError(b.pos(), "'^" + fmt(literal) + "' of a value of dimension "
                        + describe(base.dimension()) + " gives a fractional dimension; make the base dimensionless "
                        + "first (divide it by a reference value)", List.of(new Blame(base, Dimension.DIMENSIONLESS)));
            }
            double k = literal;
            if (k == Math.rint(k) && Math.abs(k) <= 64) {
                return new Expr.IntPower(base, (int) k, d.get());
            }
            return new Expr.Power(base, new Expr.Constant(k), d.get());
        }
        Expr exponent = resolve(b.right(), s);
        if (!exponent.dimension().isDimensionless()) {
            throw dimensionError(start(b.right()), "the exponent of '^' has dimension "
                    + describe(exponent.dimension()) + " but must be dimensionless",
                    List.of(new Blame(exponent, Dimension.DIMENSIONLESS)));
        }
        if (!base.dimension().isDimensionless()) {
            throw dimensionError(start(b.left()), "'^' with a base of dimension " + describe(base.dimension())
                    + " needs a numeric literal exponent (as in 'x^2' or 'x^-1'); with an expression as exponent "
                    + "the base must be dimensionless", List.of(new Blame(base, Dimension.DIMENSIONLESS)));
        }
        return new Expr.Power(base, exponent, Dimension.DIMENSIONLESS);
    }

    private Expr call(Ast.Call c, Scope s) throws ModelException {
        Function f = Function.byKeyword(c.function());
        if (f == null) {
            if (c.function().equals(TIME) || names.containsKey(c.function())) {
                throw error(c.pos(), "'" + c.function() + "' is not a function; write '*' to multiply, as in '"
                        + c.function() + " * (...)'");
            }
            List<String> fs = new ArrayList<>();
            for (Function g : Function.values()) {
                fs.add(g.keyword());
            }
            String guess = Names.closest(c.function(), fs);
            throw error(c.pos(), "unknown function '" + c.function() + "'"
                    + (guess == null ? "" : "; did you mean '" + guess + "'?") + "; expected one of "
                    + String.join(", ", fs));
        }
        if (c.args().size() != f.arity()) {
            throw error(c.pos(), "'" + f.keyword() + "' takes " + f.arity() + " argument" + (f.arity() == 1 ? "" : "s")
                    + ", found " + c.args().size());
        }
        List<Expr> args = new ArrayList<>();
        for (Ast a : c.args()) {
            args.add(resolve(a, s));
        }
        String fn = f.keyword();
        Dimension result;
        switch (f) {
            case EXP:
            case LN:
            case LOG10:
                if (!args.get(0).dimension().isDimensionless()) {
                    throw dimensionError(start(c.args().get(0)), "the argument of '" + fn + "' has dimension "
                            + describe(args.get(0).dimension()) + " but must be dimensionless",
                            List.of(new Blame(args.get(0), Dimension.DIMENSIONLESS)));
                }
                result = Dimension.DIMENSIONLESS;
                break;
            case SQRT: {
                Optional<Dimension> d = args.get(0).dimension().powExact(0.5);
                if (d.isEmpty()) {
                    throw dimensionError(start(c.args().get(0)), "'sqrt' of a value of dimension "
                            + describe(args.get(0).dimension()) + " gives a fractional dimension",
                            List.of(new Blame(args.get(0), Dimension.DIMENSIONLESS)));
                }
                result = d.get();
                break;
            }
            case ABS:
            case POS:
                result = args.get(0).dimension();
                break;
            case STEP:
                result = Dimension.DIMENSIONLESS;
                break;
            case MIN:
            case MAX:
                if (!args.get(0).dimension().equals(args.get(1).dimension())) {
                    throw dimensionError(c.pos(), "dimension mismatch in '" + fn + "': first argument is "
                            + describe(args.get(0).dimension()) + ", second is " + describe(args.get(1).dimension()),
                            List.of(new Blame(args.get(1), args.get(0).dimension()),
                                    new Blame(args.get(0), args.get(1).dimension())));
                }
                result = args.get(0).dimension();
                break;
            case HILL:
                if (!args.get(0).dimension().equals(args.get(1).dimension())) {
                    throw dimensionError(c.pos(), "dimension mismatch in 'hill': x is "
                            + describe(args.get(0).dimension()) + ", k is " + describe(args.get(1).dimension())
                            + "; x and k must have the same dimension",
                            List.of(new Blame(args.get(1), args.get(0).dimension()),
                                    new Blame(args.get(0), args.get(1).dimension())));
                }
                if (!args.get(2).dimension().isDimensionless()) {
                    throw dimensionError(start(c.args().get(2)), "the exponent n of 'hill' has dimension "
                            + describe(args.get(2).dimension()) + " but must be dimensionless",
                            List.of(new Blame(args.get(2), Dimension.DIMENSIONLESS)));
                }
                result = Dimension.DIMENSIONLESS;
                break;
            default:
                throw new IllegalStateException(f.toString());
        }
        return new Expr.Call(f, args, result);
    }

    private void expectDimension(Ast a, Expr e, Dimension expected, String detail) throws ModelException {
        if (!e.dimension().equals(expected)) {
            throw dimensionError(start(a), detail, List.of(new Blame(e, expected)));
        }
    }

    // ------------------------------------------------------------------ unit hints

    /**
     * A dimension error. When a unitless covariate or parameter in a blamed sub-expression would fix it by
     * having a unit, the error is moved to that parameter's row and names the unit it needs.
     */
    private ModelException dimensionError(Pos pos, String detail, List<Blame> blames) {
        String unitless = null;
        for (Blame b : blames) {
            for (int p : referencedParameters(b.expr())) {
                ParameterRow row = paramRows.get(p);
                if (row.unit() != null || row.kind() == Parameter.Kind.SWITCH) {
                    continue;
                }
                OptionalDouble k = exponentOf(b.expr(), p);
                if (k.isPresent() && k.getAsDouble() == 0) {
                    continue;
                }
                if (unitless == null) {
                    unitless = row.name();
                }
                if (k.isEmpty()) {
                    continue;
                }
                Dimension ratio = b.expected().divide(b.expr().dimension());
                Optional<Dimension> need = ratio.powExact(1.0 / k.getAsDouble());
                if (ratio.isDimensionless() || need.isEmpty()) {
                    continue;
                }
                return error(row.afterValuePos(), "expected a unit after the value of '" + row.name()
                        + "' (for example '" + Unit.canonical(need.get()).symbol() + "'); without one it is "
                        + "dimensionless, which gives at " + pos.line() + ":" + pos.column() + ": " + detail);
            }
        }
        if (unitless != null) {
            detail += " (note: '" + unitless + "' has no unit, so it is dimensionless)";
        }
        return error(pos, detail);
    }

    private Set<Integer> referencedParameters(Expr e) {
        Set<Integer> out = new LinkedHashSet<>();
        collectParameters(e, out);
        return out;
    }

    private void collectParameters(Expr e, Set<Integer> out) {
        if (e instanceof Expr.Ref r) {
            switch (r.source()) {
                case PARAMETER:
                    out.add(r.index());
                    break;
                case DERIVED:
                    collectParameters(derivedValues.get(r.index()), out);
                    break;
                case INTERMEDIATE:
                    collectParameters(intermediateValues.get(r.index()), out);
                    break;
                default:
                    break;
            }
        } else if (e instanceof Expr.Negate n) {
            collectParameters(n.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            collectParameters(b.left(), out);
            collectParameters(b.right(), out);
        } else if (e instanceof Expr.Power p) {
            collectParameters(p.base(), out);
            collectParameters(p.exponent(), out);
        } else if (e instanceof Expr.IntPower p) {
            collectParameters(p.base(), out);
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                collectParameters(a, out);
            }
        }
    }

    /**
     * The power with which parameter {@code p} enters {@code e} multiplicatively (CL/V: 1 for CL, -1 for V),
     * or empty when it enters otherwise (inside exp, on both sides of '+' with different powers, ...).
     */
    private OptionalDouble exponentOf(Expr e, int p) {
        if (e instanceof Expr.Ref r) {
            switch (r.source()) {
                case PARAMETER:
                    return OptionalDouble.of(r.index() == p ? 1 : 0);
                case DERIVED:
                    return exponentOf(derivedValues.get(r.index()), p);
                case INTERMEDIATE:
                    return exponentOf(intermediateValues.get(r.index()), p);
                default:
                    return OptionalDouble.of(0);
            }
        }
        if (e instanceof Expr.Constant || e instanceof Expr.Time) {
            return OptionalDouble.of(0);
        }
        if (e instanceof Expr.Negate n) {
            return exponentOf(n.operand(), p);
        }
        if (e instanceof Expr.Binary b) {
            OptionalDouble l = exponentOf(b.left(), p);
            OptionalDouble r = exponentOf(b.right(), p);
            if (l.isEmpty() || r.isEmpty()) {
                return OptionalDouble.empty();
            }
            switch (b.op()) {
                case MUL:
                    return OptionalDouble.of(l.getAsDouble() + r.getAsDouble());
                case DIV:
                    return OptionalDouble.of(l.getAsDouble() - r.getAsDouble());
                default:
                    return same(l, r);
            }
        }
        if (e instanceof Expr.IntPower ip) {
            OptionalDouble b = exponentOf(ip.base(), p);
            return b.isEmpty() ? b : OptionalDouble.of(b.getAsDouble() * ip.exponent());
        }
        if (e instanceof Expr.Power pw) {
            OptionalDouble b = exponentOf(pw.base(), p);
            OptionalDouble x = exponentOf(pw.exponent(), p);
            if (b.isEmpty() || x.isEmpty() || x.getAsDouble() != 0) {
                return OptionalDouble.empty();
            }
            if (b.getAsDouble() == 0) {
                return b;
            }
            return pw.exponent() instanceof Expr.Constant c ? OptionalDouble.of(b.getAsDouble() * c.value())
                    : OptionalDouble.empty();
        }
        if (e instanceof Expr.Call c) {
            List<OptionalDouble> a = new ArrayList<>();
            for (Expr arg : c.args()) {
                a.add(exponentOf(arg, p));
            }
            switch (c.function()) {
                case ABS:
                case POS:
                    return a.get(0);
                case STEP:
                    return OptionalDouble.of(0);
                case SQRT:
                    return a.get(0).isEmpty() ? a.get(0) : OptionalDouble.of(a.get(0).getAsDouble() / 2);
                case MIN:
                case MAX:
                    return same(a.get(0), a.get(1));
                default:
                    for (OptionalDouble x : a) {
                        if (x.isEmpty() || x.getAsDouble() != 0) {
                            return OptionalDouble.empty();
                        }
                    }
                    return OptionalDouble.of(0);
            }
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble same(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty() || b.isEmpty() || a.getAsDouble() != b.getAsDouble()) {
            return OptionalDouble.empty();
        }
        return a;
    }

    // ------------------------------------------------------------------ helpers

    private static Double literal(Ast a) {
        Ast u = a;
        while (u instanceof Ast.Paren p) {
            u = p.inner();
        }
        if (u instanceof Ast.Num n) {
            return n.value();
        }
        if (u instanceof Ast.Neg g) {
            Double v = literal(g.operand());
            return v == null ? null : -v;
        }
        return null;
    }

    private String didYouMean(String name, Kind only) {
        List<String> candidates = new ArrayList<>();
        for (Decl d : names.values()) {
            if (only == null || d.kind() == only) {
                candidates.add(d.name());
            }
        }
        String guess = Names.closest(name, candidates);
        return guess == null ? "" : "; did you mean '" + guess + "'?";
    }

    /** @return e.g. {@code mg/L (M L^-3)}, or {@code dimensionless} */
    static String describe(Dimension d) {
        return d.isDimensionless() ? "dimensionless" : Unit.canonical(d).symbol() + " (" + d + ")";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private Pos start(Ast a) {
        return src.pos(a.start());
    }

    private ModelException error(Pos pos, String detail) {
        return src.error(pos, detail);
    }
}
