package org.supvisors.transport.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds supervisord's configuration file and the context it was read in, from the agent's nearest ancestor that is
 * supervisord (the agent runs as a supervisord event listener; a launcher script that does not {@code exec} java sits
 * in between):
 * <ol>
 *   <li>an explicit path (the agent's {@code -c/--configuration}) wins, relative to the agent's working directory;</li>
 *   <li>else supervisord's {@code -c}, read from {@code <proc>/<pid>/cmdline}, relative to
 *       {@code <proc>/<pid>/cwd};</li>
 *   <li>else supervisord's default search list: {@code ../etc/supervisord.conf} and {@code ../supervisord.conf}
 *       relative to the supervisord program, {@code supervisord.conf} and {@code etc/supervisord.conf} relative to
 *       its working directory, {@code /etc/supervisord.conf}, {@code /etc/supervisor/supervisord.conf}.</li>
 * </ol>
 * When supervisord is found, its environment ({@code <proc>/<pid>/environ}) is the one {@code %(ENV_X)s} refers to
 * and its working directory is the base of relative paths, as they were for supervisord; otherwise the agent's own
 * are used. The {@code /proc} root, the ancestor pids and the system paths are injected for tests.
 * Limitation: a relative {@code -c} is taken relative to supervisord's current directory, which differs from its
 * directory at start if it was told to change it ({@code -d}, {@code directory}).
 */
final class SupervisordLocator {

    /** supervisord's absolute default locations. */
    static final List<Path> SYSTEM_DEFAULTS = List.of(Path.of("/etc/supervisord.conf"),
            Path.of("/etc/supervisor/supervisord.conf"));

    /**
     * Where the configuration is and how to read it.
     *
     * @param file the absolute, normalized path of the main configuration file
     * @param workingDirectory the base of relative paths in option values
     * @param environment supervisord's environment variables
     * @param identifierOverride supervisord's {@code -i/--identifier}, which wins over {@code [supervisord] identifier}
     */
    record Location(Path file, Path workingDirectory, Map<String, String> environment,
                    Optional<String> identifierOverride) {
    }

    private final Path procRoot;
    private final List<Long> ancestorPids;
    private final Path ownWorkingDirectory;
    private final Map<String, String> ownEnvironment;
    private final List<Path> systemDefaults;

    /**
     * @param ancestorPids the agent's parent, grand-parent..., nearest first
     */
    SupervisordLocator(Path procRoot, List<Long> ancestorPids, Path ownWorkingDirectory,
                       Map<String, String> ownEnvironment, List<Path> systemDefaults) {
        this.procRoot = procRoot;
        this.ancestorPids = List.copyOf(ancestorPids);
        this.ownWorkingDirectory = ownWorkingDirectory.toAbsolutePath().normalize();
        this.ownEnvironment = Map.copyOf(ownEnvironment);
        this.systemDefaults = List.copyOf(systemDefaults);
    }

    /**
     * Locates the configuration file.
     *
     * @param explicitFile the agent's {@code -c/--configuration}, if given
     * @throws ConfigurationException when the designated file does not exist or none of the defaults does
     */
    Location locate(Optional<Path> explicitFile) throws ConfigurationException {
        Optional<SupervisordCommandLine> commandLine = Optional.empty();
        Path parent = null;
        for (long pid : ancestorPids) {
            parent = procRoot.resolve(Long.toString(pid));
            commandLine = SupervisordCommandLine.parse(readNulSeparated(parent.resolve("cmdline")));
            if (commandLine.isPresent()) {
                break;
            }
        }
        Path workingDirectory = ownWorkingDirectory;
        Map<String, String> environment = ownEnvironment;
        if (commandLine.isPresent()) {
            workingDirectory = parentWorkingDirectory(parent).orElse(ownWorkingDirectory);
            environment = parentEnvironment(parent).orElse(ownEnvironment);
        }
        Optional<String> identifier = commandLine.flatMap(SupervisordCommandLine::identifier);
        if (explicitFile.isPresent()) {
            Path file = absolute(ownWorkingDirectory, explicitFile.get());
            if (!Files.exists(file)) {
                throw new ConfigurationException(file + ": supervisord's configuration file not found"
                        + " (given with -c/--configuration)");
            }
            return new Location(file, workingDirectory, environment, identifier);
        }
        Optional<String> written = commandLine.flatMap(SupervisordCommandLine::configuration);
        if (written.isPresent()) {
            Path file = absolute(workingDirectory, Path.of(written.get()));
            if (!Files.exists(file)) {
                throw new ConfigurationException(file + ": supervisord's configuration file not found"
                        + " (from supervisord's command line: " + written.get() + ")");
            }
            return new Location(file, workingDirectory, environment, identifier);
        }
        List<Path> candidates = new ArrayList<>();
        if (commandLine.isPresent()) {
            Path programDirectory = Path.of(commandLine.get().program()).getParent();
            Path above = programDirectory == null ? null : programDirectory.getParent();
            Path base = above == null ? Path.of("") : above;
            candidates.add(absolute(workingDirectory, base.resolve("etc").resolve("supervisord.conf")));
            candidates.add(absolute(workingDirectory, base.resolve("supervisord.conf")));
        }
        candidates.add(workingDirectory.resolve("supervisord.conf"));
        candidates.add(workingDirectory.resolve("etc").resolve("supervisord.conf"));
        candidates.addAll(systemDefaults);
        for (Path candidate : candidates) {
            if (Files.exists(candidate)) {
                return new Location(candidate.toAbsolutePath().normalize(), workingDirectory, environment,
                        identifier);
            }
        }
        List<String> tried = new ArrayList<>();
        candidates.forEach(candidate -> tried.add(candidate.toString()));
        throw new ConfigurationException("no supervisord configuration file found"
                + (commandLine.isPresent() ? " (supervisord was started without -c)" : " (no ancestor process "
                + ancestorPids + " is supervisord)")
                + "; tried: " + String.join(", ", tried) + " (expected: give the file with -c/--configuration)");
    }

    private static Path absolute(Path base, Path path) {
        return base.resolve(path).toAbsolutePath().normalize();
    }

    /** The NUL-separated strings of a {@code /proc} file, or nothing when it cannot be read. */
    private static List<String> readNulSeparated(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.endsWith("\0")) {
            text = text.substring(0, text.length() - 1);
        }
        return List.of(text.split("\0", -1));
    }

    private static Optional<Path> parentWorkingDirectory(Path parent) {
        Path cwd = parent.resolve("cwd");
        try {
            return Optional.of(Files.readSymbolicLink(cwd).toAbsolutePath().normalize());
        } catch (IOException | UnsupportedOperationException e) {
            return Files.isDirectory(cwd) ? Optional.of(cwd.toAbsolutePath().normalize()) : Optional.empty();
        }
    }

    private static Optional<Map<String, String>> parentEnvironment(Path parent) {
        Path file = parent.resolve("environ");
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : readNulSeparated(file)) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return environment.isEmpty() ? Optional.empty() : Optional.of(environment);
    }
}
