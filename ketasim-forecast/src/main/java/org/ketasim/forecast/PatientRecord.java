package org.ketasim.forecast;

import java.util.List;
import java.util.Map;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.population.Scale;

/**
 * What is known about one real patient: covariates, the doses actually given and the scores observed.
 *
 * @param weightKg     body weight (kg)
 * @param female       true for a woman
 * @param ageY         age (y)
 * @param diagnosis    population preset the prior comes from ("trd", ...)
 * @param covariates   further covariates by the population's covariate names (clinical units)
 * @param doses        doses given (base mg, h from day 0 00:00), in time order
 * @param observations scores, in time order
 */
public record PatientRecord(double weightKg, boolean female, double ageY, String diagnosis,
                            Map<String, Double> covariates, List<Dose> doses, List<Observation> observations) {

    /**
     * One rating.
     *
     * @param timeH time (h from day 0, 00:00)
     * @param scale rating scale
     * @param value score as rated
     */
    public record Observation(double timeH, Scale scale, double value) {
    }

    /** Copies the lists. */
    public PatientRecord {
        covariates = Map.copyOf(covariates);
        doses = List.copyOf(doses);
        observations = List.copyOf(observations);
    }

    /** @return time of the last dose (h), or NaN when none was given */
    public double lastDoseH() {
        return doses.isEmpty() ? Double.NaN : doses.get(doses.size() - 1).startH();
    }

    /**
     * @param more observations to add (kept in time order)
     * @return a copy with fewer or more observations
     */
    public PatientRecord withObservations(List<Observation> more) {
        return new PatientRecord(weightKg, female, ageY, diagnosis, covariates, doses, more);
    }
}
