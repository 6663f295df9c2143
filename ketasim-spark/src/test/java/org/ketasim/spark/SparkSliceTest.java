package org.ketasim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How subjects are split into partitions (no Spark needed). */
class SparkSliceTest {

    /** Every (arm, subject) exactly once, in order, over runs of nearly equal size. */
    @Test
    void runsCoverEverySubjectOnceInOrder() {
        for (int arms = 1; arms <= 3; arms++) {
            for (int perArm : new int[] {1, 2, 7, 60, 1001}) {
                for (int parts : new int[] {1, 2, 7, 64, 10_000}) {
                    List<ArrayList<Slice>> runs = Slice.split(arms, perArm, parts);
                    long total = (long) arms * perArm;
                    assertThat(runs).hasSize((int) Math.min(parts, total));
                    List<long[]> seen = new ArrayList<>();
                    int smallest = Integer.MAX_VALUE;
                    int largest = 0;
                    for (List<Slice> run : runs) {
                        int size = 0;
                        for (Slice s : run) {
                            assertThat(s.from()).isLessThan(s.to());
                            assertThat(s.to()).isLessThanOrEqualTo(perArm);
                            for (int i = s.from(); i < s.to(); i++) {
                                seen.add(new long[] {s.arm(), i});
                            }
                            size += s.to() - s.from();
                        }
                        smallest = Math.min(smallest, size);
                        largest = Math.max(largest, size);
                    }
                    assertThat(largest - smallest).isLessThanOrEqualTo(1);
                    assertThat(seen).hasSize((int) total);
                    for (int k = 0; k < seen.size(); k++) {
                        assertThat(seen.get(k)).containsExactly(k / perArm, k % perArm);
                    }
                }
            }
        }
    }
}
