package org.ketasim.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ketasim.engine.Simulator;
import org.ketasim.engine.Trajectory;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;
import org.ketasim.models.SessionCovariates;
import org.ketasim.units.Unit;
import org.ketasim.units.UnitException;

/**
 * One patient's course on one model: everything needed to simulate it, checked and resolved.
 *
 * <pre>{@code
 * Simulation simulation = Simulation.builder(KetaSim.ketamineModel())
 *         .patient(Patient.builder().weightKg(80).build())
 *         .dose(Doses.iv(Drug.KETAMINE).mgPerKg(0.5).over(Duration.ofMinutes(40)).onDays(0, 2, 4))
 *         .until(Duration.ofDays(14)).every(Duration.ofMinutes(10))
 *         .parameter("k_out", 1.2)                         // in the model file's unit
 *         .build();
 * SimulationResult result = simulation.run();
 * }</pre>
 *
 * <p>{@link Builder#build()} does all the checking: names against the model (with a "did you mean"),
 * units against the model file's, mg/kg doses against the patient's weight, the time grid. It then holds
 * the model's parameter vector in canonical units, built as the {@code ketasim simulate} command builds
 * it: the model's defaults, then the patient's covariates, then the parameter overrides, then the session
 * covariates that follow from the regimen ({@code T_FIRST}, the start of the first dose, and
 * {@code SPRAVATO}, set for intranasal esketamine; see {@link SessionCovariates}) unless the patient sets
 * them. {@link #run()} hands that vector, the regimen and the grid to the engine's {@link Simulator}.
 *
 * <p>Instances are immutable and thread-safe; {@link #run()} may be called from several threads.
 */
public final class Simulation {

    /** Default end of the simulation: 14 days. */
    public static final Duration DEFAULT_UNTIL = Duration.ofDays(14);
    /** Default output step: 10 minutes. */
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(10);
    /** Most output times a simulation may ask for. */
    public static final int MAX_TIMES = 2_000_000;

    private final Model model;
    private final Patient patient;
    private final Regimen regimen;
    private final double[] parameters;
    private final double[] timesH;
    private final SolverOptions solver;

    private Simulation(final Model model, final Patient patient, final Regimen regimen, final double[] parameters,
                       final double[] timesH, final SolverOptions solver) {
        this.model = model;
        this.patient = patient;
        this.regimen = regimen;
        this.parameters = parameters;
        this.timesH = timesH;
        this.solver = solver;
    }

    /**
     * Starts a simulation of a model: by default the model's default patient, no doses, a 14-day grid every
     * 10 minutes and the default solver.
     *
     * @param model the model, e.g. {@link KetaSim#ketamineModel()}
     * @return a new builder
     * @throws IllegalArgumentException if {@code model} is null
     */
    public static Builder builder(final Model model) {
        if (model == null) {
            throw new IllegalArgumentException("model is missing; use KetaSim.ketamineModel() or KetaSim.model(path)");
        }
        return new Builder(model);
    }

    /**
     * Simulates the course.
     *
     * @return outputs, states, dosed amount and mass balance at every time of the grid
     * @throws IllegalStateException if the integrator fails (the equations become non-finite, or the step
     *                               size underflows); a tighter tolerance or another method may help
     */
    public SimulationResult run() {
        final Simulator simulator = new Simulator(model.compile(), model.doseTargets(), solver);
        final Trajectory trajectory = simulator.run(parameters.clone(), regimen, timesH.clone());
        return new SimulationResult(model, regimen, trajectory);
    }

    /**
     * The model.
     *
     * @return the model simulated
     */
    public Model model() {
        return model;
    }

    /**
     * The patient.
     *
     * @return the patient, as given
     */
    public Patient patient() {
        return patient;
    }

    /**
     * The resolved doses: mg/kg amounts multiplied by the patient's weight, salts converted to base.
     *
     * @return the regimen (amounts in mg of ketamine base, times in h from day 0, 00:00)
     */
    public Regimen regimen() {
        return regimen;
    }

    /**
     * The output times.
     *
     * @return a new array of times (h from day 0, 00:00)
     */
    public double[] timesH() {
        return timesH.clone();
    }

    /**
     * The solver settings.
     *
     * @return integrator and tolerances
     */
    public SolverOptions solver() {
        return solver;
    }

