package org.ketasim.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the clinic server.
 *
 * @param host            address to listen on (127.0.0.1 by default: put a TLS proxy in front for a network)
 * @param port            TCP port (0 picks a free one)
 * @param dataDir         directory of the embedded database (used when {@code dbUrl} is null)
 * @param dbUrl           JDBC URL of a PostgreSQL database, or null for the embedded H2 database
 * @param dbUser          database user, or null
 * @param dbPassword      database password, or null
 * @param dbSchema        schema to use and create (PostgreSQL), or null
 * @param demo            load fictional accounts and patients
 * @param bcryptCost      bcrypt cost factor for password hashes
 * @param secureCookies   mark the session cookie Secure (behind HTTPS)
 * @param idleTimeout     a login session ends after this long without a request
 * @param absoluteTimeout a login session ends this long after login regardless
 */
public record ClinicConfig(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword, String dbSchema,
                           boolean demo, int bcryptCost, boolean secureCookies, Duration idleTimeout, Duration absoluteTimeout) {

    public static final int DEFAULT_PORT = 8080;

    /** Defaults: 127.0.0.1:8080, ./ketasim-data, embedded database, bcrypt cost 12, 30 min idle, 12 h absolute. */
    public static ClinicConfig defaults() {
        return new ClinicConfig("127.0.0.1", DEFAULT_PORT, Path.of("ketasim-data"), null, null, null, null, false, 12, false,
                Duration.ofMinutes(30), Duration.ofHours(12));
    }

    public ClinicConfig withPort(int p) {
        return new ClinicConfig(host, p, dataDir, dbUrl, dbUser, dbPassword, dbSchema, demo, bcryptCost, secureCookies, idleTimeout, absoluteTimeout);
    }

    public ClinicConfig withHost(String h) {
        return new ClinicConfig(h, port, dataDir, dbUrl, dbUser, dbPassword, dbSchema, demo, bcryptCost, secureCookies, idleTimeout, absoluteTimeout);
    }

    public ClinicConfig withDataDir(Path d) {
        return new ClinicConfig(host, port, d, dbUrl, dbUser, dbPassword, dbSchema, demo, bcryptCost, secureCookies, idleTimeout, absoluteTimeout);
    }

    public ClinicConfig withDatabase(String url, String user, String password, String schema) {
        return new ClinicConfig(host, port, dataDir, url, user, password, schema, demo, bcryptCost, secureCookies, idleTimeout, absoluteTimeout);
    }

    public ClinicConfig withDemo(boolean d) {
        return new ClinicConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, dbSchema, d, bcryptCost, secureCookies, idleTimeout, absoluteTimeout);
    }

    public ClinicConfig withBcryptCost(int c) {
        return new ClinicConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, dbSchema, demo, c, secureCookies, idleTimeout, absoluteTimeout);
    }

    public ClinicConfig withSecureCookies(boolean s) {
        return new ClinicConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, dbSchema, demo, bcryptCost, s, idleTimeout, absoluteTimeout);
    }

    public ClinicConfig withTimeouts(Duration idle, Duration absolute) {
        return new ClinicConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, dbSchema, demo, bcryptCost, secureCookies, idle, absolute);
    }

    /** The JDBC URL actually used. */
    public String effectiveDbUrl() {
        return dbUrl != null ? dbUrl : org.ketasim.server.store.Database.embeddedUrl(dataDir);
    }
}
