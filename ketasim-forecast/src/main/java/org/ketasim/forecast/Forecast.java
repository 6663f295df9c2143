package org.ketasim.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ketasim.population.Scale;

/**
 * A personalised forecast: trajectory with a 90 % credible band, probabilities, relapse day, recommendation and
 * the individual parameters.
 *
 * @param primary        the scale of the first observation (probabilities, relapse and recommendation use it)
 * @param trajectory     expected latent score per scale observed, with the 5 % / 50 % / 95 % posterior quantiles
 * @param population     population-only prediction (typical patient, baseline from the pre-dose score)
 * @param probabilities  P(response), P(remission) at the chosen days
 * @param relapseDay     first day after the last dose on which the posterior-median score leaves response (null
 *                       when it does not, or never reached response)
 * @param relapseNote    why relapseDay is what it is
 * @param recommendation the next session, or null when not asked for
 * @param estimates      individual parameters with posterior SD
 * @param posterior      the Laplace posterior
 * @param draws          posterior draws used
 * @param simulations    model simulations run in all
 */
public record Forecast(Scale primary, List<Point> trajectory, List<Point> population, List<Probability> probabilities,
                       Double relapseDay, String relapseNote, Recommendation recommendation, List<Estimate> estimates,
                       Forecaster.Posterior posterior, int draws, int simulations) {

    /** Decision-support disclaimer written into every output. */
    public static final String DISCLAIMER = "Decision support only: a model-based forecast from the calibrated "
            + "population model and the patient's own scores; it never acts alone, a clinician decides.";

    /**
     * @param day    time (days from day 0, 00:00)
     * @param scale  scale
     * @param mean   posterior mean
     * @param lo90   5 % quantile
     * @param median 50 % quantile
     * @param hi90   95 % quantile
     */
    public record Point(double day, Scale scale, double mean, double lo90, double median, double hi90) {
    }

    /**
     * @param day       day
     * @param scale     scale
     * @param response  P(score &le; half the baseline)
     * @param remission P(remission by the scale's threshold), NaN when the scale has none
     */
    public record Probability(double day, Scale scale, double response, double remission) {
    }

    /**
     * @param name       parameter
     * @param unit       unit symbol
     * @param population the typical value (eta 0; for MADRS0 the prior mean)
     * @param individual the MAP value
     * @param eta        MAP eta (NaN for MADRS0)
     * @param posteriorSd posterior SD of eta (for MADRS0: of the value, points)
     * @param priorSd    prior SD (omega; for MADRS0: points)
     */
    public record Estimate(String name, String unit, double population, double individual, double eta,
                           double posteriorSd, double priorSd) {
    }

    /**
     * @param nextDay          day of the recommended next session (null: none fits)
     * @param doseMgPerKg      its dose (mg/kg, labelled amount)
     * @param doseMg           its dose (mg, labelled amount: HCl for ketamine, base for esketamine)
     * @param reason           the explanation
     * @param alternatives     all candidates, best first
     * @param lossDayWithout   first day out of response without further sessions (MAP), or null
     * @param daysOutWithout   days out of response over the horizon without further sessions (MAP)
     */
    public record Recommendation(Integer nextDay, Double doseMgPerKg, Double doseMg, String reason,
                                 List<Alternative> alternatives,
                                 Integer lossDayWithout, int daysOutWithout) {
    }

    /**
     * @param nextDay            day of the first session
     * @param doseMgPerKg        dose (mg/kg)
     * @param doseMg             dose (mg, labelled amount)
     * @param sessions           sessions over the horizon, this one included
     * @param sessionDays        their days
     * @param daysOutOfResponse  days out of response over the horizon (MAP prediction)
     * @param scoreDayAfter      predicted score the morning after the first session
     * @param scoreAtHorizon     predicted score at the horizon's end
     */
    public record Alternative(int nextDay, double doseMgPerKg, double doseMg, int sessions, List<Integer> sessionDays,
                              int daysOutOfResponse, double scoreDayAfter, double scoreAtHorizon) {
    }

    /** @return the forecast as JSON (see docs/forecast.md) */
    public String toJson() {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("disclaimer", DISCLAIMER);
        root.put("primary_scale", primary.label());
        ArrayNode tr = root.putArray("trajectory");
        for (Point p : trajectory) {
            tr.addObject().put("day", r(p.day())).put("scale", p.scale().label()).put("mean", r(p.mean()))
                    .put("lo90", r(p.lo90())).put("median", r(p.median())).put("hi90", r(p.hi90()));
        }
        ArrayNode pop = root.putArray("population_prediction");
        for (Point p : population) {
            pop.addObject().put("day", r(p.day())).put("scale", p.scale().label()).put("mean", r(p.mean()));
        }
        if (relapseDay == null) {
            root.putNull("relapse_day");
        } else {
            root.put("relapse_day", relapseDay);
        }
        root.put("relapse_note", relapseNote);
        ObjectNode pr = root.putObject("p_response");
        ObjectNode pm = root.putObject("p_remission");
        for (Probability p : probabilities) {
            String key = "day " + PatientFile.fmt(r(p.day()));
            pr.put(key, r(p.response()));
            if (Double.isNaN(p.remission())) {
                pm.putNull(key);
            } else {
                pm.put(key, r(p.remission()));
            }
        }
        if (recommendation != null) {
            ObjectNode rec = root.putObject("recommendation");
            if (recommendation.nextDay() == null) {
                rec.putNull("next_day");
                rec.putNull("dose_mg_per_kg");
                rec.putNull("dose_mg");
            } else {
                rec.put("next_day", recommendation.nextDay());
                rec.put("dose_mg_per_kg", recommendation.doseMgPerKg());
                rec.put("dose_mg", recommendation.doseMg());
            }
            rec.put("reason", recommendation.reason());
            if (recommendation.lossDayWithout() == null) {
                rec.putNull("response_lost_day_without_sessions");
            } else {
                rec.put("response_lost_day_without_sessions", recommendation.lossDayWithout());
            }
            rec.put("days_out_of_response_without_sessions", recommendation.daysOutWithout());
            ArrayNode alts = rec.putArray("alternatives");
            for (Alternative a : recommendation.alternatives()) {
                ObjectNode n = alts.addObject().put("next_day", a.nextDay()).put("dose_mg_per_kg", a.doseMgPerKg())
                        .put("dose_mg", a.doseMg()).put("sessions", a.sessions()).put("days_out_of_response", a.daysOutOfResponse())
                        .put("score_day_after", a.scoreDayAfter()).put("score_at_horizon", a.scoreAtHorizon());
                ArrayNode days = n.putArray("session_days");
                a.sessionDays().forEach(days::add);
            }
        }
        ArrayNode est = root.putArray("parameters");
        for (Estimate e : estimates) {
            ObjectNode n = est.addObject().put("name", e.name()).put("unit", e.unit())
                    .put("population", r4(e.population())).put("individual", r4(e.individual()));
            if (!Double.isNaN(e.eta())) {
                n.put("eta", r4(e.eta()));
                n.put("eta_posterior_sd", r4(e.posteriorSd()));
                n.put("omega", r4(e.priorSd()));
            } else {
                n.put("posterior_sd", r4(e.posteriorSd()));
                n.put("prior_sd", r4(e.priorSd()));
            }
        }
        ObjectNode meta = root.putObject("method");
        meta.put("laplace", posterior.laplace());
        meta.put("posterior_draws", draws);
        meta.put("simulations", simulations);
        meta.put("objective", r4(posterior.objective()));
        try {
            return m.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double r(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double r4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
