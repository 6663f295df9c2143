#!/usr/bin/env python3
"""Simulates an SBML model independently of KetaSim: libSBML reads the file, the right-hand side is built from
the SBML math alone (function definitions, initial assignments, assignment rules, rate rules, events), and
SciPy's solve_ivp integrates it between events with a stiff method.

Usage:
    /usr/bin/python3 tools/sbml/simulate_sbml.py FILE.xml (--times T1,T2,... | --until H --every H)
                     [--method Radau|BDF|LSODA] [--rtol 1e-10] [--atol 1e-12] [--out FILE.csv]

Output (CSV, standard output unless --out): a column `time`, then every variable with a rate rule (the states,
in document order), then every variable with an assignment rule (document order); 17 significant digits.
At an event time the row shows the values after the event, as KetaSim does.

Supported subset (what `ketasim export --format sbml` writes, and the usual ODE models): parameters,
compartments and species without reactions, initial assignments, assignment and rate rules, function
definitions, piecewise, and events whose trigger is `time >= expression` or `time > expression`
(expression of constants), without delays. Anything else is refused with a message, never ignored.
Exit codes: 0 done, 1 unsupported or failed, 2 usage or missing libSBML/SciPy.
"""
import argparse
import math
import sys

try:
    import libsbml
    import numpy as np
    from scipy.integrate import solve_ivp
except ImportError as e:
    print("simulate_sbml: %s (Debian: apt-get install python3-sbml5 python3-scipy python3-numpy)" % e, file=sys.stderr)
    sys.exit(2)


class Unsupported(Exception):
    pass


def pyname(sid):
    return "v_" + sid


def names_in(ast, out):
    """Collects the identifiers an AST refers to (function names excluded)."""
    if ast is None:
        return out
    if ast.getType() == libsbml.AST_NAME:
        out.add(ast.getName())
    for i in range(ast.getNumChildren()):
        names_in(ast.getChild(i), out)
    return out


BINARY_RELATIONS = {
    libsbml.AST_RELATIONAL_EQ: "==", libsbml.AST_RELATIONAL_NEQ: "!=", libsbml.AST_RELATIONAL_GT: ">",
    libsbml.AST_RELATIONAL_GEQ: ">=", libsbml.AST_RELATIONAL_LT: "<", libsbml.AST_RELATIONAL_LEQ: "<=",
}

UNARY_FUNCTIONS = {
    libsbml.AST_FUNCTION_EXP: "math.exp", libsbml.AST_FUNCTION_LN: "math.log", libsbml.AST_FUNCTION_ABS: "abs",
    libsbml.AST_FUNCTION_FLOOR: "math.floor", libsbml.AST_FUNCTION_CEILING: "math.ceil",
    libsbml.AST_FUNCTION_SIN: "math.sin", libsbml.AST_FUNCTION_COS: "math.cos", libsbml.AST_FUNCTION_TAN: "math.tan",
}


