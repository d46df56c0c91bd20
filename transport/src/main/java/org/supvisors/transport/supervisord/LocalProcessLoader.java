package org.supvisors.transport.supervisord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.supvisors.core.api.Fault;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.supervisor.LocalProcess;
import org.supvisors.transport.config.ProcessPlacement;
import org.supvisors.transport.config.ProgramLayout;

/**
 * Reads the processes of the local supervisord as {@link LocalProcess} records: {@code getAllProcessInfo} (or
 * {@code getProcessInfo}) for the live process, {@code getAllConfigInfo} for its program's options, the
 * {@link ProgramLayout} for its program name and index. The agent's own process is left out.
 *
 * <ul>
 * <li>{@code expected}: EXITED: the exit status is among the program's {@code exitcodes}; FATAL: false; any other
 * state: no spawn error.</li>
 * <li>{@code hasStdout}/{@code hasStderr}: a log file is configured (not NONE, not syslog, stderr not redirected),
 * read from the live process ({@code getProcessInfo} answers an empty name when there is none): the same answer
 * as {@code getAllConfigInfo}'s {@code "none"}, except that after a {@code reloadConfig} the latter describes the
 * files, not what runs.</li>
 * <li>{@code autorestart}: {@code true}, {@code false} or {@code unexpected}; from {@code getAllConfigInfo} when
 * supervisord tells it (after 4.2.5), else from the {@link AutorestartSource} (the configuration files), else
 * Supervisor's default {@code unexpected}.</li>
 * <li>A process that {@code getAllConfigInfo} does not list (its group was removed from the files and reloaded, but
 * still runs) gets Supervisor's defaults: {@code startsecs} 1, {@code stopwaitsecs} 10, {@code exitcodes} 0.</li>
 * </ul>
 *
 * <p>Thread-safe; every method makes blocking XML-RPC calls.
 */
public final class LocalProcessLoader {

    private static final System.Logger LOGGER = System.getLogger(LocalProcessLoader.class.getName());
    private static final int DEFAULT_STARTSECS = 1;
    private static final int DEFAULT_STOPWAITSECS = 10;
    private static final String DEFAULT_AUTORESTART = "unexpected";

    /** The {@code autorestart} the configuration files give a process, for supervisord versions that do not tell. */
    @FunctionalInterface
    public interface AutorestartSource {

        /** {@code true}, {@code false} or {@code unexpected}, or empty if the files do not declare the process. */
        Optional<String> autorestartOf(String group, String process);
    }

    private final SupervisordClient client;
    private final ProgramLayout layout;
    private final AutorestartSource autorestartSource;
    private final Optional<String> excludedNamespec;

    /**
     * @param excludedNamespec the process to leave out, as {@code group:name} or {@code name} when both are equal:
     *     the agent itself (see {@link #agentNamespec(Map)})
     */
    public LocalProcessLoader(SupervisordClient client, ProgramLayout layout, AutorestartSource autorestartSource,
                              Optional<String> excludedNamespec) {
        this.client = Objects.requireNonNull(client, "client");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.autorestartSource = Objects.requireNonNull(autorestartSource, "autorestartSource");
        this.excludedNamespec = Objects.requireNonNull(excludedNamespec, "excludedNamespec");
    }

    /**
     * The namespec of the process that runs with this environment, from {@code SUPERVISOR_GROUP_NAME} and
     * {@code SUPERVISOR_PROCESS_NAME}, which supervisord sets for each of its children; empty outside supervisord.
     */
    public static Optional<String> agentNamespec(Map<String, String> environment) {
        String name = environment.get("SUPERVISOR_PROCESS_NAME");
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(namespec(environment.getOrDefault("SUPERVISOR_GROUP_NAME", name), name));
    }

