package org.ketasim.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ketasim.server.clinical.Consultation;
import org.ketasim.server.clinical.DoseCalculation;
import org.ketasim.server.clinical.EligibilityRules;
import org.ketasim.server.clinical.HistoryFlag;
import org.ketasim.server.clinical.Instrument;
import org.ketasim.server.clinical.InvalidInput;
import org.ketasim.server.clinical.Role;
import org.ketasim.server.clinical.Schedule;
import org.ketasim.server.clinical.SessionChecks;
import org.ketasim.server.clinical.VitalSigns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The clinic's records and the rules that guard changes to them.
 *
 * <p>Every public method is one transaction. Every method that reads or changes a patient's record appends
 * to the {@link AuditLog} in the same transaction, naming the user: the change and its audit row are
 * committed together or not at all.
 */
public final class ClinicStore {

    /** The user on whose behalf a call is made. */
    public record Actor(long id, String username, Role role) {
    }

    public record User(long id, String username, String fullName, Role role, boolean mustChangePassword, boolean active,
                       @com.fasterxml.jackson.annotation.JsonIgnore String passwordHash) {
    }

    public record Patient(long id, String mrn, String givenName, String familyName, LocalDate birthDate, String sex,
                          int ageYears, Instant createdAt) {
    }

    public record PatientSummary(long id, String mrn, String givenName, String familyName, LocalDate birthDate, String sex,
                                 int ageYears, Double latestWeightKg, String screening, int sessions, Integer latestPhq9) {
    }

    public record Screening(long id, long consultationId, String outcome, String effectiveOutcome, List<EligibilityRules.Fired> fired,
                            String rulesVersion, String screenedBy, Instant screenedAt, String overrideJustification,
                            String overriddenBy, Instant overriddenAt) {
    }

    public record Questionnaire(long id, Long sessionId, String instrument, String label, List<Integer> answers, int total,
                                String band, List<String> flags, Instant takenAt, String recordedBy) {
    }

    public record Protocol(long id, String name, String phase, double doseMgPerKg, int durationMin, int sessionCount,
                           int spanDays, int minIntervalDays, List<Integer> scheduleDays, String description, Instant updatedAt) {
    }

    public record Plan(long id, long patientId, long protocolId, String protocolName, double doseMgPerKg, int durationMin,
                       int sessionCount, int spanDays, int minIntervalDays, List<Integer> scheduleDays, String notes, String createdBy,
                       Instant createdAt, String signedBy, Instant signedAt, int sessionsStarted) {
    }

    public record Vitals(long id, VitalSigns reading, List<VitalSigns.Alert> alerts, String recordedBy, Instant recordedAt) {
    }

    public record AdverseEvent(long id, int minute, String kind, String severity, String actionTaken, String recordedBy,
                               Instant recordedAt) {
    }

    public record Session(long id, long patientId, long planId, int sessionNumber, String status, DoseCalculation dose,
                          Map<String, Object> preChecks, Map<String, Object> discharge, String startedBy, Instant startedAt,
                          String endedBy, Instant endedAt) {
    }

    /** A patient's whole record. */
    public record PatientRecord(Patient patient, List<Consultation> consultations, List<Screening> screenings, List<Plan> plans,
                                List<Session> sessions, List<Questionnaire> questionnaires) {
    }

    /** A session with everything recorded during it. */
    public record SessionRecord(Session session, Patient patient, Consultation consultation, List<Vitals> vitals,
                                List<AdverseEvent> adverseEvents, List<Questionnaire> ratings) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Database db;

    public ClinicStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    // ---------------------------------------------------------------- users and sessions

    public long countUsers() {
        return db.tx(c -> Sql.one(c, "SELECT COUNT(*) FROM users", rs -> rs.getLong(1)).orElse(0L));
    }

    public User createUser(Actor actor, String username, String fullName, Role role, String passwordHash, boolean mustChange) {
        return db.tx(c -> {
            if (Sql.one(c, "SELECT id FROM users WHERE username = ?", rs -> rs.getLong(1), username).isPresent()) {
                throw new InvalidInput(409, "username '" + username + "' is taken");
            }
            long id = Sql.insert(c, "INSERT INTO users (username, full_name, role, password_hash, must_change_password, active, created_at) "
                    + "VALUES (?,?,?,?,?,TRUE,?)", username, fullName, role, passwordHash, mustChange, Instant.now());
            AuditLog.append(c, actor == null ? null : actor.id(), actor == null ? "system" : actor.username(), "CREATE", "user", id, null,
                    "user " + username + " (" + role + ")");
            return new User(id, username, fullName, role, mustChange, true, passwordHash);
        });
    }

    public List<User> users() {
        return db.tx(c -> Sql.list(c, "SELECT * FROM users ORDER BY id", ClinicStore::user));
    }

    public Optional<User> userByName(String username) {
        return db.tx(c -> Sql.one(c, "SELECT * FROM users WHERE username = ?", ClinicStore::user, username));
    }

