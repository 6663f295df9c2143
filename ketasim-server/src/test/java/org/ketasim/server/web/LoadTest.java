package org.ketasim.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketasim.server.clinical.Role;

/**
 * Load: 50 concurrent clients for 60 s against the main read and write routes on loopback, with zero
 * errors allowed; prints and writes p50/p95/p99 per route to {@code target/load-report.txt}. It takes a
 * minute and a lot of CPU, so it runs only when asked:
 * {@code mvn -pl ketasim-server -am verify -Dtest=LoadTest -Dketasim.load=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dketasim.load.clients=50 -Dketasim.load.seconds=60}).
 */
class LoadTest {

    @TempDir
    Path dir;

    @Test
    void fiftyClientsForSixtySecondsWithoutErrors() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("ketasim.load"), "SKIPPED: load test runs only with -Dketasim.load=true");
        int clients = Integer.getInteger("ketasim.load.clients", 50);
        int seconds = Integer.getInteger("ketasim.load.seconds", 60);
        try (TestClinic clinic = new TestClinic(dir)) {
            Client phys = clinic.as(Role.PHYSICIAN);
            long[][] ready = new long[clients][];
            long[] sessions = new long[clients];
            for (int i = 0; i < clients; i++) {
                ready[i] = clinic.readyPatient(phys, "LOAD-" + i);
                sessions[i] = phys.post("/api/patients/" + ready[i][0] + "/sessions", TestClinic.sessionStart(ready[i][1])).body().get("id").asLong();
            }
            Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
            AtomicLong errors = new AtomicLong();
            ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
            CountDownLatch done = new CountDownLatch(clients);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            for (int c = 0; c < clients; c++) {
                int me = c;
                new Thread(() -> {
                    try {
                        Client nurse = clinic.as(Role.NURSE);
                        long patient = ready[me][0];
                        long session = sessions[me];
                        for (int i = 0; System.nanoTime() < end; i++) {
                            String route;
                            long t0 = System.nanoTime();
                            Client.Response r;
                            switch (i % 5) {
                                case 0 -> {
                                    route = "GET /api/patients";
                                    r = nurse.get("/api/patients");
                                }
                                case 1 -> {
                                    route = "GET /api/patients/{id}";
                                    r = nurse.get("/api/patients/" + patient);
                                }
                                case 2 -> {
                                    route = "POST /api/sessions/{id}/vitals";
                                    r = nurse.post("/api/sessions/" + session + "/vitals", Map.of("minute", i % 600, "sbpMmHg", 120 + i % 40,
                                            "dbpMmHg", 78, "hrBpm", 72, "spo2Pct", 98, "rrPerMin", 14));
                                }
                                case 3 -> {
                                    route = "GET /api/sessions/{id}";
                                    r = nurse.get("/api/sessions/" + session);
                                }
                                default -> {
                                    route = "POST /api/patients/{id}/questionnaires";
                                    r = nurse.post("/api/patients/" + patient + "/questionnaires", Map.of("instrument", "PHQ9",
                                            "answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0)));
                                }
                            }
                            long micros = (System.nanoTime() - t0) / 1000;
                            latencies.computeIfAbsent(route, k -> new ConcurrentLinkedQueue<>()).add(micros);
                            if (r.status() >= 300) {
                                errors.incrementAndGet();
                                errorSamples.add(route + " -> " + r.status() + " " + r.raw());
                            }
                        }
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        errorSamples.add(String.valueOf(e));
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
            done.await();
            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.ROOT, "%s  %d clients x %d s on loopback, embedded H2, %d CPUs, Java %s%n", Instant.now(), clients,
                    seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
            report.append(String.format(Locale.ROOT, "%-40s %8s %8s %8s %8s %8s%n", "route", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms"));
            long total = 0;
            List<Long> all = new ArrayList<>();
            for (var e : new java.util.TreeMap<>(latencies).entrySet()) {
                long[] v = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
                total += v.length;
                Arrays.stream(v).forEach(all::add);
                report.append(row(e.getKey(), v));
            }
            report.append(row("all", all.stream().mapToLong(Long::longValue).sorted().toArray()));
            report.append(String.format(Locale.ROOT, "throughput %.0f requests/s; errors %d%n", (double) total / seconds, errors.get()));
            System.out.print(report);
            Files.writeString(Path.of("target", "load-report.txt"), report.toString(), StandardCharsets.UTF_8);
            assertThat(errors.get()).as(String.join("\n", errorSamples.stream().limit(5).toList())).isZero();
        }
    }

    private static String row(String name, long[] sortedMicros) {
        return String.format(Locale.ROOT, "%-40s %8d %8.1f %8.1f %8.1f %8.1f%n", name, sortedMicros.length, q(sortedMicros, 0.50), q(sortedMicros, 0.95),
                q(sortedMicros, 0.99), sortedMicros[sortedMicros.length - 1] / 1000.0);
    }

    private static double q(long[] v, double p) {
        return v[Math.min(v.length - 1, (int) Math.ceil(p * v.length) - 1)] / 1000.0;
    }
}
