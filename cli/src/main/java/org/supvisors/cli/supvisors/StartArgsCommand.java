package org.supvisors.cli.supvisors;

import java.util.List;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;

/** {@code start_args <namespec> <arg>...}: starts a process of the local instance with extra arguments. */
final class StartArgsCommand extends SupvisorsCommand {

    StartArgsCommand() {
        super("start_args", "start_args <proc> <arg_list>\t\t\tStart the local process named proc with additional"
                + " arguments arg_list.");
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return index == 0 ? Completion.PROCESSES : Completion.NONE;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        if (args.size() < 2) {
            session.argumentError(this, "ERROR: start_args requires a process name and extra arguments");
            return;
        }
        String namespec = args.get(0);
        try {
            boolean result = session.client().supvisors().startArgs(namespec,
                    String.join(" ", args.subList(1, args.size())));
            session.output(namespec + " started: " + (result ? "True" : "False"));
        } catch (XmlRpcFault fault) {
            session.itemFault(namespec, fault);
        }
    }
}
