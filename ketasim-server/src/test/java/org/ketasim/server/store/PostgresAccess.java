package org.ketasim.server.store;

/** Where the PostgreSQL test server is, for tests outside this package. */
public final class PostgresAccess {

    private PostgresAccess() {
    }

    public static String url() {
        return PostgresStorageTest.URL;
    }

    /** The user that can connect, or null when no server answers. */
    public static String user() {
        return PostgresStorageTest.availableUser();
    }
}