def to_py(ast, local=()):
    """Translates a libSBML AST into a Python expression (names become v_NAME, or stay as lambda arguments)."""
    t = ast.getType()
    n = ast.getNumChildren()
    kids = [to_py(ast.getChild(i), local) for i in range(n)]
    if t == libsbml.AST_INTEGER:
        return repr(float(ast.getInteger()))
    if t in (libsbml.AST_REAL, libsbml.AST_REAL_E, libsbml.AST_RATIONAL):
        v = ast.getReal()
        if not math.isfinite(v):
            return "float(%r)" % repr(v)
        return repr(v)
    if t == libsbml.AST_NAME:
        return ast.getName() if ast.getName() in local else pyname(ast.getName())
    if t == libsbml.AST_NAME_TIME:
        return "t"
    if t == libsbml.AST_CONSTANT_E:
        return repr(math.e)
    if t == libsbml.AST_CONSTANT_PI:
        return repr(math.pi)
    if t == libsbml.AST_CONSTANT_TRUE:
        return "True"
    if t == libsbml.AST_CONSTANT_FALSE:
        return "False"
    if t == libsbml.AST_PLUS:
        return "(" + " + ".join(kids) + ")" if kids else "0.0"
    if t == libsbml.AST_MINUS:
        return "(-%s)" % kids[0] if n == 1 else "(%s - %s)" % (kids[0], kids[1])
    if t == libsbml.AST_TIMES:
        return "(" + " * ".join(kids) + ")" if kids else "1.0"
    if t == libsbml.AST_DIVIDE:
        return "(%s / %s)" % (kids[0], kids[1])
    if t in (libsbml.AST_POWER, libsbml.AST_FUNCTION_POWER):
        return "_pow(%s, %s)" % (kids[0], kids[1])
    if t in UNARY_FUNCTIONS:
        return "%s(%s)" % (UNARY_FUNCTIONS[t], kids[0])
    if t == libsbml.AST_FUNCTION_LOG:
        # libSBML puts the logbase first when there are two children; one child means base 10
        return "math.log10(%s)" % kids[0] if n == 1 else "(math.log(%s) / math.log(%s))" % (kids[1], kids[0])
    if t == libsbml.AST_FUNCTION_ROOT:
        return "math.sqrt(%s)" % kids[0] if n == 1 else "_pow(%s, 1.0 / %s)" % (kids[1], kids[0])
    if t == libsbml.AST_FUNCTION_PIECEWISE:
        expr = kids[-1] if n % 2 == 1 else "float('nan')"
        pieces = kids[:n - (n % 2)]
        for i in range(len(pieces) - 2, -1, -2):
            expr = "(%s if %s else %s)" % (pieces[i], pieces[i + 1], expr)
        return expr
    if t in BINARY_RELATIONS:
        if n != 2:
            raise Unsupported("relation with %d arguments" % n)
        return "(%s %s %s)" % (kids[0], BINARY_RELATIONS[t], kids[1])
    if t == libsbml.AST_LOGICAL_AND:
        return "(" + " and ".join(kids) + ")"
    if t == libsbml.AST_LOGICAL_OR:
        return "(" + " or ".join(kids) + ")"
    if t == libsbml.AST_LOGICAL_NOT:
        return "(not %s)" % kids[0]
    if hasattr(libsbml, "AST_FUNCTION_MIN") and t == libsbml.AST_FUNCTION_MIN:
        return "min(%s)" % ", ".join(kids)
    if hasattr(libsbml, "AST_FUNCTION_MAX") and t == libsbml.AST_FUNCTION_MAX:
        return "max(%s)" % ", ".join(kids)
    if t == libsbml.AST_FUNCTION:
        return "f_%s(%s)" % (ast.getName(), ", ".join(kids))
    raise Unsupported("MathML element %s (%s)" % (ast.getName() or ast.getType(), libsbml.formulaToL3String(ast)))


def _pow(a, b):
    return a ** b


