package org.supvisors.transport.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Loads supervisord's configuration as the agent sees it: finds the file (the agent's {@code -c}, else
 * supervisord's command line, else supervisord's default locations), reads it with supervisord's rules, and
 * converts the {@code [supvisors]} section. Messages are returned, not logged, since logging is configured from the
 * result.
 *
 * <p>{@link #load} is called once at start; {@link #reloadLayout} may then be called, from one thread at a time, when
 * supervisord adds groups ({@code supervisorctl update}). Neither may run on a Netty event loop (file I/O).
 */
public final class SupervisordConfigurationLoader {

    /** How far up the agent looks for supervisord: parent, a launcher shell, maybe a wrapper such as sudo. */
    private static final int MAX_ANCESTORS = 3;

    private final SupervisordLocator locator;
    private final SupervisordConfigurationReader reader;
    private final HostFacts host;
    private volatile SupervisordLocator.Location loaded;

    SupervisordConfigurationLoader(SupervisordLocator locator, HostFacts host) {
        this.locator = locator;
        this.host = host;
        this.reader = new SupervisordConfigurationReader(host);
    }

    /**
     * A loader for this JVM, run by supervisord: supervisord is its parent (or a near ancestor, when a launcher
     * script does not {@code exec} java), read through {@code /proc}.
     */
    public static SupervisordConfigurationLoader forThisProcess() {
        List<Long> ancestors = new ArrayList<>();
        Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
        while (ancestor.isPresent() && ancestors.size() < MAX_ANCESTORS) {
            ancestors.add(ancestor.get().pid());
            ancestor = ancestor.get().parent();
        }
        return new SupervisordConfigurationLoader(new SupervisordLocator(Path.of("/proc"), ancestors,
                Path.of(System.getProperty("user.dir")), System.getenv(), SupervisordLocator.SYSTEM_DEFAULTS),
                HostFacts.system());
    }

    /**
     * Loads the configuration.
     *
     * @param explicitFile the agent's {@code -c/--configuration}, relative to the agent's working directory
     * @throws ConfigurationException with a one-line message when the agent cannot run with this configuration
     */
    public SupervisordConfiguration load(Optional<Path> explicitFile) throws ConfigurationException {
        SupervisordLocator.Location location = locator.locate(explicitFile);
        SupervisordConfiguration configuration = reader.read(location);
        loaded = location;
        return configuration;
    }

    /**
     * Reads the program layout again from the same files (their includes may have changed).
     *
     * @param messages receives what the reading found worth telling
     * @throws ConfigurationException when the files cannot be read or parsed any more (keep the previous layout)
     * @throws IllegalStateException when no {@link #load} has succeeded
     */
    public ProgramLayout reloadLayout(Consumer<ConfigMessage> messages) throws ConfigurationException {
        SupervisordLocator.Location location = loaded;
        if (location == null) {
            throw new IllegalStateException("reloadLayout needs a successful load first");
        }
        return reader.readLayout(location, messages);
    }

    /**
     * The override file of {@code update_numprocs}, next to the loaded configuration file.
     *
     * @throws IllegalStateException when no {@link #load} has succeeded
     */
    public NumprocsOverride numprocsOverride() {
        SupervisordLocator.Location location = loaded;
        if (location == null) {
            throw new IllegalStateException("numprocsOverride needs a successful load first");
        }
        return new NumprocsOverride(location.file(), new Expansions(location.environment(), host.hostName()));
    }
}
