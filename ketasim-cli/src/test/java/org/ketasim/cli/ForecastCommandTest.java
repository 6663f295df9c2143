package org.ketasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ketasim forecast}: the example patient, the plot, and a bad file's one-line error (exit 2). */
class ForecastCommandTest {

    @TempDir
    Path dir;

    @Test
    void forecastsTheExamplePatientWithPlot() throws Exception {
        Path out = dir.resolve("f.json");
        Path png = dir.resolve("f.png");
        CliRun r = CliRun.of("forecast", "--patient", "../ketasim-forecast/examples/patient.json", "--out",
                out.toString(), "--plot", png.toString(), "--draws", "20", "--horizon", "14");
        assertThat(r.code()).as(r.err()).isZero();
        String json = Files.readString(out);
        assertThat(json).contains("\"trajectory\"", "\"lo90\"", "\"hi90\"", "\"relapse_day\"", "\"recommendation\"",
                "\"alternatives\"", "Decision support only");
        assertThat(Files.size(png)).isGreaterThan(1000);
        assertThat(r.err()).contains("decision support only");
    }

    @Test
    void badPatientFileGivesOneLineAndExit2() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("../ketasim-forecast/examples/patient.json"))
                .replace("\"value\": 19", "\"value\": 61"));
        CliRun r = CliRun.of("forecast", "--patient", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ketasim: " + bad + ": observations[1].value: 61 is outside the MADRS "
                + "range 0-60");
    }
}
