package org.ketasim.interop.dataset;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Regimen;

/**
 * One subject of a dataset: the model values set for it, its doses, and its observation times.
 *
 * @param id                 the subject id (ID), positive
 * @param arm                the trial arm (ARM, 1-based), or 0 when the dataset has none
 * @param values             covariates, parameters and switches set for this subject, in the unit of the model
 *                           file, by name (insertion order kept)
 * @param doses              the doses (mg of base); kept in time order
 * @param observationTimesH  output times (h), in row order
 * @param observations       the DV of each observation row, NaN where missing (MDV 1)
 */
public record DatasetSubject(long id, int arm, Map<String, Double> values, List<Dose> doses, double[] observationTimesH,
                             double[] observations) {

    /** Copies every argument. */
    public DatasetSubject {
        if (id <= 0) {
            throw new IllegalArgumentException("subject ID must be positive, got " + id);
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        doses = doses.stream().sorted().toList();
        observationTimesH = observationTimesH.clone();
        observations = observations.clone();
        if (observations.length != observationTimesH.length) {
            throw new IllegalArgumentException("one observation per observation time");
        }
        Objects.requireNonNull(values);
    }

    /** @return the doses as a regimen */
    public Regimen regimen() {
        return Regimen.of(doses);
    }

    @Override
    public double[] observationTimesH() {
        return observationTimesH.clone();
    }

    @Override
    public double[] observations() {
        return observations.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetSubject s && s.id == id && s.arm == arm && s.values.equals(values) && s.doses.equals(doses)
                && Arrays.equals(s.observationTimesH, observationTimesH) && Arrays.equals(s.observations, observations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, arm, values, doses, Arrays.hashCode(observationTimesH));
    }

    @Override
    public String toString() {
        return "subject " + id + " (" + doses.size() + " doses, " + observationTimesH.length + " observation times)";
    }
}