    /**
     * The parameter vector handed to the engine: covariates, parameters and switches in the order of
     * {@link Model#parameters()}.
     *
     * @return a new array, canonical units (mg, L, h, µmol, points)
     */
    public double[] canonicalParameters() {
        return parameters.clone();
    }

    /**
     * One covariate, parameter or switch as simulated, in the model file's unit.
     *
     * @param name the name in the model file
     * @return its value, in the unit of {@link Parameter#unit()}
     * @throws IllegalArgumentException if the model has no such name
     */
    public double parameter(final String name) {
        final int i = parameterIndex(model, name);
        return model.parameters().get(i).unit().fromCanonical(parameters[i]);
    }

    private static int parameterIndex(final Model model, final String name) {
        return model.parameterIndex(name).orElseThrow(() -> new IllegalArgumentException("model " + model.name()
                + " has no covariate, parameter or switch '" + name + "'"
                + Names2.didYouMean(name, model.parameters().stream().map(Parameter::name).toList())
                + "; 'ketasim params' lists them"));
    }

    /** For example {@code "Simulation[ketamine, Patient[80 kg], 3 doses, 2017 times]"}. */
    @Override
    public String toString() {
        return "Simulation[" + model.name() + ", " + patient + ", " + regimen.size() + " doses, " + timesH.length + " times]";
    }

    /**
     * Builds a {@link Simulation}. Setters check what they can alone; {@link #build()} checks the rest
     * against the model and the patient. Every problem is an {@link IllegalArgumentException} with a
     * one-line message.
     *
     * <p>Not thread-safe; use one builder per simulation.
     */
    public static final class Builder {

        private final Model model;
        private Patient patient = Patient.modelDefault();
        private final List<DoseSeries> series = new ArrayList<>();
        private final List<Dose> baseDoses = new ArrayList<>();
        private final Map<String, ParameterValue> overrides = new LinkedHashMap<>();
        private Duration until = DEFAULT_UNTIL;
        private Duration every = DEFAULT_EVERY;
        private double[] times;
        private SolverOptions solver = SolverOptions.defaults();

        private record ParameterValue(double value, Unit unit, String text) {
        }

        private Builder(final Model model) {
            this.model = model;
        }

        /**
         * The patient (default: {@link Patient#modelDefault()}, the model file's covariates).
         *
         * @param value the patient
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is null
         */
        public Builder patient(final Patient value) {
            if (value == null) {
                throw new IllegalArgumentException("patient is missing; use Patient.builder()...build()");
            }
            this.patient = value;
            return this;
        }

        /**
         * Adds a series of doses; mg/kg amounts are resolved against the patient's weight on {@link #build()}.
         *
         * @param doses a series from {@link Doses}
         * @return this builder
         * @throws IllegalArgumentException if {@code doses} is null
         */
        public Builder dose(final DoseSeries doses) {
            if (doses == null) {
                throw new IllegalArgumentException("dose series is missing; use Doses.iv(Drug.KETAMINE).mg(35)...");
            }
            series.add(doses);
            return this;
        }

        /**
         * Adds the doses of an engine {@link Regimen} as they are (mg of ketamine base, no weight scaling).
         *
         * @param doses the regimen
         * @return this builder
         * @throws IllegalArgumentException if {@code doses} is null
         */
        public Builder regimen(final Regimen doses) {
            if (doses == null) {
                throw new IllegalArgumentException("regimen is missing; use Regimen.empty() for no doses");
            }
            baseDoses.addAll(doses.doses());
            return this;
        }

        /**
         * Changes a parameter or switch, in the unit the model file declares for it (see
         * {@code ketasim params}); a switch is 0 (off) or 1 (on). Covariates belong to the {@link Patient}.
         *
         * @param name  the name in the model's {@code [parameters]} or {@code [switches]} block
         * @param value the value, in the model file's unit
         * @return this builder
         * @throws IllegalArgumentException if the model has no such parameter or switch (with a
         *                                  suggestion), it is a covariate, or the value is out of range
         */
        public Builder parameter(final String name, final double value) {
            return putOverride(name, value, null, Double.toString(value));
        }

