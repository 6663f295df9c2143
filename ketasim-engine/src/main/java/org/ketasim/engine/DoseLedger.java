package org.ketasim.engine;

import java.util.List;

import org.ketasim.engine.dosing.Dose;

/**
 * Cumulative administered amount, queried at non-decreasing times in one sweep over the regimen
 * (O(doses + queries × running infusions) instead of O(doses × queries)).
 */
final class DoseLedger {

    private final List<Dose> doses;
    private final int[] running;
    private int runningCount;
    private int next;
    private double completedMg;

    DoseLedger(final List<Dose> doses) {
        this.doses = doses;
        this.running = new int[doses.size()];
    }

    /** Base amount (mg) administered by {@code timeH}; times must not decrease between calls. */
    double administeredMgBy(final double timeH) {
        while (next < doses.size() && doses.get(next).startH() <= timeH) {
            final Dose dose = doses.get(next);
            if (dose.isInfusion() && dose.endH() > timeH) {
                running[runningCount++] = next;
            } else {
                completedMg += dose.amountMg();
            }
            next++;
        }
        double partial = 0;
        int kept = 0;
        for (int i = 0; i < runningCount; i++) {
            final Dose dose = doses.get(running[i]);
            if (dose.endH() <= timeH) {
                completedMg += dose.amountMg();
            } else {
                partial += dose.administeredMgBy(timeH);
                running[kept++] = running[i];
            }
        }
        runningCount = kept;
        return completedMg + partial;
    }
}
