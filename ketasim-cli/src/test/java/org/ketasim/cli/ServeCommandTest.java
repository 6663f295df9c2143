package org.ketasim.cli;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

/** {@code ketasim serve} at the command line: help, and one-line errors with exit code 2 (the server itself is tested in ketasim-server). */
class ServeCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void helpListsTheOptionsOfTheIssue() {
        CliRun r = run("serve", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--port").contains("--data").contains("--db-url").contains("--demo").contains("KETASIM_DB_PASSWORD");
    }

    @Test
    void badOptionsAreOneLineErrors() {
        CliRun port = run("serve", "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err().strip()).startsWith("ketasim: --port").doesNotContain("\n");
        CliRun db = run("serve", "--db", "mysql://localhost/x");
        assertThat(db.code()).isEqualTo(2);
        assertThat(db.err()).contains("jdbc:postgresql:");
        assertThat(run("serve", "--port", "eighty").code()).isEqualTo(2);
    }
}
