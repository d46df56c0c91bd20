package org.supvisors.cli.supervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Abort;
import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.command.Upcheck;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.model.ProcessState;
import org.supvisors.client.model.SupervisorProcessInfo;

/** {@code status [<name>...]}: the processes of supervisord, with LSB status codes (3 when one is stopped). */
final class StatusCommand extends SupervisorCommand {

    StatusCommand() {
        super("status",
                "status <name>\t\tGet status for a single process",
                "status <gname>:*\tGet status for all processes in a group",
                "status <name> <name>\tGet status for multiple named processes",
                "status\t\t\tGet all process status info");
    }

    @Override
    public boolean hasJson() {
        return true;
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return Completion.SUPERVISOR_PROCESSES;
    }

    @Override
    public void run(Session session, List<String> names) throws SupvisorsClientException {
        try {
            Upcheck.supervisor(session);
        } catch (Abort abort) {
            // supervisorctl: the upcheck's status is replaced by 4 for status
            throw new Abort(abort.getMessage(), ExitStatus.STATUS_UNKNOWN);
        }
        List<SupervisorProcessInfo> all = session.client().supervisor().getAllProcessInfo();
        List<SupervisorProcessInfo> matching = new ArrayList<>();
        if (names.isEmpty() || names.contains("all")) {
            matching.addAll(all);
        } else {
            for (String name : names) {
                String[] split = splitNamespec(name);
                boolean bad = true;
                for (SupervisorProcessInfo info : all) {
                    if (info.group().equals(split[0]) && (split[1] == null || info.name().equals(split[1]))) {
                        bad = false;
                        matching.add(info);
                    }
                }
                if (bad) {
                    session.problem(split[1] == null ? split[0] + ": ERROR (no such group)"
                            : name + ": ERROR (no such process)");
                    session.exitStatus(ExitStatus.STATUS_UNKNOWN);
                }
            }
        }
        if (session.json()) {
            List<Map<String, Object>> raws = new ArrayList<>();
            for (SupervisorProcessInfo info : matching) {
                raws.add(info.raw());
            }
            session.outputJson(raws);
        } else {
            showStatuses(session, matching);
        }
        for (SupervisorProcessInfo info : matching) {
            ProcessState state = info.state();
            if (state == ProcessState.STOPPED || state == ProcessState.EXITED || state == ProcessState.FATAL
                    || state == ProcessState.UNKNOWN) {
                session.exitStatus(ExitStatus.STATUS_NOT_RUNNING);
            }
        }
    }

    /** supervisorctl's {@code _show_statuses}. */
    static void showStatuses(Session session, List<SupervisorProcessInfo> infos) {
        int maxlen = 30;
        for (SupervisorProcessInfo info : infos) {
            maxlen = Math.max(maxlen, makeNamespec(info.group(), info.name()).length());
        }
        for (SupervisorProcessInfo info : infos) {
            StringBuilder line = new StringBuilder(makeNamespec(info.group(), info.name()));
            pad(line, maxlen + 3);
            int start = line.length();
            line.append((String) info.raw().get("statename"));
            pad(line, start + 10);
            line.append(info.description());
            session.output(line.toString());
        }
    }

    private static void pad(StringBuilder line, int width) {
        while (line.length() < width) {
            line.append(' ');
        }
    }
}
