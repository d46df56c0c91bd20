package org.supvisors.cli.supervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.command.Upcheck;
import org.supvisors.client.FaultCode;
import org.supvisors.client.SupervisorApi;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;

/**
 * {@code tail [-f|-<bytes>] <name> [stdout|stderr]} and {@code maintail [-f|-<bytes>]}: the end of a process log or
 * of supervisord's log, or follow it (Ctrl-C to stop).
 */
final class LogCommand extends SupervisorCommand {

    private final boolean main;

    LogCommand(boolean main) {
        super(main ? "maintail" : "tail", main
                ? new String[] {
                    "maintail -f \tContinuous tail of supervisor main log file (Ctrl-C to exit)\n"
                            + "maintail -100\tlast 100 *bytes* of supervisord main log file\n"
                            + "maintail\tlast 1600 *bytes* of supervisor main log file\n"}
                : new String[] {
                    "tail [-f] <name> [stdout|stderr] (default stdout)\n"
                            + "Ex:\n"
                            + "tail -f <name>\t\tContinuous tail of named process stdout\n"
                            + "\t\t\tCtrl-C to exit.\n"
                            + "tail -100 <name>\tlast 100 *bytes* of process stdout\n"
                            + "tail <name> stderr\tlast 1600 *bytes* of process stderr"});
        this.main = main;
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        if (main) {
            return Completion.NONE;
        }
        boolean modifier = !previous.isEmpty() && previous.get(0).startsWith("-");
        int name = modifier ? 1 : 0;
        if (index == name) {
            return Completion.SUPERVISOR_PROCESSES;
        }
        return index == name + 1 ? Completion.CHANNELS : Completion.NONE;
    }

    @Override
    public void run(Session session, List<String> args) throws SupvisorsClientException {
        Upcheck.supervisor(session);
        if (main) {
            maintail(session, args);
        } else {
            tail(session, args);
        }
    }

    private void tail(Session session, List<String> words) throws SupvisorsClientException {
        List<String> args = new ArrayList<>(words);
        if (args.isEmpty()) {
            usage(session, "Error: too few arguments", ExitStatus.GENERIC);
            return;
        }
        if (args.size() > 3) {
            usage(session, "Error: too many arguments", ExitStatus.GENERIC);
            return;
        }
        String modifier = args.get(0).startsWith("-") ? args.remove(0) : null;
        String name;
        String channel;
        if (args.size() == 1) {
            name = args.get(0);
            channel = "stdout";
        } else if (!args.isEmpty()) {
            name = args.get(0);
            channel = args.get(args.size() - 1).toLowerCase(Locale.ROOT);
            if (!channel.equals("stderr") && !channel.equals("stdout")) {
                session.problem("Error: bad channel " + org.supvisors.cli.output.PythonText.repr(channel));
                session.exitStatus(ExitStatus.GENERIC);
                return;
            }
        } else {
            session.problem("Error: tail requires process name");
            session.exitStatus(ExitStatus.GENERIC);
            return;
        }
        Integer bytes = 1600;
        if (modifier != null) {
            bytes = bytes(session, modifier);
            if (bytes != null && bytes == Integer.MIN_VALUE) {
                return;
            }
        }
        SupervisorApi supervisor = session.client().supervisor();
        boolean stdout = channel.equals("stdout");
        if (bytes == null) {
            session.output("==> Press Ctrl-C to exit <==");
            LogFollower.Source source = new LogFollower.Source() {
                @Override
                public long size() throws SupvisorsClientException {
                    return (stdout ? supervisor.tailProcessStdoutLog(name, 0, 0)
                            : supervisor.tailProcessStderrLog(name, 0, 0)).offset();
                }

                @Override
                public String read(long offset, long length) throws SupvisorsClientException {
                    return stdout ? supervisor.readProcessStdoutLog(name, (int) offset, (int) length)
                            : supervisor.readProcessStderrLog(name, (int) offset, (int) length);
                }
            };
            follow(session, source, name);
            return;
        }
        try {
            String output = stdout ? supervisor.readProcessStdoutLog(name, -bytes, 0)
                    : supervisor.readProcessStderrLog(name, -bytes, 0);
            session.output(output);
        } catch (XmlRpcFault fault) {
            readFault(session, name, fault, true);
        }
    }

    private void maintail(Session session, List<String> args) throws SupvisorsClientException {
        if (args.size() > 1) {
            usage(session, "Error: too many arguments", ExitStatus.GENERIC);
            return;
        }
        int bytes = 1600;
        SupervisorApi supervisor = session.client().supervisor();
        if (args.size() == 1) {
            if (!args.get(0).startsWith("-")) {
                session.problem("Error: bad argument " + args.get(0));
                session.exitStatus(ExitStatus.GENERIC);
                return;
            }
            Integer parsed = bytes(session, args.get(0));
            if (parsed == null) {
                session.output("==> Press Ctrl-C to exit <==");
                LogFollower.Source source = new LogFollower.Source() {
                    @Override
                    public long size() throws SupvisorsClientException {
                        return LogFollower.mainLogSize(supervisor);
                    }

                    @Override
                    public String read(long offset, long length) throws SupvisorsClientException {
                        return supervisor.readLog((int) offset, (int) length);
                    }
                };
                follow(session, source, "supervisord");
                return;
            }
            if (parsed == Integer.MIN_VALUE) {
                return;
            }
            bytes = parsed;
        }
        try {
            session.output(supervisor.readLog(-bytes, 0));
        } catch (XmlRpcFault fault) {
            readFault(session, "supervisord", fault, false);
        }
    }

    /** The byte count of {@code -N}, {@code null} for {@code -f}, MIN_VALUE after an error. */
    private static Integer bytes(Session session, String modifier) {
        String what = modifier.substring(1);
        if (what.equals("f")) {
            return null;
        }
        try {
            return Integer.parseInt(what.strip());
        } catch (NumberFormatException e) {
            session.problem("Error: bad argument " + modifier);
            session.exitStatus(ExitStatus.GENERIC);
            return Integer.MIN_VALUE;
        }
    }

    private static void follow(Session session, LogFollower.Source source, String name)
            throws SupvisorsClientException {
        try (Interruption stop = new Interruption()) {
            LogFollower.follow(session, source, 1024, stop);
            session.output("");
        } catch (XmlRpcFault fault) {
            readFault(session, name, fault, true);
        }
    }

    private static void readFault(Session session, String name, XmlRpcFault fault, boolean process)
            throws XmlRpcFault {
        session.exitStatus(ExitStatus.GENERIC);
        if (fault.is(FaultCode.NO_FILE)) {
            session.problem(name + ": ERROR (no log file)");
        } else if (fault.is(FaultCode.FAILED)) {
            session.problem(name + ": ERROR (unknown error reading log)");
        } else if (process && fault.is(FaultCode.BAD_NAME)) {
            session.problem(name + ": ERROR (no such process name)");
        } else {
            throw fault;
        }
    }
}
