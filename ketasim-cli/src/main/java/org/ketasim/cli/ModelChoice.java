package org.ketasim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ketasim.lang.Model;
import org.ketasim.lang.ModelException;
import org.ketasim.models.ModelLibrary;

import picocli.CommandLine.Option;

/** {@code --model FILE}: a model file to use instead of the bundled ketamine model. */
final class ModelChoice {

    @Option(names = "--model", paramLabel = "FILE", description = "Model file (.ksm); default: the bundled models/ketamine.ksm.")
    Path file;

    Model model() {
        if (file == null) {
            return ModelLibrary.ketamine();
        }
        if (!Files.isReadable(file)) {
            throw new UserInputException("--model " + file + ": no such readable file");
        }
        try {
            return Model.load(file);
        } catch (ModelException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
