package org.supvisors.cli.supvisors;

import java.util.List;

import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;

/** {@code sversion}: the API version of Supvisors. */
final class SversionCommand extends SupvisorsCommand {

    SversionCommand() {
        super("sversion", "sversion\t\t\tGet the API version of Supvisors.");
    }

    @Override
    public boolean hasJson() {
        return true;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        try {
            String version = session.client().supvisors().getApiVersion();
            if (session.json()) {
                session.outputJson(version);
            } else {
                session.output(version);
            }
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
        }
    }
}
