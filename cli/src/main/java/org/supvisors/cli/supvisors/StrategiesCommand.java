package org.supvisors.cli.supvisors;

import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Session;
import org.supvisors.cli.output.PythonText;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;

/** {@code strategies}: the strategies configured. */
final class StrategiesCommand extends SupvisorsCommand {

    StrategiesCommand() {
        super("strategies", "strategies\t\t\tGet the Supvisors strategies.");
    }

    @Override
    public boolean hasJson() {
        return true;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        Map<String, Object> strategies;
        try {
            strategies = session.client().supvisors().getStrategies().raw();
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
            return;
        }
        if (session.json()) {
            session.outputJson(strategies);
            return;
        }
        session.output("Auto-fencing: " + PythonText.str(strategies.get("auto-fencing")));
        session.output("Failure:      " + PythonText.str(strategies.get("supvisors_failure")));
        session.output("Conciliation: " + PythonText.str(strategies.get("conciliation")));
        session.output("Starting:     " + PythonText.str(strategies.get("starting")));
    }
}
