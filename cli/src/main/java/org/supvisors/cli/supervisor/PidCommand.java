package org.supvisors.cli.supervisor;

import java.util.List;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.command.Upcheck;
import org.supvisors.client.FaultCode;
import org.supvisors.client.SupervisorApi;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.SupervisorProcessInfo;

/** {@code pid [<name>...|all]}: the pid of supervisord or of processes. */
final class PidCommand extends SupervisorCommand {

    PidCommand() {
        super("pid",
                "pid\t\t\tGet the PID of supervisord.",
                "pid <name>\t\tGet the PID of a single child process by name.",
                "pid all\t\t\tGet the PID of every child process, one per line.");
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return Completion.SUPERVISOR_PROCESSES;
    }

    @Override
    public void run(Session session, List<String> names) throws SupvisorsClientException {
        Upcheck.supervisor(session);
        SupervisorApi supervisor = session.client().supervisor();
        if (names.isEmpty()) {
            session.output(Integer.toString(supervisor.getPID()));
        } else if (names.contains("all")) {
            for (SupervisorProcessInfo info : supervisor.getAllProcessInfo()) {
                session.output(Integer.toString(info.pid()));
            }
        } else {
            for (String name : names) {
                try {
                    int pid = supervisor.getProcessInfo(name).pid();
                    session.output(Integer.toString(pid));
                    if (pid == 0) {
                        session.exitStatus(ExitStatus.NOT_RUNNING);
                    }
                } catch (XmlRpcFault fault) {
                    session.exitStatus(ExitStatus.GENERIC);
                    if (!fault.is(FaultCode.BAD_NAME)) {
                        throw fault;
                    }
                    session.problem("No such process " + name);
                }
            }
        }
    }
}
