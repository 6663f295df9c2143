package org.ketasim.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * Storage tests on a real PostgreSQL server at 127.0.0.1:5432, database {@code test}, user {@code postgres}
 * (or {@code root}), trust authentication; override with KETASIM_TEST_PG_URL / KETASIM_TEST_PG_USER. Each
 * test uses a schema of its own, created by the migrations and dropped afterwards. Skipped, with a message
 * saying why, when no server answers.
 */
class PostgresStorageTest extends StorageContract {

    static final String URL = System.getenv().getOrDefault("KETASIM_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private String schema;
    private String user;

    static String availableUser() {
        String configured = System.getenv("KETASIM_TEST_PG_USER");
        DriverManager.setLoginTimeout(3);
        for (String u : configured != null ? new String[] {configured} : new String[] {"postgres", "root"}) {
            try (Connection c = DriverManager.getConnection(URL, u, null)) {
                return u;
            } catch (SQLException e) {
                // try the next user
            }
        }
        return null;
    }

    @Override
    Database open() {
        user = availableUser();
        Assumptions.assumeTrue(user != null, "SKIPPED: no PostgreSQL server answers at " + URL
                + " as user postgres or root (start one, or set KETASIM_TEST_PG_URL / KETASIM_TEST_PG_USER)");
        schema = "ketasim_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        return Database.open(URL, user, null, schema);
    }

    @Override
    void bypassTriggers(Statement st) throws SQLException {
        st.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
    }

    @Override
    void bypassDeleteTrigger(Statement st) throws SQLException {
        st.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
    }

    @Override
    void cleanUp() throws Exception {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(URL, user, null); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
