package org.ketasim.server.web;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ketasim.server.ClinicConfig;
import org.ketasim.server.ClinicServer;
import org.ketasim.server.clinical.Role;

/**
 * A real clinic server on a free port with an embedded database in a temporary directory, and three
 * accounts (admin, physician, nurse). bcrypt runs at cost 4 here so the tests stay fast; production uses 12.
 */
public final class TestClinic implements AutoCloseable {

    public static final String PASSWORD = "correct-horse-battery";

    public final ClinicServer server;
    public final String printed;

    public TestClinic(Path dir) {
        this(ClinicConfig.defaults().withPort(0).withDataDir(dir).withBcryptCost(4));
    }

    public TestClinic(ClinicConfig config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        server = ClinicServer.start(config, new PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        Passwords pw = new Passwords(4);
        for (Role r : Role.values()) {
            String name = r.name().toLowerCase(java.util.Locale.ROOT) + "1";
            if (server.store().userByName(name).isEmpty()) {
                server.store().createUser(null, name, "Test " + r, r, pw.hash(PASSWORD), false);
            }
        }
    }

    public int port() {
        return server.port();
    }

    public Client as(Role role) {
        Client c = new Client(port());
        Client.Response r = c.login(role.name().toLowerCase(java.util.Locale.ROOT) + "1", PASSWORD);
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.raw());
        }
        return c;
    }

    /** Registers a patient with a clean consultation, screens, plans and signs; returns {patientId, planId}. */
    public long[] readyPatient(Client physician, String mrn) {
        var p = physician.post("/api/patients", Map.of("mrn", mrn, "givenName", "Test", "familyName", "Patient", "birthDate", "1980-05-01",
                "sex", "female"));
        long id = p.body().get("id").asLong();
        physician.post("/api/patients/" + id + "/consultations", consultation(List.of()));
        physician.post("/api/patients/" + id + "/screenings", null);
        long protocol = physician.get("/api/protocols").body().get(0).get("id").asLong();
        long plan = physician.post("/api/patients/" + id + "/plans", Map.of("protocolId", protocol)).body().get("id").asLong();
        physician.post("/api/patients/" + id + "/plans/" + plan + "/sign", null);
        return new long[] {id, plan};
    }

    public static Map<String, Object> consultation(List<String> history) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("weightKg", 70);
        m.put("vitals", Map.of("sbpMmHg", 124, "dbpMmHg", 78, "hrBpm", 70, "spo2Pct", 98));
        m.put("diagnoses", List.of("Major depressive disorder"));
        m.put("medications", List.of(Map.of("name", "Sertraline", "drugClass", "ssri")));
        m.put("history", history);
        m.put("notes", "");
        return m;
    }

    public static Map<String, Object> sessionStart(long planId) {
        return Map.of("planId", planId, "weightKg", 70, "vialMgPerMl", 10, "bagVolumeMl", 100,
                "checks", Map.of("consentConfirmed", true, "fastingConfirmed", true, "escortConfirmed", true, "noNewContraindication", true),
                "restingVitals", Map.of("sbpMmHg", 124, "dbpMmHg", 78, "hrBpm", 70, "spo2Pct", 98, "rrPerMin", 14));
    }

    @Override
    public void close() {
        server.close();
    }
}