        /**
         * Changes a parameter, with a unit of the same dimension as the model file's (converted).
         *
         * @param name  the name in the model's {@code [parameters]} block
         * @param value the value, in {@code unit}
         * @param unit  its unit, e.g. {@code "L/h"}
         * @return this builder
         * @throws IllegalArgumentException if the model has no such parameter, it is a covariate, the unit
         *                                  cannot be read or does not fit the parameter, or the value is out
         *                                  of range
         */
        public Builder parameter(final String name, final double value, final String unit) {
            final Unit u;
            try {
                u = Unit.parse(unit == null ? "" : unit);
            } catch (UnitException e) {
                throw new IllegalArgumentException("parameter " + name + ": cannot read the unit '" + unit + "': " + e.getMessage(), e);
            }
            return putOverride(name, value, u, value + " " + unit);
        }

        private Builder putOverride(final String name, final double value, final Unit unit, final String text) {
            final String key = name == null ? "" : name.trim();
            final Parameter p = model.parameters().get(parameterIndex(model, key));
            if (p.kind() == Parameter.Kind.COVARIATE) {
                throw new IllegalArgumentException(key + " is a covariate of the patient, not a parameter; set it with "
                        + "Patient.builder()." + covariateSetter(key));
            }
            final double canonical = canonical(p, value, unit, text);
            if (p.kind() == Parameter.Kind.SWITCH && canonical != 0 && canonical != 1) {
                throw new IllegalArgumentException("switch " + key + "=" + text + ": a switch is 0 (off) or 1 (on)");
            }
            if (p.kind() != Parameter.Kind.SWITCH && p.value() > 0 && canonical < 0) {
                throw new IllegalArgumentException("parameter " + key + "=" + text + " must not be negative");
            }
            overrides.put(key, new ParameterValue(value, unit, text));
            return this;
        }

        private static String covariateSetter(final String name) {
            switch (name) {
                case Patient.WT:
                    return "weightKg(...)";
                case Patient.SEX:
                    return "sex(...)";
                case Patient.AGE:
                    return "ageYears(...)";
                case Patient.BMI:
                    return "bmi(...)";
                default:
                    return "covariate(\"" + name + "\", ...)";
            }
        }

