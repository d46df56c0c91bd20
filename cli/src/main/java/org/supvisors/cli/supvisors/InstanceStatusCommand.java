package org.supvisors.cli.supvisors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.output.LocalTimes;
import org.supvisors.cli.output.Table;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.model.InstanceInfo;

/** {@code instance_status [<identifier>...]}: the instances known to Supvisors. */
final class InstanceStatusCommand extends SupvisorsCommand {

    InstanceStatusCommand() {
        super("instance_status",
                "instance_status <identifier>\t\t\tGet the status of the Supvisors instance.",
                "instance_status <identifier> <identifier>\tGet the status for multiple Supvisors instances",
                "instance_status\t\t\t\t\tGet the status of all Supvisors instances.");
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
        List<InstanceInfo> infos = global(session, () -> session.client().supvisors().getAllInstancesInfo());
        if (infos == null) {
            return;
        }
        boolean all = all(identifiers);
        List<Map<String, Object>> selected = new ArrayList<>();
        Table table = new Table().variable("Nickname").variable("Supvisors identifier").variable("Host")
                .fixed("Port", 7).fixed("State", 11).fixed("Load", 6).fixed("Time", 10).fixed("Counter", 9)
                .fixed("Processes", 11);
        for (InstanceInfo info : infos) {
            Map<String, Object> raw = info.raw();
            Object[] row = {raw.get("nick_identifier"), raw.get("identifier"), raw.get("node_name"), raw.get("port"),
                raw.get("statename"), raw.get("loading") + "%", LocalTimes.hms(info.localTime()),
                raw.get("remote_sequence_counter"), info.processFailure() ? "error" : "ok"};
            table.measure(row);
            if (all || identifiers.contains(info.identifier()) || identifiers.contains(info.nickIdentifier())) {
                table.row(row);
                selected.add(raw);
            }
        }
        print(session, selected, table);
    }
}
