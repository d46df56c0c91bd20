package org.supvisors.cli.supvisors;

import java.util.List;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.ProcessState;

/** {@code stop_process [<namespec>...]}: no namespec or {@code all} means every running process, sorted. */
final class StopProcessCommand extends SupvisorsCommand {

    StopProcessCommand() {
        super("stop_process",
                "stop_process <proc>\t\tStop the process named proc.",
                "stop_process <proc> <proc>\tStop multiple named processes.",
                "stop_process\t\t\tStop all named processes.");
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return Completion.PROCESSES;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        List<String> namespecs = namespecs(session, args, info -> info.state() == ProcessState.STARTING
                || info.state() == ProcessState.RUNNING || info.state() == ProcessState.BACKOFF);
        for (String namespec : namespecs) {
            try {
                session.client().supvisors().stopProcess(namespec);
                session.output(namespec + " stopped");
            } catch (XmlRpcFault fault) {
                session.itemFault(namespec, fault);
            }
        }
    }
}
