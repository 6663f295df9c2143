package org.ketasim.server.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.io.TempDir;

/** Storage tests on the embedded H2 file database (the default of {@code ketasim serve}). */
class H2StorageTest extends StorageContract {

    @TempDir
    Path dir;

    @Override
    Database open() {
        return Database.open(Database.embeddedUrl(dir), null, null, null);
    }

    @Override
    void bypassTriggers(Statement st) throws SQLException {
        st.execute("DROP TRIGGER audit_log_no_update");
    }

    @Override
    void bypassDeleteTrigger(Statement st) throws SQLException {
        st.execute("DROP TRIGGER audit_log_no_delete");
    }
}
