package org.supvisors.cli.supvisors;

import java.util.List;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.StartingStrategy;

/**
 * {@code start_process <strategy> [<namespec>...]}, {@code restart_process <strategy> [<namespec>...]} (no namespec
 * or {@code all}: every process, in sorted order) and {@code start_process_args <strategy> <namespec> <arg>...}.
 */
final class StartProcessCommand extends SupvisorsCommand {

    /** The three commands. */
    enum Kind { START, RESTART, START_ARGS }

    private final Kind kind;

    StartProcessCommand(Kind kind) {
        super(switch (kind) {
            case START -> "start_process";
            case RESTART -> "restart_process";
            case START_ARGS -> "start_process_args";
        }, help(kind));
        this.kind = kind;
    }

    private static String[] help(Kind kind) {
        return switch (kind) {
            case START -> new String[] {
                "start_process <strategy> <proc>\t\t\tStart the process named proc with strategy.",
                "start_process <strategy> <proc> <proc>\t\tStart multiple named processes with strategy.",
                "start_process <strategy>\t\t\tStart all processes with strategy."};
            case RESTART -> new String[] {
                "restart_process <strategy> <proc>\t\tRestart the process named proc using strategy.",
                "restart_process <strategy> <proc> <proc>\tRestart multiple named processes using strategy.",
                "restart_process <strategy> \t\t\tRestart all processes using strategy."};
            case START_ARGS -> new String[] {
                "start_process <strategy> <proc> <arg_list>\tStart the process named proc with additional arguments"
                        + " arg_list."};
        };
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        if (index == 0) {
            return Completion.STARTING_STRATEGIES;
        }
        return kind != Kind.START_ARGS || index == 1 ? Completion.PROCESSES : Completion.NONE;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        if (kind == Kind.START_ARGS ? args.size() < 3 : args.isEmpty()) {
            session.argumentError(this, switch (kind) {
                case START -> "ERROR: start_process requires at least a strategy";
                case RESTART -> "ERROR: restart_process requires a strategy and a program name";
                case START_ARGS -> "ERROR: start_process_args requires a strategy, a program namespec and extra"
                        + " arguments";
            });
            return;
        }
        StartingStrategy strategy = startingStrategy(args.get(0));
        if (strategy == null) {
            session.argumentError(this, kind == Kind.RESTART
                    ? "ERROR: unknown strategy=" + args.get(0) + ". use one of " + startingStrategyNames()
                    : "ERROR: unknown strategy for " + name() + ". use one of " + startingStrategyNames());
            return;
        }
        if (kind == Kind.START_ARGS) {
            String namespec = args.get(1);
            try {
                boolean result = session.client().supvisors().startProcess(strategy, namespec,
                        String.join(" ", args.subList(2, args.size())), true);
                session.output(namespec + " started: " + (result ? "True" : "False"));
            } catch (XmlRpcFault fault) {
                session.itemFault(namespec, fault);
            }
            return;
        }
        List<String> namespecs = namespecs(session, args.subList(1, args.size()), info -> true);
        for (String namespec : namespecs) {
            try {
                if (kind == Kind.START) {
                    boolean result = session.client().supvisors().startProcess(strategy, namespec);
                    session.output(namespec + " started: " + (result ? "True" : "False"));
                } else {
                    boolean result = session.client().supvisors().restartProcess(strategy, namespec);
                    session.output(namespec + " restarted: " + (result ? "True" : "False"));
                }
            } catch (XmlRpcFault fault) {
                session.itemFault(namespec, fault);
            }
        }
    }
}
