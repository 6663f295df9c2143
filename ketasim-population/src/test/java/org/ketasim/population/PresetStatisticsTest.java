package org.ketasim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sample statistics of 20,000 patients against the laws they were drawn from, within 3 standard errors. */
class PresetStatisticsTest {

    private static final int N = 20_000;
    private static List<VirtualPatient> trd;
    private static PopulationSpec spec;

    @BeforeAll
    static void draw() {
        spec = PopulationSpec.preset("trd");
        trd = new VirtualPopulation(TestSupport.ketamine(), spec, 77).patients(0, N);
    }

    private static double[] values(java.util.function.ToDoubleFunction<VirtualPatient> f) {
        return trd.stream().mapToDouble(f).toArray();
    }

    private static void assertMoments(double[] x, Distribution law) {
        TestSupport.Moments m = TestSupport.Moments.of(law);
        assertThat(TestSupport.mean(x)).isCloseTo(m.mean(), within(3 * m.seMean(N)));
        assertThat(TestSupport.sd(x)).isCloseTo(m.sd(), within(3 * m.seSd(N)));
    }

    private static void assertFrequency(double[] x, double value, double p) {
        double f = java.util.Arrays.stream(x).filter(v -> v == value).count() / (double) N;
        assertThat(f).as("frequency of " + value).isCloseTo(p, within(3 * Math.sqrt(p * (1 - p) / N)));
    }

    @Test
    void weightBmiAgeAndBaselineFollowTheirLaws() {
        // the copula correlating weight, BMI and sex keeps each marginal law exactly
        assertMoments(values(p -> p.covariates().weightKg()), spec.covariate("weight_kg"));
        assertMoments(values(p -> p.covariates().bmi()), spec.covariate("bmi"));
        assertMoments(values(p -> p.covariates().ageY()), spec.covariate("age_y"));
        assertMoments(values(p -> p.covariates().baselineMadrs()), spec.covariate("baseline_madrs"));
        assertThat(TestSupport.boxed(values(p -> p.covariates().baselineMadrs()))).allSatisfy(v -> assertThat(v).isBetween(20.0, 60.0));
    }

    @Test
    void genotypeAndSexFrequencies() {
        double[] cyp = values(p -> p.covariates().cyp2b6Star6Alleles());
        assertFrequency(cyp, 0, 0.75 * 0.75);
        assertFrequency(cyp, 1, 2 * 0.25 * 0.75);
        assertFrequency(cyp, 2, 0.25 * 0.25);
        // allele frequency: mean count / 2, binomial SE sqrt(q(1-q)/(2N))
        assertThat(TestSupport.mean(cyp) / 2).isCloseTo(0.25, within(3 * Math.sqrt(0.25 * 0.75 / (2 * N))));
        double[] met = values(p -> p.covariates().bdnfMetAlleles());
        assertFrequency(met, 0, 41 / 62.0);
        assertFrequency(met, 1, 19 / 62.0);
        assertFrequency(met, 2, 2 / 62.0);
        assertFrequency(values(p -> p.covariates().female() ? 1 : 0), 1, 0.5);
        assertFrequency(values(p -> p.covariates().familyHistoryAud() ? 1 : 0), 1, 0.3);
        assertThat(values(p -> p.covariates().benzodiazepineMgDiazepamEq())).containsOnly(0.0);
        assertThat(trd).allMatch(p -> !p.covariates().oralAntidepressant() && p.covariates().baselinePainNrs() == 0
                && p.covariates().diagnosis() == Diagnosis.TRD);
    }

    @Test
    void weightAndBmiAreCorrelatedAsTheirNormalScoresSay() {
        Distribution w = spec.covariate("weight_kg");
        Distribution b = spec.covariate("bmi");
        double[] zw = values(p -> StandardNormal.quantile(w.cdf(p.covariates().weightKg())));
        double[] zb = values(p -> StandardNormal.quantile(b.cdf(p.covariates().bmi())));
        double rho = 0.85;
        assertThat(TestSupport.correlation(zw, zb)).isCloseTo(rho, within(3 * (1 - rho * rho) / Math.sqrt(N)));
        // women are lighter: about -0.4 on the latent scale, a ~13 kg difference of means (assumed in the preset)
        double women = trd.stream().filter(p -> p.covariates().female()).mapToDouble(p -> p.covariates().weightKg())
                .average().orElseThrow();
        double men = trd.stream().filter(p -> !p.covariates().female()).mapToDouble(p -> p.covariates().weightKg())
                .average().orElseThrow();
        assertThat(men - women).isBetween(9.0, 14.0);
    }

    @Test
    void parameterMultipliersAreMedianPreservingLogNormalsWithTheModelCv() {
        double[] p0 = TestSupport.ketamine().defaultParameters();
        for (String name : List.of("CL_S", "CL_NK", "w_S", "Pl")) {
            int k = TestSupport.index(name);
            double cv = TestSupport.ketamine().parameter(name).orElseThrow().bsvCv();
            double omega = Math.sqrt(Math.log(1 + cv * cv));
            double[] eta = values(p -> Math.log(p.parameter(k) / p0[k]));
            assertThat(TestSupport.mean(eta)).as(name).isCloseTo(0, within(3 * omega / Math.sqrt(N)));
            assertThat(TestSupport.sd(eta)).as(name).isCloseTo(omega, within(3 * omega / Math.sqrt(2.0 * N)));
        }
        // parameters without bsv are the model's values
        int v1 = TestSupport.index("V1");
        assertThat(trd).allMatch(p -> p.parameter(v1) == p0[v1]);
    }

    @Test
    void everyPresetIsSourcedAndGeneratesValidPatients() {
        for (String name : PopulationSpec.PRESETS) {
            PopulationSpec s = PopulationSpec.preset(name);
            assertThat(s.name()).isEqualTo(name);
            assertThat(s.sources().values()).allSatisfy(src -> assertThat(src).isNotBlank());
            assertThat(s.covariates()).containsOnlyKeys(PopulationSpec.COVARIATE_NAMES);
            // every preset generates valid patients
            new VirtualPopulation(TestSupport.ketamine(), s, 1).patients(0, 200);
        }
        assertThat(TestSupport.Moments.of(PopulationSpec.preset("mdd").covariate("baseline_madrs")).mean())
                .isBetween(27.5, 28.5);
        PopulationSpec crps = PopulationSpec.preset("crps");
        assertThat(crps.covariate("sex_female")).isEqualTo(Distribution.bernoulli(0.8));
        assertThat(crps.source("sex_female")).contains("48 of 60");
        assertThat(PopulationSpec.preset("ptsd").covariate("sex_female")).isEqualTo(Distribution.bernoulli(0.46));
    }

    @Test
    void adjunctivePresetHasBenzodiazepineUsersAtTheRapidPrevalence() {
        List<VirtualPatient> adj = new VirtualPopulation(TestSupport.ketamine(), PopulationSpec.preset("trd-adjunctive"),
                8).patients(0, N);
        double users = adj.stream().filter(p -> p.covariates().benzodiazepineMgDiazepamEq() > 0).count() / (double) N;
        double p = 44 / 99.0;
        assertThat(users).isCloseTo(p, within(3 * Math.sqrt(p * (1 - p) / N)));
        assertThat(adj).allMatch(q -> q.covariates().oralAntidepressant());
        assertThat(adj).allMatch(q -> q.covariates().benzodiazepineMgDiazepamEq() <= 30);
        int bzd = TestSupport.index("BZD");
        assertThat(adj).allMatch(q -> q.parameter(bzd) == q.covariates().benzodiazepineMgDiazepamEq());
    }
}
