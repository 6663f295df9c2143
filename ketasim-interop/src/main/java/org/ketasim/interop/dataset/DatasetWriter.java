package org.ketasim.interop.dataset;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ketasim.engine.dosing.Dose;

/**
 * Writes subjects as a NONMEM-style dataset (see {@link DatasetColumns}): the standard columns, ARM when any
 * subject has one, then one column per model value set for any subject. Within a subject rows are in time order,
 * a dose before an observation at the same time (the observation sees the dose, as KetaSim reports it).
 * Numbers are written exactly (the shortest decimal that reads back as the same double); "." marks a missing value.
 */
public final class DatasetWriter {

    private DatasetWriter() {
    }

    public static void write(List<DatasetSubject> subjects, Writer out) throws IOException {
        boolean arms = subjects.stream().anyMatch(s -> s.arm() > 0);
        Set<String> names = new LinkedHashSet<>();
        subjects.forEach(s -> names.addAll(s.values().keySet()));
        List<String> header = new ArrayList<>(DatasetColumns.WRITTEN);
        if (arms) {
            header.add(DatasetColumns.ARM);
        }
        header.addAll(names);
        out.write(String.join(",", header) + "\n");
        StringBuilder tail = new StringBuilder();
        for (DatasetSubject s : subjects) {
            tail.setLength(0);
            if (arms) {
                tail.append(',').append(s.arm());
            }
            for (String n : names) {
                Double v = s.values().get(n);
                tail.append(',').append(v == null ? "." : number(v));
            }
            List<Dose> doses = s.doses();
            double[] t = s.observationTimesH();
            double[] dv = s.observations();
            int d = 0;
            for (int k = 0; k <= t.length; k++) {
                double until = k < t.length ? t[k] : Double.POSITIVE_INFINITY;
                while (d < doses.size() && doses.get(d).startH() <= until) {
                    Dose dose = doses.get(d++);
                    out.write(s.id() + "," + number(dose.startH()) + ",1," + number(dose.amountMg()) + ","
                            + (dose.isInfusion() ? number(dose.amountMg() / dose.durationH()) : "0") + ","
                            + DatasetColumns.cmt(dose.route()) + "," + DatasetColumns.drugCode(dose.drug()) + ",.,1" + tail + "\n");
                }
                if (k < t.length) {
                    boolean has = !Double.isNaN(dv[k]);
                    out.write(s.id() + "," + number(t[k]) + ",0,.,.,.,.," + (has ? number(dv[k]) : ".") + "," + (has ? 0 : 1)
                            + tail + "\n");
                }
            }
        }
    }

    /** The shortest decimal that reads back as {@code v}; integers without a decimal point. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
