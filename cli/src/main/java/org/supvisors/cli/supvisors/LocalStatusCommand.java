package org.supvisors.cli.supvisors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.output.LocalTimes;
import org.supvisors.cli.output.Table;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.model.LocalProcessInfo;

/** {@code local_status [<namespec>...]}: the processes of the local supervisord, with their extra arguments. */
final class LocalStatusCommand extends SupvisorsCommand {

    LocalStatusCommand() {
        super("local_status",
                "local_status <proc>\t\t\tGet the local status of the process named proc.",
                "local_status <appli>:*\t\t\tGet the local status of all processes in the application named appli.",
                "local_status <proc> <proc>\t\tGet the local status for multiple named processes",
                "local_status\t\t\t\tGet the local status of all processes.");
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
        List<LocalProcessInfo> infos = global(session, () -> session.client().supvisors().getAllLocalProcessInfo());
        if (infos == null) {
            infos = List.of();
        }
        List<LocalProcessInfo> matches = new ArrayList<>();
        if (all(processes)) {
            matches.addAll(infos);
        } else {
            for (String process : processes) {
                String[] names = splitNamespec(process);
                for (LocalProcessInfo info : infos) {
                    if (info.group().equals(names[0]) && (names[1] == null || info.name().equals(names[1]))) {
                        matches.add(info);
                    }
                }
            }
        }
        if (printedAsJson(session, matches, LocalProcessInfo::raw) || matches.isEmpty()) {
            return;
        }
        Table table = new Table().variable("Application").variable("Process").fixed("Disabled", 10)
                .fixed("State", 12).fixed("Start", 12).fixed("Now", 12).fixed("PID", 8).unpadded("Extra args");
        for (LocalProcessInfo info : matches) {
            Map<String, Object> raw = info.raw();
            table.row(info.group(), info.name(), raw.get("disabled"), info.state().name(),
                    info.start() != 0 ? LocalTimes.hms(info.start()) : 0,
                    info.now() != 0 ? LocalTimes.hms(info.now()) : 0, raw.get("pid"), raw.get("extra_args"));
        }
        session.output(table.lines());
    }
}