        /** A value in the parameter's canonical unit; a null unit means the model file's unit. */
        private static double canonical(final Parameter p, final double value, final Unit unit, final String text) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(p.name() + "=" + text + " is not a finite number");
            }
            if (unit == null) {
                return p.unit().toCanonical(value);
            }
            if (!unit.compatibleWith(p.unit())) {
                throw new IllegalArgumentException(p.name() + "=" + text + ": unit " + unit.symbol() + " does not fit "
                        + p.name() + ", which is in " + p.unit().symbol());
            }
            return unit.toCanonical(value);
        }

        /**
         * The end of the output grid (default 14 days); times are 0, every, 2 × every, … up to this. Replaces
         * times given with {@link #timesH}.
         *
         * @param duration the end of the simulation, &gt; 0 and at most 10 years
         * @return this builder
         * @throws IllegalArgumentException if the duration is null, not positive or longer than 10 years
         */
        public Builder until(final Duration duration) {
            if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(3650)) > 0) {
                throw new IllegalArgumentException("until must be between 0 and 10 years, got " + duration);
            }
            this.until = duration;
            this.times = null;
            return this;
        }

        /**
         * The step of the output grid (default 10 minutes). It sets only where results are reported; the
         * integrator chooses its own steps. Replaces times given with {@link #timesH}.
         *
         * @param step the time between output rows, &gt; 0
         * @return this builder
         * @throws IllegalArgumentException if the step is null or not positive
         */
        public Builder every(final Duration step) {
            if (step == null || step.isNegative() || step.isZero()) {
                throw new IllegalArgumentException("every must be a positive duration, e.g. Duration.ofMinutes(10), got " + step);
            }
            this.every = step;
            this.times = null;
            return this;
        }

        /**
         * Explicit output times instead of the {@link #until}/{@link #every} grid.
         *
         * @param hours output times (h from day 0, 00:00), each finite and &ge; 0, in any order; at least one
         * @return this builder
         * @throws IllegalArgumentException if no time is given, there are more than {@value Simulation#MAX_TIMES},
         *                                  or a time is negative or not finite
         */
        public Builder timesH(final double... hours) {
            if (hours == null || hours.length == 0 || hours.length > MAX_TIMES) {
                throw new IllegalArgumentException("give between 1 and " + MAX_TIMES + " output times");
            }
            for (int i = 0; i < hours.length; i++) {
                if (!(hours[i] >= 0) || !Double.isFinite(hours[i])) {
                    throw new IllegalArgumentException("output times must be finite and >= 0 h, got " + hours[i] + " at position " + i);
                }
            }
            this.times = hours.clone();
            return this;
        }

        /**
         * The integrator and its tolerances (default {@link SolverOptions#defaults()}).
         *
         * @param options the solver options
         * @return this builder
         * @throws IllegalArgumentException if {@code options} is null
         */
        public Builder solver(final SolverOptions options) {
            if (options == null) {
                throw new IllegalArgumentException("solver options are missing; use SolverOptions.defaults()");
            }
            this.solver = options;
            return this;
        }

        /**
         * Checks everything against the model and resolves it.
         *
         * @return the simulation
         * @throws IllegalArgumentException (one line) for a covariate the model does not have or whose unit
         *                                  does not fit, an mg/kg dose for a patient without weight, a dose the
         *                                  model cannot receive (route and drug), or a grid of more than
         *                                  {@value Simulation#MAX_TIMES} times
         */
        public Simulation build() {
            final List<Dose> doses = new ArrayList<>(baseDoses);
            for (final DoseSeries s : series) {
                doses.addAll(s.resolve(patient.weightKg()));
            }
            final Regimen regimen = Regimen.of(doses);
            new Simulator(model.compile(), model.doseTargets(), solver).check(regimen);

            final double[] p = model.defaultParameters();
            final Set<String> set = new LinkedHashSet<>();
            patient.weightKg().ifPresent(kg -> {
                if (model.parameterIndex(Patient.WT).isPresent()) {
                    setCovariate(p, Patient.WT, kg, Unit.parse("kg"), kg + " kg", set);
                }
            });
            patient.sex().ifPresent(s -> setCovariate(p, Patient.SEX, s.modelValue(), null, s.name(), set));
            patient.ageYears().ifPresent(y -> setCovariate(p, Patient.AGE, y, Unit.parse("y"), y + " y", set));
            patient.bmi().ifPresent(b -> setCovariate(p, Patient.BMI, b, Unit.parse("kg/m^2"), b + " kg/m^2", set));
            for (final Patient.Covariate c : patient.covariates().values()) {
                setCovariate(p, c.name(), c.value(), c.unit(), c.value() + (c.unit() == null ? "" : " " + c.unit().symbol()), set);
            }
            for (final Map.Entry<String, ParameterValue> o : overrides.entrySet()) {
                final int i = parameterIndex(model, o.getKey());
                p[i] = canonical(model.parameters().get(i), o.getValue().value(), o.getValue().unit(), o.getValue().text());
            }
            SessionCovariates.apply(model, p, regimen, regimen.isEmpty() ? 0 : regimen.doses().get(0).startH(), set);
            return new Simulation(model, patient, regimen, p, grid(), solver);
        }

        private void setCovariate(final double[] p, final String name, final double value, final Unit unit,
                                  final String text, final Set<String> set) {
            final List<String> covariateNames = model.parameters().stream()
                    .filter(q -> q.kind() == Parameter.Kind.COVARIATE).map(Parameter::name).toList();
            final int i = model.parameterIndex(name).orElseThrow(() -> new IllegalArgumentException("model " + model.name()
                    + " has no covariate '" + name + "'" + Names2.didYouMean(name, covariateNames)
                    + "; its covariates: " + String.join(", ", covariateNames)));
            final Parameter param = model.parameters().get(i);
            if (param.kind() != Parameter.Kind.COVARIATE) {
                throw new IllegalArgumentException(name + " is a " + param.kind().name().toLowerCase(Locale.ROOT)
                        + " of model " + model.name() + ", not a covariate; set it with Simulation.builder(model).parameter(\""
                        + name + "\", ...)");
            }
            p[i] = canonical(param, value, unit, text);
            set.add(name);
        }

        private double[] grid() {
            if (times != null) {
                return times.clone();
            }
            final double untilH = until.toNanos() / 3.6e12;
            final double everyH = every.toNanos() / 3.6e12;
            if (untilH / everyH > MAX_TIMES) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "until %s every %s gives %.3g output times; choose a coarser step (at most %d)", until, every,
                        untilH / everyH, MAX_TIMES));
            }
            final int n = (int) Math.floor(untilH / everyH + 1e-9) + 1;
            final double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = i * everyH;
            }
            return t;
        }
    }
}
