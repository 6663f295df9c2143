package org.ketasim.trial;

import java.io.Serializable;
import java.util.List;

import org.ketasim.population.Outcomes;
import org.ketasim.population.Scale;
import org.ketasim.trial.TrialRunner.SubjectRatings;
import org.ketasim.trial.TrialSpec.Endpoint;

/**
 * What one arm's endpoints and MADRS trajectory need from its subjects, folded one subject at a time: counts,
 * exact sums ({@link ExactSum}) and fixed-bin histograms. Its size depends on the trial's grid and endpoints,
 * never on the number of subjects, and its content on which subjects were added, never on the order of adding or
 * merging; so a trial split over threads or machines gives the same result, bit for bit. Not thread-safe: one
 * accumulator per thread (or partition), merged at the end.
 *
 * <p>Per endpoint (in the specification's order; every arm keeps every endpoint's state, so that an arm can be
 * compared with another through the same slot):
 * <ul>
 * <li>response and remission rates: the count of hits;</li>
 * <li>mean score, mean change and the comparisons with another arm (difference, Cohen's d): the exact sum and sum
 * of squares of the score or change (mean and unbiased variance follow exactly);</li>
 * <li>relapse: responders, and relapses per grid time (relapse times lie on the grid) and censorings at the end
 * of follow-up, from which {@link KaplanMeier#fromCounts} gives the curve the subjects would give.</li>
 * </ul>
 * The trajectory keeps the exact sum of the true MADRS at each grid time and a histogram of it in bins of
 * {@link #MADRS_BIN} points over the scale's range [0, 60] (values outside go to the end bins; NaN to a bin of
 * their own, above all others, as a sort puts them), from which the 5th and 95th percentiles are read at bin
 * centres: the band is exact to half a bin (0.005 points).
 */
