package org.ketasim.models;

import java.util.Set;

import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.lang.Model;

/**
 * Covariates of the ketamine model that follow from the course rather than from the patient: the time of
 * the first session ({@code T_FIRST}, where the expectancy state starts) and the Spravato device
 * ({@code SPRAVATO}, for esketamine given intranasally). Every caller that builds a parameter vector for a
 * course (the command line, virtual trials) sets them here, in one way.
 */
public final class SessionCovariates {

    /** Covariate: time of the first session (h). */
    public static final String FIRST_SESSION = "T_FIRST";
    /** Covariate: intranasal doses are given with the Spravato device (0 or 1). */
    public static final String SPRAVATO = "SPRAVATO";

    private SessionCovariates() {
    }

    /**
     * Sets the session covariates a model declares, leaving alone those named in {@code keep} (set by the user).
     *
     * @param p              parameter vector (canonical units), changed in place
     * @param regimen        the doses of ketamine given
     * @param firstSessionH  start of the first session of any kind, placebo included (h)
     * @param keep           names not to change
     */
    public static void apply(Model model, double[] p, Regimen regimen, double firstSessionH, Set<String> keep) {
        if (!keep.contains(FIRST_SESSION)) {
            model.parameterIndex(FIRST_SESSION).ifPresent(i -> p[i] = model.parameters().get(i).unit().toCanonical(firstSessionH));
        }
        if (!keep.contains(SPRAVATO)) {
            boolean spravato = false;
            for (Dose d : regimen.doses()) {
                spravato |= d.drug() == Drug.ESKETAMINE && d.route() == Route.INTRANASAL;
            }
            double value = spravato ? 1 : 0;
            model.parameterIndex(SPRAVATO).ifPresent(i -> p[i] = value);
        }
    }
}
