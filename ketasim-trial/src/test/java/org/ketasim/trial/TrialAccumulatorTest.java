package org.ketasim.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.models.ModelLibrary;
import org.ketasim.population.Outcomes;
import org.ketasim.population.Scale;
import org.ketasim.trial.TrialResult.ArmResult;
import org.ketasim.trial.TrialResult.EndpointResult;
import org.ketasim.trial.TrialRunner.SubjectRatings;
import org.ketasim.trial.TrialSpec.Endpoint;

/**
 * Streaming aggregation on synthetic subjects (fast, and with values that exercise every path): the result does not
 * depend on the order of folding or merging, and it equals the direct computation from the subjects' arrays.
 */
class TrialAccumulatorTest {

    /** Every endpoint kind, on two scales, two arms compared both ways. */
    static final String SPEC = """
            name: all-kinds
            seed: 5
            subjects_per_arm: 1500
            population: {preset: trd}
            blinding: active-placebo
            arms:
              - name: ketamine
                doses: [{drug: ketamine, route: iv, amount: 0.5 mg/kg, over: 40 min, on_days: [0, 2, 4, 7, 9, 11]}]
              - name: midazolam
                doses: [{drug: midazolam, route: iv, amount: 0.045 mg/kg, over: 40 min, on_days: [0, 2, 4, 7, 9, 11]}]
            endpoints:
              - {name: r24, kind: response_rate, scale: MADRS, at: 24 h}
              - {name: rem7, kind: remission_rate, scale: MADRS, at: 7 d}
              - {name: rem7t, kind: remission_rate, scale: HAM-D17, at: 7 d, threshold: 9}
              - {name: c24, kind: mean_change, scale: MADRS, at: 24 h}
              - {name: s24, kind: mean_score, scale: HAM-D17, at: 24 h}
              - {name: d24, kind: difference_vs, scale: MADRS, at: 24 h, vs: midazolam}
              - {name: es24, kind: effect_size_d, scale: HAM-D17, at: 24 h, vs: midazolam}
              - {name: es24b, kind: effect_size_d, scale: MADRS, at: 24 h, vs: ketamine}
              - {name: relapse, kind: median_days_to_relapse, scale: MADRS, after_day: 11, among: responders}
              - {name: km, kind: kaplan_meier, scale: MADRS, after_day: 11, among: responders}
            follow_up: 40 d
            """;

    private static TrialSpec spec;
    private static double[] grid;
    private static TrialRunner runner;
    private static List<SubjectRatings[]> subjects;

    @BeforeAll
    static void subjects() throws Exception {
        spec = TrialSpec.parse(SPEC, "all-kinds.yaml");
        grid = TrialRunner.grid(spec);
        runner = new TrialRunner(ModelLibrary.ketamine(), SolverOptions.defaults());
        subjects = List.of(synthetic(0, spec.subjectsPerArm(), 0.35), synthetic(1, spec.subjectsPerArm(), 0.8));
    }

