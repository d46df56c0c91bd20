package org.supvisors.cli.supvisors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsApi;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.ApplicationInfo;
import org.supvisors.client.model.StartingStrategy;

/**
 * {@code start_application <strategy> [<app>...]}, {@code restart_application <strategy> [<app>...]} and
 * {@code stop_application [<app>...]}: no application or {@code all} means every managed application, by name.
 */
final class ApplicationControlCommand extends SupvisorsCommand {

    /** The three commands. */
    enum Kind {
        START("start_application", "start", "started", true),
        RESTART("restart_application", "restart", "restarted", true),
        STOP("stop_application", "stop", "stopped", false);

        final String command;
        final String verb;
        final String done;
        final boolean strategy;

        Kind(String command, String verb, String done, boolean strategy) {
            this.command = command;
            this.verb = verb;
            this.done = done;
            this.strategy = strategy;
        }
    }

    private final Kind kind;

    ApplicationControlCommand(Kind kind) {
        super(kind.command, help(kind));
        this.kind = kind;
    }

    private static String[] help(Kind kind) {
        return switch (kind) {
            case START -> new String[] {
                "start_application <strategy> <appli>\t\tStart the managed application named appli with strategy.",
                "start_application <strategy> <appli> <appli>\tStart multiple managed named applications with"
                        + " strategy",
                "start_application <strategy>\t\t\tStart all managed applications with strategy."};
            case RESTART -> new String[] {
                "restart_application <strategy> <appli>\t\tRestart the managed application named appli with"
                        + " strategy.",
                "restart_application <strategy> <appli> <appli>\tRestart multiple managed named applications with"
                        + " strategy",
                "restart_application <strategy> \t\t\tRestart all managed applications with strategy."};
            case STOP -> new String[] {
                "stop_application <appli>\t\t\tStop the managed application named appli.",
                "stop_application <appli> <appli>\t\tStop multiple managed named applications.",
                "stop_application\t\t\t\tStop all managed applications."};
        };
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return kind.strategy && index == 0 ? Completion.STARTING_STRATEGIES : Completion.APPLICATIONS;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        StartingStrategy strategy = null;
        List<String> names = args;
        if (kind.strategy) {
            if (args.isEmpty()) {
                session.argumentError(this, "ERROR: " + kind.command + " requires at least a strategy");
                return;
            }
            strategy = startingStrategy(args.get(0));
            if (strategy == null) {
                session.argumentError(this, "ERROR: unknown strategy for " + kind.command + ". use one of "
                        + startingStrategyNames());
                return;
            }
            names = args.subList(1, args.size());
        }
        Map<String, Boolean> managed = new LinkedHashMap<>();
        try {
            for (ApplicationInfo info : session.client().supvisors().getAllApplicationsInfo()) {
                managed.put(info.applicationName(), info.managed());
            }
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
            return;
        }
        SupvisorsApi supvisors = session.client().supvisors();
        for (String application : matching(session, names, managed)) {
            try {
                boolean result = switch (kind) {
                    case START -> supvisors.startApplication(strategy, application);
                    case RESTART -> supvisors.restartApplication(strategy, application);
                    case STOP -> supvisors.stopApplication(application);
                };
                session.output(application + " " + kind.done + ": " + (result ? "True" : "False"));
            } catch (XmlRpcFault fault) {
                session.itemFault(application, fault);
            }
        }
    }

    /** 0.19's {@code _get_matching_applications}. */
    private List<String> matching(Session session, List<String> names, Map<String, Boolean> managed) {
        List<String> matching = new ArrayList<>();
        if (all(names)) {
            for (Map.Entry<String, Boolean> entry : managed.entrySet()) {
                if (entry.getValue()) {
                    matching.add(entry.getKey());
                }
            }
            Collections.sort(matching);
            return matching;
        }
        for (String application : names) {
            Boolean isManaged = managed.get(application);
            if (isManaged == null) {
                session.problem(application + ": ERROR (no such application)");
                session.exitStatus(ExitStatus.INVALID_ARGS);
            } else if (isManaged) {
                matching.add(application);
            } else {
                session.output(application + ": IGNORED (unmanaged. use " + kind.verb + " " + application + ":*)");
            }
        }
        return matching;
    }
}
