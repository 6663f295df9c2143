package org.ketasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ketasim command as a user meets it: outputs, files, and one-line errors with exit code 2. */
class CliTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void simulateWritesTheDocumentedCsvColumns() throws IOException {
        Path csv = dir.resolve("s.csv");
        CliRun r = run("simulate", "--weight", "70", "--drug", "ketamine", "--route", "iv", "--dose", "0.5mg/kg", "--over", "40min",
                "--days", "0,2", "--until", "3d", "--every", "30min", "--out", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0).split(",")).contains("time_h", "ketamine_ng_ml", "norketamine_ng_ml", "hnk_ng_ml",
                "nmdar_occupancy_interneuron", "glutamate_rel", "bdnf_rel", "mtorc1_rel", "spine_density_rel", "madrs", "cadss",
                "sbp_change_mmhg", "pain_nrs_change");
        assertThat(lines).hasSize(1 + 3 * 48 + 1);
        assertThat(lines.get(1)).startsWith("0,0,"); // no drug before the first dose
    }

    @Test
    void doseInMgPerKgScalesWithWeightAndHclIsConvertedToBase() throws IOException {
        // 0.5 mg/kg HCl at 70 kg equals 35 mg HCl, equals 30.35 mg base
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        assertThat(run("simulate", "--dose", "0.5mg/kg", "--until", "1h", "--every", "40min", "--out", a.toString()).code()).isZero();
        assertThat(run("simulate", "--dose", "35mg", "--until", "1h", "--every", "40min", "--out", b.toString()).code()).isZero();
        assertThat(run("simulate", "--dose", "30.3457mg", "--salt", "base", "--until", "1h", "--every", "40min", "--out", c.toString()).code()).isZero();
        double ka = Double.parseDouble(Files.readAllLines(a).get(2).split(",")[1]);
        double kb = Double.parseDouble(Files.readAllLines(b).get(2).split(",")[1]);
        double kc = Double.parseDouble(Files.readAllLines(c).get(2).split(",")[1]);
        assertThat(ka).isEqualTo(kb);
        assertThat(kc).isCloseTo(ka, org.assertj.core.data.Percentage.withPercentage(0.01));
    }

    @Test
    void infusionByRateGivesTheSameCourseAsByDuration() throws IOException {
        // 0.75 mg/kg/h for 40 min is 0.5 mg/kg; 52.5 mg/h with 35 mg lasts 40 min
        Path byDuration = dir.resolve("d.csv");
        Path byRate = dir.resolve("r.csv");
        Path byRateAndDose = dir.resolve("rd.csv");
        assertThat(run("simulate", "--dose", "0.5mg/kg", "--over", "40min", "--until", "2h", "--every", "20min", "--out", byDuration.toString()).code()).isZero();
        assertThat(run("simulate", "--rate", "0.75mg/kg/h", "--over", "40min", "--until", "2h", "--every", "20min", "--out", byRate.toString()).code()).isZero();
        assertThat(run("simulate", "--rate", "52.5mg/h", "--dose", "35mg", "--until", "2h", "--every", "20min", "--out", byRateAndDose.toString()).code()).isZero();
        List<String> a = Files.readAllLines(byDuration);
        List<String> b = Files.readAllLines(byRate);
        List<String> c = Files.readAllLines(byRateAndDose);
        for (int i = 1; i < a.size(); i++) {
            double x = Double.parseDouble(a.get(i).split(",")[1]);
            assertThat(Double.parseDouble(b.get(i).split(",")[1])).isCloseTo(x, org.assertj.core.data.Percentage.withPercentage(1e-3));
            assertThat(Double.parseDouble(c.get(i).split(",")[1])).isCloseTo(x, org.assertj.core.data.Percentage.withPercentage(1e-3));
        }
        CliRun bad = run("simulate", "--rate", "1mg/h", "--dose", "35mg", "--over", "40min", "--until", "1h");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("disagree");
    }

    @Test
    void jsonCarriesUnitsParametersAndSeries() throws IOException {
        Path json = dir.resolve("s.json");
        CliRun r = run("simulate", "--until", "2h", "--every", "1h", "--set", "hnk_ampa=1", "--out", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(tree.at("/units/ketamine_ng_ml").asText()).isEqualTo("ng/mL");
        assertThat(tree.at("/parameters/hnk_ampa").asDouble()).isEqualTo(1.0);
        assertThat(tree.at("/series/time_h").size()).isEqualTo(3);
    }

    @Test
    void setChangesTheParameterInTheModelFilesUnit() throws IOException {
        Path base = dir.resolve("base.csv");
        Path slow = dir.resolve("slow.csv");
        run("simulate", "--until", "1h", "--every", "40min", "--out", base.toString());
        // doubling both clearances lowers the end-of-infusion level
        run("simulate", "--until", "1h", "--every", "40min", "--set", "CL_S=170.6", "--set", "CL_R=147.2L/h", "--out", slow.toString());
        double b = Double.parseDouble(Files.readAllLines(base).get(2).split(",")[1]);
        double s = Double.parseDouble(Files.readAllLines(slow).get(2).split(",")[1]);
        assertThat(s).isLessThan(0.8 * b);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "negative dose|--dose|-1mg/kg|must be positive",
        "unknown unit|--dose|0.5furlongs|furlongs",
        "unknown route|--route|teleport|teleport",
        "weight out of range|--weight|5000|20-300 kg",
        "weight not a number|--weight|NaN|20-300 kg",
        "absurd dose|--dose|1e9mg/kg|implausible",
        "negative duration|--over|-40min|must not be negative",
        "dose without unit|--dose|0.5|needs a unit",
        "unknown drug|--drug|aspirin|aspirin",
        "bad clock time|--at|25:99|HH:MM",
        "bad day|--days|x|day number",
        "duration not a time|--over|40mg|not a duration",
    })
    void badInputGivesOneLineAndExitCode2(String what, String option, String value, String fragment) {
        CliRun r = run("simulate", option, value, "--until", "1d", "--out", dir.resolve("x.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("Exception").doesNotContain("\n").contains(fragment);
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void unknownSetNameSuggestsTheClosestParameter() {
        CliRun r = run("simulate", "--set", "CL_Z=3", "--until", "1d");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no parameter 'CL_Z'").contains("did you mean");
    }

    @Test
    void malformedModelFileIsReportedWithFileLineAndColumn() throws IOException {
        Path bad = dir.resolve("bad.ksm");
        Files.writeString(bad, "model m \"broken\"\n[parameters]\nCL = 80 L/h : \"clearance\"\n");
        CliRun r = run("check", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).matches("ketasim: .*bad\\.ksm:3:\\d+: .*").doesNotContain("\n");
    }

    @Test
    void checkAcceptsTheBundledModelFile() {
        CliRun r = run("check", Path.of("..", "models", "ketamine.ksm").toString());
        assertThat(r.code()).as(r.err()).isZero();
        int states = org.ketasim.models.ModelLibrary.ketamine().states().size();
        assertThat(r.out()).contains("is consistent").contains(states + " states");
    }

    @Test
    void paramsListsEveryParameterWithItsProvenance() {
        CliRun r = run("params", "--format", "csv");
        assertThat(r.code()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines[0]).isEqualTo("name,kind,value,unit,bsv_cv,grade,provenance,label");
        assertThat(r.out()).contains("CL_S,parameter,85.3,\"L/h\",0.25,source,");
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).matches(".*,(source|assumed|calibrated),\".+\",\".+\"");
        }
    }

    @Test
    void plotsArePngOrSvgFiles() throws IOException {
        Path png = dir.resolve("c.png");
        Path svg = dir.resolve("c.svg");
        assertThat(run("simulate", "--until", "1d", "--every", "30min", "--out", dir.resolve("a.csv").toString(), "--plot", png.toString()).code()).isZero();
        assertThat(run("simulate", "--until", "1d", "--every", "30min", "--out", dir.resolve("b.csv").toString(), "--plot", svg.toString()).code()).isZero();
        byte[] head = Files.readAllBytes(png);
        assertThat(head[1]).isEqualTo((byte) 'P');
        assertThat(Files.readString(svg)).contains("<svg");
        assertThat(run("simulate", "--until", "1d", "--plot", dir.resolve("c.gif").toString()).code()).isEqualTo(2);
    }

    @Test
    void demoWritesCsvAndPlotsAndSummarises() {
        CliRun r = run("demo", "--out-dir", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("demo.csv")).exists();
        assertThat(dir.resolve("demo-first-day.png")).exists();
        assertThat(r.out()).contains("plasma ketamine").contains("MADRS").contains("fade");
    }
}
