package org.ketasim.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.interop.dataset.DatasetException;
import org.ketasim.interop.dataset.DatasetReader;
import org.ketasim.interop.dataset.DatasetSimulation;
import org.ketasim.interop.dataset.DatasetSubject;
import org.ketasim.interop.dataset.DatasetWriter;
import org.ketasim.interop.dataset.TrialDataset;
import org.ketasim.lang.Model;
import org.ketasim.trial.TrialSpec;

/** The dataset options of {@code simulate --dataset} and {@code trial --export-dataset}; the work is in ketasim-interop. */
final class DatasetRuns {

    private DatasetRuns() {
    }

    /** Simulates every subject of a dataset and writes {@code ID,time_h,outputs...} to {@code out} (or standard output). */
    static void simulate(Model model, Path dataset, CourseOptions course, String format, SolverOptions options, Path out)
            throws IOException {
        if (format != null && !format.equalsIgnoreCase("csv")) {
            throw new UserInputException("--dataset writes CSV; --format '" + format + "' is not available with it");
        }
        List<DatasetSubject> subjects;
        try {
            subjects = DatasetReader.read(dataset, model);
        } catch (DatasetException e) {
            throw new UserInputException(e.getMessage());
        }
        double[] base = SimulationRun.parameters(model, course.weightKg(), course.sets);
        List<DatasetSimulation.SubjectRun> runs = DatasetSimulation.run(model, subjects, base, course.sets.keySet(), options);
        if (out == null) {
            Writer w = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            DatasetSimulation.writeCsv(model, runs, w);
            w.flush();
        } else {
            Files2.writeAtomically(out, w -> DatasetSimulation.writeCsv(model, runs, w));
            System.err.println("wrote " + out + " (" + subjects.size() + " subjects)");
        }
    }

    /** Fails early (before a long trial) when the dataset's folder does not exist. */
    static void checkFolder(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new UserInputException("cannot write " + file + ": folder " + dir + " does not exist");
        }
    }

    /** Writes a trial's virtual subjects as a dataset. */
    static void exportTrial(Model model, TrialSpec spec, SolverOptions options, Path file) throws IOException {
        List<DatasetSubject> subjects = TrialDataset.of(model, spec, options);
        Files2.writeAtomically(file, w -> DatasetWriter.write(subjects, w));
        System.err.println("wrote " + file + " (" + subjects.size() + " subjects)");
    }
}
