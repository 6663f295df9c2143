package org.ketasim.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketasim.server.ClinicConfig;
import org.ketasim.server.clinical.Role;
import org.ketasim.server.store.PostgresAccess;

/** The whole server on PostgreSQL (as with {@code ketasim serve --db jdbc:postgresql://...}); skipped without a server. */
class PostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void serverRunsTheWorkflowOnPostgres() throws Exception {
        String user = PostgresAccess.user();
        Assumptions.assumeTrue(user != null, "SKIPPED: no PostgreSQL server answers at " + PostgresAccess.url());
        String schema = "ketasim_srv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (TestClinic clinic = new TestClinic(ClinicConfig.defaults().withPort(0).withDataDir(dir).withBcryptCost(4)
                .withDatabase(PostgresAccess.url(), user, null, schema))) {
            assertThat(clinic.printed).contains("one-time password");
            var phys = clinic.as(Role.PHYSICIAN);
            long[] ids = clinic.readyPatient(phys, "PG-1");
            var s = phys.post("/api/patients/" + ids[0] + "/sessions", TestClinic.sessionStart(ids[1]));
            assertThat(s.status()).as(s.raw()).isEqualTo(201);
            long session = s.body().get("id").asLong();
            var v = phys.post("/api/sessions/" + session + "/vitals", Map.of("minute", 20, "sbpMmHg", 150, "dbpMmHg", 112, "hrBpm", 80,
                    "spo2Pct", 91, "rrPerMin", 14));
            assertThat(v.body().get("alerts").findValuesAsText("code")).contains("DBP_HIGH", "SPO2_LOW");
            assertThat(phys.post("/api/patients/" + ids[0] + "/questionnaires", Map.of("instrument", "CADSS", "sessionId", session,
                    "answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))).body().get("total").asInt()).isEqualTo(23);
            assertThat(phys.get("/api/sessions/" + session).body().at("/ratings/0/instrument").asText()).isEqualTo("CADSS");
            assertThat(clinic.as(Role.ADMINISTRATOR).get("/api/audit/verify").body().get("intact").asBoolean()).isTrue();
        } finally {
            try (Connection c = DriverManager.getConnection(PostgresAccess.url(), user, null); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