    /** Sets a password; a reset (mustChange) also ends the user's login sessions. */
    public void setPassword(Actor actor, long userId, String passwordHash, boolean mustChange) {
        db.tx(c -> {
            if (Sql.update(c, "UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?", passwordHash, mustChange, userId) == 0) {
                throw new InvalidInput(404, "no user " + userId);
            }
            if (mustChange) {
                Sql.update(c, "DELETE FROM user_sessions WHERE user_id = ?", userId);
            }
            AuditLog.append(c, actor.id(), actor.username(), "UPDATE", "user", userId, null, mustChange ? "password reset" : "password changed");
            return null;
        });
    }

    public void setActive(Actor actor, long userId, boolean active) {
        db.tx(c -> {
            if (Sql.update(c, "UPDATE users SET active = ? WHERE id = ?", active, userId) == 0) {
                throw new InvalidInput(404, "no user " + userId);
            }
            Sql.update(c, "DELETE FROM user_sessions WHERE user_id = ?", userId);
            AuditLog.append(c, actor.id(), actor.username(), "UPDATE", "user", userId, null, active ? "activated" : "deactivated");
            return null;
        });
    }

    /** Records a login (successful or not) in the audit log. */
    public void auditLogin(Long userId, String username, boolean ok) {
        db.tx(c -> {
            AuditLog.append(c, userId, username, ok ? "LOGIN" : "LOGIN_FAILED", "user", userId, null, "");
            return null;
        });
    }

    public void createSession(String tokenHash, long userId, String csrf, Instant expires) {
        db.tx(c -> Sql.update(c, "INSERT INTO user_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
                + "VALUES (?,?,?,?,?,?)", tokenHash, userId, csrf, Instant.now(), Instant.now(), expires));
    }

    /** A live login session: user and CSRF token. */
    public record LoginSession(User user, String csrfToken, Instant lastSeenAt, Instant expiresAt) {
    }

    public Optional<LoginSession> session(String tokenHash) {
        return db.tx(c -> Sql.one(c, "SELECT u.*, s.csrf_token, s.last_seen_at, s.expires_at FROM user_sessions s JOIN users u ON u.id = s.user_id "
                + "WHERE s.token_hash = ? AND u.active = TRUE", rs -> new LoginSession(user(rs), rs.getString("csrf_token"),
                Sql.instant(rs, "last_seen_at"), Sql.instant(rs, "expires_at")), tokenHash));
    }

    public void touchSession(String tokenHash, Instant now) {
        db.tx(c -> Sql.update(c, "UPDATE user_sessions SET last_seen_at = ? WHERE token_hash = ?", now, tokenHash));
    }

