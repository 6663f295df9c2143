package org.ketasim.population;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a virtual population is drawn from: a law for each covariate, optional correlations between covariates,
 * inclusion ranges on the baseline score, and the between-subject variability of model parameters. Immutable;
 * each {@code with...} returns a changed copy. Start from a {@link #preset(String) preset}:
 *
 * <pre>{@code
 * PopulationSpec spec = PopulationSpec.preset("trd")
 *         .withBaselineRange(Scale.HAMD17, 20, 52)                       // inclusion HAM-D17 >= 20
 *         .withCovariate("bdnf_met_alleles", Distribution.hardyWeinberg(0.45))   // East Asian Met frequency
 *         .withParameterVariability("CL_S", 0.35)                      // CV 35 % instead of the model's 25 %
 *         .withCorrelation("CL_S", "CL_R", 0.8)
 *         .withPlaceboResponsiveness(0.8);                             // CV of Pl
 * }</pre>
 *
 * <p>Covariate names and units (the covariate's {@link Distribution} gives values in these units):
 * {@code weight_kg} (kg), {@code sex_female} (0/1), {@code age_y} (y), {@code bmi} (kg/m^2),
 * {@code baseline_madrs} (MADRS points), {@code baseline_pain_nrs} (NRS points; 0 for no chronic pain),
 * {@code cyp2b6_star6_alleles} (0-2), {@code bdnf_met_alleles} (0-2), {@code benzodiazepine_mg_diazepam_eq}
 * (mg diazepam equivalents per day), {@code family_history_aud} (0/1), {@code oral_antidepressant} (0/1).
 *
 * <p>Parameter names are checked against the model when a {@link VirtualPopulation} is built.
 */
public final class PopulationSpec {

    /** The covariate names, in the order they are sampled. */
    public static final List<String> COVARIATE_NAMES = List.of("weight_kg", "sex_female", "age_y", "bmi",
            "baseline_madrs", "baseline_pain_nrs", "cyp2b6_star6_alleles", "bdnf_met_alleles",
            "benzodiazepine_mg_diazepam_eq", "family_history_aud", "oral_antidepressant");

    /** The preset names accepted by {@link #preset(String)}. */
    public static final List<String> PRESETS = Presets.NAMES;

    /**
     * An inclusion criterion on the baseline score: {@code min <= score <= max} on {@code scale}. Depression
     * scales are compared through {@link Crosswalk} with {@code baseline_madrs}; the pain NRS with
     * {@code baseline_pain_nrs}.
     *
     * @param scale the scale
     * @param min   lowest included score (points of the scale)
     * @param max   highest included score (points of the scale)
     */
    public record BaselineRange(Scale scale, double min, double max) {
        /** @throws IllegalArgumentException for an unsupported scale or a range outside the scale */
        public BaselineRange {
            Objects.requireNonNull(scale, "scale");
            if (!(Crosswalk.supports(scale) || scale == Scale.PAIN_NRS)) {
                throw new IllegalArgumentException("baseline inclusion on " + scale.label() + " is not supported: a"
                        + " baseline is sampled on the MADRS (depression scales, via the crosswalk) or the pain NRS");
            }
            if (!(min <= max) || min < scale.min() || max > scale.max()) {
                throw new IllegalArgumentException("baseline range on " + scale.label() + " must satisfy "
                        + fmt(scale.min()) + " <= min <= max <= " + fmt(scale.max()) + ", got " + min + ".." + max);
            }
        }

        /**
         * @param score a baseline on this range's scale (points)
         * @return true when included
         */
        public boolean includes(double score) {
            return score >= min && score <= max;
        }

        @Override
        public String toString() {
            return scale.label() + " " + fmt(min) + ".." + fmt(max);
        }
    }

    /**
     * A correlation between two covariates (of their normal scores) or two parameters (of their etas).
     *
     * @param first  a name
     * @param second another name
     * @param rho    the correlation, -1 &lt; rho &lt; 1
     */
    public record Correlation(String first, String second, double rho) {
        /** @throws IllegalArgumentException for equal names or |rho| &ge; 1 */
        public Correlation {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
            if (first.equals(second)) {
                throw new IllegalArgumentException("a correlation needs two different names, got " + first + " twice");
            }
            if (!(Math.abs(rho) < 1)) {
                throw new IllegalArgumentException("correlation " + first + "-" + second
                        + " must satisfy -1 < rho < 1, got " + rho);
            }
        }

        boolean pairs(String a, String b) {
            return first.equals(a) && second.equals(b) || first.equals(b) && second.equals(a);
        }
    }

    private final String name;
    private final Diagnosis diagnosis;
    private final Map<String, Distribution> covariates;
    private final Map<String, String> sources;
    private final List<Correlation> covariateCorrelations;
    private final List<BaselineRange> baselineRanges;
    private final Map<String, Double> parameterVariability;
    private final List<Correlation> correlations;

    PopulationSpec(String name, Diagnosis diagnosis, Map<String, Distribution> covariates, Map<String, String> sources,
                   List<Correlation> covariateCorrelations, List<BaselineRange> baselineRanges,
                   Map<String, Double> parameterVariability, List<Correlation> correlations) {
        this.name = name;
        this.diagnosis = diagnosis;
        LinkedHashMap<String, Distribution> c = new LinkedHashMap<>();
        LinkedHashMap<String, String> s = new LinkedHashMap<>();
        for (String n : COVARIATE_NAMES) {
            c.put(n, Objects.requireNonNull(covariates.get(n), "no law for covariate " + n));
            s.put(n, sources.getOrDefault(n, ""));
        }
        this.covariates = Collections.unmodifiableMap(c);
        this.sources = Collections.unmodifiableMap(s);
        this.covariateCorrelations = List.copyOf(covariateCorrelations);
        this.baselineRanges = List.copyOf(baselineRanges);
        this.parameterVariability = Collections.unmodifiableMap(new LinkedHashMap<>(parameterVariability));
        this.correlations = List.copyOf(correlations);
    }

    /**
     * A population preset. Every value is cited or labelled as an assumption in {@link #source(String)}.
     *
     * <table>
     *   <caption>Presets (normal(mean, SD, [lo, hi]) is truncated; (V) verified, (M) from memory, else assumed)</caption>
     *   <tr><th>Preset</th><th>Modelled on</th><th>Baseline</th><th>Demographics</th><th>Medication</th></tr>
     *   <tr><td>trd</td><td>Murrough 2013 AJP (psychotropic-free TRD, midazolam-controlled)</td>
     *       <td>MADRS normal(32, 6.7, [20, 60]): mean 32 (M, trial-targets murrough2013), SD 6.7 of a TRD sample
     *       (Carmody 2006 J Affect Disord 95:115: 31.9 +- 6.7), MADRS &ge; 20 (NIMH inclusion, clinical-targets
     *       section 8); no chronic pain</td>
     *       <td>50 % women, age normal(45, 12, [18, 70]) (assumed)</td>
     *       <td>none: psychotropic-free (V, clinical-targets section 1)</td></tr>
     *   <tr><td>trd-adjunctive</td><td>RAPID (Fava 2020; Feeney 2023): ketamine added to ongoing treatment</td>
     *       <td>as trd</td><td>as trd</td>
     *       <td>oral antidepressant in all (adjunctive design, M); benzodiazepines in 44 % (44/99, V, Feeney 2023),
     *       dose log-normal(median 10 mg, CV 0.8, [1, 30]) (assumed; 30 mg = 3 mg lorazepam, the usual
     *       exclusion limit)</td></tr>
     *   <tr><td>mdd</td><td>Lii 2023 (MDD, masked, under anaesthesia)</td>
     *       <td>MADRS normal(27.5, 8.0, [10, 60]): the two arms 25.1 +- 8.3 and 29.9 +- 7.0 pooled (V); lower
     *       bound 10 (assumed: above remission)</td>
     *       <td>60 % women, age normal(45, 14, [18, 80]) (assumed)</td><td>none (not retrieved; assumed)</td></tr>
     *   <tr><td>bipolar-depression</td><td>Diazgranados 2010, Zarate 2012 (on lithium or valproate)</td>
     *       <td>MADRS normal(33, 5, [20, 60]): mean 33 (M), SD assumed, MADRS &ge; 20 (NIMH)</td>
     *       <td>55 % women, age normal(47, 12, [18, 65]) (assumed)</td>
     *       <td>mood stabiliser only (V): no oral antidepressant, no benzodiazepine</td></tr>
     *   <tr><td>ptsd</td><td>Feder 2014 (chronic PTSD, midazolam-controlled)</td>
     *       <td>MADRS normal(24, 8, [0, 60]) (assumed: comorbid depression, baseline not retrieved)</td>
     *       <td>46 % women, mean age 36 (V); age SD 10, [18, 65] (assumed)</td><td>none (assumed)</td></tr>
     *   <tr><td>crps</td><td>Sigtermans 2009 (CRPS-1, 100-h S-ketamine)</td>
     *       <td>pain NRS normal(7, 1.5, [4, 10]): mean 7 (M), SD and lower bound assumed; MADRS normal(12, 7,
     *       [0, 60]) (assumed: mild depressive symptoms)</td>
     *       <td>80 % women (48/60, V); age normal(46, 12, [18, 75]) (assumed)</td><td>none (assumed)</td></tr>
     * </table>
     *
     * <p>All presets share: weight normal(78, 16, [45, 150]) kg and BMI normal(27, 5, [17, 50]) kg/m^2 (assumed;
     * BMI centred on the model's BMI_ref 27, weight consistent with it at 1.70 m), correlated through their
     * normal scores (rho 0.85, assumed), weight with female sex rho -0.4 (assumed; women about 0.6 SD, here 10 kg, lighter);
     * CYP2B6*6 allele frequency 0.25, Hardy-Weinberg (assumed from the usual 25-30 % quoted for Europeans, e.g.
     * Zanger &amp; Klein 2013 Front Genet 4:24, not retrieved); BDNF Met genotypes 41/19/2 of 62 (Val/Val,
     * Val/Met, Met/Met; V, Laje 2012, a ketamine-treated MDD sample: Met frequency 0.185; use
     * {@code hardyWeinberg(0.45)} for East Asian samples); family history of alcohol use disorder 30 % (assumed;
     * Niciu 2014's prevalence not retrieved). Parameter variability is the model's {@code bsv} unless set.
     *
     * @param name trd, trd-adjunctive, mdd, bipolar-depression, ptsd or crps (case-insensitive)
     * @return the preset
     * @throws IllegalArgumentException for an unknown name, listing the presets
     */
    public static PopulationSpec preset(String name) {
        return Presets.build(name);
    }

    // ------------------------------------------------------------------------------------------------ withers

    /**
     * @param newName the population's name (for reports)
     * @return a copy with that name
     */
    public PopulationSpec withName(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("population name must not be blank");
        }
        return new PopulationSpec(newName.strip(), diagnosis, covariates, sources, covariateCorrelations,
                baselineRanges, parameterVariability, correlations);
    }

    /**
     * @param newDiagnosis the diagnosis recorded in each patient's covariates
     * @return a copy with that diagnosis (the covariate laws are unchanged)
     */
    public PopulationSpec withDiagnosis(Diagnosis newDiagnosis) {
        return new PopulationSpec(name, Objects.requireNonNull(newDiagnosis, "diagnosis"), covariates, sources,
                covariateCorrelations, baselineRanges, parameterVariability, correlations);
    }

    /**
     * Replaces a covariate's law.
     *
     * <p>Ranges: weight_kg (0, 400] kg, age_y [0, 120] y, bmi (0, 100] kg/m^2, baseline_madrs [0, 60],
     * baseline_pain_nrs [0, 10], benzodiazepine_mg_diazepam_eq [0, 1000] mg/day; whole numbers in [0, 2] for
     * allele counts and in [0, 1] for sex_female, family_history_aud and oral_antidepressant. A normal or
     * log-normal law that reaches beyond the range is truncated to it (its own tighter bounds stand): a
     * bounded measurement cannot be drawn outside its range, and the change of law is reported in
     * {@link #source(String)}. Any other law must lie inside.
     *
     * @param covariate one of {@link #COVARIATE_NAMES}
     * @param law       its law, in the covariate's unit
     * @return a copy with that law (its source becomes "set by the user")
     * @throws IllegalArgumentException for an unknown name (listing the names) or a law outside the range
     */
    public PopulationSpec withCovariate(String covariate, Distribution law) {
        checkCovariateName(covariate);
        Objects.requireNonNull(law, "law");
        Distribution fitted = fitToRange(covariate, law);
        String source = fitted.equals(law) ? "set by the user" : "set by the user as " + law + ", truncated to the range";
        law = fitted;
        checkSupport(covariate, law);
        Map<String, Distribution> c = new LinkedHashMap<>(covariates);
        c.put(covariate, law);
        Map<String, String> s = new LinkedHashMap<>(sources);
        s.put(covariate, source);
        return new PopulationSpec(name, diagnosis, c, s, covariateCorrelations, baselineRanges, parameterVariability,
                correlations);
    }

    /**
     * Correlates two covariates through a Gaussian copula: rho is the correlation of their normal scores
     * (Phi^-1 of their CDFs), so each marginal law is kept exactly; the correlation of the values themselves is
     * somewhat smaller for discrete or truncated laws. {@code rho = 0} removes the pair.
     *
     * @param covariate1 a covariate name
     * @param covariate2 another covariate name
     * @param rho        the normal-score correlation, -1 &lt; rho &lt; 1
     * @return a copy with that correlation
     * @throws IllegalArgumentException for unknown names, |rho| &ge; 1, or correlations that are jointly impossible
     */
    public PopulationSpec withCovariateCorrelation(String covariate1, String covariate2, double rho) {
        checkCovariateName(covariate1);
        checkCovariateName(covariate2);
        List<Correlation> list = replaced(covariateCorrelations, new Correlation(covariate1, covariate2, rho));
        checkPositiveDefinite(list, "covariate correlations");
        return new PopulationSpec(name, diagnosis, covariates, sources, list, baselineRanges, parameterVariability,
                correlations);
    }

    /**
     * An inclusion criterion on the baseline score: patients are drawn again (all covariates together, from the
     * same streams) until their baseline falls in [min, max] on {@code scale}. A depression scale is compared
     * through {@link Crosswalk#fromMadrs} with {@code baseline_madrs}; {@link Scale#PAIN_NRS} with
     * {@code baseline_pain_nrs}. A later range on the same scale replaces the earlier one; ranges on different
     * scales must all hold.
     *
     * @param scale MADRS, HAM-D17, QIDS-SR16, PHQ-9 or pain NRS
     * @param min   lowest included baseline (points of the scale)
     * @param max   highest included baseline (points of the scale)
     * @return a copy with that criterion
     * @throws IllegalArgumentException for CAPS-5 or CADSS, or a range outside the scale
     */
    public PopulationSpec withBaselineRange(Scale scale, double min, double max) {
        BaselineRange r = new BaselineRange(scale, min, max);
        List<BaselineRange> list = new ArrayList<>();
        for (BaselineRange old : baselineRanges) {
            if (old.scale() != scale) {
                list.add(old);
            }
        }
        list.add(r);
        return new PopulationSpec(name, diagnosis, covariates, sources, covariateCorrelations, list,
                parameterVariability, correlations);
    }

    /** @return a copy without baseline inclusion ranges */
    public PopulationSpec withoutBaselineRanges() {
        return new PopulationSpec(name, diagnosis, covariates, sources, covariateCorrelations, List.of(),
                parameterVariability, correlations);
    }

    /**
     * Sets the log-normal between-subject variability of a model parameter: the patient's value is the model
     * value times exp(eta), eta ~ N(0, omega^2), omega^2 = ln(1 + cv^2) (median-preserving).
     *
     * @param parameter a name in the model's {@code [parameters]} block (checked when the population is built)
     * @param cv        the coefficient of variation (fraction: 0.3 for 30 %); 0 switches variability off
     * @return a copy with that variability (overriding the model's {@code bsv})
     * @throws IllegalArgumentException for a blank name or a negative or non-finite cv
     */
    public PopulationSpec withParameterVariability(String parameter, double cv) {
        if (parameter == null || parameter.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        if (!(cv >= 0) || !Double.isFinite(cv)) {
            throw new IllegalArgumentException("CV of " + parameter + " must be finite and >= 0, got " + cv);
        }
        Map<String, Double> v = new LinkedHashMap<>(parameterVariability);
        v.put(parameter.strip(), cv);
        return new PopulationSpec(name, diagnosis, covariates, sources, covariateCorrelations, baselineRanges, v,
                correlations);
    }

    /**
     * Correlates the etas of two parameters (both need variability when the population is built). The etas'
     * covariance is rho x omega1 x omega2; its Cholesky factor turns independent normal draws into correlated
     * etas. {@code rho = 0} removes the pair.
     *
     * @param parameter1 a model parameter
     * @param parameter2 another model parameter
     * @param rho        the eta correlation, -1 &lt; rho &lt; 1
     * @return a copy with that correlation
     * @throws IllegalArgumentException for equal names, |rho| &ge; 1, or correlations that are jointly impossible
     *                                  (not positive definite)
     */
    public PopulationSpec withCorrelation(String parameter1, String parameter2, double rho) {
        List<Correlation> list = replaced(correlations, new Correlation(parameter1, parameter2, rho));
        checkPositiveDefinite(list, "parameter correlations");
        return new PopulationSpec(name, diagnosis, covariates, sources, covariateCorrelations, baselineRanges,
                parameterVariability, list);
    }

    /**
     * The between-subject CV of the expectancy (placebo) magnitude {@code Pl}: a shorthand for
     * {@code withParameterVariability("Pl", cv)}. By default the model's {@code bsv} on Pl applies.
     *
     * @param cv coefficient of variation (fraction), &ge; 0
     * @return a copy with that variability
     */
    public PopulationSpec withPlaceboResponsiveness(double cv) {
        return withParameterVariability("Pl", cv);
    }

    // ------------------------------------------------------------------------------------------------ getters

    /** @return the population's name (the preset's, unless renamed) */
    public String name() {
        return name;
    }

    /** @return the diagnosis recorded in each patient's covariates */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /** @return each covariate's law, in {@link #COVARIATE_NAMES} order (unmodifiable) */
    public Map<String, Distribution> covariates() {
        return covariates;
    }

    /**
     * @param covariate a covariate name
     * @return its law
     * @throws IllegalArgumentException for an unknown name
     */
    public Distribution covariate(String covariate) {
        checkCovariateName(covariate);
        return covariates.get(covariate);
    }

    /** @return where each covariate's law comes from (citation or labelled assumption), in name order */
    public Map<String, String> sources() {
        return sources;
    }

    /**
     * @param covariate a covariate name
     * @return where its law comes from
     */
    public String source(String covariate) {
        checkCovariateName(covariate);
        return sources.get(covariate);
    }

    /** @return the covariate correlations (normal-score scale) */
    public List<Correlation> covariateCorrelations() {
        return covariateCorrelations;
    }

    /** @return the baseline inclusion ranges, all of which must hold */
    public List<BaselineRange> baselineRanges() {
        return baselineRanges;
    }

    /** @return the parameter CVs (fractions) that override or add to the model's bsv, by parameter name */
    public Map<String, Double> parameterVariability() {
        return parameterVariability;
    }

    /** @return the parameter (eta) correlations */
    public List<Correlation> correlations() {
        return correlations;
    }

    /** @return the CV (fraction) set for Pl, or empty when the model's bsv applies */
    public OptionalDouble placeboResponsiveness() {
        Double cv = parameterVariability.get("Pl");
        return cv == null ? OptionalDouble.empty() : OptionalDouble.of(cv);
    }

    /** @return a multi-line description: each covariate's law and source, inclusion, variability, correlations */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append("population ").append(name).append(" (").append(diagnosis.keyword()).append(")\n");
        for (String n : COVARIATE_NAMES) {
            b.append("  ").append(n).append(" ~ ").append(covariates.get(n));
            String s = sources.get(n);
            if (!s.isEmpty()) {
                b.append("  -- ").append(s);
            }
            b.append('\n');
        }
        for (Correlation c : covariateCorrelations) {
            b.append("  corr(").append(c.first()).append(", ").append(c.second()).append(") = ").append(c.rho())
                    .append(" (normal scores)\n");
        }
        for (BaselineRange r : baselineRanges) {
            b.append("  include baseline ").append(r).append('\n');
        }
        parameterVariability.forEach((p, cv) -> b.append("  CV(").append(p).append(") = ").append(cv).append('\n'));
        for (Correlation c : correlations) {
            b.append("  corr(eta ").append(c.first()).append(", eta ").append(c.second()).append(") = ")
                    .append(c.rho()).append('\n');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "PopulationSpec[" + name + "]";
    }

    /** Equal when everything that affects sampling is equal (the sources are documentation and are ignored). */
    @Override
    public boolean equals(Object o) {
        return o instanceof PopulationSpec p && name.equals(p.name) && diagnosis == p.diagnosis
                && covariates.equals(p.covariates) && covariateCorrelations.equals(p.covariateCorrelations)
                && baselineRanges.equals(p.baselineRanges) && parameterVariability.equals(p.parameterVariability)
                && correlations.equals(p.correlations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, diagnosis, covariates, covariateCorrelations, baselineRanges, parameterVariability,
                correlations);
    }

    // ------------------------------------------------------------------------------------------------ checks

    static void checkCovariateName(String covariate) {
        if (covariate == null || !COVARIATE_NAMES.contains(covariate)) {
            throw new IllegalArgumentException("unknown covariate '" + covariate + "'; known: "
                    + String.join(", ", COVARIATE_NAMES));
        }
    }

    /** Range of each covariate: {lo, hi, lowExclusive (1/0), integer (1/0)}. */
    private static double[] range(String covariate) {
        switch (covariate) {
            case "weight_kg":
                return new double[] {0, 400, 1, 0};
            case "age_y":
                return new double[] {0, 120, 0, 0};
            case "bmi":
                return new double[] {0, 100, 1, 0};
            case "baseline_madrs":
                return new double[] {0, 60, 0, 0};
            case "baseline_pain_nrs":
                return new double[] {0, 10, 0, 0};
            case "cyp2b6_star6_alleles":
            case "bdnf_met_alleles":
                return new double[] {0, 2, 0, 1};
            case "benzodiazepine_mg_diazepam_eq":
                return new double[] {0, 1000, 0, 0};
            case "sex_female":
            case "family_history_aud":
            case "oral_antidepressant":
                return new double[] {0, 1, 0, 1};
            default:
                throw new AssertionError(covariate);
        }
    }

    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("weight_kg", "kg"),
            Map.entry("age_y", "y"), Map.entry("bmi", "kg/m^2"), Map.entry("baseline_madrs", "MADRS points"),
            Map.entry("baseline_pain_nrs", "NRS points"), Map.entry("cyp2b6_star6_alleles", "alleles"),
            Map.entry("bdnf_met_alleles", "alleles"), Map.entry("benzodiazepine_mg_diazepam_eq", "mg/day"),
            Map.entry("sex_female", "0/1"), Map.entry("family_history_aud", "0/1"),
            Map.entry("oral_antidepressant", "0/1"));

    /** Truncates a normal or log-normal law to the covariate's range; other laws are returned unchanged. */
    static Distribution fitToRange(String covariate, Distribution law) {
        double[] r = range(covariate);
        if (r[3] == 1) {
            return law;
        }
        if (law instanceof Distribution.Normal n && (n.lo() < r[0] || n.hi() > r[1])) {
            return Distribution.normal(n.mean(), n.sd(), Math.max(n.lo(), r[0]), Math.min(n.hi(), r[1]));
        }
        if (law instanceof Distribution.LogNormal n && (n.lo() < r[0] || n.hi() > r[1])) {
            return Distribution.logNormal(n.median(), n.cv(), Math.max(n.lo(), r[0]), Math.min(n.hi(), r[1]));
        }
        return law;
    }

    static void checkSupport(String covariate, Distribution law) {
        double[] r = range(covariate);
        // an open lower end (weight, BMI) admits a continuous law starting at 0, which never gives 0 itself
        boolean lowOk = r[2] == 1 ? law.min() > r[0] || law.min() == r[0] && law.cdf(r[0]) == 0 : law.min() >= r[0];
        boolean ok = lowOk && law.max() <= r[1] && (r[3] == 0 || law.integerValued());
        if (!ok) {
            String want = (r[3] == 1 ? "whole numbers " : "values ") + (r[2] == 1 ? "in (" : "in [") + fmt(r[0]) + ", "
                    + fmt(r[1]) + "] " + UNITS.get(covariate);
            throw new IllegalArgumentException(covariate + " needs " + want + "; " + law + " gives "
                    + (law.integerValued() || r[3] == 0 ? "" : "non-integer values in ") + "[" + fmt(law.min()) + ", "
                    + fmt(law.max()) + "]" + (r[3] == 1 ? " (use bernoulli, categorical or hardyWeinberg)"
                    : " (give the law bounds)"));
        }
    }

    private static List<Correlation> replaced(List<Correlation> list, Correlation c) {
        List<Correlation> out = new ArrayList<>();
        for (Correlation old : list) {
            if (!old.pairs(c.first(), c.second())) {
                out.add(old);
            }
        }
        if (c.rho() != 0) {
            out.add(c);
        }
        return out;
    }

    /** The names of a correlation list in order of first appearance. */
    static List<String> names(List<Correlation> list) {
        List<String> names = new ArrayList<>();
        for (Correlation c : list) {
            if (!names.contains(c.first())) {
                names.add(c.first());
            }
            if (!names.contains(c.second())) {
                names.add(c.second());
            }
        }
        return names;
    }

    private static void checkPositiveDefinite(List<Correlation> list, String what) {
        List<String> names = names(list);
        int n = names.size();
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            r[i][i] = 1;
        }
        for (Correlation c : list) {
            int i = names.indexOf(c.first());
            int j = names.indexOf(c.second());
            r[i][j] = c.rho();
            r[j][i] = c.rho();
        }
        Cholesky.factor(r, names.toArray(new String[0]), "the " + what);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }
}
