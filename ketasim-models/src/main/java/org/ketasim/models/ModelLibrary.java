package org.ketasim.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ketasim.lang.Model;
import org.ketasim.lang.ModelException;

/**
 * The models that ship with KetaSim, read from the {@code models/} folder at the repository root
 * (packaged as class-path resources).
 *
 * <p>Each model is parsed and checked once and then shared; {@link Model} is immutable.
 */
public final class ModelLibrary {

    /** The default model: {@code models/ketamine.ksm}. */
    public static final String KETAMINE = "ketamine";

    private static final Map<String, Model> CACHE = new ConcurrentHashMap<>();

    private ModelLibrary() {
    }

    /** Names of the bundled models. */
    public static List<String> names() {
        return List.of(KETAMINE);
    }

    /** The bundled ketamine model. */
    public static Model ketamine() {
        return get(KETAMINE);
    }

    /**
     * A bundled model by name.
     *
     * @throws IllegalArgumentException if no such model ships with KetaSim
     */
    public static Model get(String name) {
        return CACHE.computeIfAbsent(name, ModelLibrary::load);
    }

    /** The source text of a bundled model. */
    public static String source(String name) {
        String resource = "/models/" + name + ".ksm";
        try (InputStream in = ModelLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled model '" + name + "'; bundled: " + names());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Model load(String name) {
        try {
            return Model.parse(source(name), "models/" + name + ".ksm");
        } catch (ModelException e) {
            // A bundled model that fails its own checks is a build defect, not a user error.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