    public void deleteSession(String tokenHash) {
        db.tx(c -> Sql.update(c, "DELETE FROM user_sessions WHERE token_hash = ?", tokenHash));
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("must_change_password"), rs.getBoolean("active"), rs.getString("password_hash"));
    }

    // ---------------------------------------------------------------- patients

    public Patient createPatient(Actor actor, String mrn, String given, String family, LocalDate birth, String sex) {
        return db.tx(c -> {
            if (Sql.one(c, "SELECT id FROM patients WHERE mrn = ?", rs -> rs.getLong(1), mrn).isPresent()) {
                throw new InvalidInput(409, "a patient with MRN '" + mrn + "' exists already");
            }
            long id = Sql.insert(c, "INSERT INTO patients (mrn, given_name, family_name, birth_date, sex, created_by, created_at) "
                    + "VALUES (?,?,?,?,?,?,?)", mrn, given, family, birth, sex, actor.id(), Instant.now());
            AuditLog.append(c, actor.id(), actor.username(), "CREATE", "patient", id, id, "registered");
            return patient(c, id);
        });
    }

    public List<PatientSummary> patients(Actor actor, String search) {
        return db.tx(c -> {
            String like = "%" + (search == null ? "" : search.toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
            List<PatientSummary> out = Sql.list(c, "SELECT p.*, "
                    + "(SELECT weight_kg FROM consultations k WHERE k.patient_id = p.id ORDER BY k.id DESC LIMIT 1) AS weight_kg, "
                    + "(SELECT COALESCE(CASE WHEN s.override_justification IS NOT NULL THEN 'ELIGIBLE_BY_OVERRIDE' END, s.outcome) "
                    + "   FROM screenings s WHERE s.patient_id = p.id ORDER BY s.id DESC LIMIT 1) AS screening, "
                    + "(SELECT COUNT(*) FROM infusion_sessions i WHERE i.patient_id = p.id) AS sessions, "
                    + "(SELECT q.total FROM questionnaires q WHERE q.patient_id = p.id AND q.instrument = 'PHQ9' ORDER BY q.taken_at DESC, q.id DESC LIMIT 1) AS phq9 "
                    + "FROM patients p WHERE LOWER(p.family_name) LIKE ? ESCAPE '\\' OR LOWER(p.given_name) LIKE ? ESCAPE '\\' OR LOWER(p.mrn) LIKE ? ESCAPE '\\' "
                    + "ORDER BY p.family_name, p.given_name, p.id LIMIT 500",
                    rs -> {
                        Patient p = patient(rs);
                        return new PatientSummary(p.id(), p.mrn(), p.givenName(), p.familyName(), p.birthDate(), p.sex(), p.ageYears(),
                                Sql.doubleOrNull(rs, "weight_kg"), rs.getString("screening"), rs.getInt("sessions"),
                                rs.getObject("phq9", Integer.class));
                    }, like, like, like);
            AuditLog.append(c, actor.id(), actor.username(), "READ", "patient_list", null, null, out.size() + " patients");
            return out;
        });
    }

    public PatientRecord patientRecord(Actor actor, long patientId) {
        return patientRecord(actor, patientId, "full record");
    }

    /**
     * The whole record, audited as a read by {@code actor} with {@code detail} (e.g. "personalised forecast": the
     * forecast is computed from the record on the user's behalf).
     */
    public PatientRecord patientRecord(Actor actor, long patientId, String detail) {
        return db.tx(c -> {
            Patient p = patient(c, patientId);
            PatientRecord r = new PatientRecord(p, consultations(c, patientId), screenings(c, patientId), plans(c, patientId),
                    sessions(c, "i.patient_id = ?", patientId), questionnaires(c, "q.patient_id = ?", patientId));
            AuditLog.append(c, actor.id(), actor.username(), "READ", "patient", patientId, patientId, detail);
            return r;
        });
    }

    static Patient patient(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM patients WHERE id = ?", ClinicStore::patient, id)
                .orElseThrow(() -> new InvalidInput(404, "no patient " + id));
    }

    private static Patient patient(ResultSet rs) throws SQLException {
        LocalDate birth = rs.getObject("birth_date", LocalDate.class);
        return new Patient(rs.getLong("id"), rs.getString("mrn"), rs.getString("given_name"), rs.getString("family_name"), birth,
                rs.getString("sex"), Period.between(birth, LocalDate.now(ZoneOffset.UTC)).getYears(), Sql.instant(rs, "created_at"));
    }

    // ---------------------------------------------------------------- consultations and screening

    public Consultation addConsultation(Actor actor, Consultation k) {
        return db.tx(c -> {
            patient(c, k.patientId());
            long id = Sql.insert(c, "INSERT INTO consultations (patient_id, weight_kg, height_cm, sbp_mmhg, dbp_mmhg, hr_bpm, spo2_pct, "
                            + "diagnoses_json, medications_json, history_json, notes, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    k.patientId(), k.weightKg(), k.heightCm(), k.vitals().sbpMmHg(), k.vitals().dbpMmHg(), k.vitals().hrBpm(),
                    k.vitals().spo2Pct(), json(k.diagnoses()), json(k.medications()), json(k.history()), k.notes(), actor.id(), Instant.now());
            AuditLog.append(c, actor.id(), actor.username(), "CREATE", "consultation", id, k.patientId(), "");
            return consultations(c, k.patientId()).get(0);
        });
    }

    private static List<Consultation> consultations(Connection c, long patientId) throws SQLException {
        return Sql.list(c, "SELECT k.*, u.username FROM consultations k JOIN users u ON u.id = k.recorded_by WHERE k.patient_id = ? ORDER BY k.id DESC",
                rs -> new Consultation(rs.getLong("id"), rs.getLong("patient_id"), rs.getDouble("weight_kg"), Sql.doubleOrNull(rs, "height_cm"),
                        new Consultation.BaselineVitals(rs.getInt("sbp_mmhg"), rs.getInt("dbp_mmhg"), rs.getInt("hr_bpm"), rs.getInt("spo2_pct")),
                        parse(rs.getString("diagnoses_json"), new TypeReference<List<String>>() { }),
                        parse(rs.getString("medications_json"), new TypeReference<List<Consultation.Medication>>() { }),
                        flags(parse(rs.getString("history_json"), new TypeReference<List<HistoryFlag>>() { })),
                        rs.getString("notes"), Sql.instant(rs, "recorded_at"), rs.getString("username")), patientId);
    }

    private static java.util.Set<HistoryFlag> flags(List<HistoryFlag> l) {
        return l.isEmpty() ? EnumSet.noneOf(HistoryFlag.class) : EnumSet.copyOf(l);
    }

    /** Screens the patient against the eligibility rules using the latest consultation. */
    public Screening screen(Actor actor, long patientId) {
        return db.tx(c -> {
            Patient p = patient(c, patientId);
            List<Consultation> ks = consultations(c, patientId);
            if (ks.isEmpty()) {
                throw new InvalidInput(409, "record a consultation (history, medications, vitals) before screening");
            }
            Consultation k = ks.get(0);
            EligibilityRules.Result r = EligibilityRules.screen(new EligibilityRules.Facts(k, p.ageYears()));
            long id = Sql.insert(c, "INSERT INTO screenings (patient_id, consultation_id, outcome, fired_json, rules_version, screened_by, screened_at) "
                    + "VALUES (?,?,?,?,?,?,?)", patientId, k.id(), r.outcome(), json(r.fired()), r.rulesVersion(), actor.id(), Instant.now());
            AuditLog.append(c, actor.id(), actor.username(), "CREATE", "screening", id, patientId, r.outcome() + " " + r.fired().size() + " rules fired");
            return screenings(c, patientId).get(0);
        });
    }

    /** A physician overrides a screening that found contraindications, with a recorded justification. */
    public Screening override(Actor actor, long patientId, long screeningId, String justification) {
        return db.tx(c -> {
            Screening s = screenings(c, patientId).stream().filter(x -> x.id() == screeningId).findFirst()
                    .orElseThrow(() -> new InvalidInput(404, "no screening " + screeningId + " for patient " + patientId));
            if (s.fired().isEmpty()) {
                throw new InvalidInput(409, "screening " + screeningId + " found nothing to override");
            }
            if (s.overrideJustification() != null) {
                throw new InvalidInput(409, "screening " + screeningId + " is already overridden");
            }
            Sql.update(c, "UPDATE screenings SET override_justification = ?, overridden_by = ?, overridden_at = ? WHERE id = ?",
                    justification, actor.id(), Instant.now(), screeningId);
            AuditLog.append(c, actor.id(), actor.username(), "OVERRIDE", "screening", screeningId, patientId, justification);
            return screenings(c, patientId).stream().filter(x -> x.id() == screeningId).findFirst().orElseThrow();
        });
    }

    private static List<Screening> screenings(Connection c, long patientId) throws SQLException {
        return Sql.list(c, "SELECT s.*, u.username, o.username AS override_user FROM screenings s JOIN users u ON u.id = s.screened_by "
                + "LEFT JOIN users o ON o.id = s.overridden_by WHERE s.patient_id = ? ORDER BY s.id DESC", rs -> {
                    String outcome = rs.getString("outcome");
                    String just = rs.getString("override_justification");
                    return new Screening(rs.getLong("id"), rs.getLong("consultation_id"), outcome,
                            just != null ? "ELIGIBLE_BY_OVERRIDE" : outcome,
                            parse(rs.getString("fired_json"), new TypeReference<List<EligibilityRules.Fired>>() { }),
                            rs.getString("rules_version"), rs.getString("username"), Sql.instant(rs, "screened_at"), just,
                            rs.getString("override_user"), Sql.instant(rs, "overridden_at"));
                }, patientId);
    }

    // ---------------------------------------------------------------- questionnaires

    public Questionnaire recordQuestionnaire(Actor actor, long patientId, Long sessionId, Instrument instrument, List<Integer> answers,
                                             Instant takenAt) {
        Instrument.Score score = instrument.score(answers);
        return db.tx(c -> {
            patient(c, patientId);
            if (sessionId != null) {
                Session s = session(c, sessionId);
                if (s.patientId() != patientId) {
                    throw new InvalidInput("session " + sessionId + " belongs to another patient");
                }
            }
            long id = Sql.insert(c, "INSERT INTO questionnaires (patient_id, session_id, instrument, answers_json, total, band, flags_json, "
                            + "taken_at, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)", patientId, sessionId, instrument,
                    json(answers), score.total(), score.band(), json(score.flags()), takenAt, actor.id(), Instant.now());
            AuditLog.append(c, actor.id(), actor.username(), "CREATE", "questionnaire", id, patientId, instrument + " " + score.total());
            return questionnaires(c, "q.id = ?", id).get(0);
        });
    }

    private static List<Questionnaire> questionnaires(Connection c, String where, long arg) throws SQLException {
        return Sql.list(c, "SELECT q.*, u.username FROM questionnaires q JOIN users u ON u.id = q.recorded_by WHERE " + where
                + " ORDER BY q.taken_at, q.id", rs -> {
                    Instrument i = Instrument.valueOf(rs.getString("instrument"));
                    return new Questionnaire(rs.getLong("id"), Sql.longOrNull(rs, "session_id"), i.name(), i.label(),
                            parse(rs.getString("answers_json"), new TypeReference<List<Integer>>() { }), rs.getInt("total"),
                            rs.getString("band"), parse(rs.getString("flags_json"), new TypeReference<List<String>>() { }),
                            Sql.instant(rs, "taken_at"), rs.getString("username"));
                }, arg);
    }

    // ---------------------------------------------------------------- protocols and plans

    public List<Protocol> protocols() {
        return db.tx(c -> Sql.list(c, "SELECT * FROM protocols ORDER BY id", ClinicStore::protocol));
    }

    public Protocol saveProtocol(Actor actor, Long id, String name, String phase, double doseMgPerKg, int durationMin, int sessionCount,
                                 int spanDays, int minIntervalDays, String scheduleDays, String description) {
        String schedule = Schedule.format(Schedule.parse(scheduleDays, sessionCount, spanDays, minIntervalDays));
        return db.tx(c -> {
            long pid;
            if (id == null) {
                if (Sql.one(c, "SELECT id FROM protocols WHERE name = ?", rs -> rs.getLong(1), name).isPresent()) {
                    throw new InvalidInput(409, "a protocol named '" + name + "' exists already");
                }
                pid = Sql.insert(c, "INSERT INTO protocols (name, phase, dose_mg_per_kg, duration_min, session_count, span_days, min_interval_days, "
                                + "schedule_days, description, updated_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", name, phase, doseMgPerKg, durationMin,
                        sessionCount, spanDays, minIntervalDays, schedule, description, actor == null ? null : actor.id(), Instant.now());
            } else {
                pid = id;
                if (Sql.update(c, "UPDATE protocols SET name = ?, phase = ?, dose_mg_per_kg = ?, duration_min = ?, session_count = ?, span_days = ?, "
                                + "min_interval_days = ?, schedule_days = ?, description = ?, updated_by = ?, updated_at = ? WHERE id = ?", name, phase,
                        doseMgPerKg, durationMin, sessionCount, spanDays, minIntervalDays, schedule, description, actor.id(), Instant.now(), id) == 0) {
                    throw new InvalidInput(404, "no protocol " + id);
                }
            }
            AuditLog.append(c, actor == null ? null : actor.id(), actor == null ? "system" : actor.username(), id == null ? "CREATE" : "UPDATE",
                    "protocol", pid, null, name);
            return Sql.one(c, "SELECT * FROM protocols WHERE id = ?", ClinicStore::protocol, pid).orElseThrow();
        });
    }

    private static Protocol protocol(ResultSet rs) throws SQLException {
        return new Protocol(rs.getLong("id"), rs.getString("name"), rs.getString("phase"), rs.getDouble("dose_mg_per_kg"),
                rs.getInt("duration_min"), rs.getInt("session_count"), rs.getInt("span_days"), rs.getInt("min_interval_days"),
                Schedule.parse(rs.getString("schedule_days"), rs.getInt("session_count"), 0, 0), rs.getString("description"),
                Sql.instant(rs, "updated_at"));
    }

    /** A plan from a protocol template, tailored (null fields keep the template's value). */
    public Plan createPlan(Actor actor, long patientId, long protocolId, Double doseMgPerKg, Integer durationMin, Integer sessionCount,
                           String scheduleDays, String notes) {
        return db.tx(c -> {
            patient(c, patientId);
            Protocol t = Sql.one(c, "SELECT * FROM protocols WHERE id = ?", ClinicStore::protocol, protocolId)
                    .orElseThrow(() -> new InvalidInput(404, "no protocol " + protocolId));
            int n = sessionCount != null ? sessionCount : t.sessionCount();
            List<Integer> schedule = scheduleDays != null && !scheduleDays.isBlank()
                    ? Schedule.parse(scheduleDays, n, Math.max(t.spanDays(), 1) * 4, t.minIntervalDays())
                    : n == t.sessionCount() ? t.scheduleDays() : Schedule.even(n, t.spanDays() * n / Math.max(1, t.sessionCount()), t.minIntervalDays());
            long id = Sql.insert(c, "INSERT INTO plans (patient_id, protocol_id, protocol_name, dose_mg_per_kg, duration_min, session_count, span_days, "
                            + "min_interval_days, schedule_days, notes, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", patientId, protocolId,
                    t.name(), doseMgPerKg != null ? doseMgPerKg : t.doseMgPerKg(), durationMin != null ? durationMin : t.durationMin(),
                    n, t.spanDays(), t.minIntervalDays(), Schedule.format(schedule), notes, actor.id(), Instant.now());
            AuditLog.append(c, actor.id(), actor.username(), "CREATE", "plan", id, patientId, t.name());
            return plan(c, id);
        });
    }

    public Plan signPlan(Actor actor, long patientId, long planId) {
        return db.tx(c -> {
            Plan p = plan(c, planId);
            if (p.patientId() != patientId) {
                throw new InvalidInput(404, "no plan " + planId + " for patient " + patientId);
            }
            if (p.signedAt() != null) {
                throw new InvalidInput(409, "plan " + planId + " is already signed");
            }
            Sql.update(c, "UPDATE plans SET signed_by = ?, signed_at = ? WHERE id = ?", actor.id(), Instant.now(), planId);
            AuditLog.append(c, actor.id(), actor.username(), "SIGN", "plan", planId, patientId, "");
            return plan(c, planId);
        });
    }

    private static Plan plan(Connection c, long id) throws SQLException {
        return plans(c, "p.id = ?", id).stream().findFirst().orElseThrow(() -> new InvalidInput(404, "no plan " + id));
    }

    private static List<Plan> plans(Connection c, long patientId) throws SQLException {
        return plans(c, "p.patient_id = ?", patientId);
    }

    private static List<Plan> plans(Connection c, String where, long arg) throws SQLException {
        return Sql.list(c, "SELECT p.*, u.username, s.username AS signer, (SELECT COUNT(*) FROM infusion_sessions i WHERE i.plan_id = p.id) AS started "
                + "FROM plans p JOIN users u ON u.id = p.created_by LEFT JOIN users s ON s.id = p.signed_by WHERE " + where + " ORDER BY p.id DESC",
                rs -> new Plan(rs.getLong("id"), rs.getLong("patient_id"), rs.getLong("protocol_id"), rs.getString("protocol_name"),
                        rs.getDouble("dose_mg_per_kg"), rs.getInt("duration_min"), rs.getInt("session_count"), rs.getInt("span_days"),
                        rs.getInt("min_interval_days"), Schedule.parse(rs.getString("schedule_days"), rs.getInt("session_count"), 0, 0),
                        rs.getString("notes"), rs.getString("username"), Sql.instant(rs, "created_at"),
                        rs.getString("signer"), Sql.instant(rs, "signed_at"), rs.getInt("started")), arg);
    }

    // ---------------------------------------------------------------- infusion sessions

    /**
     * Starts an infusion session: the plan must be signed and have sessions left, the latest screening must
     * be eligible (or overridden), and every pre-infusion check must pass. The dose is computed here from
     * today's weight, the plan's mg/kg and the vial concentration.
     */
    public Session startSession(Actor actor, long patientId, long planId, double weightKg, double vialMgPerMl, double bagVolumeMl,
                                SessionChecks.PreInfusion checks) {
        return db.tx(c -> {
            patient(c, patientId);
            Plan plan = plan(c, planId);
            if (plan.patientId() != patientId) {
                throw new InvalidInput(404, "no plan " + planId + " for patient " + patientId);
            }
            if (plan.signedAt() == null) {
                throw new InvalidInput(409, "plan " + planId + " is not signed by a physician");
            }
            List<Screening> sc = screenings(c, patientId);
            if (sc.isEmpty()) {
                throw new InvalidInput(409, "the patient has not been screened");
            }
            String eff = sc.get(0).effectiveOutcome();
            if (eff.equals("NOT_ELIGIBLE")) {
                throw new InvalidInput(409, "the latest screening found an absolute contraindication and has not been overridden");
            }
            if (eff.equals("ELIGIBLE_WITH_CAUTIONS") && sc.get(0).overrideJustification() == null) {
                throw new InvalidInput(409, "the latest screening found relative contraindications: a physician must review and "
                        + "accept them (override with a justification) first");
            }
            if (Sql.one(c, "SELECT id FROM infusion_sessions WHERE patient_id = ? AND status = 'IN_PROGRESS'", rs -> rs.getLong(1), patientId).isPresent()) {
                throw new InvalidInput(409, "the patient has a session in progress");
            }
            if (plan.sessionsStarted() >= plan.sessionCount()) {
                throw new InvalidInput(409, "all " + plan.sessionCount() + " sessions of plan " + planId + " have been given");
            }
            Optional<Instant> last = Sql.one(c, "SELECT MAX(started_at) AS t FROM infusion_sessions WHERE plan_id = ?",
                    rs -> Sql.instant(rs, "t"), planId).filter(java.util.Objects::nonNull);
            if (last.isPresent() && plan.minIntervalDays() > 0
                    && last.get().plus(java.time.Duration.ofHours(plan.minIntervalDays() * 24L - 12)).isAfter(Instant.now())) {
                throw new InvalidInput(409, "the plan asks for at least " + plan.minIntervalDays() + " days between sessions; the last started "
                        + last.get());
            }
            boolean riskFlagged = Sql.one(c, "SELECT flags_json FROM questionnaires WHERE patient_id = ? AND instrument IN ('PHQ9', 'MADRS', 'CSSRS') "
                    + "AND taken_at >= ? ORDER BY taken_at DESC, id DESC LIMIT 1", rs -> !rs.getString(1).equals("[]"), patientId,
                    Instant.now().minus(java.time.Duration.ofDays(14))).orElse(false);
            List<String> unmet = SessionChecks.unmet(checks, riskFlagged);
            if (!unmet.isEmpty()) {
                throw new InvalidInput(422, "pre-infusion checks not met: " + String.join("; ", unmet));
            }
            DoseCalculation dose = DoseCalculation.of(weightKg, plan.doseMgPerKg(), vialMgPerMl, bagVolumeMl, plan.durationMin());
            long id = Sql.insert(c, "INSERT INTO infusion_sessions (patient_id, plan_id, session_number, status, weight_kg, dose_mg_per_kg, dose_mg, "
                            + "vial_mg_per_ml, drug_volume_ml, bag_volume_ml, total_volume_ml, duration_min, pump_rate_ml_per_h, pre_checks_json, "
                            + "started_by, started_at) VALUES (?,?,?,'IN_PROGRESS',?,?,?,?,?,?,?,?,?,?,?,?)", patientId, planId,
                    plan.sessionsStarted() + 1, weightKg, dose.doseMgPerKg(), dose.doseMg(), dose.vialMgPerMl(), dose.drugVolumeMl(),
                    dose.bagVolumeMl(), dose.totalVolumeMl(), dose.durationMin(), dose.pumpRateMlPerH(), json(checks), actor.id(), Instant.now());
            VitalSigns v = checks.restingVitals();
            Sql.insert(c, "INSERT INTO vitals (session_id, at_minute, sbp_mmhg, dbp_mmhg, hr_bpm, spo2_pct, rr_per_min, alerts_json, recorded_by, recorded_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?)", id, 0, v.sbpMmHg(), v.dbpMmHg(), v.hrBpm(), v.spo2Pct(), v.rrPerMin(), json(v.alerts(0)),
                    actor.id(), Instant.now());
            AuditLog.append(c, actor.id(), actor.username(), "CREATE", "session", id, patientId,
                    String.format(java.util.Locale.ROOT, "session %d, %.1f mg", plan.sessionsStarted() + 1, dose.doseMg()));
            return session(c, id);
        });
    }

    public Vitals recordVitals(Actor actor, long sessionId, VitalSigns v) {
        return db.tx(c -> {
            Session s = session(c, sessionId);
            requireInProgress(s);
            int baseline = baselineSbp(c, sessionId);
            List<VitalSigns.Alert> alerts = v.alerts(baseline);
            long id = Sql.insert(c, "INSERT INTO vitals (session_id, at_minute, sbp_mmhg, dbp_mmhg, hr_bpm, spo2_pct, rr_per_min, alerts_json, recorded_by, "
                    + "recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)", sessionId, v.minute(), v.sbpMmHg(), v.dbpMmHg(), v.hrBpm(), v.spo2Pct(),
                    v.rrPerMin(), json(alerts), actor.id(), Instant.now());
            AuditLog.append(c, actor.id(), actor.username(), "CREATE", "vitals", id, s.patientId(),
                    "session " + sessionId + " min " + v.minute() + (alerts.isEmpty() ? "" : " alerts " + alerts.size()));
            return vitals(c, sessionId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        });
    }

    public AdverseEvent recordAdverseEvent(Actor actor, long sessionId, int minute, String kind, String severity, String action) {
        return db.tx(c -> {
            Session s = session(c, sessionId);
            long id = Sql.insert(c, "INSERT INTO adverse_events (session_id, at_minute, kind, severity, action_taken, recorded_by, recorded_at) "
                    + "VALUES (?,?,?,?,?,?,?)", sessionId, minute, kind, severity, action, actor.id(), Instant.now());
            AuditLog.append(c, actor.id(), actor.username(), "CREATE", "adverse_event", id, s.patientId(), kind + " " + severity);
            return adverseEvents(c, sessionId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        });
    }

    /** Ends a session: COMPLETED after the discharge criteria are met, or STOPPED early (with a reason). */
    public Session endSession(Actor actor, long sessionId, SessionChecks.Discharge discharge, boolean stopped, String stopReason) {
        return db.tx(c -> {
            Session s = session(c, sessionId);
            requireInProgress(s);
            List<Vitals> vs = vitals(c, sessionId);
            VitalSigns last = vs.isEmpty() ? null : vs.get(vs.size() - 1).reading();
            Map<String, Object> record = new LinkedHashMap<>();
            if (stopped) {
                record.put("stopped", true);
                record.put("reason", stopReason);
            } else {
                List<String> unmet = SessionChecks.unmet(discharge, last);
                if (!unmet.isEmpty()) {
                    throw new InvalidInput(422, "discharge criteria not met: " + String.join("; ", unmet));
                }
                record.put("criteria", discharge);
            }
            Sql.update(c, "UPDATE infusion_sessions SET status = ?, discharge_json = ?, ended_by = ?, ended_at = ? WHERE id = ?",
                    stopped ? "STOPPED" : "COMPLETED", json(record), actor.id(), Instant.now(), sessionId);
            AuditLog.append(c, actor.id(), actor.username(), "UPDATE", "session", sessionId, s.patientId(), stopped ? "stopped" : "discharged");
            return session(c, sessionId);
        });
    }

    public SessionRecord sessionRecord(Actor actor, long sessionId) {
        return db.tx(c -> {
            Session s = session(c, sessionId);
            Patient p = patient(c, s.patientId());
            List<Consultation> ks = consultations(c, s.patientId());
            SessionRecord r = new SessionRecord(s, p, ks.isEmpty() ? null : ks.get(0), vitals(c, sessionId), adverseEvents(c, sessionId),
                    questionnaires(c, "q.session_id = ?", sessionId));
            AuditLog.append(c, actor.id(), actor.username(), "READ", "session", sessionId, s.patientId(), "");
            return r;
        });
    }

    private static void requireInProgress(Session s) {
        if (!s.status().equals("IN_PROGRESS")) {
            throw new InvalidInput(409, "session " + s.id() + " is " + s.status().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static int baselineSbp(Connection c, long sessionId) throws SQLException {
        return Sql.one(c, "SELECT sbp_mmhg FROM vitals WHERE session_id = ? ORDER BY at_minute, id LIMIT 1", rs -> rs.getInt(1), sessionId).orElse(0);
    }

    static Session session(Connection c, long id) throws SQLException {
        return sessions(c, "i.id = ?", id).stream().findFirst().orElseThrow(() -> new InvalidInput(404, "no session " + id));
    }

    private static List<Session> sessions(Connection c, String where, long arg) throws SQLException {
        return Sql.list(c, "SELECT i.*, u.username, e.username AS ender FROM infusion_sessions i JOIN users u ON u.id = i.started_by "
                + "LEFT JOIN users e ON e.id = i.ended_by WHERE " + where + " ORDER BY i.started_at, i.id", rs -> new Session(rs.getLong("id"),
                rs.getLong("patient_id"), rs.getLong("plan_id"), rs.getInt("session_number"), rs.getString("status"),
                new DoseCalculation(rs.getDouble("weight_kg"), rs.getDouble("dose_mg_per_kg"), rs.getDouble("dose_mg"), rs.getDouble("vial_mg_per_ml"),
                        rs.getDouble("drug_volume_ml"), rs.getDouble("bag_volume_ml"), rs.getDouble("total_volume_ml"), rs.getInt("duration_min"),
                        rs.getDouble("pump_rate_ml_per_h"), rs.getDouble("dose_mg_per_kg") * 60.0 / rs.getInt("duration_min"), List.of()),
                parse(rs.getString("pre_checks_json"), new TypeReference<Map<String, Object>>() { }),
                rs.getString("discharge_json") == null ? null : parse(rs.getString("discharge_json"), new TypeReference<Map<String, Object>>() { }),
                rs.getString("username"), Sql.instant(rs, "started_at"), rs.getString("ender"), Sql.instant(rs, "ended_at")), arg);
    }

    private static List<Vitals> vitals(Connection c, long sessionId) throws SQLException {
        return Sql.list(c, "SELECT v.*, u.username FROM vitals v JOIN users u ON u.id = v.recorded_by WHERE v.session_id = ? ORDER BY v.at_minute, v.id",
                rs -> new Vitals(rs.getLong("id"), new VitalSigns(rs.getInt("at_minute"), rs.getInt("sbp_mmhg"), rs.getInt("dbp_mmhg"), rs.getInt("hr_bpm"),
                        rs.getInt("spo2_pct"), rs.getInt("rr_per_min")),
                        parse(rs.getString("alerts_json"), new TypeReference<List<VitalSigns.Alert>>() { }), rs.getString("username"),
                        Sql.instant(rs, "recorded_at")), sessionId);
    }

    private static List<AdverseEvent> adverseEvents(Connection c, long sessionId) throws SQLException {
        return Sql.list(c, "SELECT a.*, u.username FROM adverse_events a JOIN users u ON u.id = a.recorded_by WHERE a.session_id = ? ORDER BY a.at_minute, a.id",
                rs -> new AdverseEvent(rs.getLong("id"), rs.getInt("at_minute"), rs.getString("kind"), rs.getString("severity"),
                        rs.getString("action_taken"), rs.getString("username"), Sql.instant(rs, "recorded_at")), sessionId);
    }

    // ---------------------------------------------------------------- outcomes

    /** For the dashboard: every patient's first infusion start and scores of one instrument (no audit: aggregate only). */
    public record OutcomeData(Map<Long, Instant> firstInfusion, Map<Long, List<Questionnaire>> scores) {
    }

    public OutcomeData outcomeData(Actor actor, Instrument instrument) {
        return db.tx(c -> {
            Map<Long, Instant> first = new LinkedHashMap<>();
            for (Object[] row : Sql.list(c, "SELECT patient_id, MIN(started_at) AS t FROM infusion_sessions GROUP BY patient_id",
                    rs -> new Object[] {rs.getLong(1), Sql.instant(rs, "t")})) {
                first.put((Long) row[0], (Instant) row[1]);
            }
            Map<Long, List<Questionnaire>> scores = new LinkedHashMap<>();
            for (Object[] row : Sql.list(c, "SELECT patient_id, id FROM questionnaires WHERE instrument = ? ORDER BY taken_at, id",
                    rs -> new Object[] {rs.getLong(1), rs.getLong(2)}, instrument.name())) {
                scores.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).addAll(questionnaires(c, "q.id = ?", (Long) row[1]));
            }
            AuditLog.append(c, actor.id(), actor.username(), "READ", "dashboard", null, null, instrument.name() + " aggregate");
            return new OutcomeData(first, scores);
        });
    }

    // ---------------------------------------------------------------- audit

    public List<AuditLog.Entry> audit(Actor actor, Long patientId, int limit) {
        return db.tx(c -> {
            List<AuditLog.Entry> out = AuditLog.list(c, patientId, limit);
            AuditLog.append(c, actor.id(), actor.username(), "READ", "audit_log", null, patientId, "");
            return out;
        });
    }

    public AuditLog.Verification verifyAudit() {
        return db.tx(AuditLog::verify);
    }

    // ---------------------------------------------------------------- JSON columns

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T parse(String s, TypeReference<T> type) {
        try {
            return JSON.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
