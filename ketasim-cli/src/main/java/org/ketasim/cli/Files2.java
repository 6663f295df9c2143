package org.ketasim.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that a reader never sees half a file: write beside, then rename. */
final class Files2 {

    interface WriterBody {
        void write(Writer w) throws IOException;
    }

    private Files2() {
    }

    static void writeAtomically(Path target, WriterBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserInputException("cannot write " + target + ": folder " + dir + " does not exist");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        } catch (NoSuchFileException | java.nio.file.AccessDeniedException e) {
            throw new UserInputException("cannot write " + target + ": " + e.getMessage());
        }
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