    /** Every process of the local supervisord but the excluded one, in supervisord's order. */
    public List<LocalProcess> loadAll() throws SupervisordException {
        List<ProcessInfo> processes = client.getAllProcessInfo();
        Map<String, ProcessConfigInfo> configs = configsByNamespec();
        List<LocalProcess> result = new ArrayList<>();
        List<String> unconfigured = new ArrayList<>();
        for (ProcessInfo info : processes) {
            if (isExcluded(info)) {
                continue;
            }
            ProcessConfigInfo config = configs.get(info.namespec());
            if (config == null) {
                unconfigured.add(info.namespec());
            }
            result.add(merge(info, Optional.ofNullable(config), layout, autorestartSource));
        }
        if (!unconfigured.isEmpty()) {
            LOGGER.log(System.Logger.Level.WARNING, "supervisord runs {0} without configuration in getAllConfigInfo "
                    + "(removed from the files and reloaded, not yet removed with removeProcessGroup?); "
                    + "Supervisor''s default options assumed", unconfigured);
        }
        return result;
    }

    /**
     * One process, or empty if supervisord does not know it ({@code BAD_NAME}) or it is the excluded one.
     */
    public Optional<LocalProcess> load(String group, String name) throws SupervisordException {
        if (excludedNamespec.isPresent() && excludedNamespec.get().equals(namespec(group, name))) {
            return Optional.empty();
        }
        ProcessInfo info;
        try {
            info = client.getProcessInfo(group + ":" + name);
        } catch (SupervisordFaultException e) {
            if (e.fault().filter(fault -> fault == Fault.BAD_NAME).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(merge(info, Optional.ofNullable(configsByNamespec().get(info.namespec())), layout,
                autorestartSource));
    }

    /** A live process and its program's options, merged as the class comment tells. */
    static LocalProcess merge(ProcessInfo info, Optional<ProcessConfigInfo> config, ProgramLayout layout,
                              AutorestartSource autorestartSource) {
        List<Integer> exitcodes = config.map(ProcessConfigInfo::exitcodes).orElse(List.of(0));
        boolean expected;
        if (info.state() == ProcessState.EXITED) {
            expected = exitcodes.contains(info.exitstatus());
        } else if (info.state() == ProcessState.FATAL) {
            expected = false;
        } else {
            expected = info.spawnerr().isEmpty();
        }
        Optional<ProcessPlacement> placement = layout.placementOf(info.group(), info.name());
        String autorestart = config.flatMap(ProcessConfigInfo::autorestart)
                .or(() -> autorestartSource.autorestartOf(info.group(), info.name()))
                .orElse(DEFAULT_AUTORESTART);
        return new LocalProcess(info.group(), info.name(), info.state(), info.start(), info.stop(), info.now(),
                info.pid(), info.description(), info.spawnerr(), info.exitstatus(), expected,
                config.map(ProcessConfigInfo::startsecs).orElse(DEFAULT_STARTSECS),
                config.map(ProcessConfigInfo::stopwaitsecs).orElse(DEFAULT_STOPWAITSECS),
                placement.map(ProcessPlacement::programName).orElse(info.name()),
                placement.map(ProcessPlacement::processIndex).orElse(0),
                !info.stdoutLogfile().isEmpty(), !info.stderrLogfile().isEmpty(), autorestart,
                config.map(ProcessConfigInfo::autostart).orElse(true),
                config.map(c -> usesLauncher(c.command())).orElse(false));
    }

    /** The command starts with the launcher that appends the extra arguments ({@code supvisors-launch}). */
    static boolean usesLauncher(String command) {
        String first = command.strip().split("\\s+", 2)[0];
        return first.equals("supvisors-launch") || first.endsWith("/supvisors-launch");
    }

    private Map<String, ProcessConfigInfo> configsByNamespec() throws SupervisordException {
        Map<String, ProcessConfigInfo> configs = new HashMap<>();
        for (ProcessConfigInfo config : client.getAllConfigInfo()) {
            configs.put(config.namespec(), config);
        }
        return configs;
    }

    private boolean isExcluded(ProcessInfo info) {
        return excludedNamespec.isPresent() && excludedNamespec.get().equals(info.namespec());
    }

    private static String namespec(String group, String name) {
        return group.equals(name) ? name : group + ":" + name;
    }
}
