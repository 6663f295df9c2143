package org.ketasim.server;

import java.nio.file.Path;

/**
 * Runs the clinic server without the {@code ketasim} command (used by the crash test, which starts it as a
 * separate process). Options: {@code --port N --data-dir DIR --db JDBC_URL --demo --bcrypt-cost N}.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ClinicConfig c = ClinicConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> c = c.withPort(Integer.parseInt(args[++i]));
                case "--data-dir" -> c = c.withDataDir(Path.of(args[++i]));
                case "--db" -> c = c.withDatabase(args[++i], null, null, null);
                case "--demo" -> c = c.withDemo(true);
                case "--bcrypt-cost" -> c = c.withBcryptCost(Integer.parseInt(args[++i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ClinicServer server = ClinicServer.start(c, System.out);
        System.out.println("ketasim clinic listening on http://" + c.host() + ":" + server.port() + "/");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }
}
