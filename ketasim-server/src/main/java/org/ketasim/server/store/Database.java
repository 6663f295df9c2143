package org.ketasim.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The clinic's database: a connection pool, the schema migrations, and transactions.
 *
 * <p>Two vendors are supported with the same schema: an embedded H2 file database in PostgreSQL mode
 * (the default: nothing to set up) and PostgreSQL. Migrations shared by both live in
 * {@code db/migration/common}; the append-only triggers of the audit log differ and live in
 * {@code db/migration/h2} and {@code db/migration/postgresql}.
 */
public final class Database implements AutoCloseable {

    /** The database products the clinic runs on. */
    public enum Vendor { H2, POSTGRESQL }

    private final HikariDataSource dataSource;
    private final Vendor vendor;

    private Database(HikariDataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
    }

    /**
     * The JDBC URL of the embedded database in {@code dataDir}. Every commit is written to the file before
     * it returns ({@code WRITE_DELAY=0}), so a killed process loses no acknowledged write.
     */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ketasim").toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    /**
     * Opens the pool and brings the schema up to date.
     *
     * @param url      JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql://...})
     * @param user     database user, or null to take it from the URL
     * @param password database password, or null
     * @param schema   schema to create and use (PostgreSQL), or null for the default
     */
    public static Database open(String url, String user, String password, String schema) {
        Vendor vendor;
        if (url.startsWith("jdbc:h2:")) {
            vendor = Vendor.H2;
        } else if (url.startsWith("jdbc:postgresql:")) {
            vendor = Vendor.POSTGRESQL;
        } else {
            throw new IllegalArgumentException("database URL must start with jdbc:h2: or jdbc:postgresql: (got '"
                    + url.replaceAll("password=[^&;]*", "password=***") + "')");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        if (schema != null) {
            config.setSchema(schema);
        }
        config.setMaximumPoolSize(vendor == Vendor.H2 ? 8 : 16);
        config.setAutoCommit(true);
        config.setPoolName("ketasim-clinic");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            var flyway = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.name().toLowerCase(Locale.ROOT));
            if (schema != null) {
                flyway.schemas(schema).defaultSchema(schema);
            }
            flyway.load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, vendor);
    }

    public Vendor vendor() {
        return vendor;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface TxWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: everything it wrote is committed together when it returns, and
     * nothing is kept when it throws. Commit happens before this method returns, so a caller that answers a
     * request after it has acknowledged a durable write.
     */
    public <T> T tx(TxWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                if (e instanceof SQLException s) {
                    throw new StoreException(s);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
