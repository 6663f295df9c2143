package org.ketasim.server.clinical;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What was known about a patient at one consultation.
 *
 * @param weightKg    body weight (kg)
 * @param heightCm    height (cm), or null
 * @param vitals      baseline vital signs at rest
 * @param diagnoses   free-text diagnoses (e.g. "Major depressive disorder, treatment-resistant")
 * @param medications current medications
 * @param history     history items present
 */
public record Consultation(Long id, long patientId, double weightKg, Double heightCm, BaselineVitals vitals,
                           List<String> diagnoses, List<Medication> medications, Set<HistoryFlag> history,
                           String notes, Instant recordedAt, String recordedBy) {

    /** Resting vital signs. */
    public record BaselineVitals(int sbpMmHg, int dbpMmHg, int hrBpm, int spo2Pct) {
    }

    /**
     * One current medication.
     *
     * @param lorazepamEqMgPerDay for benzodiazepines: daily dose as lorazepam equivalents (mg/day), or null
     */
    public record Medication(String name, DrugClass drugClass, Double lorazepamEqMgPerDay) {
    }

    public boolean has(HistoryFlag f) {
        return history.contains(f);
    }

    public boolean takes(DrugClass c) {
        return medications.stream().anyMatch(m -> m.drugClass() == c);
    }
}
