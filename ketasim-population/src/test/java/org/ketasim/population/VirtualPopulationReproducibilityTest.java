package org.ketasim.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class VirtualPopulationReproducibilityTest {

    private static final int N = 10_000;

    private static VirtualPopulation population(PopulationSpec spec, long seed) {
        return new VirtualPopulation(TestSupport.ketamine(), spec, seed);
    }

    private static void assertBitForBit(VirtualPatient a, VirtualPatient b) {
        assertThat(a.id()).isEqualTo(b.id());
        assertThat(a.covariates()).isEqualTo(b.covariates());
        assertThat(a.noiseSeed()).isEqualTo(b.noiseSeed());
        double[] pa = a.parameters();
        double[] pb = b.parameters();
        assertThat(pa).hasSameSizeAs(pb);
        for (int i = 0; i < pa.length; i++) {
            assertThat(Double.doubleToRawLongBits(pa[i])).isEqualTo(Double.doubleToRawLongBits(pb[i]));
        }
    }

    @Test
    void parallelReversedAndSequentialGenerationAgreeBitForBit() {
        PopulationSpec spec = PopulationSpec.preset("trd-adjunctive").withBaselineRange(Scale.HAMD17, 20, 52)
                .withCorrelation("CL_S", "CL_R", 0.7);
        VirtualPopulation pop = population(spec, 20240601L);
        List<VirtualPatient> sequential = pop.patients(0, N);

        ConcurrentHashMap<Long, VirtualPatient> parallel = new ConcurrentHashMap<>();
        LongStream.range(0, N).parallel().forEach(i -> parallel.put(i, pop.patient(i)));
        List<VirtualPatient> reversed = IntStream.range(0, N).map(i -> N - 1 - i)
                .mapToObj(i -> pop.patient(i)).collect(Collectors.toList());
        // a second population object with the same inputs, generated with a parallel stream
        List<VirtualPatient> other = population(spec, 20240601L).stream(N).parallel().collect(Collectors.toList());

        for (int i = 0; i < N; i++) {
            VirtualPatient s = sequential.get(i);
            assertThat(s.id()).isEqualTo(i);
            assertBitForBit(s, parallel.get((long) i));
            assertBitForBit(s, reversed.get(N - 1 - i));
            assertBitForBit(s, other.get(i));
        }
    }

    @Test
    void seedsAndIndicesGiveDifferentPatients() {
        VirtualPopulation a = population(PopulationSpec.preset("trd"), 1);
        VirtualPopulation b = population(PopulationSpec.preset("trd"), 2);
        assertThat(a.patient(0)).isNotEqualTo(b.patient(0));
        assertThat(a.patient(0)).isNotEqualTo(a.patient(1));
        assertThat(a.patient(0).noiseSeed()).isNotEqualTo(a.patient(1).noiseSeed());
        long distinctWeights = a.stream(1000).mapToDouble(p -> p.covariates().weightKg()).distinct().count();
        assertThat(distinctWeights).isEqualTo(1000);
    }

    @Test
    void changingACovariateLawLeavesEtasAndOtherCovariatesUntouched() {
        PopulationSpec base = PopulationSpec.preset("trd");
        PopulationSpec changed = base.withCovariate("age_y", Distribution.uniform(60, 80))
                .withCovariate("bdnf_met_alleles", Distribution.hardyWeinberg(0.45));
        VirtualPopulation a = population(base, 5);
        VirtualPopulation b = population(changed, 5);
        int cl = TestSupport.index("CL_S");
        int pl = TestSupport.index("Pl");
        for (int i = 0; i < 500; i++) {
            VirtualPatient x = a.patient(i);
            VirtualPatient y = b.patient(i);
            assertThat(y.parameter(cl)).isEqualTo(x.parameter(cl));
            assertThat(y.parameter(pl)).isEqualTo(x.parameter(pl));
            assertThat(y.covariates().weightKg()).isEqualTo(x.covariates().weightKg());
            assertThat(y.covariates().baselineMadrs()).isEqualTo(x.covariates().baselineMadrs());
            assertThat(y.covariates().ageY()).isBetween(60.0, 80.0);
            assertThat(y.noiseSeed()).isEqualTo(x.noiseSeed());
        }
    }

    @Test
    void changingOneParametersVariabilityLeavesTheOtherEtasUntouched() {
        VirtualPopulation a = population(PopulationSpec.preset("mdd"), 9);
        VirtualPopulation b = population(PopulationSpec.preset("mdd").withParameterVariability("CL_NK", 0)
                .withParameterVariability("V1", 0.2), 9);
        int clnk = TestSupport.index("CL_NK");
        int v1 = TestSupport.index("V1");
        for (int i = 0; i < 300; i++) {
            VirtualPatient x = a.patient(i);
            VirtualPatient y = b.patient(i);
            for (String p : List.of("CL_S", "CL_R", "IC50_rac", "w_T", "w_S", "Pl")) {
                int k = TestSupport.index(p);
                assertThat(y.parameter(k)).as(p).isEqualTo(x.parameter(k));
            }
            assertThat(y.parameter(clnk)).isEqualTo(TestSupport.ketamine().defaultParameters()[clnk]);
            assertThat(y.parameter(v1)).isNotEqualTo(x.parameter(v1));
            assertThat(y.covariates()).isEqualTo(x.covariates());
        }
    }

    @Test
    void patientsAreValuesThatCannotBeChangedFromOutside() {
        VirtualPatient p = population(PopulationSpec.preset("trd"), 3).patient(4);
        double[] copy = p.parameters();
        copy[0] = -1;
        assertThat(p.parameter(0)).isNotEqualTo(-1);
        assertThat(p.parameterCount()).isEqualTo(TestSupport.ketamine().parameters().size());
        // the noise stream restarts on each call
        assertThat(p.noiseStream().nextLong()).isEqualTo(p.noiseStream().nextLong());
    }
}
