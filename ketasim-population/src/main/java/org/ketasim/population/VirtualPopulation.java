package org.ketasim.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;
import org.ketasim.units.Unit;

/**
 * A reproducible, random-access virtual population: {@link #patient(long) patient(i)} depends only on the seed,
 * i, the spec and the model, never on call order or thread. Immutable and thread-safe; building it checks the
 * spec against the model once, and each patient then costs a few microseconds.
 *
 * <p><b>How patient i is drawn.</b>
 * <ol>
 *   <li>Its seed is {@code SplitMix64.derive(seed, i)}; every random quantity of the patient comes from its own
 *       sub-stream {@code new SplitMix64(SplitMix64.derive(patientSeed, key))}, with key
 *       {@code "covariate:<name>"}, {@code "eta:<parameter>"} or {@code "noise"}.</li>
 *   <li>Covariates: each takes one uniform from its stream and maps it through its law's quantile; covariates
 *       with {@link PopulationSpec#withCovariateCorrelation correlations} first pass their normal scores through
 *       the Cholesky factor of the score correlation matrix (a Gaussian copula). If a
 *       {@link PopulationSpec#withBaselineRange baseline range} excludes the draw, all covariates are drawn again
 *       from the next uniforms of their streams, up to {@value #MAX_ATTEMPTS} times; then an
 *       {@link IllegalStateException} says which range failed. Building the population already rejects a range
 *       that keeps less than {@link #MIN_KEPT} (0.05 %) of the baseline law, so that cannot happen by
 *       chance.</li>
 *   <li>Parameters: start from {@code model.defaultParameters()}; set each covariate the model declares in
 *       {@code [covariates]} ({@code WT} kg, {@code AGE} y, {@code SEX} 0/1, {@code BMI} kg/m^2, {@code CYP2B6_6},
 *       {@code BDNF_MET}, {@code BZD} mg, {@code FHX_AUD} 0/1, {@code ORAL_AD} 0/1, {@code MADRS0} points,
 *       {@code PAIN0} points), converted to canonical units through {@link Unit}; covariates the model lacks are
 *       skipped.</li>
 *   <li>Random effects: every {@code [parameters]} entry with a CV (the spec's, else the model's {@code bsv}) gets
 *       eta = (L z), z standard normal (one draw from its own stream), L the Cholesky factor of the eta
 *       covariance rho_ij omega_i omega_j, omega^2 = ln(1 + cv^2); the parameter is multiplied by exp(eta), so its
 *       median is the model value.</li>
 *   <li>The noise seed is {@code SplitMix64.derive(patientSeed, "noise")}.</li>
 * </ol>
 *
 * <p><b>What stays put when the spec changes.</b> Etas never depend on covariates or inclusion, and a parameter's
 * eta depends only on its own draw and those of the parameters correlated with it: changing one parameter's CV
 * leaves the others' etas bit for bit. Changing one covariate's law changes only that covariate (and those
 * correlated with it), unless a baseline range is active: then the accepted attempt can move, and all covariates
 * move with it.
 */
public final class VirtualPopulation {

    /** Draws of the covariates per patient before a baseline range is declared unreachable. */
    public static final int MAX_ATTEMPTS = 100_000;

    /**
     * The smallest share of the baseline law a range may keep (fraction): 50 / {@value #MAX_ATTEMPTS}, so the
     * chance that a patient exhausts its attempts is below exp(-50).
     */
    public static final double MIN_KEPT = 50.0 / MAX_ATTEMPTS;

    /** Model covariate name, covariate index in COVARIATE_NAMES, unit of our value. */
    private static final String[][] MODEL_COVARIATES = {
        {"WT", "weight_kg", "kg"}, {"AGE", "age_y", "y"}, {"SEX", "sex_female", "1"}, {"BMI", "bmi", "kg/m^2"},
        {"MADRS0", "baseline_madrs", "points"}, {"PAIN0", "baseline_pain_nrs", "points"},
        {"CYP2B6_6", "cyp2b6_star6_alleles", "1"}, {"BDNF_MET", "bdnf_met_alleles", "1"},
        {"BZD", "benzodiazepine_mg_diazepam_eq", "mg"}, {"FHX_AUD", "family_history_aud", "1"},
        {"ORAL_AD", "oral_antidepressant", "1"}};

