package org.ketasim.server;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;

import org.ketasim.server.clinical.InvalidInput;
import org.ketasim.server.clinical.Role;
import org.ketasim.server.model.PatientForecasts;
import org.ketasim.server.model.SessionPredictor;
import org.ketasim.server.store.ClinicStore;
import org.ketasim.server.store.Database;
import org.ketasim.server.store.DemoData;
import org.ketasim.server.web.ClinicApi;
import org.ketasim.server.web.Passwords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

/**
 * The clinic server: database, JSON API and web interface in one process.
 *
 * <pre>{@code
 * try (ClinicServer server = ClinicServer.start(ClinicConfig.defaults().withPort(0), System.out)) {
 *     int port = server.port();
 * }
 * }</pre>
 */
public final class ClinicServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClinicServer.class);

    private final Javalin app;
    private final Database db;
    private final ClinicStore store;
    private final PatientForecasts forecasts;

    private ClinicServer(Javalin app, Database db, ClinicStore store, PatientForecasts forecasts) {
        this.app = app;
        this.db = db;
        this.store = store;
        this.forecasts = forecasts;
    }

    /** Opens (and migrates) the database, creates the first administrator if there is none, and starts listening. */
    public static ClinicServer start(ClinicConfig config, PrintStream out) {
        if (config.dbUrl() == null) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot create the data directory " + config.dataDir() + ": " + e.getMessage());
            }
        }
        Database db = Database.open(config.effectiveDbUrl(), config.dbUser(), config.dbPassword(), config.dbSchema());
        try {
            ClinicStore store = new ClinicStore(db);
            Passwords passwords = new Passwords(config.bcryptCost());
            DemoData.seedProtocols(store);
            if (config.demo()) {
                DemoData.load(store, passwords, out);
            } else if (store.countUsers() == 0) {
                String otp = Passwords.oneTime();
                store.createUser(null, "admin", "Administrator", Role.ADMINISTRATOR, passwords.hash(otp), true);
                out.println("ketasim serve: created the first administrator account.");
                out.println("  username: admin");
                out.println("  one-time password: " + otp + "   (shown once; you must change it at first login)");
            }
            SessionPredictor predictor = new SessionPredictor();
            PatientForecasts forecasts = new PatientForecasts();
            Javalin app = create(new ClinicApi(store, passwords, config, predictor, forecasts));
            try {
                app.start(config.host(), config.port());
            } catch (RuntimeException e) {
                forecasts.close();
                throw e;
            }
            return new ClinicServer(app, db, store, forecasts);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    static Javalin create(ClinicApi api) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = 256_000L;
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/public";
                sf.location = Location.CLASSPATH;
            });
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
            if (ctx.path().startsWith("/api/")) {
                ctx.header("Cache-Control", "no-store");
            }
        });
        app.exception(InvalidInput.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(Map.of("error", "internal error; the server log has the details"));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(Map.of("error", "not found: " + ctx.method() + " " + ctx.path()));
            }
        });
        app.error(405, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(Map.of("error", "method not allowed"));
            }
        });
        api.register(app);
        return app;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    public ClinicStore store() {
        return store;
    }

    @Override
    public void close() {
        app.stop();
        forecasts.close();
        db.close();
    }
}
