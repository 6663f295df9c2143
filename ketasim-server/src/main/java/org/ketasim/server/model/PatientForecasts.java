package org.ketasim.server.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.forecast.Forecast;
import org.ketasim.forecast.Forecaster;
import org.ketasim.forecast.PatientRecord;
import org.ketasim.models.ModelLibrary;
import org.ketasim.population.Scale;
import org.ketasim.server.clinical.Consultation;
import org.ketasim.server.clinical.DrugClass;
import org.ketasim.server.store.ClinicStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The personalised forecast (ketasim-forecast) for clinic patients: builds the forecast's patient from the stored
 * record (latest weight, sex, age, diagnosis, benzodiazepine dose; the infusions given; the PHQ-9 and MADRS totals),
 * runs it on one background thread and keeps the latest result per patient in memory.
 *
 * <p>A result belongs to the exact inputs it was computed from (a key built from them); when a score or session is
 * recorded, or the page asks and the inputs changed, a new computation is queued and the page sees
 * {@code "status": "updating"} (with the previous result, marked stale) until it is done. Writes never wait for it.
 * A failure is logged and shown as {@code "status": "unavailable"} with a one-line reason.
 */
public final class PatientForecasts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PatientForecasts.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Default clinic limits (mg/kg, labelled ketamine HCl). */
    static final double[] DEFAULT_DOSES = {0.5, 0.75, 1.0};
    static final int DEFAULT_PER_WEEK = 3;

    /**
     * What a forecast is computed from.
     *
     * @param problem    why no forecast can be made (null when one can)
     * @param noScores   true when the problem is that no PHQ-9 or MADRS has been recorded
     * @param record     the forecast's patient (null with a problem)
     * @param key        identity of the inputs
     * @param meta       day0, based_on, observed, limits, assumptions (JSON, put into every answer)
     * @param doses      candidate doses (mg/kg)
     * @param perWeek    at most this many sessions a week
     */
    public record Input(String problem, boolean noScores, PatientRecord record, String key, ObjectNode meta, double[] doses,
                        int perWeek) {
    }

    private record Result(String key, ObjectNode meta, ObjectNode forecast, String error, Instant computedAt) {
    }

    private static final class State {
        Result done;
        String queued;
    }

    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ketasim-forecast");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, State> states = new ConcurrentHashMap<>();
    private final java.util.Set<Long> readsQueued = ConcurrentHashMap.newKeySet();
    private final Supplier<Forecaster> forecasterFactory;
    private Forecaster forecaster;
    private final int draws;

    public PatientForecasts() {
        this(() -> new Forecaster(ModelLibrary.ketamine(), SolverOptions.defaults()), 100);
    }

    PatientForecasts(Supplier<Forecaster> factory, int draws) {
        this.forecasterFactory = factory;
        this.draws = draws;
    }

    // ---------------------------------------------------------------- inputs

    /** Builds the forecast's input from a stored patient record. */
    public static Input input(ClinicStore.PatientRecord r) {
        ObjectNode meta = JSON.createObjectNode();
        List<String> assumptions = new ArrayList<>();
        List<ClinicStore.Questionnaire> scores = r.questionnaires().stream()
                .filter(q -> q.instrument().equals("PHQ9") || q.instrument().equals("MADRS"))
                .sorted(Comparator.comparing(ClinicStore.Questionnaire::takenAt)).toList();
        List<ClinicStore.Session> sessions = r.sessions().stream()
                .sorted(Comparator.comparing(ClinicStore.Session::startedAt)).toList();
        if (scores.isEmpty()) {
            return new Input("no PHQ-9 or MADRS score recorded yet: the forecast needs at least one", true, null, "none", meta,
                    DEFAULT_DOSES, DEFAULT_PER_WEEK);
        }
        Consultation latest = r.consultations().stream().filter(c -> c.recordedAt() != null)
                .max(Comparator.comparing(Consultation::recordedAt)).orElse(r.consultations().isEmpty() ? null : r.consultations().get(0));
        Double weight = latest != null ? Double.valueOf(latest.weightKg())
                : sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).dose().weightKg();
        if (weight == null) {
            return new Input("no body weight recorded: record a consultation first", false, null, "none", meta, DEFAULT_DOSES,
                    DEFAULT_PER_WEEK);
        }
        Instant first = scores.get(0).takenAt();
        if (!sessions.isEmpty() && sessions.get(0).startedAt().isBefore(first)) {
            first = sessions.get(0).startedAt();
        }
        Instant day0 = first.truncatedTo(ChronoUnit.DAYS);

        boolean female = r.patient().sex().equals("FEMALE");
        if (r.patient().sex().equals("OTHER")) {
            assumptions.add("sex recorded as other: the model's covariate for men is used");
        }
        String diagnosis = "trd";
        if (latest != null) {
            String all = String.join(" ", latest.diagnoses()).toLowerCase(Locale.ROOT);
            if (all.contains("bipolar")) {
                diagnosis = "bipolar-depression";
            } else if (all.contains("ptsd") || all.contains("post-traumatic") || all.contains("posttraumatic")) {
                diagnosis = "ptsd";
            }
        }
        assumptions.add("population prior: " + diagnosis);
        Map<String, Double> covariates = new LinkedHashMap<>();
        if (latest != null) {
            double benzo = 0;
            for (Consultation.Medication m : latest.medications()) {
                if (m.drugClass() == DrugClass.BENZODIAZEPINE) {
                    if (m.lorazepamEqMgPerDay() == null) {
                        assumptions.add(m.name() + ": benzodiazepine dose not recorded, not counted");
                    } else {
                        benzo += 10 * m.lorazepamEqMgPerDay(); // 1 mg lorazepam ~ 10 mg diazepam
                    }
                }
            }
            covariates.put("benzodiazepine_mg_diazepam_eq", benzo);
            boolean ad = latest.medications().stream().anyMatch(m -> switch (m.drugClass()) {
                case SSRI, SNRI, TRICYCLIC, MAOI -> true;
                default -> false;
            });
            covariates.put("oral_antidepressant", ad ? 1.0 : 0.0);
        } else {
            assumptions.add("no consultation: weight from the last session, no benzodiazepine or antidepressant assumed");
        }

        List<Dose> doses = new ArrayList<>();
        ArrayNode sessionDays = JSON.createArrayNode();
        for (ClinicStore.Session s : sessions) {
            double mg = s.dose().doseMg();
            double minutes = s.dose().durationMin();
            if (s.status().equals("STOPPED") && s.endedAt() != null) {
                double ran = Duration.between(s.startedAt(), s.endedAt()).toMillis() / 60_000.0;
                if (ran < minutes) {
                    mg *= Math.max(0, ran) / minutes;
                    minutes = Math.max(1, ran);
                    assumptions.add("session " + s.sessionNumber() + " was stopped: " + Math.round(mg) + " mg counted");
                }
            }
            if (mg > 0) {
                doses.add(new Dose(Drug.KETAMINE, Route.IV, Salt.HCL.toBaseMg(mg), hours(day0, s.startedAt()), minutes / 60.0));
                sessionDays.add(round(hours(day0, s.startedAt()) / 24));
            }
        }
        List<PatientRecord.Observation> obs = new ArrayList<>();
        ArrayNode observed = JSON.createArrayNode();
        int phq = 0;
        int madrs = 0;
        for (ClinicStore.Questionnaire q : scores) {
            Scale scale = q.instrument().equals("PHQ9") ? Scale.parse("PHQ-9") : Scale.parse("MADRS");
            double h = hours(day0, q.takenAt());
            obs.add(new PatientRecord.Observation(h, scale, q.total()));
            observed.addObject().put("day", round(h / 24)).put("scale", scale.label()).put("value", q.total())
                    .put("takenAt", q.takenAt().toString());
            if (scale == Scale.parse("MADRS")) {
                madrs++;
            } else {
                phq++;
            }
        }
        PatientRecord record = new PatientRecord(weight, female, r.patient().ageYears(), diagnosis, covariates, doses, obs);

        // clinic limits: the latest signed plan's dose widens the default 0.5-1.0 mg/kg; its minimum interval limits the week
        double[] limits = DEFAULT_DOSES;
        int perWeek = DEFAULT_PER_WEEK;
        String source = "clinic default (0.5-1.0 mg/kg, at most 3 sessions a week)";
        ClinicStore.Plan plan = r.plans().stream().filter(p -> p.signedAt() != null)
                .max(Comparator.comparing(ClinicStore.Plan::signedAt)).orElse(null);
        if (plan != null) {
            TreeSet<Double> set = new TreeSet<>(List.of(0.5, 0.75, 1.0));
            set.add(plan.doseMgPerKg());
            double top = Math.max(1.0, plan.doseMgPerKg());
            double bottom = Math.min(0.5, plan.doseMgPerKg());
            limits = set.stream().filter(d -> d >= bottom && d <= top).mapToDouble(Double::doubleValue).toArray();
            if (plan.minIntervalDays() > 0) {
                perWeek = Math.max(1, Math.min(DEFAULT_PER_WEEK, 7 / plan.minIntervalDays()));
            }
            source = "signed plan '" + plan.protocolName() + "' (" + plan.doseMgPerKg() + " mg/kg, at least "
                    + plan.minIntervalDays() + " day(s) apart) within the clinic default";
        }

        meta.put("day0", day0.toString());
        ObjectNode based = meta.putObject("based_on");
        based.put("scores", scores.size()).put("phq9", phq).put("madrs", madrs).put("sessions", doses.size())
                .put("last_score_at", scores.get(scores.size() - 1).takenAt().toString())
                .put("weight_kg", weight).put("age_y", r.patient().ageYears()).put("sex", r.patient().sex().toLowerCase(Locale.ROOT));
        based.set("session_days", sessionDays);
        meta.set("observed", observed);
        // baseline of the first score's scale: its last score before the first infusion, else its first score
        String firstScale = scores.get(0).instrument();
        Instant firstDose = sessions.isEmpty() ? null : sessions.get(0).startedAt();
        ClinicStore.Questionnaire baseline = scores.get(0);
        for (ClinicStore.Questionnaire q : scores) {
            if (q.instrument().equals(firstScale) && firstDose != null && q.takenAt().isBefore(firstDose)) {
                baseline = q;
            }
        }
        meta.putObject("baseline").put("scale", firstScale.equals("PHQ9") ? "PHQ-9" : "MADRS").put("value", baseline.total())
                .put("takenAt", baseline.takenAt().toString());
        ObjectNode lim = meta.putObject("limits");
        ArrayNode ds = lim.putArray("doses_mg_per_kg");
        for (double d : limits) {
            ds.add(d);
        }
        lim.put("max_per_week", perWeek).put("source", source);
        ArrayNode as = meta.putArray("assumptions");
        assumptions.forEach(as::add);
        String key = record + "|" + java.util.Arrays.toString(limits) + "|" + perWeek;
        return new Input(null, false, record, key, meta, limits, perWeek);
    }

    private static double hours(Instant day0, Instant t) {
        return Duration.between(day0, t).toMillis() / 3_600_000.0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    // ---------------------------------------------------------------- computing

    /** Queues a recomputation for these inputs unless a result or a queued computation for them exists. */
    public void refresh(long patientId, Input in) {
        if (in.problem() != null) {
            return;
        }
        State s = states.computeIfAbsent(patientId, k -> new State());
        synchronized (s) {
            if ((s.done != null && s.done.key().equals(in.key())) || in.key().equals(s.queued)) {
                return;
            }
            s.queued = in.key();
        }
        try {
            pool.submit(() -> compute(patientId, s, in));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("forecast not queued: shutting down");
        }
    }

    /**
     * Reads the record in the background (through {@code read}) and queues a recomputation: for use after a write,
     * which must not wait.
     */
    public void refreshLater(long patientId, Supplier<ClinicStore.PatientRecord> read) {
        if (!readsQueued.add(patientId)) {
            return; // a read for this patient is queued and has not started: it will see this write too
        }
        try {
            pool.submit(() -> {
                readsQueued.remove(patientId);
                try {
                    refresh(patientId, input(read.get()));
                } catch (RuntimeException e) {
                    LOG.warn("forecast for patient {}: could not read the record: {}", patientId, e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            readsQueued.remove(patientId);
            LOG.debug("forecast not queued: shutting down");
        }
    }

    private void compute(long patientId, State s, Input in) {
        synchronized (s) {
            if (!in.key().equals(s.queued)) {
                return; // superseded by newer inputs
            }
        }
        Result result;
        try {
            if (forecaster == null) {
                forecaster = forecasterFactory.get();
            }
            Forecaster.Options o = Forecaster.Options.defaults().withDraws(draws).withRecommend(true)
                    .withLimits(in.doses(), 7, in.perWeek());
            long t = System.nanoTime();
            Forecast f = forecaster.forecast(in.record(), o);
            ObjectNode n = (ObjectNode) JSON.readTree(f.toJson());
            LOG.info("forecast for patient {} from {} score(s) in {} ms", patientId, in.record().observations().size(),
                    (System.nanoTime() - t) / 1_000_000);
            result = new Result(in.key(), in.meta(), n, null, Instant.now());
        } catch (Exception | StackOverflowError e) {
            LOG.warn("forecast for patient {} failed", patientId, e);
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            why = why.lines().findFirst().orElse(why);
            result = new Result(in.key(), in.meta(), null, why.length() > 300 ? why.substring(0, 300) + "…" : why, Instant.now());
        }
        synchronized (s) {
            s.done = result;
            if (in.key().equals(s.queued)) {
                s.queued = null;
            }
        }
    }

    // ---------------------------------------------------------------- answers

    /**
     * The answer for {@code GET /api/patients/{id}/forecast}: queues a recomputation when the inputs changed.
     */
    public ObjectNode view(long patientId, Input in) {
        ObjectNode out = JSON.createObjectNode();
        out.put("disclaimer", Forecast.DISCLAIMER);
        if (in.problem() != null) {
            out.put("status", in.noScores() ? "no_scores" : "unavailable");
            out.put("message", in.noScores() ? in.problem() : "forecast unavailable: " + in.problem());
            if (!in.noScores()) {
                out.put("reason", in.problem());
            }
            return out;
        }
        refresh(patientId, in);
        State s = states.get(patientId);
        Result done;
        synchronized (s) {
            done = s.done;
        }
        boolean current = done != null && done.key().equals(in.key());
        if (done == null) {
            out.put("status", "updating");
            out.put("message", "computing the personalised forecast…");
            out.setAll(in.meta());
            return out;
        }
        out.put("status", current ? (done.error() == null ? "ready" : "unavailable") : "updating");
        out.put("stale", !current);
        if (!current) {
            out.put("message", "updating: new scores or sessions since this forecast was computed");
        }
        out.put("computed_at", done.computedAt().toString());
        out.setAll(done.meta());
        if (done.error() != null) {
            out.put("reason", done.error());
            if (current) {
                out.put("message", "forecast unavailable: " + done.error());
            }
        } else {
            ObjectNode f = done.forecast().deepCopy();
            f.remove("disclaimer");
            out.setAll(f);
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
