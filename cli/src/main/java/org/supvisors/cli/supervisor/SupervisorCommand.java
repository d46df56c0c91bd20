package org.supvisors.cli.supervisor;

import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.NamedCommand;
import org.supvisors.cli.command.Session;
import org.supvisors.client.FaultCode;

/** A standard command of supervisorctl, sent as {@code supervisor.*} calls to the agent, which forwards them. */
abstract class SupervisorCommand extends NamedCommand {

    SupervisorCommand(String name, String... help) {
        super(name, help);
    }

    /** supervisorctl's error on the arguments: the message, the help, then the status. */
    void usage(Session session, String message, int status) {
        session.problem(message);
        session.help(this);
        session.exitStatus(status);
    }

    /** supervisorctl's {@code set_exitstatus_from_xmlrpc_fault}. */
    static void statusFromFault(Session session, int code, FaultCode ignored) {
        if ((ignored != null && code == ignored.code()) || code == FaultCode.SUCCESS.code()) {
            return;
        }
        if (code == FaultCode.SPAWN_ERROR.code() || code == FaultCode.ABNORMAL_TERMINATION.code()
                || code == FaultCode.NOT_RUNNING.code()) {
            session.exitStatus(ExitStatus.NOT_RUNNING);
        } else {
            session.exitStatus(ExitStatus.GENERIC);
        }
    }
}
