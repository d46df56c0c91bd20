package org.supvisors.dist.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Where the agent records the extra arguments of the processes whose command starts with the launcher
 * ({@code bin/supvisors-launch}): one file per process, {@code <group>:<name>}, one argument per line, in
 * {@code $SUPVISORS_ARGS_DIR}, or {@code ${TMPDIR:-/tmp}/supvisors-<http port>/extra-args}; the launcher, started
 * by supervisord with the same environment, finds the same directory.
 */
final class ExtraArgsStore {

    private final Path directory;

    ExtraArgsStore(Path directory) {
        this.directory = directory;
    }

    /** The directory the launcher of this supervisord looks into. */
    static ExtraArgsStore forSupervisord(int httpPort, Map<String, String> environment) {
        String explicit = environment.get("SUPVISORS_ARGS_DIR");
        if (explicit != null && !explicit.isEmpty()) {
            return new ExtraArgsStore(Path.of(explicit));
        }
        String tmp = environment.getOrDefault("TMPDIR", "");
        return new ExtraArgsStore(Path.of(tmp.isEmpty() ? "/tmp" : tmp, "supvisors-" + httpPort, "extra-args"));
    }

    Path directory() {
        return directory;
    }

    /**
     * Records the extra arguments of a process (split as supervisord splits commands), or removes them when the text
     * is empty.
     *
     * @throws IOException when the directory or the file cannot be written
     * @throws IllegalArgumentException when the text does not split (an unclosed quote)
     */
    void record(String namespec, String extraArgs) throws IOException {
        Path file = directory.resolve(fileName(namespec));
        if (extraArgs.isBlank()) {
            Files.deleteIfExists(file);
            return;
        }
        List<String> words = ShellWords.split(extraArgs);
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        Path temporary = directory.resolve(fileName(namespec) + ".tmp");
        Files.writeString(temporary, String.join("\n", words) + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@code group:name} for every process, as the launcher builds it from supervisord's environment. */
    static String fileName(String namespec) {
        return namespec.contains(":") ? namespec : namespec + ":" + namespec;
    }
}
