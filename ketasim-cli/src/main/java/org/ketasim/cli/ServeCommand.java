package org.ketasim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ketasim.server.ClinicConfig;
import org.ketasim.server.ClinicServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ketasim serve}: the clinic web app and JSON API on an embedded or PostgreSQL database. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the clinic: patients, screening, questionnaires, plans and infusion sessions with the model's "
                + "prediction, as a web app and JSON API. Embedded database by default (no set-up); PostgreSQL with --db.",
        footer = {"", "Environment: KETASIM_DB_URL, KETASIM_DB_USER, KETASIM_DB_PASSWORD (used when --db is not given).",
                "", "Examples:", "  ketasim serve --demo", "  ketasim serve --port 8080 --data ./ketasim-data",
                "  KETASIM_DB_PASSWORD=... ketasim serve --db jdbc:postgresql://db.example:5432/clinic --db-user clinic"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "TCP port (default ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port = ClinicConfig.DEFAULT_PORT;

    @Option(names = "--host", description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface, behind a TLS proxy).",
            defaultValue = "127.0.0.1")
    String host = "127.0.0.1";

    @Option(names = {"--data", "--data-dir"}, paramLabel = "DIR", description = "Directory of the embedded database (default ${DEFAULT-VALUE}).",
            defaultValue = "ketasim-data")
    Path data = Path.of("ketasim-data");

    @Option(names = {"--db", "--db-url"}, paramLabel = "JDBC_URL", description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://localhost:5432/clinic "
            + "(default: the embedded database, or KETASIM_DB_URL).")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (or KETASIM_DB_USER). The password is read from KETASIM_DB_PASSWORD only.")
    String dbUser;

    @Option(names = "--db-schema", description = "PostgreSQL schema to create and use (default: the user's default schema).")
    String dbSchema;

    @Option(names = "--demo", description = "Load fictional accounts and patients and print how to log in.")
    boolean demo;

    @Option(names = "--secure-cookies", description = "Mark the session cookie Secure (set this when the clinic is served over HTTPS).")
    boolean secureCookies;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port must be 0-65535");
        }
        String url = dbUrl != null ? dbUrl : System.getenv("KETASIM_DB_URL");
        String user = dbUser != null ? dbUser : System.getenv("KETASIM_DB_USER");
        if (url != null && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new UserInputException("--db must be a JDBC URL starting with jdbc:postgresql: (or jdbc:h2:)");
        }
        ClinicConfig config = ClinicConfig.defaults().withPort(port).withHost(host).withDataDir(data)
                .withDatabase(url, user, System.getenv("KETASIM_DB_PASSWORD"), dbSchema).withDemo(demo).withSecureCookies(secureCookies);
        ClinicServer server;
        try {
            server = ClinicServer.start(config, System.out);
        } catch (org.flywaydb.core.api.FlywayException | com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
            throw new UserInputException("cannot open the database " + (url == null ? "in " + data : url) + ": " + e.getMessage());
        } catch (io.javalin.util.JavalinBindException e) {
            throw new UserInputException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); choose another --port");
        }
        System.out.println("KetaSim clinic: open http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + server.port()
                + "/ in a browser (database: " + (url == null ? data.toAbsolutePath() : url.replaceAll("password=[^&]*", "password=***")) + ")");
        System.out.println("Stop with Ctrl-C.");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
        return 0;
    }
}
