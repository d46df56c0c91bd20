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
import org.supvisors.client.model.ProcessState;

/**
 * {@code fg <process>}: the process in the foreground: its output printed as it comes (polled, see
 * {@link LogFollower}), each line typed sent to its standard input; Ctrl-C or the end of the input leaves it.
 */
final class FgCommand extends SupervisorCommand {

    FgCommand() {
        super("fg", "fg <process>\tConnect to a process in foreground mode", "\t\tCtrl-C to exit");
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return index == 0 ? Completion.SUPERVISOR_PROCESSES : Completion.NONE;
    }

    @Override
    public void run(Session session, List<String> names) throws SupvisorsClientException {
        Upcheck.supervisor(session);
        if (names.isEmpty()) {
            usage(session, "ERROR: no process name supplied", ExitStatus.GENERIC);
            return;
        }
        if (names.size() > 1) {
            session.problem("ERROR: too many process names supplied");
            session.exitStatus(ExitStatus.GENERIC);
            return;
        }
        String name = names.get(0);
        SupervisorApi supervisor = session.client().supervisor();
        try {
            if (supervisor.getProcessInfo(name).state() != ProcessState.RUNNING) {
                session.problem("ERROR: process not running");
                session.exitStatus(ExitStatus.GENERIC);
                return;
            }
        } catch (XmlRpcFault fault) {
            if (fault.is(FaultCode.BAD_NAME)) {
                session.problem("ERROR: bad process name supplied");
                session.exitStatus(ExitStatus.GENERIC);
            } else {
                session.problem("ERROR: " + fault.faultString());
            }
            return;
        }
        session.output("==> Press Ctrl-C to exit <==");
        try (Interruption stop = new Interruption()) {
            Thread output = new Thread(() -> printOutput(session, supervisor, name, stop), "supvisorsctl-fg");
            output.setDaemon(true);
            output.start();
            while (!stop.requested()) {
                String line = session.prompter().readLine("");
                if (line == null || stop.requested()) {
                    break;
                }
                try {
                    supervisor.sendProcessStdin(name, line + "\n");
                } catch (XmlRpcFault fault) {
                    session.output(fault.is(FaultCode.NOT_RUNNING) ? "Process got killed"
                            : "ERROR: " + fault.faultString());
                    break;
                }
                if (supervisor.getProcessInfo(name).state() != ProcessState.RUNNING) {
                    session.output("Process got killed");
                    break;
                }
            }
            session.output("Exiting foreground");
        }
    }

    /** Prints what the process writes on stdout and stderr until stopped. */
    private static void printOutput(Session session, SupervisorApi supervisor, String name, Interruption stop) {
        long stdout = -1;
        long stderr = -1;
        try {
            while (!stop.requested()) {
                stdout = print(session, supervisor, name, true, stdout);
                stderr = print(session, supervisor, name, false, stderr);
                stop.await(200);
            }
        } catch (SupvisorsClientException e) {
            session.problem("ERROR: " + e.getMessage());
        }
    }

    private static long print(Session session, SupervisorApi supervisor, String name, boolean stdout, long position)
            throws SupvisorsClientException {
        long size;
        try {
            size = (stdout ? supervisor.tailProcessStdoutLog(name, 0, 0)
                    : supervisor.tailProcessStderrLog(name, 0, 0)).offset();
        } catch (XmlRpcFault fault) {
            if (fault.is(FaultCode.NO_FILE)) {
                return position;
            }
            throw fault;
        }
        if (position < 0 || size < position) {
            return position < 0 ? size : 0;
        }
        if (size > position) {
            String text = stdout ? supervisor.readProcessStdoutLog(name, (int) position, (int) (size - position))
                    : supervisor.readProcessStderrLog(name, (int) position, (int) (size - position));
            synchronized (session) {
                session.out().print(text);
                session.out().flush();
            }
        }
        return size;
    }
}
