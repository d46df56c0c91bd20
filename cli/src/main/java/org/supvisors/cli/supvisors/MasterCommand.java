package org.supvisors.cli.supvisors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.InstanceIdentity;

/** {@code master}: the Master instance. */
final class MasterCommand extends SupvisorsCommand {

    MasterCommand() {
        super("master", "master\t\t\t\tGet the Supvisors Master identification.");
    }

    @Override
    public boolean hasJson() {
        return true;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        Optional<InstanceIdentity> master;
        try {
            master = session.client().supvisors().getMasterIdentifier();
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
            return;
        }
        if (session.json()) {
            session.outputJson(master.map(InstanceIdentity::raw).orElse(Map.of()));
        } else if (master.isPresent()) {
            session.output("Nick identifier: " + master.get().nickIdentifier());
            session.output("Identifier:      " + master.get().identifier());
        } else {
            session.output("No Supvisors Master");
        }
    }
}
