package org.ketasim.server.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ketasim.server.ClinicConfig;
import org.ketasim.server.clinical.Consultation;
import org.ketasim.server.clinical.DoseCalculation;
import org.ketasim.server.clinical.DrugClass;
import org.ketasim.server.clinical.EligibilityRules;
import org.ketasim.server.clinical.HistoryFlag;
import org.ketasim.server.clinical.Instrument;
import org.ketasim.server.clinical.InvalidInput;
import org.ketasim.server.clinical.Outcomes;
import org.ketasim.server.clinical.Role;
import org.ketasim.server.clinical.SessionChecks;
import org.ketasim.server.clinical.VitalSigns;
import org.ketasim.server.model.PatientForecasts;
import org.ketasim.server.model.SessionPredictor;
import org.ketasim.server.store.ClinicStore;
import org.ketasim.server.store.ClinicStore.Actor;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;

/**
 * The JSON API. Every route that touches patients names the roles that may call it; a before-handler
 * answers 401 without a valid login session, 403 with the wrong role or a missing CSRF token on a change.
 */
public final class ClinicApi {

    static final String COOKIE = "ketasim_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Role[] ANY = Role.values();
    private static final Role[] CLINICAL = {Role.PHYSICIAN, Role.NURSE};
    private static final Role[] PHYSICIAN = {Role.PHYSICIAN};
    private static final Role[] ADMIN = {Role.ADMINISTRATOR};
    private static final Set<String> AE_KINDS = Set.of("NAUSEA", "VOMITING", "HYPERTENSION", "TACHYCARDIA", "DESATURATION", "AGITATION",
            "ANXIETY", "DISTRESSING_DISSOCIATION", "HEADACHE", "DIZZINESS", "SEDATION", "OTHER");

