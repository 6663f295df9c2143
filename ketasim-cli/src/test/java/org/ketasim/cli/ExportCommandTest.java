package org.ketasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.engine.dosing.Salt;

/** {@code ketasim export}: the SBML file it writes, and one-line errors with exit code 2. */
class ExportCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void exportWritesSbmlWithThePatientAndTheCourse() throws IOException {
        Path xml = dir.resolve("k.xml");
        CliRun r = run("export", "--format", "sbml", "--out", xml.toString(), "--weight", "80", "--days", "0,2");
        assertThat(r.code()).as(r.err()).isZero();
        String sbml = Files.readString(xml);
        assertThat(sbml).contains("<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\">");
        // 80 kg in canonical mg, and 0.5 mg/kg HCl over 40 min as mg/h of base
        assertThat(sbml).contains("id=\"WT\"").contains("value=\"8.0E7\"");
        double rate = Salt.HCL.toBaseMg(0.5 * 80) / (40.0 / 60);
        assertThat(sbml).contains(" " + new java.math.BigDecimal(Double.toString(rate)).toPlainString() + " ");
        // two sessions, each a start and an end of infusion
        assertThat(sbml.split("<event ", -1)).hasSize(5);
        assertThat(r.err()).contains("wrote " + xml);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--format|cellml|--format 'cellml' is not known",
        "--dose|abc|--dose 'abc'",
        "--model|no-such-model.ksm|no such readable file",
        "--route|nasal-spray|unknown route"})
    void badInputGivesOneLineAndExitCode2(String option, String value, String fragment) {
        CliRun r = run("export", "--out", dir.resolve("x.xml").toString(), option, value);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains(fragment).doesNotContain("\n");
        assertThat(dir.resolve("x.xml")).doesNotExist();
    }

    @Test
    void outIsRequired() {
        CliRun r = run("export", "--format", "sbml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains("--out").doesNotContain("\n");
    }

    @Test
    void aModelFileOfTheUsersOwnExportsFromWhatItSays() throws IOException {
        Path ksm = dir.resolve("one.ksm");
        Files.writeString(ksm, String.join("\n", "model one \"One compartment\"", "[covariates]",
                "WT = 70 kg : \"weight\" : assumed \"test\"", "[parameters]", "k = 0.5 1/h : \"elimination\" : source \"Test 2026\"",
                "[states]", "A(0) = 0 [mg] : \"amount\"", "[dosing]", "iv S: A", "iv R: A", "[equations]", "d/dt(A) = -k * A",
                "[outputs]", "amount = A [mg] : \"amount\"", ""));
        Path xml = dir.resolve("one.xml");
        CliRun r = run("export", "--model", ksm.toString(), "--out", xml.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String sbml = Files.readString(xml);
        assertThat(sbml).contains("<model id=\"one\" name=\"One compartment\"").contains("<rateRule variable=\"A\">")
                .contains("provenance=\"source\"").contains(">Test 2026</ketasim:parameter>")
                .doesNotContain("listOfInitialAssignments");
        assertThat(sbml.split("<event ", -1)).hasSize(3);
    }
}
