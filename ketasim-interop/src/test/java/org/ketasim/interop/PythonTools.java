package org.ketasim.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scripts of {@code tools/sbml/} with Debian's Python ({@code /usr/bin/python3}, where
 * {@code python3-sbml5} and {@code python3-scipy} install libSBML and SciPy). Tests that need them are skipped,
 * not failed, on a machine without them.
 */
final class PythonTools {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonTools() {
    }

    /** The output and exit code of a finished script. */
    record Result(int exitCode, String output) {
    }

    /** Skips the calling test unless /usr/bin/python3 imports libsbml, scipy and numpy. */
    static void assumeLibSbmlAndScipy() {
        boolean ok = false;
        if (Files.isExecutable(PYTHON)) {
            try {
                ok = run(List.of(PYTHON.toString(), "-c", "import libsbml, scipy, numpy"), 60).exitCode() == 0;
            } catch (IOException e) {
                ok = false;
            }
        }
        assumeTrue(ok, "skipped: /usr/bin/python3 lacks libsbml, scipy or numpy (Debian: apt-get install python3-sbml5 "
                + "python3-scipy python3-numpy); the SBML export is then not checked against libSBML and SciPy");
    }

    /** {@code tools/sbml/NAME}, found from the module folder or the repository root. */
    static Path script(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve("tools").resolve("sbml").resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("tools/sbml/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    static Result python(String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON.toString());
        cmd.add(script(script).toString());
        cmd.addAll(List.of(args));
        return run(cmd, 600);
    }

    private static Result run(List<String> cmd, int timeoutS) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + cmd);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
    }
}
