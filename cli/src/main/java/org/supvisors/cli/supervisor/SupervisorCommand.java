package org.supvisors.cli.supervisor;

import java.util.List;

import org.supvisors.cli.command.CliCommand;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;
import org.supvisors.client.FaultCode;

/** A standard command of supervisorctl, sent as {@code supervisor.*} calls to the agent, which forwards them. */
abstract class SupervisorCommand implements CliCommand {

    private final String name;
    private final List<String> help;

    SupervisorCommand(String name, String... help) {
        this.name = name;
        this.help = List.of(help);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> help() {
        return help;
    }

    /** supervisorctl's error on the arguments: the message, the help, then the status. */
    void usage(Session session, String message, int status) {
        session.problem(message);
        session.help(this);
        session.exitStatus(status);
    }

    /** Supervisor's {@code split_namespec}: {@code [group, process]}, process {@code null} for {@code group:*}. */
    static String[] splitNamespec(String namespec) {
        int colon = namespec.indexOf(':');
        if (colon < 0) {
            return new String[] {namespec, namespec};
        }
        String process = namespec.substring(colon + 1);
        return new String[] {namespec.substring(0, colon), process.isEmpty() || process.equals("*") ? null : process};
    }

    /** Supervisor's {@code make_namespec}. */
    static String makeNamespec(String group, String process) {
        return group.equals(process) ? process : group + ":" + process;
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
