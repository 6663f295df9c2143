package org.ketasim.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kill -9 while writing: the server runs in a separate JVM on the embedded database; several clients write
 * as fast as they can; the process is killed with SIGKILL in the middle; a new server on the same data
 * directory must hold every write that was acknowledged (HTTP 201), and the audit chain must be intact.
 */
class CrashTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        int port = freePort();
        Process server = startServer(port);
        Set<Long> ackedPatients = ConcurrentHashMap.newKeySet();
        Set<Long> ackedVitals = ConcurrentHashMap.newKeySet();
        long sessionId;
        try {
            Client phys = new Client(port);
            assertThat(phys.login("physician", "demo-physician-pass").status()).isEqualTo(200);
            TestClinicHelper h = new TestClinicHelper(phys);
            long[] ids = h.readyPatient("CRASH-SESSION");
            var s = phys.post("/api/patients/" + ids[0] + "/sessions", TestClinic.sessionStart(ids[1]));
            assertThat(s.status()).as(s.raw()).isEqualTo(201);
            sessionId = s.body().get("id").asLong();

            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch enough = new CountDownLatch(40);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                long sid = sessionId;
                Thread t = new Thread(() -> {
                    Client nurse = new Client(port);
                    if (nurse.login("nurse", "demo-nurse-pass").status() != 200) {
                        return;
                    }
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            if (i % 2 == 0) {
                                var r = nurse.post("/api/patients", Map.of("mrn", "CRASH-" + writer + "-" + i, "givenName", "Kill", "familyName",
                                        "Nine", "birthDate", "1970-01-01", "sex", "other"));
                                if (r.status() == 201) {
                                    ackedPatients.add(r.body().get("id").asLong());
                                    enough.countDown();
                                }
                            } else {
                                var r = nurse.post("/api/sessions/" + sid + "/vitals", Map.of("minute", i % 600, "sbpMmHg", 120 + i % 50,
                                        "dbpMmHg", 80, "hrBpm", 70, "spo2Pct", 97, "rrPerMin", 14));
                                if (r.status() == 201) {
                                    ackedVitals.add(r.body().get("id").asLong());
                                    enough.countDown();
                                }
                            }
                        } catch (RuntimeException e) {
                            return; // the server died under us: this write was not acknowledged
                        }
                    }
                });
                t.start();
                writers.add(t);
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("writes were acknowledged").isTrue();
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            stop.set(true);
            for (Thread t : writers) {
                t.join(30_000);
            }
        } finally {
            server.destroyForcibly();
        }
        assertThat(ackedPatients).isNotEmpty();
        assertThat(ackedVitals).isNotEmpty();
        System.out.println("crash test: killed after " + ackedPatients.size() + " acknowledged patients and " + ackedVitals.size()
                + " acknowledged vitals");

        Process again = startServer(port);
        try {
            Client phys = new Client(port);
            assertThat(phys.login("physician", "demo-physician-pass").status()).isEqualTo(200);
            for (long id : ackedPatients) {
                var r = phys.get("/api/patients/" + id);
                assertThat(r.status()).as("acknowledged patient " + id).isEqualTo(200);
                assertThat(r.body().at("/patient/familyName").asText()).isEqualTo("Nine");
            }
            JsonNode session = phys.get("/api/sessions/" + sessionId).body();
            Set<Long> present = ConcurrentHashMap.newKeySet();
            session.get("vitals").forEach(v -> present.add(v.get("id").asLong()));
            assertThat(present).containsAll(ackedVitals);
            Client admin = new Client(port);
            assertThat(admin.login("admin", "demo-admin-pass").status()).isEqualTo(200);
            JsonNode verify = admin.get("/api/audit/verify").body();
            assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        } finally {
            again.destroyForcibly();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process startServer(int port) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", cp, "org.ketasim.server.ServerMain", "--port", Integer.toString(port),
                "--data-dir", dir.toString(), "--demo", "--bcrypt-cost", "4").redirectErrorStream(true);
        Process p = pb.start();
        CountDownLatch up = new CountDownLatch(1);
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    if (line.contains("listening on")) {
                        up.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // process gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        if (!up.await(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            synchronized (log) {
                throw new AssertionError("server did not start:\n" + log);
            }
        }
        return p;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The patient set-up of TestClinic, over HTTP only (the server is in another process). */
    record TestClinicHelper(Client phys) {
        long[] readyPatient(String mrn) {
            var p = phys.post("/api/patients", Map.of("mrn", mrn, "givenName", "Test", "familyName", "Patient", "birthDate", "1980-05-01",
                    "sex", "female"));
            long id = p.body().get("id").asLong();
            phys.post("/api/patients/" + id + "/consultations", TestClinic.consultation(List.of()));
            phys.post("/api/patients/" + id + "/screenings", null);
            long protocol = phys.get("/api/protocols").body().get(0).get("id").asLong();
            long plan = phys.post("/api/patients/" + id + "/plans", Map.of("protocolId", protocol)).body().get("id").asLong();
            phys.post("/api/patients/" + id + "/plans/" + plan + "/sign", null);
            return new long[] {id, plan};
        }
    }
}
