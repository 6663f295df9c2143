package org.ketasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@code ketasim serve} at the command line: help, and one-line errors with exit code 2 (the server itself is tested in ketasim-server). */
class ServeCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpListsTheOptionsOfTheIssue() {
        Run r = run("serve", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--port").contains("--data").contains("--db-url").contains("--demo").contains("KETASIM_DB_PASSWORD");
    }

    @Test
    void badOptionsAreOneLineErrors() {
        Run port = run("serve", "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err().strip()).startsWith("ketasim: --port").doesNotContain("\n");
        Run db = run("serve", "--db", "mysql://localhost/x");
        assertThat(db.code()).isEqualTo(2);
        assertThat(db.err()).contains("jdbc:postgresql:");
        assertThat(run("serve", "--port", "eighty").code()).isEqualTo(2);
    }
}
