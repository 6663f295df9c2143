package org.ketasim.trial;

import java.io.Serializable;

import org.ketasim.trial.TrialRunner.SubjectRatings;

/**
 * A trial's statistics, folded one subject at a time, in memory that does not grow with the number of subjects
 * (per arm: a few exact sums and counts per endpoint, and the trajectory's sums and histograms per grid time; see
 * {@link ArmAccumulator}). Accumulators of the same specification merge, and the result depends only on which
 * subjects went in, never on the order of adding or merging: one per thread, or per Spark partition, merged in
 * any order or tree, gives the same {@link TrialResult} bit for bit ({@link TrialRunner#result}).
 *
 * <p>Mutable and not thread-safe; serializable, so that executors can send theirs to a driver.
 */
public final class TrialAccumulator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArmAccumulator[] arms;

    /** An empty accumulator for {@code spec}'s arms and endpoints. */
    public TrialAccumulator(TrialSpec spec) {
        double[] grid = TrialRunner.grid(spec);
        double firstH = TrialRunner.firstDose(spec);
        arms = new ArmAccumulator[spec.arms().size()];
        for (int a = 0; a < arms.length; a++) {
            arms[a] = new ArmAccumulator(grid, firstH, spec.endpoints());
        }
    }

    /** Folds in subject {@code subject} of arm {@code arm} (an index in the specification). */
    public void add(int arm, SubjectRatings subject) {
        arms[arm].add(subject);
    }

    /** Folds {@code other} (of the same specification, left as it was) into this one; returns this. */
    public TrialAccumulator merge(TrialAccumulator other) {
        if (other.arms.length != arms.length) {
            throw new IllegalArgumentException("accumulators of different trials");
        }
        for (int a = 0; a < arms.length; a++) {
            arms[a].merge(other.arms[a]);
        }
        return this;
    }

    /** Subjects folded into arm {@code arm}. */
    public int subjects(int arm) {
        return arms[arm].n();
    }

    /**
     * About how many bytes of heap an accumulator of {@code spec} takes once every arm holds a subject: per arm
     * and grid time, the trajectory's histogram and exact sum, plus a little per endpoint. It does not depend on
     * the number of subjects.
     */
    public static long bytes(TrialSpec spec) {
        return (long) spec.arms().size() * ArmAccumulator.bytes(TrialRunner.grid(spec).length, spec.endpoints().size());
    }

    ArmAccumulator arm(int arm) {
        return arms[arm];
    }
}
