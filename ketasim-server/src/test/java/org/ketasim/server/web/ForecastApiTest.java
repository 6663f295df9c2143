package org.ketasim.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketasim.server.clinical.Role;

import com.fasterxml.jackson.databind.JsonNode;

/** GET /api/patients/{id}/forecast over real HTTP: roles, 404, no scores, a forecast, recomputed after a new score. */
class ForecastApiTest {

    @TempDir
    static Path dir;
    static TestClinic clinic;

    @BeforeAll
    static void start() {
        clinic = new TestClinic(dir);
    }

    @AfterAll
    static void stop() {
        clinic.close();
    }

    /** Polls until the answer is no longer "updating" and satisfies {@code done}. */
    private static JsonNode await(Client c, long id, Predicate<JsonNode> done) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 240; i++) {
            var r = c.get("/api/patients/" + id + "/forecast");
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            last = r.body();
            if (!last.get("status").asText().equals("updating") && done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no forecast within 60 s; last answer: " + last);
    }

    private static Map<String, Object> phq9(int each, Instant at) {
        return Map.of("instrument", "PHQ9", "answers", List.of(each, each, each, each, each, each, each, each, 0), "takenAt", at.toString());
    }

    @Test
    void rolesAndMissingPatient() {
        var anon = new Client(clinic.port());
        assertThat(anon.get("/api/patients/1/forecast").status()).isEqualTo(401);
        var admin = clinic.as(Role.ADMINISTRATOR);
        var r = admin.get("/api/patients/1/forecast");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).contains("may not");
        var nurse = clinic.as(Role.NURSE);
        var missing = nurse.get("/api/patients/999999/forecast");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).contains("no patient 999999");
        assertThat(nurse.get("/api/patients/abc/forecast").status()).isEqualTo(400);
    }

    @Test
    void forecastFromTwoScoresThenRecomputedAfterAThird() throws Exception {
        var phys = clinic.as(Role.PHYSICIAN);
        var nurse = clinic.as(Role.NURSE);
        long[] ids = clinic.readyPatient(phys, "FC-1");
        long id = ids[0];

        JsonNode none = nurse.get("/api/patients/" + id + "/forecast").body();
        assertThat(none.get("status").asText()).isEqualTo("no_scores");
        assertThat(none.get("message").asText()).contains("no PHQ-9 or MADRS");
        assertThat(none.get("disclaimer").asText()).startsWith("Decision support only");

        Instant now = Instant.now();
        assertThat(nurse.post("/api/patients/" + id + "/questionnaires", phq9(2, now.minusSeconds(3 * 86400))).status()).isEqualTo(201);
        var start = nurse.post("/api/patients/" + id + "/sessions", TestClinic.sessionStart(ids[1]));
        assertThat(start.status()).as(start.raw()).isEqualTo(201);
        assertThat(nurse.post("/api/patients/" + id + "/questionnaires", phq9(1, now.minusSeconds(3600))).status()).isEqualTo(201);

        JsonNode f = await(phys, id, n -> n.at("/based_on/scores").asInt() == 2);
        assertThat(f.get("status").asText()).as(f.toString()).isEqualTo("ready");
        assertThat(f.get("disclaimer").asText()).contains("Decision support only");
        assertThat(f.get("primary_scale").asText()).isEqualTo("PHQ-9");
        assertThat(f.at("/based_on/sessions").asInt()).isEqualTo(1);
        assertThat(f.get("computed_at").asText()).isNotBlank();
        JsonNode obs = f.get("observed");
        assertThat(obs.size()).isEqualTo(2);
        double firstDay = obs.get(0).get("day").asDouble();
        double lastDay = obs.get(1).get("day").asDouble();
        JsonNode tr = f.get("trajectory");
        double trFirst = Double.MAX_VALUE;
        double trLast = -1;
        for (JsonNode p : tr) {
            if (p.get("scale").asText().equals("PHQ-9")) {
                trFirst = Math.min(trFirst, p.get("day").asDouble());
                trLast = Math.max(trLast, p.get("day").asDouble());
                assertThat(p.get("lo90").asDouble()).isLessThanOrEqualTo(p.get("mean").asDouble() + 1e-9);
                assertThat(p.get("hi90").asDouble()).isGreaterThanOrEqualTo(p.get("mean").asDouble() - 1e-9);
            }
        }
        assertThat(trFirst).isLessThanOrEqualTo(firstDay);
        assertThat(trLast).isGreaterThan(lastDay + 7);
        assertThat(f.has("relapse_day")).isTrue();
        assertThat(f.get("p_response").size()).isPositive();
        assertThat(f.get("p_remission").size()).isPositive();
        JsonNode rec = f.get("recommendation");
        assertThat(rec.get("reason").asText()).isNotBlank();
        assertThat(rec.get("alternatives").size()).isPositive();
        for (JsonNode a : rec.get("alternatives")) {
            assertThat(a.get("dose_mg_per_kg").asDouble()).isBetween(0.5, 1.0);
        }
        assertThat(f.at("/limits/max_per_week").asInt()).isBetween(1, 3);

        // a new score changes what the forecast is based on
        assertThat(nurse.post("/api/patients/" + id + "/questionnaires", phq9(1, Instant.now())).status()).isEqualTo(201);
        JsonNode g = await(nurse, id, n -> n.at("/based_on/scores").asInt() == 3);
        assertThat(g.get("status").asText()).isEqualTo("ready");
        assertThat(g.get("observed").size()).isEqualTo(3);
        assertThat(g.get("stale").asBoolean()).isFalse();

        // audited as a read of the patient's record
        var admin = clinic.as(Role.ADMINISTRATOR);
        boolean read = false;
        for (JsonNode e : admin.get("/api/audit?patientId=" + id).body()) {
            read |= e.get("action").asText().equals("READ") && e.get("detail").asText().contains("forecast");
        }
        assertThat(read).isTrue();
        assertThat(admin.get("/api/audit/verify").body().get("intact").asBoolean()).isTrue();
    }
}
