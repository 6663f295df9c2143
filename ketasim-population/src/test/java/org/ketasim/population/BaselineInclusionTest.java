package org.ketasim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineInclusionTest {

    private static List<VirtualPatient> draw(PopulationSpec spec, int n) {
        return new VirtualPopulation(TestSupport.ketamine(), spec, 41).patients(0, n);
    }

    @Test
    void rangeOnAnotherScaleIsHonouredThroughTheCrosswalk() {
        List<VirtualPatient> ps = draw(PopulationSpec.preset("mdd").withBaselineRange(Scale.HAMD17, 18, 24), 2000);
        assertThat(ps).allSatisfy(p -> assertThat(Crosswalk.fromMadrs(Scale.HAMD17, p.covariates().baselineMadrs()))
                .isBetween(18.0, 24.0));
        // HAM-D 18..24 is MADRS 23.4..31.2 (Leucht 2018 anchors)
        assertThat(ps).allSatisfy(p -> assertThat(p.covariates().baselineMadrs()).isBetween(23.4 - 1e-9, 31.2 + 1e-9));
        // patients fill the range, not only one end
        assertThat(ps.stream().mapToDouble(p -> p.covariates().baselineMadrs()).min().orElseThrow()).isLessThan(24);
        assertThat(ps.stream().mapToDouble(p -> p.covariates().baselineMadrs()).max().orElseThrow()).isGreaterThan(30.5);
    }

    @Test
    void rangesOnSeveralScalesAllHoldAndALaterRangeReplacesTheSameScale() {
        PopulationSpec spec = PopulationSpec.preset("trd").withBaselineRange(Scale.MADRS, 20, 40)
                .withBaselineRange(Scale.MADRS, 30, 60).withBaselineRange(Scale.QIDS_SR16, 0, 18);
        assertThat(spec.baselineRanges()).hasSize(2);
        assertThat(draw(spec, 1000)).allSatisfy(p -> {
            double m = p.covariates().baselineMadrs();
            assertThat(m).isBetween(30.0, 60.0);
            assertThat(Crosswalk.fromMadrs(Scale.QIDS_SR16, m)).isLessThanOrEqualTo(18.0);
        });
    }

    @Test
    void painRangeSelectsBaselinePain() {
        assertThat(draw(PopulationSpec.preset("crps").withBaselineRange(Scale.PAIN_NRS, 8, 10), 500))
                .allSatisfy(p -> assertThat(p.covariates().baselinePainNrs()).isBetween(8.0, 10.0));
    }

    @Test
    void inclusionRedrawsOnlyCovariatesNotEtas() {
        VirtualPopulation open = new VirtualPopulation(TestSupport.ketamine(), PopulationSpec.preset("trd"), 5);
        VirtualPopulation narrow = new VirtualPopulation(TestSupport.ketamine(),
                PopulationSpec.preset("trd").withBaselineRange(Scale.MADRS, 35, 40), 5);
        int pl = TestSupport.index("Pl");
        for (int i = 0; i < 200; i++) {
            assertThat(narrow.patient(i).parameter(pl)).isEqualTo(open.patient(i).parameter(pl));
        }
    }

    @Test
    void aRareButReachableRangeIsSampledByRejection() {
        // MADRS 50..60 keeps about 0.4 % of the trd baseline law: ~270 draws per patient, still exact
        List<VirtualPatient> ps = draw(PopulationSpec.preset("trd").withBaselineRange(Scale.MADRS, 50, 60), 200);
        assertThat(ps).allSatisfy(p -> assertThat(p.covariates().baselineMadrs()).isBetween(50.0, 60.0));
    }

    @Test
    void rangesThatCannotHoldTogetherFailAtTheCapWithAClearMessage() {
        // each range alone is reachable; together they exclude every baseline (HAM-D17 24 is MADRS 31.2)
        VirtualPopulation pop = new VirtualPopulation(TestSupport.ketamine(), PopulationSpec.preset("trd")
                .withBaselineRange(Scale.MADRS, 20, 25).withBaselineRange(Scale.HAMD17, 24, 30), 1);
        assertThatThrownBy(() -> pop.patient(3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("patient 3 of population trd: no draw met the baseline inclusion")
                .hasMessageContaining("MADRS 20..25").hasMessageContaining("HAM-D17 24..30")
                .hasMessageContaining(VirtualPopulation.MAX_ATTEMPTS + " attempts");
        assertThatThrownBy(() -> pop.patient(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 0");
    }

    @Test
    void unreachableOrUnsupportedRangesFailClearly() {
        assertThatThrownBy(() -> new VirtualPopulation(TestSupport.ketamine(),
                PopulationSpec.preset("trd").withBaselineRange(Scale.MADRS, 0, 12), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline inclusion MADRS 0..12 keeps 0")
                .hasMessageContaining("withCovariate");
        assertThatThrownBy(() -> new VirtualPopulation(TestSupport.ketamine(),
                PopulationSpec.preset("trd").withBaselineRange(Scale.PAIN_NRS, 3, 10), 1))
                .hasMessageContaining("baseline_pain_nrs fixed(0)");
        assertThatThrownBy(() -> PopulationSpec.preset("ptsd").withBaselineRange(Scale.CAPS5, 30, 80))
                .hasMessageContaining("CAPS-5 is not supported");
        assertThatThrownBy(() -> PopulationSpec.preset("trd").withBaselineRange(Scale.MADRS, 30, 70))
                .hasMessageContaining("0 <= min <= max <= 60");
    }
}
