package org.ketasim.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketasim.server.ClinicConfig;
import org.ketasim.server.clinical.Role;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON API over real HTTP (java.net.http) against a real server and database. */
class ApiTest {

    @TempDir
    static Path dir;
    static TestClinic clinic;

    /** Every route that needs a login: method, path, and the roles allowed. */
    static final List<Object[]> ROUTES = List.of(
            new Object[] {"POST", "/api/logout", "ADMINISTRATOR PHYSICIAN NURSE"},
            new Object[] {"GET", "/api/me", "ADMINISTRATOR PHYSICIAN NURSE"},
            new Object[] {"POST", "/api/me/password", "ADMINISTRATOR PHYSICIAN NURSE"},
            new Object[] {"GET", "/api/users", "ADMINISTRATOR"},
            new Object[] {"POST", "/api/users", "ADMINISTRATOR"},
            new Object[] {"POST", "/api/users/1/active", "ADMINISTRATOR"},
            new Object[] {"POST", "/api/users/1/password", "ADMINISTRATOR"},
            new Object[] {"GET", "/api/audit", "ADMINISTRATOR"},
            new Object[] {"GET", "/api/audit/verify", "ADMINISTRATOR"},
            new Object[] {"GET", "/api/screening/rules", "ADMINISTRATOR PHYSICIAN NURSE"},
            new Object[] {"GET", "/api/instruments", "ADMINISTRATOR PHYSICIAN NURSE"},
            new Object[] {"GET", "/api/reference", "ADMINISTRATOR PHYSICIAN NURSE"},
            new Object[] {"GET", "/api/protocols", "PHYSICIAN NURSE"},
            new Object[] {"POST", "/api/protocols", "PHYSICIAN"},
            new Object[] {"PUT", "/api/protocols/1", "PHYSICIAN"},
            new Object[] {"POST", "/api/dose-calculation", "PHYSICIAN NURSE"},
            new Object[] {"GET", "/api/patients", "PHYSICIAN NURSE"},
            new Object[] {"POST", "/api/patients", "PHYSICIAN NURSE"},
            new Object[] {"GET", "/api/patients/1", "PHYSICIAN NURSE"},
            new Object[] {"POST", "/api/patients/1/consultations", "PHYSICIAN NURSE"},
            new Object[] {"POST", "/api/patients/1/screenings", "PHYSICIAN NURSE"},
            new Object[] {"POST", "/api/patients/1/screenings/1/override", "PHYSICIAN"},
            new Object[] {"POST", "/api/patients/1/questionnaires", "PHYSICIAN NURSE"},
            new Object[] {"GET", "/api/patients/1/trajectory", "PHYSICIAN NURSE"},
            new Object[] {"GET", "/api/patients/1/forecast", "PHYSICIAN NURSE"},
            new Object[] {"POST", "/api/patients/1/plans", "PHYSICIAN"},
            new Object[] {"POST", "/api/patients/1/plans/1/sign", "PHYSICIAN"},
            new Object[] {"POST", "/api/patients/1/sessions", "PHYSICIAN NURSE"},
            new Object[] {"GET", "/api/sessions/1", "PHYSICIAN NURSE"},
            new Object[] {"POST", "/api/sessions/1/vitals", "PHYSICIAN NURSE"},
            new Object[] {"POST", "/api/sessions/1/adverse-events", "PHYSICIAN NURSE"},
            new Object[] {"POST", "/api/sessions/1/end", "PHYSICIAN NURSE"},
            new Object[] {"GET", "/api/dashboard", "ADMINISTRATOR PHYSICIAN NURSE"});

    static final List<String> PAYLOADS = List.of("<script>alert('x')</script>", "Robert'); DROP TABLE patients;--", "\" OR 1=1 --",
            "<img src=x onerror=alert(1)>", "${jndi:ldap://x/a}", "' UNION SELECT password_hash FROM users --");

    @BeforeAll
    static void start() {
        clinic = new TestClinic(dir);
    }

    @AfterAll
    static void stop() {
        clinic.close();
    }