    /**
     * Made-up subjects: a baseline, an improvement to {@code depth} × baseline after the first dose that fades at
     * a random rate, rated MADRS in whole points (as {@link org.ketasim.population.RatingNoise} rates), HAM-D17
     * left fractional so that exact sums of arbitrary doubles are exercised too.
     */
    static SubjectRatings[] synthetic(int arm, int n, double depth) {
        SubjectRatings[] out = new SubjectRatings[n];
        double first = TrialRunner.firstDose(spec);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = new SplittableRandom(1000L * arm + i);
            double baseline = 22 + 24 * r.nextDouble();
            double dip = depth * (0.3 + 1.2 * r.nextDouble());
            double fadePerDay = 0.03 * r.nextDouble();
            double[] truth = new double[grid.length];
            double[] madrs = new double[grid.length];
            double[] hamd = new double[grid.length];
            for (int k = 0; k < grid.length; k++) {
                double days = Math.max(0, grid[k] - first) / 24;
                double f = grid[k] < first ? 1 : Math.min(1, dip + fadePerDay * Math.max(0, days - 11));
                truth[k] = Math.min(60, baseline * f + 0.3 * r.nextDouble());
                madrs[k] = Math.max(0, Math.min(60, Math.rint(truth[k] + 3 * r.nextGaussian())));
                hamd[k] = Math.max(0, truth[k] / 1.3 + 2.5 * r.nextGaussian());
            }
            Map<Scale, double[]> rated = new EnumMap<>(Scale.class);
            rated.put(Scale.MADRS, madrs);
            rated.put(Scale.HAMD17, hamd);
            out[i] = new SubjectRatings(truth, rated);
        }
        return out;
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfFoldingOrMerging() throws Exception {
        TrialResult inOrder = runner.aggregate(spec, subjects);

        // reversed and shuffled arrays
        List<SubjectRatings[]> shuffled = new ArrayList<>();
        for (SubjectRatings[] arm : subjects) {
            List<SubjectRatings> l = new ArrayList<>(Arrays.asList(arm));
            Collections.shuffle(l, new Random(7));
            shuffled.add(l.toArray(SubjectRatings[]::new));
        }
        assertIdentical(runner.aggregate(spec, shuffled), inOrder);

        // split into three accumulators at different points, merged in different trees
        for (int[] cuts : new int[][] {{1, 2}, {500, 501}, {17, 1400}, {0, 1500}}) {
            TrialAccumulator[] parts = new TrialAccumulator[3];
            for (int p = 0; p < 3; p++) {
                parts[p] = new TrialAccumulator(spec);
            }
            for (int a = 0; a < 2; a++) {
                SubjectRatings[] arm = shuffled.get(a);
                for (int i = 0; i < arm.length; i++) {
                    parts[i < cuts[0] ? 0 : i < cuts[1] ? 1 : 2].add(a, arm[i]);
                }
            }
            TrialAccumulator leftTree = new TrialAccumulator(spec).merge(parts[0]).merge(parts[1]).merge(parts[2]);
            TrialAccumulator rightTree = new TrialAccumulator(spec).merge(parts[2]).merge(new TrialAccumulator(spec).merge(parts[1]).merge(parts[0]));
            assertIdentical(runner.result(spec, leftTree), inOrder);
            assertIdentical(runner.result(spec, rightTree), inOrder);
        }
    }

