package org.ketasim.lang;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.ketasim.lang.check.CheckedModel;
import org.ketasim.lang.check.Checker;
import org.ketasim.lang.compile.ConstantFolder;
import org.ketasim.lang.compile.Reciprocals;
import org.ketasim.lang.compile.Interpreter;
import org.ketasim.lang.compile.JavaGenerator;
import org.ketasim.lang.compile.ModelCompiler;
import org.ketasim.lang.parse.Names;
import org.ketasim.lang.parse.Parser;
import org.ketasim.lang.parse.SourceModel;
import org.ketasim.lang.parse.SourceText;
import org.ketasim.units.Unit;

/**
 * A KetaSim model ({@code .ksm} file), parsed and checked: every name is defined, every dimension is
 * consistent, every parameter cites its provenance. Instances are immutable and thread-safe.
 *
 * <p>The model describes itself ({@link #parameters()}, {@link #states()}, {@link #outputs()}, ...) and becomes
 * executable with {@link #compile()} (JVM bytecode, for simulation) or {@link #interpret()} (a reference
 * tree-walking evaluator, for tests). Both follow the array layout of {@link ModelEquations}.
 *
 * <pre>{@code
 * Model model = Model.load(Path.of("models/ketamine.ksm"));
 * ModelEquations eq = model.compile();
 * double[] p = model.defaultParameters();
 * double[] d = new double[eq.derivedCount()];
 * eq.derive(p, d);
 * }</pre>
 */
public final class Model {

    private final CheckedModel checked;
    /** What runs: the checked model with divisions by parameters turned into precomputed reciprocals. */
    private final CheckedModel executable;
    private final Interpreter interpreter;
    private volatile String generatedSource;
    private volatile ModelEquations compiled;

    private Model(CheckedModel checked) {
        this.checked = ConstantFolder.fold(checked);
        this.executable = Reciprocals.hoist(this.checked);
        this.interpreter = new Interpreter(this.executable);
    }

    /**
     * Reads, parses and checks a model file (UTF-8).
     *
     * @param file the {@code .ksm} file; its path as given names it in messages
     * @return the checked model
     * @throws ModelException when the file cannot be read, is not UTF-8, or is not a valid model
     */
    public static Model load(Path file) throws ModelException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelException(name, 0, 0, "cannot read the model file (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelException(name, 0, 0, "the model file is not valid UTF-8; save it as UTF-8", e);
        }
        return parse(text, name);
    }

    /**
     * Parses and checks a model source.
     *
     * @param source     the model text
     * @param sourceName the name to use in messages, usually a file name
     * @return the checked model
     * @throws ModelException at the first problem, as {@code sourceName:line:column: message}
     */
    public static Model parse(String source, String sourceName) throws ModelException {
        SourceText text = new SourceText(source, sourceName);
        SourceModel parsed = Parser.parse(text);
        return new Model(Checker.check(parsed, text));
    }

    /** @return the model name (after {@code model}) */
    public String name() {
        return checked.name();
    }

    /** @return the quoted title of the {@code model} line */
    public String title() {
        return checked.title();
    }

    /** @return the source name used in messages (the file path as given to {@link #load}) */
    public String sourceName() {
        return checked.sourceName();
    }

    /**
     * @return covariates, then parameters, then switches, each in file order; a parameter's position in this
     *         list is its index in {@code p[]}
     */
    public List<Parameter> parameters() {
        return checked.parameters();
    }

    /**
     * @param name a covariate, parameter or switch name
     * @return its index in {@code p[]}, or empty
     */
    public OptionalInt parameterIndex(String name) {
        List<Parameter> ps = checked.parameters();
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).name().equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * @param name a covariate, parameter or switch name
     * @return that covariate, parameter or switch, or empty
     */
    public Optional<Parameter> parameter(String name) {
        OptionalInt i = parameterIndex(name);
        return i.isPresent() ? Optional.of(checked.parameters().get(i.getAsInt())) : Optional.empty();
    }

    /** @return the {@code [derived]} rows in order; position = index in {@code d[]} */
    public List<Derived> derived() {
        return checked.derived();
    }

    /** @return the states in order; position = index in {@code y[]} */
    public List<State> states() {
        return checked.states();
    }

    /**
     * @param name a state name
     * @return its index in {@code y[]}, or empty
     */
    public OptionalInt stateIndex(String name) {
        for (State s : checked.states()) {
            if (s.name().equals(name)) {
                return OptionalInt.of(s.index());
            }
        }
        return OptionalInt.empty();
    }

    /** @return the intermediates of {@code [equations]}, in order */
    public List<Intermediate> intermediates() {
        return checked.intermediates();
    }

    /** @return the outputs in order; position = slot in the outputs array */
    public List<Output> outputs() {
        return checked.outputs();
    }

    /**
     * @param name an output name
     * @return its slot in the outputs array, or empty
     */
    public OptionalInt outputIndex(String name) {
        for (Output o : checked.outputs()) {
            if (o.name().equals(name)) {
                return OptionalInt.of(o.index());
            }
        }
        return OptionalInt.empty();
    }

    /** @return the dose targets of {@code [dosing]} in file order; position = slot in the fractions array */
    public List<DoseTarget> doseTargets() {
        return checked.doseTargets();
    }

    /** @return the unit declared in {@code [balance]}, or empty when the model has no balance */
    public Optional<Unit> balanceUnit() {
        return Optional.ofNullable(checked.balanceUnit());
    }

    /**
     * @return the ODE rows ({@code d/dt(X) = ...}) as written, in file order, comments removed and
     *         whitespace collapsed; the intermediates they use are in {@link #intermediates()}
     */
    public List<String> equationsText() {
        return checked.equationsText();
    }

    /** @return the default covariates, parameters and switches in canonical units (a fresh array) */
    public double[] defaultParameters() {
        List<Parameter> ps = checked.parameters();
        double[] p = new double[ps.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = ps.get(i).canonicalValue();
        }
        return p;
    }

    /**
     * The model compiled to JVM bytecode (Janino). Compiled once per model; later calls return the same
     * stateless, thread-safe instance.
     *
     * @return the compiled equations
     */
    public ModelEquations compile() {
        ModelEquations c = compiled;
        if (c == null) {
            synchronized (this) {
                c = compiled;
                if (c == null) {
                    c = ModelCompiler.compile(executable, generatedSource());
                    compiled = c;
                }
            }
        }
        return c;
    }

    /** @return the reference tree-walking evaluator of the same semantics as {@link #compile()} */
    public ModelEquations interpret() {
        return interpreter;
    }

    /** @return the Java source that {@link #compile()} compiles, for debugging */
    public String generatedSource() {
        String s = generatedSource;
        if (s == null) {
            s = JavaGenerator.generate(executable);
            generatedSource = s;
        }
        return s;
    }

    /**
     * The known covariate, parameter or switch name closest to a misspelt one, for "did you mean" messages:
     * a case-insensitive match, else the smallest edit distance up to a third of the name's length.
     *
     * @param unknownName a name that is not a parameter of this model (typically a user's typo)
     * @return the closest name, or null when none is close
     */
    public String suggest(String unknownName) {
        List<String> names = new ArrayList<>();
        for (Parameter p : checked.parameters()) {
            names.add(p.name());
        }
        return Names.closest(unknownName, names);
    }

    @Override
    public String toString() {
        return "model " + name() + " (" + sourceName() + ")";
    }
}
