package org.supvisors.cli.supvisors;

import java.util.List;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;

/** {@code end_sync [<master>]}: ends the synchronization phase, optionally imposing the Master. */
final class EndSyncCommand extends SupvisorsCommand {

    EndSyncCommand() {
        super("end_sync",
                "end_sync\t\t\t\tEnd the Supvisors synchronization phase",
                "end_sync master_identifier\t\tEnd the Supvisors synchronization phase and select this identifier as"
                        + " Supvisors Master instance ");
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return index == 0 ? Completion.INSTANCES : Completion.NONE;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        if (args.size() > 1) {
            session.argumentError(this, "ERROR: end_sync optionally takes one single Supvisors identifier");
            return;
        }
        try {
            boolean result = session.client().supvisors().endSync(args.isEmpty() ? "" : args.get(0));
            session.output("End of Synchronization phase requested: " + (result ? "True" : "False"));
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
        }
    }
}
