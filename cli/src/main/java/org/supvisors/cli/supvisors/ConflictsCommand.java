package org.supvisors.cli.supvisors;

import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Session;
import org.supvisors.cli.output.Table;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.model.ProcessInfo;

/** {@code conflicts}: the processes running on several instances; nothing when there is none. */
final class ConflictsCommand extends SupvisorsCommand {

    ConflictsCommand() {
        super("conflicts", "conflicts\t\t\t\tGet the Supvisors conflicts.");
    }

    @Override
    public boolean hasJson() {
        return true;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        List<ProcessInfo> conflicts = global(session, () -> session.client().supvisors().getConflicts());
        if (conflicts == null || printedAsJson(session, conflicts, ProcessInfo::raw) || conflicts.isEmpty()) {
            return;
        }
        Table table = new Table().variable("Application").variable("Process").fixed("State", 12)
                .unpadded("Supervisor");
        for (ProcessInfo info : conflicts) {
            Map<String, Object> raw = info.raw();
            table.row(raw.get("application_name"), raw.get("process_name"), raw.get("statename"),
                    raw.get("identifiers"));
        }
        session.output(table.lines());
    }
}
