package org.supvisors.dist.agent;

import java.util.Optional;

import org.supvisors.transport.config.ConfigurationException;
import org.supvisors.transport.config.ProcessPlacement;
import org.supvisors.transport.config.ProgramLayout;
import org.supvisors.transport.config.ProgramSection;
import org.supvisors.transport.config.SupervisordConfigurationLoader;

/**
 * The program layout of the configuration files, re-read when supervisord adds a group (its files changed and
 * were re-read by {@code supervisorctl update}).
 */
final class LayoutHolder implements ProgramLayout {

    private static final System.Logger LOG = System.getLogger(LayoutHolder.class.getName());

    private final SupervisordConfigurationLoader loader;
    private volatile ProgramLayout current;

    LayoutHolder(SupervisordConfigurationLoader loader, ProgramLayout initial) {
        this.loader = loader;
        this.current = initial;
    }

    @Override
    public Optional<ProcessPlacement> placementOf(String group, String process) {
        return current.placementOf(group, process);
    }

    @Override
    public Optional<ProgramSection> program(String name) {
        return current.program(name);
    }

    /**
     * Re-reads the layout; on error, keeps the previous one and says why. One reading at a time (the I/O pool and the
     * thread of {@code update_numprocs} both read).
     */
    synchronized void reload() {
        try {
            current = loader.reloadLayout(message -> LOG.log(message.level(), message.text()));
        } catch (ConfigurationException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot re-read the program layout, keeping the previous one: "
                    + e.getMessage());
        }
    }
}
