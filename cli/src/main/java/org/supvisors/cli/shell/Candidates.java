package org.supvisors.cli.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.supvisors.cli.Controller;
import org.supvisors.cli.command.CliCommand;
import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.model.ApplicationInfo;
import org.supvisors.client.model.ConciliationStrategy;
import org.supvisors.client.model.InstanceInfo;
import org.supvisors.client.model.LocalProcessInfo;
import org.supvisors.client.model.LogLevel;
import org.supvisors.client.model.ProcessInfo;
import org.supvisors.client.model.StartingStrategy;
import org.supvisors.client.model.SupervisorProcessInfo;

/**
 * What tab completion offers: command names first, then for each argument what its command declares (process and
 * application names asked to the agent, strategies, levels...). The names asked are kept until {@link #reset()}
 * (called after each command), as supervisorctl caches them, since a single tab may complete several times.
 * A failing call offers nothing: completion never prints an error.
 */
public final class Candidates {

    private static final List<String> SIGNALS = List.of("HUP", "INT", "QUIT", "KILL", "USR1", "USR2", "TERM", "STOP",
            "CONT");

    private final Session session;
    private List<SupervisorProcessInfo> supervisorProcesses;
    private List<ProcessInfo> processes;

    public Candidates(Session session) {
        this.session = session;
    }

    public void reset() {
        supervisorProcesses = null;
        processes = null;
    }

    /**
     * The words that complete {@code current}.
     *
     * @param before the words of the line before the one completed (the command first)
     */
    public List<String> complete(List<String> before, String current) {
        if (before.isEmpty() || before.get(0).equals("help") && before.size() == 1) {
            return filter(Controller.names(), current);
        }
        CliCommand command = Controller.command(before.get(0));
        if (command == null) {
            return List.of();
        }
        List<String> args = before.subList(1, before.size());
        return filter(of(command.completion(args.size(), args), current), current);
    }

    private List<String> of(Completion kind, String current) {
        try {
            return switch (kind) {
                case NONE -> List.of();
                case COMMANDS -> Controller.names();
                case SUPERVISOR_PROCESSES -> supervisorProcesses(current);
                case SUPERVISOR_GROUPS -> supervisorGroups();
                case PROCESSES -> processes(current);
                case APPLICATIONS -> applications();
                case PROGRAMS -> programs();
                case INSTANCES -> instances();
                case STARTING_STRATEGIES -> names(StartingStrategy.values());
                case CONCILIATION_STRATEGIES -> names(ConciliationStrategy.values());
                case LOG_LEVELS -> levels();
                case STATISTICS_TYPES -> List.of("host", "process", "all");
                case CHANNELS -> List.of("stdout", "stderr");
                case SIGNALS -> SIGNALS;
            };
        } catch (SupvisorsClientException | RuntimeException e) {
            // nothing to offer when the agent cannot say: a completion must not print anything
            return List.of();
        }
    }

    /** supervisorctl's {@code _complete_processes}: {@code group:name} and {@code group:*}, or the name alone. */
    private List<String> supervisorProcesses(String current) throws SupvisorsClientException {
        if (supervisorProcesses == null) {
            supervisorProcesses = session.client().supervisor().getAllProcessInfo();
        }
        Set<String> names = new LinkedHashSet<>();
        for (SupervisorProcessInfo info : supervisorProcesses) {
            namespecs(names, info.group(), info.name(), current);
        }
        return new ArrayList<>(names);
    }

    private List<String> supervisorGroups() throws SupvisorsClientException {
        if (supervisorProcesses == null) {
            supervisorProcesses = session.client().supervisor().getAllProcessInfo();
        }
        Set<String> groups = new LinkedHashSet<>();
        for (SupervisorProcessInfo info : supervisorProcesses) {
            groups.add(info.group());
        }
        return new ArrayList<>(groups);
    }

    private List<String> processes(String current) throws SupvisorsClientException {
        if (processes == null) {
            processes = session.client().supvisors().getAllProcessInfo();
        }
        Set<String> names = new LinkedHashSet<>();
        for (ProcessInfo info : processes) {
            namespecs(names, info.applicationName(), info.processName(), current);
        }
        return new ArrayList<>(names);
    }

    private static void namespecs(Set<String> names, String group, String name, String current) {
        if (current.indexOf(':') >= 0 || !name.equals(group)) {
            names.add(group + ":" + name);
            names.add(group + ":*");
        } else {
            names.add(name);
        }
    }

    private List<String> applications() throws SupvisorsClientException {
        List<String> names = new ArrayList<>();
        for (ApplicationInfo info : session.client().supvisors().getAllApplicationsInfo()) {
            names.add(info.applicationName());
        }
        return names;
    }

    private List<String> programs() throws SupvisorsClientException {
        Set<String> names = new LinkedHashSet<>();
        for (LocalProcessInfo info : session.client().supvisors().getAllLocalProcessInfo()) {
            names.add(info.programName());
        }
        return new ArrayList<>(names);
    }

    private List<String> instances() throws SupvisorsClientException {
        Set<String> names = new LinkedHashSet<>();
        for (InstanceInfo info : session.client().supvisors().getAllInstancesInfo()) {
            names.add(info.identifier());
            names.add(info.nickIdentifier());
        }
        return new ArrayList<>(names);
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }

    private static List<String> levels() {
        List<String> names = new ArrayList<>();
        for (LogLevel level : LogLevel.values()) {
            names.add(level.description());
        }
        return names;
    }

    private static List<String> filter(List<String> words, String prefix) {
        List<String> matches = new ArrayList<>();
        for (String word : words) {
            if (word.startsWith(prefix)) {
                matches.add(word);
            }
        }
        return matches;
    }
}
