package org.ketasim.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Subjects {@code [from, to)} of arm {@code arm}.
 *
 * @param arm  arm index
 * @param from first subject index
 * @param to   one past the last
 */
public record Slice(int arm, int from, int to) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Splits {@code arms × perArm} subjects, in (arm, index) order, into {@code parts} contiguous runs of nearly
     * equal size (a run may cross from one arm to the next, so it is a list of slices). Fewer runs when there are
     * fewer subjects than parts.
     */
    public static List<ArrayList<Slice>> split(int arms, int perArm, int parts) {
        long total = (long) arms * perArm;
        int p = (int) Math.max(1, Math.min(parts, total));
        List<ArrayList<Slice>> runs = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            long lo = total * k / p;
            long hi = total * (k + 1) / p;
            ArrayList<Slice> run = new ArrayList<>();
            while (lo < hi) {
                int arm = (int) (lo / perArm);
                int from = (int) (lo % perArm);
                int to = (int) Math.min(perArm, from + (hi - lo));
                run.add(new Slice(arm, from, to));
                lo += to - from;
            }
            runs.add(run);
        }
        return runs;
    }
}
