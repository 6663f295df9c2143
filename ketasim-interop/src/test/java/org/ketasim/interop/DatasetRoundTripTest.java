package org.ketasim.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketasim.engine.Simulator;
import org.ketasim.engine.Trajectory;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.interop.dataset.DatasetReader;
import org.ketasim.interop.dataset.DatasetSimulation;
import org.ketasim.interop.dataset.DatasetSubject;
import org.ketasim.interop.dataset.DatasetWriter;
import org.ketasim.interop.dataset.TrialDataset;
import org.ketasim.lang.Model;
import org.ketasim.models.ModelLibrary;
import org.ketasim.trial.TrialResult;
import org.ketasim.trial.TrialRunner;
import org.ketasim.trial.TrialSpec;

/**
 * Trial → dataset → simulate: a published trial's virtual subjects, written as a NONMEM-style dataset and read
 * back, reproduce the trial. Two independent references: the trial runner's own mean MADRS per arm at every
 * observation time, and the engine run directly on each subject's dataset values, compared with the DV the trial
 * export wrote.
 */
class DatasetRoundTripTest {

    private static final int SUBJECTS_PER_ARM = 25;

    private static Path trial(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("trials").resolve(name + ".yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("trials/" + name + ".yaml not found");
        }
        return dir.resolve("trials").resolve(name + ".yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"murrough-2013", "abdallah-2020-rapamycin"})
    void trialToDatasetToSimulateReproducesTheTrial(String name) throws Exception {
        Model model = ModelLibrary.ketamine();
        SolverOptions options = SolverOptions.defaults();
        TrialSpec spec = TrialSpec.read(trial(name)).withSubjectsPerArm(SUBJECTS_PER_ARM);

        List<DatasetSubject> exported = TrialDataset.of(model, spec, options);
        StringWriter csv = new StringWriter();
        DatasetWriter.write(exported, csv);
        List<DatasetSubject> read = DatasetReader.parse(csv.toString(), name + ".csv", model);
        assertThat(read).hasSize(SUBJECTS_PER_ARM * spec.arms().size());
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).doses()).as("doses of subject %d", i + 1).isEqualTo(exported.get(i).doses());
            assertThat(read.get(i).observationTimesH()).isEqualTo(exported.get(i).observationTimesH());
        }
        List<DatasetSimulation.SubjectRun> runs = DatasetSimulation.run(model, read, model.defaultParameters(), Set.of(), options);
        int madrs = model.outputIndex("madrs").getAsInt();

        // 1. each subject, simulated from the dataset, gives the MADRS the trial export computed in memory
        double worstSubject = 0;
        for (int i = 0; i < runs.size(); i++) {
            double[] dv = exported.get(i).observations();
            double[][] out = runs.get(i).trajectory().outputs();
            for (int k = 0; k < dv.length; k++) {
                worstSubject = Math.max(worstSubject, Math.abs(out[k][madrs] - dv[k]) / Math.abs(dv[k]));
            }
        }

        // 2. per arm, the mean MADRS over subjects equals the trial runner's mean at the same times
        TrialResult result = new TrialRunner(model, options).run(spec, done -> { });
        double worstMean = 0;
        for (int a = 0; a < spec.arms().size(); a++) {
            TrialResult.Trajectory mean = result.arms().get(a).madrs();
            double[] times = read.get(a * SUBJECTS_PER_ARM).observationTimesH();
            for (int k = 0; k < times.length; k++) {
                double sum = 0;
                for (int i = 0; i < SUBJECTS_PER_ARM; i++) {
                    DatasetSimulation.SubjectRun r = runs.get(a * SUBJECTS_PER_ARM + i);
                    assertThat(r.subject().arm()).isEqualTo(a + 1);
                    sum += r.trajectory().outputs()[k][madrs];
                }
                int g = indexOf(mean.timesH(), times[k]);
                worstMean = Math.max(worstMean, Math.abs(sum / SUBJECTS_PER_ARM - mean.mean()[g]) / Math.abs(mean.mean()[g]));
            }
        }

        // 3. the engine run directly on a subject's parameters (from its dataset row) gives the same trajectory
        DatasetSubject first = read.get(0);
        double[] p = DatasetSimulation.parameters(model, first, model.defaultParameters(), Set.of());
        Trajectory direct = new Simulator(model.compile(), model.doseTargets(), options).run(p, first.regimen(), first.observationTimesH());
        assertThat(direct.outputs()).isDeepEqualTo(runs.get(0).trajectory().outputs());

        System.out.printf(Locale.ROOT, "%s: %d subjects; max relative difference of MADRS, dataset vs trial export %.3g, "
                + "arm means vs TrialRunner %.3g%n", name, read.size(), worstSubject, worstMean);
        assertThat(worstSubject).isLessThanOrEqualTo(1e-9);
        assertThat(worstMean).isLessThanOrEqualTo(1e-9);
    }

    private static int indexOf(double[] grid, double t) {
        for (int i = 0; i < grid.length; i++) {
            if (Math.abs(grid[i] - t) < 1e-9) {
                return i;
            }
        }
        throw new AssertionError("time " + t + " is not on the trial's grid");
    }
}
