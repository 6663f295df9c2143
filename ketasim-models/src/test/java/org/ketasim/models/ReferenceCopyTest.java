package org.ketasim.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The copied reference targets ({@code reference/}) are byte-for-byte those of {@code ../shared/reference} when it is present. */
class ReferenceCopyTest {

    @ParameterizedTest
    @ValueSource(strings = {"pk-observations.csv", "pk-parameters.csv", "trial-targets.csv", "mechanism-targets.csv"})
    void vendoredCopyMatchesShared(String file) throws IOException {
        Path shared = Path.of("..", "..", "shared", "reference", file);
        assumeTrue(Files.exists(shared), "../shared/reference is absent (a user's clone): nothing to compare");
        try (InputStream in = ReferenceCopyTest.class.getResourceAsStream("/reference/" + file)) {
            assertThat(new String(in.readAllBytes())).isEqualTo(Files.readString(shared));
        }
    }
}