    private final ClinicStore store;
    private final Passwords passwords;
    private final ClinicConfig config;
    private final SessionPredictor predictor;
    private final PatientForecasts forecasts;
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15));

    public ClinicApi(ClinicStore store, Passwords passwords, ClinicConfig config, SessionPredictor predictor) {
        this(store, passwords, config, predictor, new PatientForecasts());
    }

    public ClinicApi(ClinicStore store, Passwords passwords, ClinicConfig config, SessionPredictor predictor, PatientForecasts forecasts) {
        this.store = store;
        this.passwords = passwords;
        this.config = config;
        this.predictor = predictor;
        this.forecasts = forecasts;
    }

    /** Registers the routes and the access check on {@code app}. */
    public void register(Javalin app) {
        app.beforeMatched(this::checkAccess);

        app.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
        app.post("/api/login", this::login);
        route(app, "post", "/api/logout", this::logout, ANY);
        route(app, "get", "/api/me", this::me, ANY);
        route(app, "post", "/api/me/password", this::changePassword, ANY);

        route(app, "get", "/api/users", ctx -> ctx.json(store.users()), ADMIN);
        route(app, "post", "/api/users", this::createUser, ADMIN);
        route(app, "post", "/api/users/{id}/active", ctx -> {
            store.setActive(actor(ctx), pathId(ctx, "id"), Input.parse(ctx.body()).bool("active"));
            ctx.json(Map.of("ok", true));
        }, ADMIN);
        route(app, "post", "/api/users/{id}/password", ctx -> {
            String otp = Passwords.oneTime();
            store.setPassword(actor(ctx), pathId(ctx, "id"), passwords.hash(otp), true);
            ctx.json(Map.of("oneTimePassword", otp));
        }, ADMIN);
        route(app, "get", "/api/audit", ctx -> ctx.json(store.audit(actor(ctx),
                ctx.queryParam("patientId") == null ? null : parseId(ctx.queryParam("patientId"), "patientId"), 500)), ADMIN);
        route(app, "get", "/api/audit/verify", ctx -> ctx.json(store.verifyAudit()), ADMIN);

        route(app, "get", "/api/screening/rules", ctx -> ctx.json(EligibilityRules.rules()), ANY);
        route(app, "get", "/api/instruments", this::instruments, ANY);
        route(app, "get", "/api/reference", this::reference, ANY);
        route(app, "get", "/api/protocols", ctx -> ctx.json(store.protocols()), CLINICAL);
        route(app, "post", "/api/protocols", ctx -> saveProtocol(ctx, null), PHYSICIAN);
        route(app, "put", "/api/protocols/{id}", ctx -> saveProtocol(ctx, pathId(ctx, "id")), PHYSICIAN);
        route(app, "post", "/api/dose-calculation", this::doseCalculation, CLINICAL);

        route(app, "get", "/api/patients", ctx -> ctx.json(store.patients(actor(ctx), clip(ctx.queryParam("q")))), CLINICAL);
        route(app, "post", "/api/patients", this::createPatient, CLINICAL);
        route(app, "get", "/api/patients/{id}", ctx -> ctx.json(store.patientRecord(actor(ctx), pathId(ctx, "id"))), CLINICAL);
        route(app, "post", "/api/patients/{id}/consultations", this::addConsultation, CLINICAL);
        route(app, "post", "/api/patients/{id}/screenings", ctx -> created(ctx, store.screen(actor(ctx), pathId(ctx, "id"))), CLINICAL);
        route(app, "post", "/api/patients/{id}/screenings/{sid}/override", this::override, PHYSICIAN);
        route(app, "post", "/api/patients/{id}/questionnaires", this::recordQuestionnaire, CLINICAL);
        route(app, "get", "/api/patients/{id}/trajectory", this::trajectory, CLINICAL);
        route(app, "get", "/api/patients/{id}/forecast", this::forecast, CLINICAL);
        route(app, "post", "/api/patients/{id}/plans", this::createPlan, PHYSICIAN);
        route(app, "post", "/api/patients/{id}/plans/{pid}/sign", ctx -> ctx.json(store.signPlan(actor(ctx), pathId(ctx, "id"),
                pathId(ctx, "pid"))), PHYSICIAN);
        route(app, "post", "/api/patients/{id}/sessions", this::startSession, CLINICAL);

        route(app, "get", "/api/sessions/{id}", this::session, CLINICAL);
        route(app, "post", "/api/sessions/{id}/vitals", this::recordVitals, CLINICAL);
        route(app, "post", "/api/sessions/{id}/adverse-events", this::adverseEvent, CLINICAL);
        route(app, "post", "/api/sessions/{id}/end", this::endSession, CLINICAL);

        route(app, "get", "/api/dashboard", this::dashboard, ANY);
    }

    private static void route(Javalin app, String method, String path, Handler h, Role... roles) {
        RouteRole[] r = roles;
        switch (method) {
            case "get" -> app.get(path, h, r);
            case "post" -> app.post(path, h, r);
            case "put" -> app.put(path, h, r);
            default -> throw new IllegalArgumentException(method);
        }
    }

    // ---------------------------------------------------------------- access

    private void checkAccess(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        String token = ctx.cookie(COOKIE);
        ClinicStore.LoginSession s = token == null || token.length() > 100 ? null : store.session(sha256(token)).orElse(null);
        Instant now = Instant.now();
        if (s != null && (s.expiresAt().isBefore(now) || s.lastSeenAt().plus(config.idleTimeout()).isBefore(now))) {
            store.deleteSession(sha256(token));
            s = null;
        }
        if (s == null) {
            throw new InvalidInput(401, "not logged in (or the session expired)");
        }
        if (!roles.contains(s.user().role())) {
            throw new InvalidInput(403, "a " + s.user().role().name().toLowerCase(Locale.ROOT) + " may not do this");
        }
        boolean change = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD");
        if (change) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), s.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw new InvalidInput(403, "missing or wrong CSRF token (header " + CSRF_HEADER + ")");
            }
        }
        if (s.user().mustChangePassword() && !ctx.path().equals("/api/me") && !ctx.path().equals("/api/me/password")
                && !ctx.path().equals("/api/logout")) {
            throw new InvalidInput(403, "change your one-time password first");
        }
        if (s.lastSeenAt().plusSeconds(30).isBefore(now)) {
            store.touchSession(sha256(token), now);
        }
        ctx.attribute("actor", new Actor(s.user().id(), s.user().username(), s.user().role()));
        ctx.attribute("csrf", s.csrfToken());
        ctx.attribute("user", s.user());
    }

    private static Actor actor(Context ctx) {
        return ctx.attribute("actor");
    }

    private void login(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new InvalidInput(415, "login takes a JSON body (Content-Type: application/json)");
        }
        Input in = Input.parse(ctx.body());
        String username = in.text("username", 64);
        String password = in.text("password", 200);
        Instant now = Instant.now();
        String address = ctx.ip();
        long wait = throttle.retryAfterSeconds(username, address, now);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new InvalidInput(429, "too many failed logins; try again in " + wait + " s");
        }
        ClinicStore.User u = store.userByName(username).filter(ClinicStore.User::active).orElse(null);
        if (!passwords.verify(password, u == null ? null : u.passwordHash())) {
            throttle.failed(username, address, now);
            store.auditLogin(u == null ? null : u.id(), Input.checkText("username", username, 64), false);
            throw new InvalidInput(401, "wrong username or password");
        }
        throttle.succeeded(username);
        String token = randomToken();
        String csrf = randomToken();
        store.createSession(sha256(token), u.id(), csrf, now.plus(config.absoluteTimeout()));
        store.auditLogin(u.id(), u.username(), true);
        Cookie cookie = new Cookie(COOKIE, token, "/", (int) config.absoluteTimeout().toSeconds(), config.secureCookies(), 0, true,
                null, null, SameSite.STRICT);
        ctx.cookie(cookie);
        ctx.json(meBody(u, csrf));
    }

    private void logout(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) {
            store.deleteSession(sha256(token));
        }
        ctx.removeCookie(COOKIE, "/");
        ctx.json(Map.of("ok", true));
    }

    private void me(Context ctx) {
        ctx.json(meBody(ctx.attribute("user"), ctx.attribute("csrf")));
    }

    private static Map<String, Object> meBody(ClinicStore.User u, String csrf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", u);
        m.put("csrfToken", csrf);
        return m;
    }

    private void changePassword(Context ctx) {
        Input in = Input.parse(ctx.body());
        ClinicStore.User u = ctx.attribute("user");
        String current = in.text("currentPassword", 200);
        String next = in.text("newPassword", 200);
        if (!passwords.verify(current, u.passwordHash())) {
            throw new InvalidInput(403, "current password is wrong");
        }
        Passwords.checkPolicy(u.username(), next);
        if (next.equals(current)) {
            throw new InvalidInput("the new password must differ from the current one");
        }
        store.setPassword(actor(ctx), u.id(), passwords.hash(next), false);
        ctx.json(Map.of("ok", true));
    }

    private void createUser(Context ctx) {
        Input in = Input.parse(ctx.body());
        String username = in.matching("username", "[a-zA-Z][a-zA-Z0-9._-]{2,31}", "3-32 letters, digits, '.', '_' or '-', starting with a letter");
        String fullName = in.text("fullName", 200);
        Role role = Role.parse(in.text("role", 20));
        String password = in.optText("password", 200);
        boolean oneTime = password == null;
        if (oneTime) {
            password = Passwords.oneTime();
        } else {
            Passwords.checkPolicy(username, password);
        }
        ClinicStore.User u = store.createUser(actor(ctx), username, fullName, role, passwords.hash(password), true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", u);
        if (oneTime) {
            body.put("oneTimePassword", password);
        }
        ctx.status(201).json(body);
    }

    // ---------------------------------------------------------------- reference data

    private void instruments(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Instrument i : Instrument.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.name());
            m.put("label", i.label());
            m.put("source", i.source());
            m.put("items", i.items());
            m.put("min", i.minAnswer());
            m.put("max", i.maxAnswer());
            out.add(m);
        }
        ctx.json(out);
    }

    private void reference(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, String>> flags = new ArrayList<>();
        for (HistoryFlag f : HistoryFlag.values()) {
            flags.add(Map.of("id", f.name(), "label", f.label()));
        }
        m.put("historyFlags", flags);
        m.put("drugClasses", List.of(DrugClass.values()));
        m.put("adverseEventKinds", AE_KINDS.stream().sorted().toList());
        m.put("vialStrengthsMgPerMl", DoseCalculation.VIAL_STRENGTHS_MG_PER_ML);
        ctx.json(m);
    }

    private void saveProtocol(Context ctx, Long id) {
        Input in = Input.parse(ctx.body());
        String name = in.text("name", 100);
        String phase = in.text("phase", 20).toUpperCase(Locale.ROOT);
        if (!phase.equals("INDUCTION") && !phase.equals("MAINTENANCE")) {
            throw new InvalidInput("phase must be INDUCTION or MAINTENANCE");
        }
        ClinicStore.Protocol p = store.saveProtocol(actor(ctx), id, name, phase, in.number("doseMgPerKg", 0.05, 1.5),
                in.integer("durationMin", 10, 240), in.integer("sessionCount", 1, 52), in.integer("spanDays", 0, 365),
                in.integer("minIntervalDays", 0, 90), in.optText("scheduleDays", 400), nz(in.optText("description", 4000)));
        ctx.status(id == null ? 201 : 200).json(p);
    }

    private void doseCalculation(Context ctx) {
        Input in = Input.parse(ctx.body());
        ctx.json(DoseCalculation.of(in.number("weightKg", 30, 250), in.number("doseMgPerKg", 0.05, 1.5), in.number("vialMgPerMl", 1, 100),
                in.has("bagVolumeMl") ? in.number("bagVolumeMl", 0, 1000) : 100, in.integer("durationMin", 10, 240)));
    }

    // ---------------------------------------------------------------- patients

    private void createPatient(Context ctx) {
        Input in = Input.parse(ctx.body());
        String mrn = in.matching("mrn", "[A-Za-z0-9-]{1,40}", "1-40 letters, digits or '-'");
        String given = in.text("givenName", 100);
        String family = in.text("familyName", 100);
        LocalDate birth = in.date("birthDate");
        if (birth.isBefore(LocalDate.of(1900, 1, 1)) || birth.isAfter(LocalDate.now())) {
            throw new InvalidInput("birthDate must be between 1900-01-01 and today");
        }
        String sex = in.text("sex", 10).toUpperCase(Locale.ROOT);
        if (!Set.of("FEMALE", "MALE", "OTHER").contains(sex)) {
            throw new InvalidInput("sex must be female, male or other");
        }
        created(ctx, store.createPatient(actor(ctx), mrn, given, family, birth, sex));
    }

    private void addConsultation(Context ctx) {
        long patientId = pathId(ctx, "id");
        Input in = Input.parse(ctx.body());
        double weight = in.number("weightKg", 30, 250);
        Double height = in.optNumber("heightCm", 100, 230);
        Input v = in.object("vitals");
        var vitals = new Consultation.BaselineVitals(v.integer("sbpMmHg", 60, 260), v.integer("dbpMmHg", 30, 160), v.integer("hrBpm", 30, 200),
                v.integer("spo2Pct", 70, 100));
        if (vitals.dbpMmHg() >= vitals.sbpMmHg()) {
            throw new InvalidInput("vitals.dbpMmHg must be below vitals.sbpMmHg");
        }
        List<Consultation.Medication> meds = new ArrayList<>();
        for (Input m : in.objects("medications", 30)) {
            DrugClass dc = DrugClass.parse(m.text("drugClass", 30));
            meds.add(new Consultation.Medication(m.text("name", 100), dc, m.optNumber("lorazepamEqMgPerDay", 0, 50)));
        }
        var flags = java.util.EnumSet.noneOf(HistoryFlag.class);
        for (String f : in.texts("history", 40, 40)) {
            flags.add(HistoryFlag.parse(f));
        }
        Consultation k = new Consultation(null, patientId, weight, height, vitals, in.texts("diagnoses", 20, 200), meds, flags,
                nz(in.optText("notes", 4000)), null, null);
        created(ctx, store.addConsultation(actor(ctx), k));
    }

    private void override(Context ctx) {
        String why = Input.parse(ctx.body()).text("justification", 2000);
        if (why.length() < 20) {
            throw new InvalidInput("justification must explain the decision (at least 20 characters)");
        }
        ctx.json(store.override(actor(ctx), pathId(ctx, "id"), pathId(ctx, "sid"), why));
    }

    private void recordQuestionnaire(Context ctx) {
        Input in = Input.parse(ctx.body());
        Instrument instrument = Instrument.parse(in.text("instrument", 20));
        Instant taken = in.optInstant("takenAt");
        Instant now = Instant.now();
        if (taken == null) {
            taken = now;
        } else if (taken.isAfter(now.plusSeconds(300)) || taken.isBefore(Instant.parse("2000-01-01T00:00:00Z"))) {
            throw new InvalidInput("takenAt must not be in the future");
        }
        long patientId = pathId(ctx, "id");
        created(ctx, store.recordQuestionnaire(actor(ctx), patientId, in.optId("sessionId"), instrument,
                in.integersOrNull("answers", 40), taken));
        if (instrument == Instrument.PHQ9 || instrument == Instrument.MADRS) {
            refreshForecast(actor(ctx), patientId);
        }
    }

    /** Queues the patient's forecast for recomputation after a write (committed already; never waits for it). */
    private void refreshForecast(Actor actor, long patientId) {
        forecasts.refreshLater(patientId, () -> store.patientRecord(actor, patientId, "personalised forecast (recomputed after a change)"));
    }

    private void forecast(Context ctx) {
        long id = pathId(ctx, "id");
        ClinicStore.PatientRecord r = store.patientRecord(actor(ctx), id, "personalised forecast");
        ctx.json(forecasts.view(id, PatientForecasts.input(r)));
    }

    private void createPlan(Context ctx) {
        Input in = Input.parse(ctx.body());
        created(ctx, store.createPlan(actor(ctx), pathId(ctx, "id"), in.id("protocolId"), in.optNumber("doseMgPerKg", 0.05, 1.5),
                in.optInteger("durationMin", 10, 240), in.optInteger("sessionCount", 1, 52), in.optText("scheduleDays", 400),
                nz(in.optText("notes", 2000))));
    }

    private void startSession(Context ctx) {
        Input in = Input.parse(ctx.body());
        Input checks = in.object("checks");
        Input v = in.object("restingVitals");
        VitalSigns resting = new VitalSigns(0, v.integer("sbpMmHg", 0, 1000), v.integer("dbpMmHg", 0, 1000), v.integer("hrBpm", 0, 1000),
                v.integer("spo2Pct", 0, 1000), v.integer("rrPerMin", 0, 1000));
        var pre = new SessionChecks.PreInfusion(checks.bool("consentConfirmed"), checks.bool("fastingConfirmed"), checks.bool("escortConfirmed"),
                checks.bool("noNewContraindication"), checks.bool("suicideRiskReviewed"), resting);
        ClinicStore.Session started = store.startSession(actor(ctx), pathId(ctx, "id"), in.id("planId"), in.number("weightKg", 30, 250),
                in.number("vialMgPerMl", 1, 100), in.has("bagVolumeMl") ? in.number("bagVolumeMl", 0, 1000) : 100, pre);
        created(ctx, started);
        refreshForecast(actor(ctx), started.patientId());
    }

    private void session(Context ctx) {
        ClinicStore.SessionRecord r = store.sessionRecord(actor(ctx), pathId(ctx, "id"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", r.session());
        body.put("patient", r.patient());
        body.put("vitals", r.vitals());
        body.put("adverseEvents", r.adverseEvents());
        body.put("ratings", r.ratings());
        VitalSigns resting = r.vitals().isEmpty() ? null : r.vitals().get(0).reading();
        var dose = r.session().dose();
        body.put("prediction", predictor.session(dose.weightKg(), dose.doseMg(), dose.durationMin(),
                resting == null ? 120 : resting.sbpMmHg(), resting == null ? 80 : resting.dbpMmHg()));
        ctx.json(body);
    }

    private void recordVitals(Context ctx) {
        Input in = Input.parse(ctx.body());
        VitalSigns v = new VitalSigns(in.integer("minute", 0, 720), in.integer("sbpMmHg", 0, 1000), in.integer("dbpMmHg", 0, 1000),
                in.integer("hrBpm", 0, 1000), in.integer("spo2Pct", 0, 1000), in.integer("rrPerMin", 0, 1000));
        created(ctx, store.recordVitals(actor(ctx), pathId(ctx, "id"), v));
    }

    private void adverseEvent(Context ctx) {
        Input in = Input.parse(ctx.body());
        String kind = in.text("kind", 40).toUpperCase(Locale.ROOT);
        if (!AE_KINDS.contains(kind)) {
            throw new InvalidInput("kind must be one of " + AE_KINDS.stream().sorted().toList());
        }
        String severity = in.text("severity", 10).toUpperCase(Locale.ROOT);
        if (!Set.of("MILD", "MODERATE", "SEVERE").contains(severity)) {
            throw new InvalidInput("severity must be mild, moderate or severe");
        }
        created(ctx, store.recordAdverseEvent(actor(ctx), pathId(ctx, "id"), in.integer("minute", 0, 720), kind, severity,
                nz(in.optText("actionTaken", 1000))));
    }

    private void endSession(Context ctx) {
        Input in = Input.parse(ctx.body());
        if (in.bool("stopped")) {
            String reason = in.text("reason", 1000);
            ClinicStore.Session ended = store.endSession(actor(ctx), pathId(ctx, "id"), null, true, reason);
            ctx.json(ended);
            refreshForecast(actor(ctx), ended.patientId());
            return;
        }
        Input d = in.object("discharge");
        var discharge = new SessionChecks.Discharge(d.bool("oriented"), d.bool("walksSteadily"), d.bool("nauseaControlled"),
                d.bool("escortPresent"), d.optInteger("cadssTotal", 0, 92), d.integer("minutesSinceInfusionEnd", 0, 1440));
        ctx.json(store.endSession(actor(ctx), pathId(ctx, "id"), discharge, false, null));
    }

    // ---------------------------------------------------------------- outcomes

    private void trajectory(Context ctx) {
        long id = pathId(ctx, "id");
        ClinicStore.PatientRecord r = store.patientRecord(actor(ctx), id);
        Instant t0 = r.sessions().isEmpty() ? null : r.sessions().get(0).startedAt();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstInfusion", t0);
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (var s : r.sessions()) {
            sessions.add(Map.of("id", s.id(), "number", s.sessionNumber(), "startedAt", s.startedAt(), "day", t0 == null ? 0 : days(t0, s.startedAt()),
                    "doseMg", s.dose().doseMg()));
        }
        body.put("sessions", sessions);
        Map<String, List<Map<String, Object>>> series = new LinkedHashMap<>();
        for (var q : r.questionnaires()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("takenAt", q.takenAt());
            p.put("day", t0 == null ? null : days(t0, q.takenAt()));
            p.put("total", q.total());
            p.put("band", q.band());
            p.put("flags", q.flags());
            series.computeIfAbsent(q.instrument(), k -> new ArrayList<>()).add(p);
        }
        body.put("scores", series);
        List<String> warnings = new ArrayList<>();
        Map<String, Object> model = null;
        for (String scale : List.of("PHQ9", "MADRS")) {
            var s = series.get(scale);
            if (t0 == null || s == null) {
                continue;
            }
            Integer baseline = null;
            boolean responded = false;
            Map<String, Object> last = null;
            for (var p : s) {
                double d = (Double) p.get("day");
                int total = (Integer) p.get("total");
                if (d <= 0) {
                    baseline = total;
                } else if (baseline != null) {
                    responded |= total <= 0.5 * baseline;
                    last = p;
                }
            }
            if (baseline != null && responded && last != null && (Integer) last.get("total") > 0.5 * baseline) {
                warnings.add(Instrument.valueOf(scale).label() + " " + last.get("total") + " on day " + Math.round((Double) last.get("day"))
                        + " no longer meets response (baseline " + baseline + "): possible relapse - consider a booster");
            }
            if (model == null && baseline != null) {
                double madrs0 = scale.equals("MADRS") ? baseline : SessionPredictor.phq9ToMadrs(baseline);
                List<double[]> doses = new ArrayList<>();
                for (var x : r.sessions()) {
                    doses.add(new double[] {days(t0, x.startedAt()) * 24, x.dose().doseMg(), x.dose().durationMin()});
                }
                double lastDay = Math.max(28, s.stream().mapToDouble(p -> (Double) p.get("day")).max().orElse(0) + 7);
                var curve = predictor.course(r.sessions().get(0).dose().weightKg(), doses, Math.max(1, madrs0), Math.min(lastDay, 180));
                double[] y = curve.madrs();
                double[] lo = curve.lo();
                double[] hi = curve.hi();
                if (scale.equals("PHQ9")) {
                    y = java.util.Arrays.stream(y).map(SessionPredictor::madrsToPhq9).toArray();
                    lo = java.util.Arrays.stream(lo).map(v -> Double.isNaN(v) ? v : SessionPredictor.madrsToPhq9(v)).toArray();
                    hi = java.util.Arrays.stream(hi).map(v -> Double.isNaN(v) ? v : SessionPredictor.madrsToPhq9(v)).toArray();
                }
                model = new LinkedHashMap<>();
                model.put("scale", scale);
                model.put("days", curve.days());
                model.put("expected", y);
                model.put("bandLow", curve.bandPatients() > 0 ? lo : null);
                model.put("bandHigh", curve.bandPatients() > 0 ? hi : null);
                model.put("note", curve.note());
            }
        }
        body.put("model", model);
        body.put("warnings", warnings);
        ctx.json(body);
    }

    private void dashboard(Context ctx) {
        Instrument instrument = Instrument.parse(ctx.queryParam("instrument") == null ? "PHQ9" : clip(ctx.queryParam("instrument")));
        if (instrument != Instrument.PHQ9 && instrument != Instrument.MADRS) {
            throw new InvalidInput("instrument must be PHQ9 or MADRS");
        }
        ClinicStore.OutcomeData data = store.outcomeData(actor(ctx), instrument);
        Map<Long, List<Outcomes.Score>> scores = new LinkedHashMap<>();
        data.scores().forEach((k, v) -> scores.put(k, v.stream().map(q -> new Outcomes.Score(q.takenAt(), q.total())).toList()));
        ctx.json(Outcomes.compute(instrument, data.firstInfusion(), scores));
    }

    // ---------------------------------------------------------------- helpers

    private static void created(Context ctx, Object body) {
        ctx.status(201).json(body);
    }

    private static long pathId(Context ctx, String name) {
        return parseId(ctx.pathParam(name), name);
    }

    private static long parseId(String s, String name) {
        try {
            long v = Long.parseLong(s);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidInput(name + " must be a record id (a positive whole number)");
    }

    private static double days(Instant t0, Instant t) {
        return Duration.between(t0, t).toMillis() / 86_400_000.0;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String clip(String s) {
        if (s == null) {
            return null;
        }
        return Input.checkText("query", s.length() > 100 ? s.substring(0, 100) : s, 100);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
