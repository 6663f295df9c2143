package org.ketasim.interop.sbml;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.stream.XMLStreamException;

import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.lang.Derived;
import org.ketasim.lang.DoseTarget;
import org.ketasim.lang.Intermediate;
import org.ketasim.lang.ModelException;
import org.ketasim.lang.Output;
import org.ketasim.lang.Parameter;
import org.ketasim.lang.State;
import org.ketasim.lang.check.CheckedModel;
import org.ketasim.lang.check.Checker;
import org.ketasim.lang.check.Expr;
import org.ketasim.lang.parse.Parser;
import org.ketasim.lang.parse.SourceText;
import org.ketasim.units.Dimension;

/**
 * Writes a KetaSim model file, with one patient's parameter values and a dosing schedule, as SBML Level 3
 * Version 2. The document is generated from the checked model (its expression trees), never written by hand,
 * so it follows whatever the model file says.
 *
 * <h2>Mapping</h2>
 * <ul>
 * <li>Covariates, parameters and switches: constant {@code <parameter>}s with their values in KetaSim's canonical
 * units (mg, L, h, µmol) and SBML unit definitions for them; each carries its label and provenance in
 * {@code <notes>} (XHTML) and in a {@code <ketasim:parameter>} annotation (kind, provenance type and text, the value
 * and unit as written, the between-subject CV), and SBO:0000002.</li>
 * <li>{@code [derived]}: constant parameters set by {@code <initialAssignment>}s (computed once from the
 * parameters, as in KetaSim).</li>
 * <li>States: non-constant parameters with {@code <rateRule>}s (the model's ODE plus the running infusions) and
 * their initial value ({@code value}, or an initial assignment when it is an expression).</li>
 * <li>Intermediates of {@code [equations]}, outputs (converted to their display unit) and the balance:
 * {@code <assignmentRule>}s.</li>
 * <li>{@code min}, {@code max}, {@code pos}, {@code step}, {@code hill}: {@code <functionDefinition>}s
 * ({@code ks_min}, ...) built from {@code piecewise}.</li>
 * <li>The regimen: one {@code <event>} per breakpoint time (trigger {@code time >= t}, fires at 0 too). A bolus
 * adds {@code amount × enantiomer share × fraction} to each target state of its route (the fraction is the
 * model's own {@code [dosing]} expression, in MathML); an infusion sets its rate parameter
 * ({@code ks_infusion_N}, mg/h of base) on at its start and back to 0 at its end, and each target's rate rule
 * adds {@code rate × share × fraction}.</li>
 * </ul>
 * Time is in hours ({@code timeUnits}). Ids added by the exporter start with {@code ks_}.
 *
 * <p>Why StAX and not JSBML: JSBML 1.6.1 (2022, the last release) brings log4j-core, xstream, biojava-ontology
 * and junit 4 at compile scope onto the class path; the subset written here (parameters, rules, events, unit
 * definitions, annotations) is small, and the result is checked by libSBML itself in the tests
 * ({@code tools/sbml/check_sbml.py}).
 */
public final class SbmlExporter {

    static final String SBML_NAMESPACE = "http://www.sbml.org/sbml/level3/version2/core";
    static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
    /** Namespace of the KetaSim annotations (provenance of each parameter, units as written). */
    public static final String KETASIM_NAMESPACE = "https://ketasim.org/ns/sbml/1";
    private static final String SBO_PARAMETER = "SBO:0000002";
    private static final String[] ENANTIOMERS = {"S", "R"};
    private static final Dimension MG_PER_H = Dimension.MASS.divide(Dimension.TIME);

    private final CheckedModel model;

    private SbmlExporter(CheckedModel model) {
        this.model = model;
    }

    /**
     * Parses and checks a model source for export.
     *
     * @param ksmText    the model file's text
     * @param sourceName its name for messages (usually the path)
     * @return the exporter
     * @throws ModelException when the model is not valid, as {@code file:line:column: message}
     */
    public static SbmlExporter of(String ksmText, String sourceName) throws ModelException {
        SourceText text = new SourceText(ksmText, sourceName);
        return new SbmlExporter(Checker.check(Parser.parse(text), text));
    }

