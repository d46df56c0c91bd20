package org.supvisors.cli.supvisors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.StartingStrategy;

/** {@code start_any_process <strategy> <regex>...} and {@code start_any_process_args <strategy> <regex> <arg>...}. */
final class StartAnyProcessCommand extends SupvisorsCommand {

    private final boolean withArgs;

    StartAnyProcessCommand(boolean withArgs) {
        super(withArgs ? "start_any_process_args" : "start_any_process", withArgs
                ? new String[] {
                    "start_any_process_args <strategy> <regex> <arg_list>\tStart a process whose namespec matches the"
                            + " regular expression, using a starting strategy and additional arguments arg_list."}
                : new String[] {
                    "start_any_process <strategy> <regex>\t\t\tStart a process whose namespec matches the regular"
                            + " expression and with a starting strategy.",
                    "start_any_process <strategy> <regex> <regex>\t\tStart multiple processes whose namespec matches"
                            + " the regular expressions and with a starting strategy."});
        this.withArgs = withArgs;
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return index == 0 ? Completion.STARTING_STRATEGIES : Completion.NONE;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        if (args.size() < (withArgs ? 3 : 2)) {
            session.argumentError(this, withArgs
                    ? "ERROR: start_any_process_args requires a strategy, a regular expression and extra arguments"
                    : "ERROR: start_any_process requires a strategy and at least a regular expression");
            return;
        }
        StartingStrategy strategy = startingStrategy(args.get(0));
        if (strategy == null) {
            session.argumentError(this, "ERROR: unknown strategy for " + name() + ". use one of "
                    + startingStrategyNames());
            return;
        }
        List<String> regexes = new ArrayList<>();
        String extraArgs = "";
        if (withArgs) {
            regexes.add(args.get(1));
            extraArgs = String.join(" ", args.subList(2, args.size()));
        } else {
            regexes.addAll(args.subList(1, args.size()));
            Collections.sort(regexes);
        }
        for (String regex : regexes) {
            try {
                String namespec = session.client().supvisors().startAnyProcess(strategy, regex, extraArgs, true);
                session.output(namespec + " started");
            } catch (XmlRpcFault fault) {
                session.itemFault("\"" + regex + "\"", fault);
            }
        }
    }
}