class SbmlModel:
    def __init__(self, path):
        doc = libsbml.readSBML(path)
        if doc.getNumErrors(libsbml.LIBSBML_SEV_ERROR) + doc.getNumErrors(libsbml.LIBSBML_SEV_FATAL) > 0:
            raise Unsupported("libSBML cannot read %s: %s" % (path, doc.getErrorLog().toString().strip()))
        m = doc.getModel()
        if m is None:
            raise Unsupported("no model in %s" % path)
        if m.getNumReactions() > 0:
            raise Unsupported("reactions are not supported (%d found)" % m.getNumReactions())
        if m.getNumConstraints() > 0 or any(m.getRule(i).isAlgebraic() for i in range(m.getNumRules())):
            raise Unsupported("algebraic rules and constraints are not supported")
        self.ns = {"math": math, "_pow": _pow, "t": 0.0}
        for i in range(m.getNumFunctionDefinitions()):
            f = m.getFunctionDefinition(i)
            args = [f.getArgument(k).getName() for k in range(f.getNumArguments())]
            src = "def f_%s(%s):\n    return %s\n" % (f.getId(), ", ".join(args), to_py(f.getBody(), set(args)))
            exec(src, self.ns)
        # every symbol with a value: compartments, species (as amounts/concentrations as written), parameters
        self.values = {}
        symbols = [m.getCompartment(i) for i in range(m.getNumCompartments())]
        symbols += [m.getSpecies(i) for i in range(m.getNumSpecies())]
        symbols += [m.getParameter(i) for i in range(m.getNumParameters())]
        for s in symbols:
            v = float("nan")
            if isinstance(s, libsbml.Species):
                v = s.getInitialAmount() if s.isSetInitialAmount() else s.getInitialConcentration()
            elif isinstance(s, libsbml.Compartment):
                v = s.getSize() if s.isSetSize() else float("nan")
            elif s.isSetValue():
                v = s.getValue()
            self.values[s.getId()] = v
        self.rate = []          # (variable, python expression) in document order
        self.assign = []        # (variable, python expression, dependencies)
        for i in range(m.getNumRules()):
            r = m.getRule(i)
            if r.isRate():
                self.rate.append((r.getVariable(), to_py(r.getMath())))
            elif r.isAssignment():
                self.assign.append((r.getVariable(), to_py(r.getMath()), names_in(r.getMath(), set())))
        self.assign = self.ordered(self.assign)
        self.initial = [(a.getSymbol(), to_py(a.getMath()), names_in(a.getMath(), set()))
                        for a in (m.getInitialAssignment(i) for i in range(m.getNumInitialAssignments()))]
        self.states = [v for v, _ in self.rate]
        self.events = []
        for i in range(m.getNumEvents()):
            self.events.append(self.event(m.getEvent(i)))
        self.build()

    @staticmethod
    def ordered(rules):
        """Assignment rules in dependency order (SBML does not require document order)."""
        defined = {v for v, _, _ in rules}
        done, out, pending = set(), [], list(rules)
        while pending:
            progress = False
            for rule in list(pending):
                if all(d in done or d not in defined for d in rule[2]):
                    out.append(rule)
                    done.add(rule[0])
                    pending.remove(rule)
                    progress = True
            if not progress:
                raise Unsupported("assignment rules form a loop: %s" % ", ".join(r[0] for r in pending))
        return out

    def event(self, e):
        if e.isSetDelay():
            raise Unsupported("event %s has a delay" % e.getId())
        trig = e.getTrigger()
        ast = trig.getMath()
        t = ast.getType()
        if t not in (libsbml.AST_RELATIONAL_GEQ, libsbml.AST_RELATIONAL_GT) or ast.getNumChildren() != 2 \
                or ast.getChild(0).getType() != libsbml.AST_NAME_TIME:
            raise Unsupported("event %s: only triggers 'time >= expression' are supported, got %s"
                              % (e.getId(), libsbml.formulaToL3String(ast)))
        when = to_py(ast.getChild(1))
        assigns = [(a.getVariable(), to_py(a.getMath())) for a in
                   (e.getEventAssignment(k) for k in range(e.getNumEventAssignments()))]
        return {"id": e.getId(), "when": when, "initial_value": trig.getInitialValue(), "assign": assigns}

    def build(self):
        """Generates rhs(t, y) and observe(t, y) from the rules."""
        unpack = "".join("    %s = y[%d]\n" % (pyname(v), i) for i, v in enumerate(self.states))
        rules = "".join("    %s = %s\n" % (pyname(v), e) for v, e, _ in self.assign)
        src = "def rhs(t, y):\n" + unpack + rules + "    return [%s]\n" % ", ".join(e for _, e in self.rate)
        src += "def observe(t, y):\n" + unpack + rules + "    return [%s]\n" % ", ".join(
            pyname(v) for v, _, _ in self.assign)
        self.source = src
        exec(compile(src, "<sbml-rhs>", "exec"), self.ns)

    def evaluate(self, expr, t, y):
        """Evaluates an expression with the states y and the assignment rules at time t."""
        local = {pyname(v): y[i] for i, v in enumerate(self.states)}
        local["t"] = t
        for v, e, _ in self.assign:
            local[pyname(v)] = eval(e, self.ns, local)
        return eval(expr, self.ns, local)

    def initialise(self, t0):
        """Values at t0: declared values, then initial assignments and assignment rules until all are known."""
        for k, v in self.values.items():
            self.ns[pyname(k)] = v
        self.ns["t"] = t0
        pending = list(self.initial)
        rules = {v for v, _, _ in self.assign}
        while pending:
            progress = False
            for sym, expr, deps in list(pending):
                unknown = [d for d in deps if d in rules or any(d == p[0] for p in pending if p[0] != sym)]
                if not unknown:
                    self.ns[pyname(sym)] = eval(expr, self.ns)
                    pending.remove((sym, expr, deps))
                    progress = True
            if not progress:
                raise Unsupported("initial assignments depend on rules or on each other in a loop: %s"
                                  % ", ".join(p[0] for p in pending))
        y = np.array([self.ns[pyname(v)] for v in self.states], dtype=float)
        if not np.all(np.isfinite(y)):
            bad = [v for v, x in zip(self.states, y) if not math.isfinite(x)]
            raise Unsupported("states without an initial value: %s" % ", ".join(bad))
        return y

    def simulate(self, times, method, rtol, atol):
        """States and assignment-rule values at the requested times; at an event time, after the event."""
        times = sorted(times)
        t0 = min(0.0, times[0])
        y = self.initialise(t0)
        schedule = []
        for ev in self.events:
            te = eval(ev["when"], self.ns)
            if te <= t0:
                if ev["initial_value"]:
                    continue  # true from the start: never a transition from false to true
                te = t0
            schedule.append((te, ev))
        schedule.sort(key=lambda x: x[0])
        end = times[-1]
        bounds = sorted({te for te, _ in schedule if t0 < te <= end} | {end})
        fun, observe = self.ns["rhs"], self.ns["observe"]
        rows = []
        t = t0
        y = self.fire(schedule, t, y)
        rows += [(x, y.copy()) for x in times if x == t]
        for tb in bounds:
            if tb > t:
                inside = [x for x in times if t < x < tb]
                sol = solve_ivp(fun, (t, tb), y, method=method, rtol=rtol, atol=atol,
                                t_eval=inside + [tb])
                if not sol.success:
                    raise RuntimeError("integration failed on [%g, %g]: %s" % (t, tb, sol.message))
                rows += [(sol.t[i], sol.y[:, i].copy()) for i in range(len(inside))]
                y = sol.y[:, -1].copy()
                t = tb
            y = self.fire(schedule, t, y)
            rows += [(x, y.copy()) for x in times if x == t]
        out = []
        for ti, yi in rows:
            self.ns["t"] = ti
            out.append([ti] + list(yi) + list(observe(ti, yi)))
        return out

    def fire(self, schedule, t, y):
        """Executes the events scheduled at t: each event's assignments use the values before it executes."""
        for te, ev in schedule:
            if te == t:
                values = [(var, self.evaluate(expr, t, y)) for var, expr in ev["assign"]]
                for var, value in values:
                    if var in self.states:
                        y[self.states.index(var)] = value
                    else:
                        self.ns[pyname(var)] = value
        return y


