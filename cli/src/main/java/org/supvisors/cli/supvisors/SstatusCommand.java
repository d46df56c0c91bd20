package org.supvisors.cli.supvisors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.output.Table;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.ProcessInfo;
import org.supvisors.client.model.ProcessState;

/** {@code sstatus [<namespec>...]}: the synthetic status of processes. */
final class SstatusCommand extends SupvisorsCommand {

    SstatusCommand() {
        super("sstatus",
                "sstatus <proc>\t\t\t\tGet the status of the process named proc.",
                "sstatus <appli>:*\t\t\tGet the process status of application named appli.",
                "sstatus <proc> <proc>\t\t\tGet the status for multiple named processes",
                "sstatus\t\t\t\t\tGet the status of all processes.");
    }

    @Override
    public boolean hasJson() {
        return true;
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return Completion.PROCESSES;
    }

    @Override
    void execute(Session session, List<String> processes) throws SupvisorsClientException {
        List<ProcessInfo> infos = new ArrayList<>();
        if (all(processes)) {
            List<ProcessInfo> all = global(session, () -> session.client().supvisors().getAllProcessInfo());
            if (all != null) {
                infos.addAll(all);
            }
        } else {
            for (String process : processes) {
                try {
                    infos.addAll(session.client().supvisors().getProcessInfo(process));
                } catch (XmlRpcFault fault) {
                    session.itemFault(process, fault);
                }
            }
        }
        if (printedAsJson(session, infos, ProcessInfo::raw) || infos.isEmpty()) {
            return;
        }
        Table table = new Table().variable("Application").variable("Process").fixed("State", 12)
                .fixed("Expected", 10).unpadded("Supervisor");
        for (ProcessInfo info : infos) {
            Map<String, Object> raw = info.raw();
            table.row(raw.get("application_name"), raw.get("process_name"), raw.get("statename"),
                    info.state() == ProcessState.EXITED ? raw.get("expected_exit") : "n/a", raw.get("identifiers"));
        }
        session.output(table.lines());
    }
}