    /** @return the model's name, the SBML model id */
    public String modelName() {
        return model.name();
    }

    /**
     * Writes the SBML document.
     *
     * @param parameters  covariates, parameters and switches in declaration order, canonical units (as
     *                    {@code Model.defaultParameters()} and the simulator use them)
     * @param regimen     the doses, written as events
     * @param description a one-line description of the regimen for the notes (may be empty)
     * @param out         where to write (UTF-8 text)
     * @throws IllegalArgumentException if the parameter vector has the wrong length or a dose has no target in the
     *                                  model
     */
    public void write(double[] parameters, Regimen regimen, String description, Writer out) throws IOException {
        if (parameters == null || parameters.length != model.parameters().size()) {
            throw new IllegalArgumentException("model expects " + model.parameters().size() + " parameters, got "
                    + (parameters == null ? "none" : parameters.length));
        }
        try {
            new Writing(parameters, regimen, description, new XmlOut(out)).document();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write SBML: " + e.getMessage(), e);
        }
    }

    /** @return the SBML document as a string (see {@link #write}) */
    public String toSbml(double[] parameters, Regimen regimen, String description) {
        StringWriter w = new StringWriter();
        try {
            write(parameters, regimen, description, w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /** One export: the regimen laid out as events, the unit ids, and the writer. */
    private final class Writing {
        private final double[] p;
        private final Regimen regimen;
        private final String description;
        private final XmlOut out;
        private final MathMl math;
        private final SbmlUnits units = new SbmlUnits();
        /** Infusion doses in regimen order, with their parameter ids. */
        private final Map<Dose, String> infusionIds = new LinkedHashMap<>();
        /** State index to the infusion terms that feed it. */
        private final Map<Integer, List<MathMl.Term>> infusionTerms = new TreeMap<>();

        Writing(double[] p, Regimen regimen, String description, XmlOut out) {
            this.p = p;
            this.regimen = regimen;
            this.description = description == null ? "" : description;
            this.out = out;
            this.math = new MathMl(out, units::canonical);
            checkIds();
            int k = 0;
            for (Dose d : regimen.doses()) {
                checkTargets(d);
                if (d.isInfusion()) {
                    String id = MathMl.PREFIX + "infusion_" + (++k);
                    infusionIds.put(d, id);
                    for (Target t : targets(d)) {
                        infusionTerms.computeIfAbsent(t.state().index(), i -> new ArrayList<>()).add(m -> m.apply("times",
                                x -> x.ci(id), x -> x.number(t.share(), Dimension.DIMENSIONLESS), x -> x.expr(t.fraction())));
                    }
                }
            }
        }

        void document() throws XMLStreamException {
            // unit ids first: the definitions precede the parameters that use them
            Map<String, String> unitOf = new LinkedHashMap<>();
            for (Parameter q : model.parameters()) {
                unitOf.put(q.name(), units.canonical(q.unit().dimension()));
            }
            for (Derived d : model.derived()) {
                unitOf.put(d.name(), units.canonical(d.dimension()));
            }
            for (State s : model.states()) {
                unitOf.put(s.name(), units.canonical(s.unit().dimension()));
            }
            for (Intermediate i : model.intermediates()) {
                unitOf.put(i.name(), units.canonical(i.dimension()));
            }
            for (Output o : model.outputs()) {
                unitOf.put(o.name(), units.id(o.unit()));
            }
            String mgPerH = units.canonical(MG_PER_H);
            String hours = units.canonical(Dimension.TIME);
            String mg = units.canonical(Dimension.MASS);
            registerLiteralUnits();

            out.declaration();
            out.startIn(SBML_NAMESPACE, "sbml", "level", "3", "version", "2");
            out.start("model", "id", model.name(), "name", model.title(), "timeUnits", hours);
            modelNotes();
            functionDefinitions();
            units.write(out);
            out.start("listOfParameters");
            for (int i = 0; i < model.parameters().size(); i++) {
                parameter(model.parameters().get(i), p[i], unitOf);
            }
            for (Derived d : model.derived()) {
                out.start("parameter", "id", d.name(), "name", d.label().isEmpty() ? null : d.label(), "sboTerm",
                        SBO_PARAMETER, "units", unitOf.get(d.name()), "constant", "true");
                notes("Derived (computed once from the parameters): " + d.name() + " = " + d.expression());
                out.end();
            }
            for (int i = 0; i < model.states().size(); i++) {
                State s = model.states().get(i);
                Expr init = model.initialValues().get(i);
                out.start("parameter", "id", s.name(), "name", s.label(), "value",
                        init instanceof Expr.Constant c ? Double.toString(c.value()) : null, "units", unitOf.get(s.name()),
                        "constant", "false");
                notes("State (" + s.unit().symbol() + " as declared; held in canonical units): " + s.label() + ". "
                        + model.odeTexts().get(i));
                out.end();
            }
            for (Intermediate im : model.intermediates()) {
                out.start("parameter", "id", im.name(), "units", unitOf.get(im.name()), "constant", "false");
                notes("Intermediate of [equations]: " + im.name() + " = " + im.expression());
                out.end();
            }
            for (Output o : model.outputs()) {
                out.start("parameter", "id", o.name(), "name", o.label(), "units", unitOf.get(o.name()), "constant", "false");
                notes("Output, in " + o.unit().symbol() + ": " + o.label());
                out.end();
            }
            if (model.balanceValue() != null) {
                out.start("parameter", "id", balanceId(), "name", "Drug-derived amount, body and eliminated (mg)", "units",
                        mg, "constant", "false");
                notes("Mass balance (mg of ketamine base equivalents): " + model.balanceText());
                out.end();
            }
            for (Map.Entry<Dose, String> e : infusionIds.entrySet()) {
                Dose d = e.getKey();
                out.start("parameter", "id", e.getValue(), "name", "Infusion rate (mg/h of base): " + describe(d), "value", "0",
                        "units", mgPerH, "constant", "false");
                notes("Rate of infusion " + describe(d) + "; switched on and off by the dosing events.");
                out.end();
            }
            out.end();

            initialAssignments();
            rules();
            events();
            out.end().end();
            out.finish();
        }

        /** Registers the units of every literal of the model's expressions (their definitions precede the math). */
        private void registerLiteralUnits() {
            List<Expr> all = new ArrayList<>();
            all.addAll(model.derivedValues());
            all.addAll(model.initialValues());
            all.addAll(model.intermediateValues());
            all.addAll(model.odes());
            all.addAll(model.outputValues());
            all.addAll(model.fractions());
            if (model.balanceValue() != null) {
                all.add(model.balanceValue());
            }
            for (Expr e : all) {
                literals(e);
            }
        }

        private void literals(Expr e) {
            if (e instanceof Expr.Constant c) {
                units.canonical(c.dimension());
            } else if (e instanceof Expr.Negate n) {
                literals(n.operand());
            } else if (e instanceof Expr.Binary b) {
                literals(b.left());
                literals(b.right());
            } else if (e instanceof Expr.Power p) {
                literals(p.base());
                literals(p.exponent());
            } else if (e instanceof Expr.IntPower p) {
                literals(p.base());
            } else if (e instanceof Expr.Call c) {
                c.args().forEach(this::literals);
            }
        }

        private void modelNotes() throws XMLStreamException {
            out.start("notes").startIn(XHTML_NAMESPACE, "body");
            out.leaf("p", model.title());
            out.leaf("p", "Exported by KetaSim from " + model.sourceName() + " (SBML Level 3 Version 2, generated from the "
                    + "model file). Values are in KetaSim's canonical units: mg, L, h, umol; clinical scores (points) are "
                    + "dimensionless here. Outputs are in their display units (see each output's notes).");
            out.leaf("p", "Dosing schedule (events): " + (regimen.isEmpty() ? "none" : description.isEmpty()
                    ? regimen.size() + " dose(s)" : description) + ". Doses are mg of ketamine base.");
            out.end().end();
        }

        private void functionDefinitions() throws XMLStreamException {
            out.start("listOfFunctionDefinitions");
            for (MathMl.Builtin f : MathMl.FUNCTIONS) {
                out.start("functionDefinition", "id", f.id, "name", f.keyword + " (KetaSim model language)");
                math.lambda(f);
                out.end();
            }
            out.end();
        }

        private void parameter(Parameter q, double value, Map<String, String> unitOf) throws XMLStreamException {
            String kind = q.kind().name().toLowerCase(Locale.ROOT);
            out.start("parameter", "id", q.name(), "name", q.label(), "sboTerm", SBO_PARAMETER,
                    "value", Double.toString(value), "units", unitOf.get(q.name()), "constant", "true");
            StringBuilder text = new StringBuilder();
            text.append(Character.toUpperCase(kind.charAt(0))).append(kind.substring(1)).append(": ").append(q.label())
                    .append(". Written ").append(fmt(q.value())).append(' ').append(q.unit().symbol()).append(". ")
                    .append(q.provenance().type().keyword()).append(": ").append(q.provenance().text());
            if (q.hasBsv()) {
                text.append(". Between-subject variability: CV ").append(fmt(100 * q.bsvCv())).append('%');
            }
            notes(text.toString());
            out.start("annotation");
            out.startPrefixed("ketasim", KETASIM_NAMESPACE, "parameter", "kind", kind,
                    "provenance", q.provenance().type().keyword(), "value", fmt(q.value()), "unit", q.unit().symbol(),
                    "bsvCv", q.hasBsv() ? fmt(q.bsvCv()) : null, "line", Integer.toString(q.line()));
            out.text(q.provenance().text());
            out.end();
            out.end();
            out.end();
        }

        private void notes(String text) throws XMLStreamException {
            out.start("notes").startIn(XHTML_NAMESPACE, "p").text(text).end().end();
        }

        private void initialAssignments() throws XMLStreamException {
            boolean any = !model.derived().isEmpty()
                    || model.initialValues().stream().anyMatch(e -> !(e instanceof Expr.Constant));
            if (!any) {
                return; // an empty list is legal in Level 3 Version 2 but not in Version 1; write none
            }
            out.start("listOfInitialAssignments");
            for (int i = 0; i < model.derived().size(); i++) {
                out.start("initialAssignment", "symbol", model.derived().get(i).name());
                math.math(model.derivedValues().get(i));
                out.end();
            }
            for (int i = 0; i < model.states().size(); i++) {
                Expr init = model.initialValues().get(i);
                if (!(init instanceof Expr.Constant)) {
                    out.start("initialAssignment", "symbol", model.states().get(i).name());
                    math.math(init);
                    out.end();
                }
            }
            out.end();
        }

        private void rules() throws XMLStreamException {
            out.start("listOfRules");
            for (int i = 0; i < model.intermediates().size(); i++) {
                out.start("assignmentRule", "variable", model.intermediates().get(i).name());
                math.math(model.intermediateValues().get(i));
                out.end();
            }
            for (int i = 0; i < model.outputs().size(); i++) {
                Output o = model.outputs().get(i);
                Expr value = model.outputValues().get(i);
                out.start("assignmentRule", "variable", o.name());
                if (o.unit().factor() == 1.0) {
                    math.math(value);
                } else {
                    math.math(m -> m.apply("divide", x -> x.expr(value), x -> x.number(o.unit().factor())));
                }
                out.end();
            }
            if (model.balanceValue() != null) {
                out.start("assignmentRule", "variable", balanceId());
                math.math(model.balanceValue());
                out.end();
            }
            for (int i = 0; i < model.states().size(); i++) {
                out.start("rateRule", "variable", model.states().get(i).name());
                math.mathSum(model.odes().get(i), infusionTerms.getOrDefault(i, List.of()));
                out.end();
            }
            out.end();
        }

        private void events() throws XMLStreamException {
            if (regimen.isEmpty()) {
                return;
            }
            TreeSet<Double> times = new TreeSet<>();
            for (Dose d : regimen.doses()) {
                times.add(d.startH());
                if (d.isInfusion()) {
                    times.add(d.endH());
                }
            }
            out.start("listOfEvents");
            int k = 0;
            for (double t : times) {
                k++;
                List<String> what = new ArrayList<>();
                // boluses given at t, summed per target state
                Map<Integer, List<MathMl.Term>> bolus = new TreeMap<>();
                for (Dose d : regimen.doses()) {
                    if (d.startH() == t && !d.isInfusion()) {
                        what.add("bolus " + describe(d));
                        for (Target tg : targets(d)) {
                            bolus.computeIfAbsent(tg.state().index(), i -> new ArrayList<>()).add(m -> m.apply("times",
                                    x -> x.number(d.amountMg(), Dimension.MASS), x -> x.number(tg.share(), Dimension.DIMENSIONLESS),
                                    x -> x.expr(tg.fraction())));
                        }
                    }
                }
                Map<String, Double> rates = new LinkedHashMap<>();
                for (Map.Entry<Dose, String> e : infusionIds.entrySet()) {
                    Dose d = e.getKey();
                    if (d.startH() == t) {
                        rates.put(e.getValue(), d.rateMgPerH());
                        what.add("start of infusion " + describe(d));
                    } else if (d.endH() == t) {
                        rates.put(e.getValue(), 0.0);
                        what.add("end of infusion " + describe(d));
                    }
                }
                out.start("event", "id", MathMl.PREFIX + "dosing_" + k, "name", "Dosing at " + fmt(t) + " h",
                        "useValuesFromTriggerTime", "true");
                notes(String.join("; ", what));
                out.start("trigger", "initialValue", "false", "persistent", "true");
                math.math(m -> m.apply("geq", MathMl::time, x -> x.number(t, Dimension.TIME)));
                out.end();
                out.start("listOfEventAssignments");
                for (Map.Entry<Integer, List<MathMl.Term>> b : bolus.entrySet()) {
                    String state = model.states().get(b.getKey()).name();
                    out.start("eventAssignment", "variable", state);
                    List<MathMl.Term> terms = new ArrayList<>();
                    terms.add(x -> x.ci(state));
                    terms.addAll(b.getValue());
                    math.math(m -> m.apply("plus", terms.toArray(MathMl.Term[]::new)));
                    out.end();
                }
                for (Map.Entry<String, Double> r : rates.entrySet()) {
                    out.start("eventAssignment", "variable", r.getKey());
                    math.math(m -> m.number(r.getValue(), MG_PER_H));
                    out.end();
                }
                out.end().end();
            }
            out.end();
        }

        /** The model's targets for a dose: state, enantiomer share of the drug, fraction expression. */
        private List<Target> targets(Dose d) {
            List<Target> list = new ArrayList<>();
            for (DoseTarget t : model.doseTargets()) {
                double share = d.drug().fractionOf(t.enantiomer());
                if (t.route().equals(d.route().modelName()) && share > 0) {
                    list.add(new Target(model.states().get(t.stateIndex()), share, model.fractions().get(t.index())));
                }
            }
            return list;
        }

        private void checkTargets(Dose d) {
            for (String e : ENANTIOMERS) {
                if (d.drug().fractionOf(e) > 0 && model.doseTargets().stream()
                        .noneMatch(t -> t.enantiomer().equals(e) && t.route().equals(d.route().modelName()))) {
                    throw new IllegalArgumentException("model has no dosing target for " + d.route().modelName() + " " + e
                            + "; the model's [dosing] block has none for this route");
                }
            }
        }

        /** The exporter's own ids must not collide with the model's names. */
        private void checkIds() {
            Set<String> names = new HashSet<>();
            model.parameters().forEach(q -> names.add(q.name()));
            model.derived().forEach(d -> names.add(d.name()));
            model.states().forEach(s -> names.add(s.name()));
            model.intermediates().forEach(i -> names.add(i.name()));
            model.outputs().forEach(o -> names.add(o.name()));
            for (String n : names) {
                if (n.startsWith(MathMl.PREFIX)) {
                    throw new IllegalArgumentException("the model name '" + n + "' starts with '" + MathMl.PREFIX
                            + "', which the SBML export reserves for its own ids; rename it to export");
                }
            }
        }

        private String balanceId() {
            return MathMl.PREFIX + "balance_mg";
        }
    }

    private record Target(State state, double share, Expr fraction) {
    }

    private static String describe(Dose d) {
        return String.format(Locale.ROOT, "%s %s %s mg base at %s h%s", d.drug().name().toLowerCase(Locale.ROOT),
                d.route().modelName(), fmt(d.amountMg()), fmt(d.startH()),
                d.isInfusion() ? " over " + fmt(d.durationH()) + " h" : "");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
