package org.ketasim.api;

import java.nio.file.Path;

import org.ketasim.lang.Model;
import org.ketasim.lang.ModelException;
import org.ketasim.models.ModelLibrary;

/**
 * Where an embedding program starts: the models.
 *
 * <pre>{@code
 * Model model = KetaSim.ketamineModel();                    // models/ketamine.ksm, bundled
 * Model mine = KetaSim.model(Path.of("my-model.ksm"));      // a model file of your own
 * }</pre>
 *
 * <p>A {@link Model} is parsed, unit-checked and immutable; it lists its covariates, parameters and
 * switches ({@link Model#parameters()}, each with value, unit and provenance) and its outputs
 * ({@link Model#outputs()}, each with its display unit). Hand it to {@link Simulation#builder(Model)} or
 * {@link Trial#model(Model)}.
 */
public final class KetaSim {

    private KetaSim() {
    }

    /**
     * The bundled ketamine model ({@code models/ketamine.ksm}): racemic ketamine, esketamine and arketamine
     * by six routes, through receptors, circuit and plasticity to MADRS, dissociation, blood pressure and
     * pain. Parsed once and shared.
     *
     * @return the model
     * @throws IllegalStateException if the bundled model fails its own checks (a build defect)
     */
    public static Model ketamineModel() {
        return ModelLibrary.ketamine();
    }

    /**
     * Reads, parses and unit-checks a model file of your own (the language: {@code docs/model-language.md}).
     *
     * @param file a {@code .ksm} file, UTF-8
     * @return the model
     * @throws ModelException when the file cannot be read or is not a valid model; its message is one line,
     *                        {@code file:line:column: what is wrong}
     * @throws IllegalArgumentException if {@code file} is null
     */
    public static Model model(final Path file) throws ModelException {
        if (file == null) {
            throw new IllegalArgumentException("model file is missing");
        }
        return Model.load(file);
    }
}