def main():
    ap = argparse.ArgumentParser(description="Simulate an SBML model with libSBML and SciPy.")
    ap.add_argument("file")
    ap.add_argument("--times", help="comma-separated output times (model time units)")
    ap.add_argument("--until", type=float)
    ap.add_argument("--every", type=float)
    ap.add_argument("--method", default="Radau", choices=["Radau", "BDF", "LSODA"])
    ap.add_argument("--rtol", type=float, default=1e-10)
    ap.add_argument("--atol", type=float, default=1e-12)
    ap.add_argument("--out")
    a = ap.parse_args()
    if a.times:
        times = [float(x) for x in a.times.split(",") if x.strip()]
    elif a.until is not None and a.every:
        n = int(math.floor(a.until / a.every + 1e-9))
        times = [i * a.every for i in range(n + 1)]
    else:
        ap.error("give --times or --until and --every")
    try:
        model = SbmlModel(a.file)
        rows = model.simulate(times, a.method, a.rtol, a.atol)
    except Unsupported as e:
        print("simulate_sbml: unsupported: %s" % e, file=sys.stderr)
        return 1
    header = ["time"] + model.states + [v for v, _, _ in model.assign]
    lines = [",".join(header)] + [",".join("%.17g" % x for x in row) for row in rows]
    text = "\n".join(lines) + "\n"
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
