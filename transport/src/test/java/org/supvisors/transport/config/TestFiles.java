package org.supvisors.transport.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes configuration files for tests. */
final class TestFiles {

    private TestFiles() {
    }

    /** Writes {@code text} to {@code dir/name}, creating directories; returns the path. */
    static Path write(Path dir, String name, String text) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