    @Test
    void healthNeedsNoLoginAndPatientsDo() {
        var c = new Client(clinic.port());
        var h = c.get("/api/health");
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.body().get("status").asText()).isEqualTo("ok");
        assertThat(c.get("/api/patients").status()).isEqualTo(401);
        var nf = c.get("/api/nothing-here");
        assertThat(nf.status()).isEqualTo(404);
        assertThat(nf.error()).contains("not found");
    }

    @Test
    void everyRouteRefusesAnonymousAndWrongRoles() {
        Map<Role, Client> clients = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            clients.put(r, clinic.as(r));
        }
        var anon = new Client(clinic.port());
        for (Object[] route : ROUTES) {
            String method = (String) route[0];
            String path = (String) route[1];
            var r = anon.send(method, path, method.equals("GET") ? null : "{}");
            assertThat(r.status()).as(method + " " + path + " without login").isEqualTo(401);
            assertThat(r.error()).isNotBlank();
            for (Role role : Role.values()) {
                if (!((String) route[2]).contains(role.name())) {
                    var w = clients.get(role).send(method, path, method.equals("GET") ? null : "{}");
                    assertThat(w.status()).as(method + " " + path + " as " + role).isEqualTo(403);
                    assertThat(w.error()).contains("may not");
                }
            }
        }
    }

    @Test
    void changesNeedTheCsrfToken() {
        var nurse = clinic.as(Role.NURSE);
        String token = nurse.csrf();
        nurse.withCsrf(null);
        var r = nurse.post("/api/patients", Map.of("mrn", "CSRF-1", "givenName", "A", "familyName", "B", "birthDate", "1990-01-01", "sex", "male"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).contains("CSRF");
        nurse.withCsrf("wrong" + token);
        assertThat(nurse.post("/api/patients", Map.of("mrn", "CSRF-1", "givenName", "A", "familyName", "B", "birthDate", "1990-01-01",
                "sex", "male")).status()).isEqualTo(403);
        nurse.withCsrf(token);
        assertThat(nurse.post("/api/patients", Map.of("mrn", "CSRF-1", "givenName", "A", "familyName", "B", "birthDate", "1990-01-01",
                "sex", "male")).status()).isEqualTo(201);
        // Login itself refuses a form post (what a cross-site form could send).
        var anon = new Client(clinic.port());
        var form = anon.send("POST", "/api/login", null);
        assertThat(form.status()).isEqualTo(415);
    }

    @Test
    void badInputGets400WithTheFieldNamedAndNoStackTrace() {
        var phys = clinic.as(Role.PHYSICIAN);
        List<Client.Response> bad = new ArrayList<>();
        bad.add(phys.post("/api/patients", "{not json"));
        bad.add(phys.post("/api/patients", "[1,2]"));
        bad.add(phys.post("/api/patients", Map.of("mrn", "X-1", "givenName", "A", "birthDate", "1990-01-01", "sex", "male")));
        bad.add(phys.post("/api/patients", Map.of("mrn", "X-1", "givenName", "A", "familyName", "B", "birthDate", "31/01/1990", "sex", "male")));
        bad.add(phys.post("/api/patients", Map.of("mrn", "X 1 <", "givenName", "A", "familyName", "B", "birthDate", "1990-01-01", "sex", "male")));
        bad.add(phys.get("/api/patients/abc"));
        bad.add(phys.post("/api/dose-calculation", Map.of("weightKg", 70, "doseMgPerKg", 9, "vialMgPerMl", 10, "durationMin", 40)));
        for (var r : bad) {
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.error()).isNotBlank();
            assertThat(r.raw()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at java.");
        }
        assertThat(bad.get(2).error()).contains("familyName");
        assertThat(bad.get(3).error()).contains("birthDate");
        assertThat(bad.get(6).error()).contains("doseMgPerKg");
        assertThat(phys.get("/api/patients/999999").status()).isEqualTo(404);

        long id = clinic.readyPatient(phys, "VAL-1")[0];
        var q = phys.post("/api/patients/" + id + "/questionnaires", Map.of("instrument", "PHQ9", "answers", List.of(1, 1, 1, 1, 1, 1, 1, 1)));
        assertThat(q.status()).isEqualTo(400);
        assertThat(q.error()).contains("item 9");
        var q2 = phys.post("/api/patients/" + id + "/questionnaires", Map.of("instrument", "GAD7", "answers", List.of(0, 0, 7, 0, 0, 0, 0)));
        assertThat(q2.error()).contains("item 3").contains("0-3");
        var k = TestClinic.consultation(List.of("NOT_A_FLAG"));
        assertThat(phys.post("/api/patients/" + id + "/consultations", k).error()).contains("NOT_A_FLAG");
        var v = new LinkedHashMap<>(TestClinic.consultation(List.of()));
        v.put("vitals", Map.of("sbpMmHg", 124, "dbpMmHg", 78, "hrBpm", 70));
        assertThat(phys.post("/api/patients/" + id + "/consultations", v).error()).contains("vitals.spo2Pct");
    }

    @Test
    void scriptAndSqlPayloadsInEveryTextFieldAreStoredVerbatimAndReturnedAsData() {
        var phys = clinic.as(Role.PHYSICIAN);
        int n = 0;
        for (String payload : PAYLOADS) {
            n++;
            var p = phys.post("/api/patients", Map.of("mrn", "INJ-" + n, "givenName", payload, "familyName", payload, "birthDate", "1985-02-03",
                    "sex", "other"));
            assertThat(p.status()).as(p.raw()).isEqualTo(201);
            assertThat(p.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            long id = p.body().get("id").asLong();
            var k = new LinkedHashMap<>(TestClinic.consultation(List.of("BIPOLAR")));
            k.put("diagnoses", List.of(payload));
            k.put("medications", List.of(Map.of("name", payload, "drugClass", "other")));
            k.put("notes", payload);
            assertThat(phys.post("/api/patients/" + id + "/consultations", k).status()).isEqualTo(201);
            long sid = phys.post("/api/patients/" + id + "/screenings", null).body().get("id").asLong();
            assertThat(phys.post("/api/patients/" + id + "/screenings/" + sid + "/override", Map.of("justification", payload + " reviewed in clinic"))
                    .status()).isEqualTo(200);
            long protocol = phys.get("/api/protocols").body().get(0).get("id").asLong();
            long plan = phys.post("/api/patients/" + id + "/plans", Map.of("protocolId", protocol, "notes", payload)).body().get("id").asLong();
            phys.post("/api/patients/" + id + "/plans/" + plan + "/sign", null);
            long session = phys.post("/api/patients/" + id + "/sessions", TestClinic.sessionStart(plan)).body().get("id").asLong();
            assertThat(phys.post("/api/sessions/" + session + "/adverse-events", Map.of("minute", 10, "kind", "nausea", "severity", "mild",
                    "actionTaken", payload)).status()).isEqualTo(201);

            JsonNode rec = phys.get("/api/patients/" + id).body();
            assertThat(rec.at("/patient/givenName").asText()).isEqualTo(payload);
            assertThat(rec.at("/patient/familyName").asText()).isEqualTo(payload);
            assertThat(rec.at("/consultations/0/diagnoses/0").asText()).isEqualTo(payload);
            assertThat(rec.at("/consultations/0/medications/0/name").asText()).isEqualTo(payload);
            assertThat(rec.at("/consultations/0/notes").asText()).isEqualTo(payload);
            assertThat(rec.at("/screenings/0/overrideJustification").asText()).isEqualTo(payload + " reviewed in clinic");
            assertThat(rec.at("/plans/0/notes").asText()).isEqualTo(payload);
            assertThat(phys.get("/api/sessions/" + session).body().at("/adverseEvents/0/actionTaken").asText()).isEqualTo(payload);
            assertThat(phys.get("/api/patients?q=" + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8)).body().size())
                    .isEqualTo(1);
        }
        // The tables are all still there and hold what they should.
        assertThat(phys.get("/api/patients?q=INJ-").body().size()).isEqualTo(PAYLOADS.size());
        var proto = phys.post("/api/protocols", Map.of("name", PAYLOADS.get(0), "phase", "maintenance", "doseMgPerKg", 0.5, "durationMin", 40,
                "sessionCount", 1, "spanDays", 0, "minIntervalDays", 7, "description", PAYLOADS.get(1)));
        assertThat(proto.status()).isEqualTo(201);
        assertThat(proto.body().get("description").asText()).isEqualTo(PAYLOADS.get(1));
        var admin = clinic.as(Role.ADMINISTRATOR);
        var u = admin.post("/api/users", Map.of("username", "xss.user", "fullName", PAYLOADS.get(3), "role", "nurse"));
        assertThat(u.status()).isEqualTo(201);
        assertThat(u.body().at("/user/fullName").asText()).isEqualTo(PAYLOADS.get(3));
        assertThat(admin.post("/api/users", Map.of("username", "a'; --", "fullName", "x", "role", "nurse")).status()).isEqualTo(400);
        assertThat(admin.get("/api/audit/verify").body().get("intact").asBoolean()).isTrue();
        // The page shell carries a CSP that forbids inline script.
        assertThat(new Client(clinic.port()).get("/api/health").headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'");
    }

    @Test
    void plansAreTailoredAndAPositiveSuicideScreenMustBeReviewed() {
        var phys = clinic.as(Role.PHYSICIAN);
        var p = phys.post("/api/patients", Map.of("mrn", "RISK-1", "givenName", "R", "familyName", "S", "birthDate", "1975-01-01", "sex", "male"));
        long id = p.body().get("id").asLong();
        phys.post("/api/patients/" + id + "/consultations", TestClinic.consultation(List.of()));
        phys.post("/api/patients/" + id + "/screenings", null);
        JsonNode protocols = phys.get("/api/protocols").body();
        assertThat(protocols.get(0).get("scheduleDays").toString()).isEqualTo("[0,2,4,7,9,11]");
        long protocol = protocols.get(0).get("id").asLong();
        var bad = phys.post("/api/patients/" + id + "/plans", Map.of("protocolId", protocol, "sessionCount", 4, "scheduleDays", "0,1,2,3"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).contains("less than 2 days");
        var plan = phys.post("/api/patients/" + id + "/plans", Map.of("protocolId", protocol, "sessionCount", 4, "doseMgPerKg", 0.75,
                "scheduleDays", "0,3,7,10"));
        assertThat(plan.status()).as(plan.raw()).isEqualTo(201);
        assertThat(plan.body().get("scheduleDays").toString()).isEqualTo("[0,3,7,10]");
        assertThat(plan.body().get("doseMgPerKg").asDouble()).isEqualTo(0.75);
        long planId = plan.body().get("id").asLong();
        phys.post("/api/patients/" + id + "/plans/" + planId + "/sign", null);
        phys.post("/api/patients/" + id + "/questionnaires", Map.of("instrument", "PHQ9", "answers", List.of(2, 2, 2, 2, 2, 2, 2, 2, 1)));
        var refused = phys.post("/api/patients/" + id + "/sessions", TestClinic.sessionStart(planId));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).contains("suicide risk");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new LinkedHashMap<>(TestClinic.sessionStart(planId));
        Map<String, Object> checks = new LinkedHashMap<>((Map<String, Object>) body.get("checks"));
        checks.put("suicideRiskReviewed", true);
        body.put("checks", checks);
        var started = phys.post("/api/patients/" + id + "/sessions", body);
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        assertThat(started.body().at("/dose/doseMg").asDouble()).isEqualTo(52.5);
    }

    @Test
    void loginIsRateLimited(@TempDir Path other) {
        try (TestClinic own = new TestClinic(other)) {
            var c = new Client(own.port());
            for (int i = 0; i < 5; i++) {
                assertThat(c.login("nurse1", "wrong-password-" + i).status()).isEqualTo(401);
            }
            var blocked = c.login("nurse1", TestClinic.PASSWORD);
            assertThat(blocked.status()).isEqualTo(429);
            assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
            assertThat(c.login("physician1", TestClinic.PASSWORD).status()).isEqualTo(200);
            assertThat(c.login("nosuchuser", "whatever-password").status()).isEqualTo(401);
        }
    }

    @Test
    void logoutEndsTheSessionAndOneTimePasswordsMustBeChanged() {
        var admin = clinic.as(Role.ADMINISTRATOR);
        var created = admin.post("/api/users", Map.of("username", "newdoc", "fullName", "New Doctor", "role", "physician"));
        assertThat(created.status()).isEqualTo(201);
        String otp = created.body().get("oneTimePassword").asText();
        var doc = new Client(clinic.port());
        var login = doc.login("newdoc", otp);
        assertThat(login.body().at("/user/mustChangePassword").asBoolean()).isTrue();
        assertThat(login.headers().firstValue("Set-Cookie").orElse("")).contains("HttpOnly").contains("SameSite=Strict");
        var blocked = doc.get("/api/patients");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.error()).contains("one-time password");
        assertThat(doc.post("/api/me/password", Map.of("currentPassword", otp, "newPassword", "short")).status()).isEqualTo(400);
        assertThat(doc.post("/api/me/password", Map.of("currentPassword", otp, "newPassword", "a-much-better-password")).status()).isEqualTo(200);
        assertThat(doc.get("/api/patients").status()).isEqualTo(200);
        assertThat(doc.post("/api/logout", null).status()).isEqualTo(200);
        assertThat(doc.get("/api/patients").status()).isEqualTo(401);
        assertThat(new Client(clinic.port()).login("newdoc", "a-much-better-password").status()).isEqualTo(200);
        // An administrator's reset ends the user's sessions and issues a new one-time password.
        var again = new Client(clinic.port());
        again.login("newdoc", "a-much-better-password");
        long uid = created.body().at("/user/id").asLong();
        var reset = admin.post("/api/users/" + uid + "/password", null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(again.get("/api/me").status()).isEqualTo(401);
        assertThat(new Client(clinic.port()).login("newdoc", "a-much-better-password").status()).isEqualTo(401);
        var fresh = new Client(clinic.port());
        assertThat(fresh.login("newdoc", reset.body().get("oneTimePassword").asText()).body().at("/user/mustChangePassword").asBoolean()).isTrue();
        assertThat(admin.post("/api/users/999999/password", null).status()).isEqualTo(404);
    }

    @Test
    void sessionsExpireWhenIdle(@TempDir Path other) throws Exception {
        try (TestClinic c = new TestClinic(ClinicConfig.defaults().withPort(0).withDataDir(other).withBcryptCost(4)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofHours(1)))) {
            var nurse = c.as(Role.NURSE);
            assertThat(nurse.get("/api/patients").status()).isEqualTo(200);
            Thread.sleep(1500);
            assertThat(nurse.get("/api/patients").status()).isEqualTo(401);
        }
    }

    @Test
    void wholeWorkflowWithAlertPredictionTrajectoryAndAudit() {
        var phys = clinic.as(Role.PHYSICIAN);
        var nurse = clinic.as(Role.NURSE);
        long[] ids = clinic.readyPatient(phys, "FLOW-1");
        long id = ids[0];
        assertThat(phys.get("/api/patients/" + id).body().at("/screenings/0/outcome").asText()).isEqualTo("ELIGIBLE");
        nurse.post("/api/patients/" + id + "/questionnaires", Map.of("instrument", "PHQ9", "answers", List.of(2, 2, 2, 2, 2, 2, 2, 2, 0),
                "takenAt", java.time.Instant.now().minusSeconds(3600).toString()));
        var start = nurse.post("/api/patients/" + id + "/sessions", TestClinic.sessionStart(ids[1]));
        assertThat(start.status()).as(start.raw()).isEqualTo(201);
        assertThat(start.body().at("/dose/doseMg").asDouble()).isEqualTo(35.0);
        assertThat(start.body().at("/dose/pumpRateMlPerH").asDouble()).isCloseTo(155.3, within(0.05));
        long session = start.body().get("id").asLong();
        assertThat(nurse.post("/api/patients/" + id + "/sessions", TestClinic.sessionStart(ids[1])).status()).isEqualTo(409);

        var v = nurse.post("/api/sessions/" + session + "/vitals", Map.of("minute", 30, "sbpMmHg", 186, "dbpMmHg", 104, "hrBpm", 92,
                "spo2Pct", 97, "rrPerMin", 16));
        assertThat(v.status()).isEqualTo(201);
        assertThat(v.body().at("/alerts/0/code").asText()).isEqualTo("SBP_HIGH");
        assertThat(v.body().at("/alerts/0/level").asText()).isEqualTo("CRITICAL");
        assertThat(nurse.post("/api/sessions/" + session + "/vitals", Map.of("minute", 30, "sbpMmHg", 120, "dbpMmHg", 130, "hrBpm", 92,
                "spo2Pct", 97, "rrPerMin", 16)).error()).contains("dbp_mmhg");

        JsonNode s = nurse.get("/api/sessions/" + session).body();
        JsonNode pred = s.get("prediction");
        assertThat(pred.get("timesMin").size()).isEqualTo(pred.get("ketamineNgMl").size());
        // Typical 70 kg patient at the end of 0.5 mg/kg over 40 min: about 186 ng/mL (README, calibrated to 185 published).
        assertThat(pred.get("peakKetamineNgMl").asDouble()).isBetween(120.0, 260.0);
        assertThat(pred.get("peakCadss").asDouble()).isGreaterThan(0);
        assertThat(pred.get("sbpMmHg").get(0).asDouble()).isCloseTo(124, within(1.0));
        assertThat(s.get("vitals").size()).isEqualTo(2);

        var early = nurse.post("/api/sessions/" + session + "/end", Map.of("discharge", Map.of("oriented", true, "walksSteadily", true,
                "nauseaControlled", true, "escortPresent", true, "minutesSinceInfusionEnd", 40)));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.error()).contains("last BP 186/104");
        nurse.post("/api/sessions/" + session + "/vitals", Map.of("minute", 90, "sbpMmHg", 132, "dbpMmHg", 82, "hrBpm", 76, "spo2Pct", 98,
                "rrPerMin", 14));
        var done = nurse.post("/api/sessions/" + session + "/end", Map.of("discharge", Map.of("oriented", true, "walksSteadily", true,
                "nauseaControlled", true, "escortPresent", true, "cadssTotal", 1, "minutesSinceInfusionEnd", 50)));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().get("status").asText()).isEqualTo("COMPLETED");

        var phq = nurse.post("/api/patients/" + id + "/questionnaires", Map.of("instrument", "phq-9", "answers", List.of(1, 1, 1, 1, 0, 0, 0, 0, 1)));
        assertThat(phq.status()).isEqualTo(201);
        assertThat(phq.body().get("total").asInt()).isEqualTo(5);
        assertThat(phq.body().get("flags").get(0).asText()).contains("item 9");
        JsonNode traj = nurse.get("/api/patients/" + id + "/trajectory").body();
        assertThat(traj.at("/scores/PHQ9").size()).isEqualTo(2);
        assertThat(traj.at("/model/scale").asText()).isEqualTo("PHQ9");
        assertThat(traj.at("/model/expected/0").asDouble()).isCloseTo(16, within(1.5));
        JsonNode lo = traj.at("/model/bandLow");
        JsonNode hi = traj.at("/model/bandHigh");
        assertThat(lo.size()).isEqualTo(traj.at("/model/days").size());
        int day7 = 7 * 4;
        assertThat(lo.get(day7).asDouble()).isLessThan(hi.get(day7).asDouble());
        assertThat(traj.at("/model/note").asText()).contains("virtual patients");

        var dash = phys.get("/api/dashboard?instrument=PHQ9");
        assertThat(dash.status()).isEqualTo(200);
        assertThat(dash.body().get("whoIsCounted").asText()).contains("baseline");
        assertThat(dash.body().get("rates").size()).isEqualTo(6);

        var admin = clinic.as(Role.ADMINISTRATOR);
        JsonNode audit = admin.get("/api/audit?patientId=" + id).body();
        boolean nurseRead = false;
        boolean vitalsWritten = false;
        for (JsonNode e : audit) {
            nurseRead |= e.get("actor").asText().equals("nurse1") && e.get("action").asText().equals("READ");
            vitalsWritten |= e.get("entity").asText().equals("vitals") && e.get("action").asText().equals("CREATE");
        }
        assertThat(nurseRead).isTrue();
        assertThat(vitalsWritten).isTrue();
        assertThat(admin.get("/api/audit/verify").body().get("intact").asBoolean()).isTrue();
    }
}