final class ArmAccumulator implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Width of the histogram bins of the true MADRS (points): the precision of the trajectory's percentile band. */
    static final double MADRS_BIN = 0.01;
    private static final int BINS_PER_POINT = 100;
    private static final int RANGE_BINS = (int) Scale.MADRS.max() * BINS_PER_POINT + 1; // [0, 60], 60 in the last
    private static final int NAN_BIN = RANGE_BINS;

    private final double[] grid;
    private final Slot[] slots;
    private int n;
    /** Per grid time, allocated with the first subject (an empty accumulator stays small). */
    private ExactSum[] madrsSum;
    private int[][] madrsHistogram;

    /**
     * @param grid     the trial's times (h), {@link TrialRunner#grid}
     * @param firstH   the first dose (h), {@link TrialRunner#firstDose}
     * @param endpoints the specification's endpoints
     */
    ArmAccumulator(double[] grid, double firstH, List<Endpoint> endpoints) {
        this.grid = grid;
        this.slots = new Slot[endpoints.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = Slot.of(endpoints.get(i), grid, firstH);
        }
    }

    /** Folds in one subject. */
    void add(SubjectRatings subject) {
        if (madrsSum == null) {
            allocate();
        }
        n = Math.addExact(n, 1);
        double[] x = subject.trueMadrs();
        for (int k = 0; k < grid.length; k++) {
            madrsSum[k].add(x[k]);
            madrsHistogram[k][bin(x[k])]++;
        }
        for (Slot s : slots) {
            s.add(subject);
        }
    }

    /** Folds in another accumulator of the same trial's same arm (which is left as it was). */
    void merge(ArmAccumulator other) {
        if (other.grid.length != grid.length || other.slots.length != slots.length) {
            throw new IllegalArgumentException("accumulators of different trials");
        }
        if (other.n == 0) {
            return;
        }
        if (madrsSum == null) {
            allocate();
        }
        n = Math.addExact(n, other.n);
        for (int k = 0; k < grid.length; k++) {
            madrsSum[k].merge(other.madrsSum[k]);
            int[] h = madrsHistogram[k];
            int[] o = other.madrsHistogram[k];
            for (int b = 0; b < h.length; b++) {
                h[b] += o[b]; // no overflow: a bin counts at most n subjects, and n is an int
            }
        }
        for (int i = 0; i < slots.length; i++) {
            slots[i].merge(other.slots[i]);
        }
    }

    private void allocate() {
        madrsSum = new ExactSum[grid.length];
        madrsHistogram = new int[grid.length][RANGE_BINS + 1];
        for (int k = 0; k < grid.length; k++) {
            madrsSum[k] = new ExactSum();
        }
    }

    private static int bin(double madrs) {
        if (Double.isNaN(madrs)) {
            return NAN_BIN;
        }
        double b = Math.floor(madrs * BINS_PER_POINT);
        return (int) Math.max(0, Math.min(RANGE_BINS - 1, b));
    }

    /** About how many bytes of heap an accumulator takes once it holds a subject (see {@link TrialAccumulator#bytes}). */
    static long bytes(int gridTimes, int endpoints) {
        long perTime = (RANGE_BINS + 1) * 4L + 16 + 120; // histogram row, and an exact sum of a few dozen digits
        long perEndpoint = gridTimes * 4L + 400;         // at most a relapse count per grid time, or two exact sums
        return gridTimes * perTime + endpoints * perEndpoint + 200;
    }

    /** Subjects folded in. */
    int n() {
        return n;
    }

    Slot slot(int endpoint) {
        return slots[endpoint];
    }

    /** Mean true MADRS with the 5th and 95th percentiles (bin centres) at each grid time. */
    TrialResult.Trajectory trajectory() {
        double[] mean = new double[grid.length];
        double[] lo = new double[grid.length];
        double[] hi = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            if (n == 0) {
                mean[k] = lo[k] = hi[k] = Double.NaN;
                continue;
            }
            mean[k] = madrsSum[k].mean(n);
            // the order statistics the sorted column gave: ranks floor(0.05(n-1)) and ceil(0.95(n-1))
            lo[k] = quantile(madrsHistogram[k], (long) Math.floor(0.05 * (n - 1)));
            hi[k] = quantile(madrsHistogram[k], (long) Math.ceil(0.95 * (n - 1)));
        }
        return new TrialResult.Trajectory(grid.clone(), mean, lo, hi);
    }

    /** The centre of the bin holding the value of 0-based rank {@code rank}. */
    private static double quantile(int[] histogram, long rank) {
        long below = 0;
        for (int b = 0; b < histogram.length; b++) {
            below += histogram[b];
            if (below > rank) {
                return b == NAN_BIN ? Double.NaN : (b + 0.5) / BINS_PER_POINT;
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond the histogram's " + below + " values");
    }

    /** One endpoint's state. */
    abstract static class Slot implements Serializable {
        private static final long serialVersionUID = 1L;

        abstract void add(SubjectRatings subject);

        abstract void merge(Slot other);

        static Slot of(Endpoint e, double[] grid, double firstH) {
            switch (e.kind()) {
                case RESPONSE_RATE:
                case REMISSION_RATE:
                    return new Hits(e, Endpoints.index(grid, firstH + e.atH()));
                case MEAN_SCORE:
                case MEAN_CHANGE:
                case DIFFERENCE_VS:
                case EFFECT_SIZE_D:
                    return new Moments(e.scale(), Endpoints.index(grid, firstH + e.atH()), e.kind() != EndpointKind.MEAN_SCORE);
                default:
                    return new Relapses(e.scale(), grid, firstH + e.afterDay() * 24);
            }
        }
    }

    /** Subjects in response (score ≤ half the baseline) or remission at one time. */
    static final class Hits extends Slot {
        private static final long serialVersionUID = 1L;
        private final Scale scale;
        private final int k;
        private final boolean remission;
        private final double threshold;
        private int hits;

        Hits(Endpoint e, int k) {
            this.scale = e.scale();
            this.k = k;
            this.remission = e.kind() == EndpointKind.REMISSION_RATE;
            this.threshold = e.threshold();
        }

        @Override
        void add(SubjectRatings subject) {
            double[] x = subject.on(scale);
            boolean hit;
            if (!remission) {
                hit = Outcomes.response(x[0], x[k]);
            } else {
                hit = Double.isNaN(threshold) ? Outcomes.remission(scale, x[k]) : Outcomes.remission(scale, x[k], threshold);
            }
            hits += hit ? 1 : 0;
        }

        @Override
        void merge(Slot other) {
            hits += ((Hits) other).hits;
        }

        int hits() {
            return hits;
        }
    }

    /** Exact sum and sum of squares of the score at one time, or of its change from baseline. */
    static final class Moments extends Slot {
        private static final long serialVersionUID = 1L;
        private final Scale scale;
        private final int k;
        private final boolean change;
        private int n;
        private final ExactSum sum = new ExactSum();
        private final ExactSum squares = new ExactSum();

        Moments(Scale scale, int k, boolean change) {
            this.scale = scale;
            this.k = k;
            this.change = change;
        }

        @Override
        void add(SubjectRatings subject) {
            double[] x = subject.on(scale);
            double v = change ? x[k] - x[0] : x[k];
            n++;
            sum.add(v);
            squares.addSquare(v);
        }

        @Override
        void merge(Slot other) {
            Moments o = (Moments) other;
            n += o.n;
            sum.merge(o.sum);
            squares.merge(o.squares);
        }

        Estimate.Sample sample() {
            return ExactSum.sample(n, sum, squares);
        }
    }

    /**
     * Responders at {@code fromH} + 24 h and their first daily relapse after it, counted per grid time (see
     * {@link Endpoints} for the definition).
     */
    static final class Relapses extends Slot {
        private static final long serialVersionUID = 1L;
        private final Scale scale;
        private final double[] grid;
        private final double fromH;
        private final int k0;
        private int responders;
        /** Relapses at each grid time; the non-relapsing responders are censored at the last. */
        private final int[] relapses;
        private int censored;

        Relapses(Scale scale, double[] grid, double fromH) {
            this.scale = scale;
            this.grid = grid;
            this.fromH = fromH;
            this.k0 = Endpoints.index(grid, fromH + 24);
            this.relapses = new int[grid.length];
        }

        @Override
        void add(SubjectRatings subject) {
            double[] x = subject.on(scale);
            if (!Outcomes.response(x[0], x[k0])) {
                return;
            }
            responders++;
            for (int k = k0 + 1; k < grid.length; k++) {
                if (daily(k) && Outcomes.relapse(x[0], x[k])) {
                    relapses[k]++;
                    return;
                }
            }
            censored++;
        }

        private boolean daily(int k) {
            return Math.abs(((grid[k] - fromH) / 24) - Math.rint((grid[k] - fromH) / 24)) < 1e-9;
        }

        @Override
        void merge(Slot other) {
            Relapses o = (Relapses) other;
            responders += o.responders;
            censored += o.censored;
            for (int k = 0; k < relapses.length; k++) {
                relapses[k] += o.relapses[k];
            }
        }

        int responders() {
            return responders;
        }

        /** The Kaplan–Meier curve in days from {@code fromH}: relapses at their grid times, censorings at the end. */
        KaplanMeier curve() {
            int last = grid.length - 1;
            int groups = 0;
            for (int k = 0; k < grid.length; k++) {
                groups += relapses[k] > 0 || (k == last && censored > 0) ? 1 : 0;
            }
            double[] times = new double[groups];
            int[] events = new int[groups];
            int[] censorings = new int[groups];
            int g = 0;
            for (int k = 0; k < grid.length; k++) {
                if (relapses[k] > 0 || (k == last && censored > 0)) {
                    times[g] = (grid[k] - fromH) / 24;
                    events[g] = relapses[k];
                    censorings[g] = k == last ? censored : 0;
                    g++;
                }
            }
            return KaplanMeier.fromCounts(times, events, censorings);
        }
    }
}
