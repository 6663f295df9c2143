package org.ketasim.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ketasim.population.Sex;
import org.ketasim.units.Unit;
import org.ketasim.units.UnitException;

/**
 * One patient: what is known before treatment, in clinical units.
 *
 * <p>Weight, sex, age and BMI have their own setters because every KetaSim model that scales by body size
 * reads them (covariates {@code WT}, {@code SEX}, {@code AGE}, {@code BMI}); every other covariate of the
 * model's {@code [covariates]} block is given by name with its unit, for example
 * {@code covariate("BZD", 10, "mg")} (daily benzodiazepine dose, diazepam equivalents) or
 * {@code covariate("BDNF_MET", 1)} (in the model file's own unit). A patient does not know the model:
 * names and units are checked against it when a {@link Simulation} is built. Anything left unset keeps the
 * model file's default.
 *
 * <pre>{@code
 * Patient patient = Patient.builder().weightKg(80).sex(Sex.FEMALE).ageYears(41)
 *         .covariate("BZD", 10, "mg").build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Patient {

    /** Lowest accepted body weight (kg); the model's allometry was fitted on adults of 10-150 kg. */
    public static final double MIN_WEIGHT_KG = 20;
    /** Highest accepted body weight (kg). */
    public static final double MAX_WEIGHT_KG = 300;

    /** The model covariates that have their own builder methods. */
    static final String WT = "WT";
    static final String SEX = "SEX";
    static final String AGE = "AGE";
    static final String BMI = "BMI";

    private static final Patient DEFAULT = new Builder().build();

    private final OptionalDouble weightKg;
    private final Sex sex;
    private final OptionalDouble ageYears;
    private final OptionalDouble bmi;
    private final Map<String, Covariate> covariates;

    private Patient(final Builder b) {
        this.weightKg = b.weightKg;
        this.sex = b.sex;
        this.ageYears = b.ageYears;
        this.bmi = b.bmi;
        this.covariates = Collections.unmodifiableMap(new LinkedHashMap<>(b.covariates));
    }

    /**
     * A covariate given by name: a value with the unit it was written in.
     *
     * @param name  the covariate's name in the model's {@code [covariates]} block
     * @param value the value, in {@code unit}
     * @param unit  the unit, or null for "the unit of the model file"
     */
    public record Covariate(String name, double value, Unit unit) {

        /**
         * Checks the values.
         *
         * @param name  the covariate's name in the model's {@code [covariates]} block
         * @param value the value, in {@code unit}
         * @param unit  the unit, or null for "the unit of the model file"
         * @throws IllegalArgumentException if the name is blank or the value is not finite
         */
        public Covariate {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("covariate name is missing");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("covariate " + name + " must be a finite number, got " + value);
            }
        }
    }

    /**
     * A patient with nothing set: every covariate keeps the model file's default.
     *
     * @return the default patient
     */
    public static Patient modelDefault() {
        return DEFAULT;
    }

    /**
     * Starts a patient.
     *
     * @return a new builder with nothing set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this patient's values, to change some of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        final Builder b = new Builder();
        b.weightKg = weightKg;
        b.sex = sex;
        b.ageYears = ageYears;
        b.bmi = bmi;
        b.covariates.putAll(covariates);
        return b;
    }

    /**
     * Body weight, used for the model's {@code WT} and to resolve mg/kg doses.
     *
     * @return body weight (kg), or empty when not given
     */
    public OptionalDouble weightKg() {
        return weightKg;
    }

    /**
     * Sex (model {@code SEX}: 0 male, 1 female).
     *
     * @return the sex, or empty when not given
     */
    public Optional<Sex> sex() {
        return Optional.ofNullable(sex);
    }

    /**
     * Age (model {@code AGE}).
     *
     * @return age (y), or empty when not given
     */
    public OptionalDouble ageYears() {
        return ageYears;
    }

    /**
     * Body-mass index (model {@code BMI}).
     *
     * @return BMI (kg/m^2), or empty when not given
     */
    public OptionalDouble bmi() {
        return bmi;
    }

    /**
     * The covariates given by name, in the order they were set.
     *
     * @return an unmodifiable map from covariate name to its value and unit
     */
    public Map<String, Covariate> covariates() {
        return covariates;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Patient p && weightKg.equals(p.weightKg) && sex == p.sex && ageYears.equals(p.ageYears)
                && bmi.equals(p.bmi) && covariates.equals(p.covariates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weightKg, sex, ageYears, bmi, covariates);
    }

    /** For example {@code "Patient[80 kg, FEMALE, 41 y, BZD=10 mg]"}. */
    @Override
    public String toString() {
        final StringBuilder s = new StringBuilder("Patient[");
        weightKg.ifPresent(w -> s.append(DoseSeries.number(w)).append(" kg, "));
        if (sex != null) {
            s.append(sex).append(", ");
        }
        ageYears.ifPresent(a -> s.append(DoseSeries.number(a)).append(" y, "));
        bmi.ifPresent(b -> s.append("BMI ").append(DoseSeries.number(b)).append(" kg/m^2, "));
        covariates.values().forEach(c -> s.append(c.name()).append('=').append(DoseSeries.number(c.value()))
                .append(c.unit() == null ? "" : " " + c.unit().symbol()).append(", "));
        if (s.charAt(s.length() - 1) == ' ') {
            s.setLength(s.length() - 2);
        }
        return s.append(']').toString();
    }

    /**
     * Builds a {@link Patient}; every setter checks its value at once and throws
     * {@link IllegalArgumentException} with a one-line message.
     *
     * <p>Not thread-safe; use one builder per patient.
     */
    public static final class Builder {

        private OptionalDouble weightKg = OptionalDouble.empty();
        private Sex sex;
        private OptionalDouble ageYears = OptionalDouble.empty();
        private OptionalDouble bmi = OptionalDouble.empty();
        private final Map<String, Covariate> covariates = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Body weight: the model's {@code WT}, and the weight that mg/kg doses are resolved against. With a
         * model that has no {@code WT} covariate, the weight only resolves mg/kg doses.
         *
         * @param kg body weight (kg), between {@value Patient#MIN_WEIGHT_KG} and {@value Patient#MAX_WEIGHT_KG}
         * @return this builder
         * @throws IllegalArgumentException if the weight is outside that range or not finite
         */
        public Builder weightKg(final double kg) {
            if (!(kg >= MIN_WEIGHT_KG && kg <= MAX_WEIGHT_KG)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "weight %s kg is outside %.0f-%.0f kg; give the patient's body weight in kg", kg, MIN_WEIGHT_KG, MAX_WEIGHT_KG));
            }
            this.weightKg = OptionalDouble.of(kg);
            return this;
        }

        /**
         * Sex: the model's {@code SEX} (0 male, 1 female).
         *
         * @param value the sex
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is null
         */
        public Builder sex(final Sex value) {
            if (value == null) {
                throw new IllegalArgumentException("sex is missing; use Sex.MALE or Sex.FEMALE");
            }
            this.sex = value;
            return this;
        }

        /**
         * Age: the model's {@code AGE}.
         *
         * @param years age (y), 0 to 120
         * @return this builder
         * @throws IllegalArgumentException if the age is outside 0-120 y or not finite
         */
        public Builder ageYears(final double years) {
            if (!(years >= 0 && years <= 120)) {
                throw new IllegalArgumentException("age " + years + " y is outside 0-120 y");
            }
            this.ageYears = OptionalDouble.of(years);
            return this;
        }

        /**
         * Body-mass index: the model's {@code BMI}.
         *
         * @param kgPerM2 BMI (kg/m^2), 10 to 100
         * @return this builder
         * @throws IllegalArgumentException if the BMI is outside 10-100 kg/m^2 or not finite
         */
        public Builder bmi(final double kgPerM2) {
            if (!(kgPerM2 >= 10 && kgPerM2 <= 100)) {
                throw new IllegalArgumentException("BMI " + kgPerM2 + " kg/m^2 is outside 10-100 kg/m^2");
            }
            this.bmi = OptionalDouble.of(kgPerM2);
            return this;
        }

        /**
         * Any other covariate of the model, with its unit. The unit must have the dimension of the
         * covariate's unit in the model file (checked when a {@link Simulation} is built), and is converted.
         *
         * @param name  the name in the model's {@code [covariates]} block, for example {@code "BZD"}
         * @param value the value, in {@code unit}
         * @param unit  a unit such as {@code "mg"}, {@code "points"} or {@code "1"}
         * @return this builder
         * @throws IllegalArgumentException if the name is blank, is one of WT, SEX, AGE, BMI (use their own
         *                                  setters), the value is not finite, or the unit cannot be read
         */
        public Builder covariate(final String name, final double value, final String unit) {
            if (unit == null || unit.isBlank()) {
                throw new IllegalArgumentException("covariate " + name + ": the unit is missing; use covariate(name, value) for the model file's unit");
            }
            final Unit u;
            try {
                u = Unit.parse(unit);
            } catch (UnitException e) {
                throw new IllegalArgumentException("covariate " + name + ": cannot read the unit '" + unit + "': " + e.getMessage(), e);
            }
            return put(new Covariate(checkName(name), value, u));
        }

        /**
         * Any other covariate of the model, in the unit the model file declares for it (see
         * {@code ketasim params}); for dimensionless covariates such as allele counts and 0/1 flags.
         *
         * @param name  the name in the model's {@code [covariates]} block, for example {@code "BDNF_MET"}
         * @param value the value, in the model file's unit
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or one of WT, SEX, AGE, BMI, or the value is
         *                                  not finite
         */
        public Builder covariate(final String name, final double value) {
            return put(new Covariate(checkName(name), value, null));
        }

        private static String checkName(final String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("covariate name is missing");
            }
            final String n = name.trim();
            switch (n) {
                case WT:
                    throw new IllegalArgumentException("set the weight with weightKg(...), not covariate(\"WT\", ...)");
                case SEX:
                    throw new IllegalArgumentException("set the sex with sex(Sex.MALE or Sex.FEMALE), not covariate(\"SEX\", ...)");
                case AGE:
                    throw new IllegalArgumentException("set the age with ageYears(...), not covariate(\"AGE\", ...)");
                case BMI:
                    throw new IllegalArgumentException("set the BMI with bmi(...), not covariate(\"BMI\", ...)");
                default:
                    return n;
            }
        }

        private Builder put(final Covariate c) {
            covariates.put(c.name(), c);
            return this;
        }

        /**
         * The patient.
         *
         * @return a new immutable patient
         */
        public Patient build() {
            return new Patient(this);
        }
    }
}
