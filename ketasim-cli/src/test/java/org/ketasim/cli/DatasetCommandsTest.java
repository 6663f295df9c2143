package org.ketasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --dataset} and {@code trial --export-dataset} as a user meets them. */
class DatasetCommandsTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void trialExportsADatasetThatSimulateReplays() throws IOException {
        Path spec = dir.resolve("small.yaml");
        Files.writeString(spec, String.join("\n",
                "name: small", "seed: 7", "subjects_per_arm: 3", "population: {preset: trd}", "blinding: open-label",
                "arms:", "  - name: ketamine",
                "    doses: [{drug: ketamine, route: iv, amount: 0.5 mg/kg, over: 40 min, on_days: [0, 2]}]",
                "endpoints:", "  - {name: c24, kind: mean_change, scale: MADRS, at: 24 h}", ""));
        Path data = dir.resolve("small.csv");
        CliRun t = run("trial", spec.toString(), "--out", dir.resolve("r.json").toString(), "--export-dataset", data.toString());
        assertThat(t.code()).as(t.err()).isZero();
        List<String> rows = Files.readAllLines(data);
        assertThat(rows.get(0)).startsWith("ID,TIME,EVID,AMT,RATE,CMT,DRUG,DV,MDV,ARM,").contains(",WT,", ",AGE,", ",SEX,");
        // 3 subjects x (2 infusions + observations at 0 and 24 h)
        assertThat(rows).hasSize(1 + 3 * 4);
        Path out = dir.resolve("replay.csv");
        CliRun s = run("simulate", "--dataset", data.toString(), "--out", out.toString());
        assertThat(s.code()).as(s.err()).isZero();
        List<String> replay = Files.readAllLines(out);
        assertThat(replay.get(0)).startsWith("ID,time_h,ketamine_ng_ml,").contains(",madrs,");
        assertThat(replay).hasSize(1 + 3 * 2);
        // the replayed MADRS at 24 h is the DV the trial wrote (to the 6 digits of the CSV)
        int madrs = List.of(replay.get(0).split(",")).indexOf("madrs");
        String dv24 = rows.stream().filter(r -> r.startsWith("1,24,0,")).findFirst().orElseThrow().split(",")[7];
        String sim24 = replay.stream().skip(1).filter(r -> r.startsWith("1,") && Double.parseDouble(r.split(",")[1]) == 24).findFirst().orElseThrow().split(",")[madrs];
        assertThat(Double.parseDouble(sim24)).isCloseTo(Double.parseDouble(dv24), org.assertj.core.data.Percentage.withPercentage(1e-3));
    }

    @Test
    void aBadDatasetRowIsOneLineWithFileLineAndColumnAndExitCode2() throws IOException {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "ID,TIME,EVID,AMT,RATE,CMT,DV,MDV\n1,0,1,30,45,1,.,1\n1,1,0,abc,0,.,.,1\n");
        CliRun r = run("simulate", "--dataset", data.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ketasim: " + data + ":3:4: AMT must be a non-negative number, got 'abc'");
    }

    @Test
    void aMissingDatasetFolderFailsBeforeTheTrialRuns() throws IOException {
        Path spec = dir.resolve("small.yaml");
        Files.writeString(spec, String.join("\n",
                "name: small", "seed: 7", "subjects_per_arm: 3", "population: {preset: trd}", "blinding: open-label",
                "arms:", "  - name: ketamine",
                "    doses: [{drug: ketamine, route: iv, amount: 0.5 mg/kg, over: 40 min, on_days: [0]}]",
                "endpoints:", "  - {name: c24, kind: mean_change, scale: MADRS, at: 24 h}", ""));
        Path result = dir.resolve("r.json");
        CliRun r = run("trial", spec.toString(), "--out", result.toString(), "--export-dataset",
                dir.resolve("no-such-folder").resolve("d.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains("folder").contains("does not exist").doesNotContain("\n");
        assertThat(result).doesNotExist();
    }
}