    private static final int MADRS = PopulationSpec.COVARIATE_NAMES.indexOf("baseline_madrs");
    private static final int PAIN = PopulationSpec.COVARIATE_NAMES.indexOf("baseline_pain_nrs");

    private final Model model;
    private final PopulationSpec spec;
    private final long seed;

    private final Distribution[] laws;
    private final String[] covariateKeys;
    private final double[][] copula;          // Cholesky factor of the score correlations, or null
    private final boolean[] correlated;
    private final PopulationSpec.BaselineRange[] ranges;

    private final double[] defaults;
    private final int[] covariateSlot;        // p[] index per model covariate (-1: absent)
    private final int[] covariateSource;      // index in COVARIATE_NAMES
    private final double[] covariateFactor;   // our unit -> canonical

    private final int[] etaSlot;
    private final String[] etaKeys;
    private final double[][] etaFactor;       // Cholesky factor of the eta covariance
    private final RandomEffects randomEffects;

    /**
     * @param model the model whose {@code p[]} the patients carry
     * @param spec  the population
     * @param seed  the population seed (any value)
     * @throws IllegalArgumentException when the spec names a parameter the model lacks (with a suggestion), a
     *                                  covariate or switch, a correlated parameter without variability, a model
     *                                  covariate with an unexpected unit, or a baseline range that keeps under
     *                                  {@link #MIN_KEPT} of the baseline law
     */
    public VirtualPopulation(Model model, PopulationSpec spec, long seed) {
        this.model = Objects.requireNonNull(model, "model");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.seed = seed;

        List<String> names = PopulationSpec.COVARIATE_NAMES;
        int n = names.size();
        laws = new Distribution[n];
        covariateKeys = new String[n];
        for (int i = 0; i < n; i++) {
            laws[i] = spec.covariates().get(names.get(i));
            covariateKeys[i] = "covariate:" + names.get(i);
        }
        correlated = new boolean[n];
        if (spec.covariateCorrelations().isEmpty()) {
            copula = null;
        } else {
            double[][] r = new double[n][n];
            for (int i = 0; i < n; i++) {
                r[i][i] = 1;
            }
            for (PopulationSpec.Correlation c : spec.covariateCorrelations()) {
                int i = names.indexOf(c.first());
                int j = names.indexOf(c.second());
                r[i][j] = c.rho();
                r[j][i] = c.rho();
                correlated[i] = true;
                correlated[j] = true;
            }
            copula = Cholesky.factor(r, names.toArray(new String[0]), "the covariate correlations");
        }
        ranges = spec.baselineRanges().toArray(new PopulationSpec.BaselineRange[0]);
        for (PopulationSpec.BaselineRange range : ranges) {
            checkReachable(range);
        }

        defaults = model.defaultParameters();
        List<Integer> slots = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        List<Double> factors = new ArrayList<>();
        for (String[] mc : MODEL_COVARIATES) {
            Optional<Parameter> p = model.parameter(mc[0]);
            if (p.isEmpty() || p.get().kind() != Parameter.Kind.COVARIATE) {
                continue;
            }
            Unit ours = Unit.parse(mc[2]);
            if (!ours.compatibleWith(p.get().unit())) {
                throw new IllegalArgumentException("model covariate " + mc[0] + " is declared in "
                        + p.get().unit().symbol() + ", but the population gives " + mc[1] + " in " + mc[2]);
            }
            slots.add(model.parameterIndex(mc[0]).getAsInt());
            sources.add(names.indexOf(mc[1]));
            factors.add(ours.factor());
        }
        covariateSlot = slots.stream().mapToInt(Integer::intValue).toArray();
        covariateSource = sources.stream().mapToInt(Integer::intValue).toArray();
        covariateFactor = factors.stream().mapToDouble(Double::doubleValue).toArray();

        for (String name : spec.parameterVariability().keySet()) {
            checkParameter(name, "variability");
        }
        List<Integer> etaIdx = new ArrayList<>();
        List<String> etaNames = new ArrayList<>();
        List<Double> omegas = new ArrayList<>();
        List<Parameter> ps = model.parameters();
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            if (p.kind() != Parameter.Kind.PARAMETER) {
                continue;
            }
            double cv = spec.parameterVariability().getOrDefault(p.name(), p.bsvCv());
            if (!Double.isNaN(cv) && cv > 0) {
                etaIdx.add(i);
                etaNames.add(p.name());
                omegas.add(Math.sqrt(Math.log1p(cv * cv)));
            }
        }
        int m = etaIdx.size();
        etaSlot = etaIdx.stream().mapToInt(Integer::intValue).toArray();
        etaKeys = new String[m];
        double[][] cov = new double[m][m];
        for (int i = 0; i < m; i++) {
            etaKeys[i] = "eta:" + etaNames.get(i);
            cov[i][i] = omegas.get(i) * omegas.get(i);
        }
        for (PopulationSpec.Correlation c : spec.correlations()) {
            checkParameter(c.first(), "correlation");
            checkParameter(c.second(), "correlation");
            int i = etaNames.indexOf(c.first());
            int j = etaNames.indexOf(c.second());
            for (String missing : new String[] {i < 0 ? c.first() : null, j < 0 ? c.second() : null}) {
                if (missing != null) {
                    throw new IllegalArgumentException("correlation " + c.first() + "-" + c.second() + ": " + missing
                            + " has no between-subject variability; give it one with withParameterVariability");
                }
            }
            cov[i][j] = c.rho() * omegas.get(i) * omegas.get(j);
            cov[j][i] = cov[i][j];
        }
        etaFactor = Cholesky.factor(cov, etaNames.toArray(new String[0]), "the parameter correlations");
        randomEffects = new RandomEffects(etaSlot.clone(), List.copyOf(etaNames), copy(cov));
    }

    /**
     * The population's random effects: each patient's value of parameter {@code slots[k]} is its typical
     * value times exp(η_k), with η ~ N(0, covariance) (log-normal between-subject variability).
     *
     * @param slots      indices in the parameter vector of the parameters that vary
     * @param names      their names, in the same order
     * @param covariance covariance of η (ω² on the diagonal, ρ·ω_i·ω_j off it)
     */
    public record RandomEffects(int[] slots, List<String> names, double[][] covariance) {
    }

    /** The random effects this population draws (copies). */
    public RandomEffects randomEffects() {
        return new RandomEffects(randomEffects.slots().clone(), randomEffects.names(), copy(randomEffects.covariance()));
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private void checkParameter(String name, String what) {
        Optional<Parameter> p = model.parameter(name);
        if (p.isEmpty()) {
            String suggestion = model.suggest(name);
            throw new IllegalArgumentException(what + " for unknown parameter '" + name + "' of " + model
                    + (suggestion == null ? "" : "; did you mean " + suggestion + "?"));
        }
        if (p.get().kind() != Parameter.Kind.PARAMETER) {
            throw new IllegalArgumentException(what + " for " + name + ", which is a "
                    + p.get().kind().name().toLowerCase(java.util.Locale.ROOT) + ", not a parameter"
                    + (p.get().kind() == Parameter.Kind.COVARIATE ? "; covariates get a law with withCovariate" : ""));
        }
    }

    /** Rejects a range that keeps less than MIN_KEPT of the (marginal) baseline law. */
    private void checkReachable(PopulationSpec.BaselineRange range) {
        Distribution law = laws[range.scale() == Scale.PAIN_NRS ? PAIN : MADRS];
        double lo = range.scale() == Scale.PAIN_NRS ? range.min() : Crosswalk.toMadrs(range.scale(), range.min());
        double hi = range.scale() == Scale.PAIN_NRS ? range.max() : Crosswalk.toMadrs(range.scale(), range.max());
        double kept = law.cdf(hi) - law.cdf(Math.nextDown(lo));
        if (!(kept >= MIN_KEPT)) {
            throw new IllegalArgumentException("baseline inclusion " + range + " keeps "
                    + String.format(java.util.Locale.ROOT, "%.3g", 100 * Math.max(0, kept)) + " % of "
                    + (range.scale() == Scale.PAIN_NRS ? "baseline_pain_nrs " : "baseline_madrs ") + law
                    + (range.scale() == Scale.PAIN_NRS || range.scale() == Scale.MADRS ? ""
                    : " (MADRS " + PopulationSpec.fmt(lo) + ".." + PopulationSpec.fmt(hi) + ")")
                    + "; widen the range or give the baseline a law that covers it (withCovariate)");
        }
    }

    /** @return the model */
    public Model model() {
        return model;
    }

    /** @return the spec */
    public PopulationSpec spec() {
        return spec;
    }

    /** @return the population seed */
    public long seed() {
        return seed;
    }

    /**
     * @return the names of the parameters that get a random effect, in model order (their etas' order)
     */
    public List<String> variableParameters() {
        List<String> out = new ArrayList<>();
        for (String k : etaKeys) {
            out.add(k.substring("eta:".length()));
        }
        return out;
    }

    /**
     * Patient {@code index}. Pure: the same index always gives an equal patient, from any thread, in any order.
     *
     * @param index the patient's index, &ge; 0 (it becomes {@link VirtualPatient#id()})
     * @return the patient
     * @throws IllegalArgumentException for a negative index
     * @throws IllegalStateException when no draw meets the baseline ranges in {@value #MAX_ATTEMPTS} attempts
     */
    public VirtualPatient patient(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("patient index must be >= 0, got " + index);
        }
        long patientSeed = SplitMix64.derive(seed, index);

        // covariates
        int n = laws.length;
        SplitMix64[] streams = new SplitMix64[n];
        for (int i = 0; i < n; i++) {
            streams[i] = new SplitMix64(SplitMix64.derive(patientSeed, covariateKeys[i]));
        }
        double[] v = new double[n];
        for (int attempt = 1; ; attempt++) {
            drawCovariates(streams, v);
            if (included(v)) {
                break;
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new IllegalStateException("patient " + index + " of population " + spec.name()
                        + ": no draw met the baseline inclusion " + spec.baselineRanges() + " in " + MAX_ATTEMPTS
                        + " attempts; widen the range or change the baseline law");
            }
        }
        Covariates covariates = new Covariates(v[0], v[1] >= 0.5 ? Sex.FEMALE : Sex.MALE, v[2], v[3],
                spec.diagnosis(), v[4], (int) Math.rint(v[6]), (int) Math.rint(v[7]), v[8], v[9] >= 0.5,
                v[10] >= 0.5, v[5]);

        // parameters: defaults, covariates, random effects
        double[] p = defaults.clone();
        for (int k = 0; k < covariateSlot.length; k++) {
            p[covariateSlot[k]] = v[covariateSource[k]] * covariateFactor[k];
        }
        int m = etaSlot.length;
        double[] z = new double[m];
        for (int j = 0; j < m; j++) {
            z[j] = StandardNormal.quantile(SplitMix64.openUniform(
                    new SplitMix64(SplitMix64.derive(patientSeed, etaKeys[j]))));
        }
        for (int j = 0; j < m; j++) {
            double eta = 0;
            for (int k = 0; k <= j; k++) {
                eta += etaFactor[j][k] * z[k];
            }
            p[etaSlot[j]] *= Math.exp(eta);
        }
        return new VirtualPatient(index, covariates, p, SplitMix64.derive(patientSeed, "noise"));
    }

    /**
     * Patients {@code first .. first + count - 1}, in order.
     *
     * @param first the first index, &ge; 0
     * @param count how many, &ge; 0
     * @return the patients
     */
    public List<VirtualPatient> patients(long first, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        List<VirtualPatient> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(patient(first + i));
        }
        return out;
    }

    /**
     * @param count how many patients, from index 0
     * @return a sequential stream of patients 0 .. count-1 (call {@code .parallel()} freely: patients are pure)
     */
    public Stream<VirtualPatient> stream(long count) {
        return LongStream.range(0, count).mapToObj(this::patient);
    }

    private void drawCovariates(SplitMix64[] streams, double[] v) {
        int n = laws.length;
        if (copula == null) {
            for (int i = 0; i < n; i++) {
                v[i] = laws[i].quantile(SplitMix64.openUniform(streams[i]));
            }
            return;
        }
        double[] u = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = SplitMix64.openUniform(streams[i]);
            z[i] = correlated[i] ? StandardNormal.quantile(u[i]) : 0;
        }
        for (int i = 0; i < n; i++) {
            if (!correlated[i]) {
                v[i] = laws[i].quantile(u[i]);
                continue;
            }
            double x = 0;
            for (int k = 0; k <= i; k++) {
                x += copula[i][k] * z[k];
            }
            v[i] = laws[i].quantile(StandardNormal.cdf(x));
        }
    }

    private boolean included(double[] v) {
        for (PopulationSpec.BaselineRange r : ranges) {
            double score = r.scale() == Scale.PAIN_NRS ? v[PAIN] : Crosswalk.fromMadrs(r.scale(), v[MADRS]);
            if (!r.includes(score)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "VirtualPopulation[" + spec.name() + ", seed " + seed + ", " + model + "]";
    }
}
