package org.supvisors.cli.supvisors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.output.Table;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.InstanceStateModes;

/** {@code sstate [<identifier>...]}: the state and modes of Supvisors, or of the instances named. */
final class SstateCommand extends SupvisorsCommand {

    SstateCommand() {
        super("sstate",
                "sstate\t\t\t\tGet the Supvisors state and modes.",
                "sstate <identifier>\t\t\tGet the Supvisors instance state and modes.",
                "sstate <identifier> <identifier>\tGet the state and modes for multiple Supvisors instances",
                "sstate all\t\t\tGet the state and modes for all Supvisors instances");
    }

    @Override
    public boolean hasJson() {
        return true;
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return Completion.INSTANCES;
    }

    @Override
    void execute(Session session, List<String> identifiers) throws SupvisorsClientException {
        List<Map<String, Object>> stateModes = new ArrayList<>();
        try {
            if (identifiers.isEmpty()) {
                stateModes.add(session.client().supvisors().getSupvisorsState().raw());
            } else {
                for (InstanceStateModes modes : session.client().supvisors().getAllInstancesStateModes()) {
                    stateModes.add(modes.raw());
                }
            }
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
        }
        if (stateModes.isEmpty()) {
            return;
        }
        boolean all = all(identifiers);
        List<Map<String, Object>> selected = new ArrayList<>();
        Table table = new Table().variable("Nickname").variable("Supvisors identifier").fixed("State", 16)
                .fixed("Degraded", 10).fixed("Discovery", 11).variable("Master").variable("Starting")
                .variable("Stopping");
        for (Map<String, Object> sm : stateModes) {
            Object[] row = {sm.get("nick_identifier"), sm.get("identifier"), sm.get("fsm_statename"),
                sm.get("degraded_mode"), sm.get("discovery_mode"), sm.get("master_identifier"),
                sm.get("starting_jobs"), sm.get("stopping_jobs")};
            table.measure(row);
            if (all || identifiers.contains((String) sm.get("identifier"))
                    || identifiers.contains((String) sm.get("nick_identifier"))) {
                table.row(row);
                selected.add(sm);
            }
        }
        if (session.json()) {
            session.outputJson(identifiers.isEmpty() ? selected.get(0) : selected);
        } else {
            session.output(table.lines());
        }
    }
}
