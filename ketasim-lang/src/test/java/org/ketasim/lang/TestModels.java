package org.ketasim.lang;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Access to the models under {@code src/test/resources/models}. */
final class TestModels {

    private TestModels() {
    }

    static Path path(String name) {
        try {
            return Path.of(TestModels.class.getResource("/models/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Model load(String name) {
        try {
            return Model.load(path(name));
        } catch (ModelException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
