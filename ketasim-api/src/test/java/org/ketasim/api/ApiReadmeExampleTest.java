package org.ketasim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import example.ReadmeExample;

/**
 * The README's "Java API" example is {@code src/test/java/example/ReadmeExample.java} from its first import
 * on, character for character, and it runs.
 */
class ApiReadmeExampleTest {

    private static final Path EXAMPLE = Path.of("ketasim-api/src/test/java/example/ReadmeExample.java");

    /** The fenced java block of README.md that follows the marker naming the example file. */
    static String readmeBlock() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("<!-- example: " + Pattern.quote(EXAMPLE.toString()) + " -->\\s*```java\\n(.*?)```",
                Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a ```java block after <!-- example: " + EXAMPLE + " -->").isTrue();
        return m.group(1);
    }

    @Test
    void readmeShowsTheExampleVerbatim() throws Exception {
        String source = Files.readString(EXAMPLE);
        String fromImports = source.substring(source.indexOf("import "));
        assertThat(readmeBlock()).isEqualTo(fromImports);
    }

    @Test
    void theExampleRuns() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            ReadmeExample.main(new String[0]);
        } finally {
            System.setOut(saved);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        saved.print(out);
        Matcher madrs = Pattern.compile("MADRS (\\d+\\.\\d) -> (\\d+\\.\\d) points after 672 h").matcher(out);
        assertThat(madrs.find()).as(out).isTrue();
        assertThat(Double.parseDouble(madrs.group(2))).isLessThan(Double.parseDouble(madrs.group(1)));
        assertThat(out).containsPattern("response at 24 h: 0\\.\\d\\d \\(95% CI 0\\.\\d\\d-[01]\\.\\d\\d\\)");
    }
}