    @Test
    void anAccumulatorSurvivesSerialization() throws Exception {
        TrialAccumulator half = new TrialAccumulator(spec);
        TrialAccumulator rest = new TrialAccumulator(spec);
        for (int a = 0; a < 2; a++) {
            for (int i = 0; i < spec.subjectsPerArm(); i++) {
                (i % 2 == 0 ? half : rest).add(a, subjects.get(a)[i]);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(half);
        }
        TrialAccumulator back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (TrialAccumulator) in.readObject();
        }
        assertIdentical(runner.result(spec, back.merge(rest)), runner.aggregate(spec, subjects));
        assertThatThrownBy(() -> runner.result(spec, rest)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 1500");
    }

    @Test
    void anAccumulatorDoesNotGrowWithItsSubjects() throws Exception {
        TrialAccumulator few = new TrialAccumulator(spec);
        TrialAccumulator all = new TrialAccumulator(spec);
        for (int a = 0; a < 2; a++) {
            for (int i = 0; i < spec.subjectsPerArm(); i++) {
                if (i < 10) {
                    few.add(a, subjects.get(a)[i]);
                }
                all.add(a, subjects.get(a)[i]);
            }
        }
        long fewBytes = serialized(few).length;
        long allBytes = serialized(all).length;
        // 150 times the subjects: only the exact sums gain a few digits
        assertThat((double) allBytes / fewBytes).isBetween(1.0, 1.02);
        assertThat((double) allBytes / TrialAccumulator.bytes(spec)).as("the documented estimate").isBetween(0.5, 1.5);
    }

    private static byte[] serialized(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @Test
    void endpointsEqualTheDirectComputationFromTheSubjects() {
        TrialResult streamed = runner.aggregate(spec, subjects);
        double first = TrialRunner.firstDose(spec);
        for (int a = 0; a < 2; a++) {
            ArmResult arm = streamed.arms().get(a);
            SubjectRatings[] s = subjects.get(a);
            for (Endpoint e : spec.endpoints()) {
                EndpointResult got = arm.endpoints().get(e.name());
                if (e.kind().needsVs() && e.vs().equals(arm.name())) {
                    assertThat(got).isNull();
                    continue;
                }
                Estimate want = direct(e, s, e.kind().needsVs() ? subjects.get(e.vs().equals("ketamine") ? 0 : 1) : null, first);
                if (e.kind().isRelapse()) {
                    // Kaplan–Meier from counts per grid time is the Kaplan–Meier of the subjects, bit for bit
                    KaplanMeier km = directKm(e, s, first);
                    assertThat(got.curve()).as(e.name()).isEqualTo(km.points()).hasSizeGreaterThan(3);
                    assertThat(got.estimate()).as(e.name()).isEqualTo(want);
                } else if (e.kind() == EndpointKind.RESPONSE_RATE || e.kind() == EndpointKind.REMISSION_RATE) {
                    assertThat(got.estimate()).as(e.name()).isEqualTo(want);
                    assertThat(want.value()).as(e.name() + " is not degenerate").isStrictlyBetween(0.0, 1.0);
                } else {
                    // exact sums, rounded once, against naive double sums: the same to about 1e-13
                    assertThat(got.estimate().value()).as(e.name()).isCloseTo(want.value(), within(1e-11));
                    assertThat(got.estimate().lo()).as(e.name()).isCloseTo(want.lo(), within(1e-11));
                    assertThat(got.estimate().hi()).as(e.name()).isCloseTo(want.hi(), within(1e-11));
                    assertThat(got.estimate().n()).isEqualTo(want.n());
                }
            }
            // the trajectory: exact mean; percentiles to half a histogram bin
            double[] column = new double[s.length];
            for (int k = 0; k < grid.length; k++) {
                for (int i = 0; i < s.length; i++) {
                    column[i] = s[i].trueMadrs()[k];
                }
                double mean = Estimate.Moments.mean(column);
                Arrays.sort(column);
                double p05 = column[(int) Math.floor(0.05 * (column.length - 1))];
                double p95 = column[(int) Math.ceil(0.95 * (column.length - 1))];
                assertThat(arm.madrs().mean()[k]).isCloseTo(mean, within(1e-12));
                assertThat(arm.madrs().p05()[k]).isCloseTo(p05, within(ArmAccumulator.MADRS_BIN / 2 + 1e-9));
                assertThat(arm.madrs().p95()[k]).isCloseTo(p95, within(ArmAccumulator.MADRS_BIN / 2 + 1e-9));
            }
            assertThat(arm.madrs().timesH()).containsExactly(grid);
        }
    }

    @Test
    void exactSumsDoNotDependOnOrder() {
        double[] x = {1e16, 1.0, -1e16, 0.1, 3.5, -7, 1e-20, 2.0 / 3};
        assertThat((1e16 + 1.0) - 1e16).as("naive sums do").isNotEqualTo(1e16 - 1e16 + 1.0);
        ExactSum forward = new ExactSum();
        ExactSum backward = new ExactSum();
        ExactSum squares = new ExactSum();
        for (int i = 0; i < x.length; i++) {
            forward.add(x[i]);
            backward.add(x[x.length - 1 - i]);
        }
        assertThat(forward.value()).isEqualTo(backward.value()).isEqualTo(new java.math.BigDecimal(0.1).add(new java.math.BigDecimal(2.0 / 3))
                .add(new java.math.BigDecimal(1e-20)).add(java.math.BigDecimal.valueOf(-2.5)).doubleValue());
        // 1..10: mean 5.5, variance 55/6 rounded once
        ExactSum s = new ExactSum();
        for (int i = 1; i <= 10; i++) {
            s.add(i);
            squares.addSquare(i);
        }
        Estimate.Sample sample = ExactSum.sample(10, s, squares);
        assertThat(sample.mean()).isEqualTo(5.5);
        assertThat(sample.variance()).isEqualTo(55.0 / 6);
        // a sum that leaves the fast path (whole numbers) and comes back
        ExactSum big = new ExactSum();
        for (int i = 0; i < 5; i++) {
            big.add(0x1p30 + 0.5);
            big.add(-0x1p30);
        }
        assertThat(big.value()).isEqualTo(2.5);
        ExactSum nan = new ExactSum();
        nan.add(1);
        nan.add(Double.NaN);
        assertThat(nan.value()).isNaN();
    }

    /** The endpoint as the arrays give it: the definitions of {@link Endpoints}, computed subject by subject. */
    static Estimate direct(Endpoint e, SubjectRatings[] arm, SubjectRatings[] vs, double first) {
        Scale s = e.scale();
        int k = e.kind().isRelapse() ? -1 : Endpoints.index(grid, first + e.atH());
        switch (e.kind()) {
            case RESPONSE_RATE: {
                int hits = 0;
                for (SubjectRatings r : arm) {
                    hits += Outcomes.response(r.on(s)[0], r.on(s)[k]) ? 1 : 0;
                }
                return Estimate.proportion(hits, arm.length);
            }
            case REMISSION_RATE: {
                int hits = 0;
                for (SubjectRatings r : arm) {
                    double x = r.on(s)[k];
                    hits += (Double.isNaN(e.threshold()) ? Outcomes.remission(s, x) : Outcomes.remission(s, x, e.threshold())) ? 1 : 0;
                }
                return Estimate.proportion(hits, arm.length);
            }
            case MEAN_CHANGE:
                return Estimate.mean(change(arm, s, k));
            case MEAN_SCORE: {
                double[] x = new double[arm.length];
                for (int i = 0; i < arm.length; i++) {
                    x[i] = arm[i].on(s)[k];
                }
                return Estimate.mean(x);
            }
            case DIFFERENCE_VS:
                return Estimate.meanDifference(change(arm, s, k), change(vs, s, k));
            case EFFECT_SIZE_D:
                return Estimate.cohensD(change(vs, s, k), change(arm, s, k));
            default: {
                KaplanMeier km = directKm(e, arm, first);
                int responders = km.points().get(0).atRisk();
                if (e.kind() == EndpointKind.MEDIAN_DAYS_TO_RELAPSE) {
                    return km.median(responders);
                }
                KaplanMeier.Point last = km.last();
                return new Estimate(last.survival(), last.lo(), last.hi(), responders);
            }
        }
    }

    /** Kaplan–Meier of the responders' relapse times, fitted on the times themselves (no counting). */
    static KaplanMeier directKm(Endpoint e, SubjectRatings[] arm, double first) {
        Scale s = e.scale();
        double fromH = first + e.afterDay() * 24;
        int k0 = Endpoints.index(grid, fromH + 24);
        List<Double> times = new ArrayList<>();
        List<Boolean> events = new ArrayList<>();
        for (SubjectRatings r : arm) {
            double[] x = r.on(s);
            if (!Outcomes.response(x[0], x[k0])) {
                continue;
            }
            double t = (grid[grid.length - 1] - fromH) / 24;
            boolean event = false;
            for (int k = k0 + 1; k < grid.length; k++) {
                boolean daily = Math.abs(((grid[k] - fromH) / 24) - Math.rint((grid[k] - fromH) / 24)) < 1e-9;
                if (daily && Outcomes.relapse(x[0], x[k])) {
                    t = (grid[k] - fromH) / 24;
                    event = true;
                    break;
                }
            }
            times.add(t);
            events.add(event);
        }
        boolean[] ev = new boolean[events.size()];
        for (int i = 0; i < ev.length; i++) {
            ev[i] = events.get(i);
        }
        return KaplanMeier.fit(times.stream().mapToDouble(Double::doubleValue).toArray(), ev);
    }

    private static double[] change(SubjectRatings[] arm, Scale s, int k) {
        double[] d = new double[arm.length];
        for (int i = 0; i < arm.length; i++) {
            d[i] = arm[i].on(s)[k] - arm[i].on(s)[0];
        }
        return d;
    }

    /** Every endpoint, curve and trajectory value, bit for bit. */
    static void assertIdentical(TrialResult got, TrialResult want) {
        assertThat(got.arms()).hasSameSizeAs(want.arms());
        for (int a = 0; a < want.arms().size(); a++) {
            ArmResult g = got.arms().get(a);
            ArmResult w = want.arms().get(a);
            assertThat(g.n()).isEqualTo(w.n());
            assertThat(g.endpoints()).isEqualTo(w.endpoints()); // records compare doubles bit for bit
            assertThat(g.relapseCurve()).isEqualTo(w.relapseCurve());
            assertThat(g.madrs().mean()).containsExactly(w.madrs().mean());
            assertThat(g.madrs().p05()).containsExactly(w.madrs().p05());
            assertThat(g.madrs().p95()).containsExactly(w.madrs().p95());
        }
    }
}
