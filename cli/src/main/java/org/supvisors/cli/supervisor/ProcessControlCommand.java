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
import org.supvisors.client.model.ProcessResult;

/**
 * {@code start}, {@code stop}, {@code restart}, {@code signal} and {@code clear} on names, {@code group:*} or
 * {@code all}, with supervisorctl's result lines and statuses. As 0.19's plugin, {@code start} of a disabled program
 * prints {@code <namespec>: ERROR disabled}.
 */
final class ProcessControlCommand extends SupervisorCommand {

    /** The five commands. */
    enum Kind { START, STOP, RESTART, SIGNAL, CLEAR }

    private final Kind kind;

    ProcessControlCommand(Kind kind) {
        super(kind.name().toLowerCase(java.util.Locale.ROOT), help(kind));
        this.kind = kind;
    }

    private static String[] help(Kind kind) {
        return switch (kind) {
            case START -> new String[] {
                "start <name>\t\tStart a process",
                "start <gname>:*\t\tStart all processes in a group",
                "start <name> <name>\tStart multiple processes or groups",
                "start all\t\tStart all processes"};
            case STOP -> new String[] {
                "stop <name>\t\tStop a process",
                "stop <gname>:*\t\tStop all processes in a group",
                "stop <name> <name>\tStop multiple processes or groups",
                "stop all\t\tStop all processes"};
            case RESTART -> new String[] {
                "restart <name>\t\tRestart a process",
                "restart <gname>:*\tRestart all processes in a group",
                "restart <name> <name>\tRestart multiple processes or groups",
                "restart all\t\tRestart all processes",
                "Note: restart does not reread config files. For that, see reread and update."};
            case SIGNAL -> new String[] {
                "signal <signal name> <name>\t\tSignal a process",
                "signal <signal name> <gname>:*\t\tSignal all processes in a group",
                "signal <signal name> <name> <name>\tSignal multiple processes or groups",
                "signal <signal name> all\t\tSignal all processes"};
            case CLEAR -> new String[] {
                "clear <name>\t\tClear a process' log files.",
                "clear <name> <name>\tClear multiple process' log files",
                "clear all\t\tClear all process' log files"};
        };
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return kind == Kind.SIGNAL && index == 0 ? Completion.SIGNALS : Completion.SUPERVISOR_PROCESSES;
    }

    @Override
    public void run(Session session, List<String> args) throws SupvisorsClientException {
        Upcheck.supervisor(session);
        switch (kind) {
            case START -> start(session, args);
            case STOP -> stop(session, args);
            case RESTART -> {
                if (args.isEmpty()) {
                    usage(session, "Error: restart requires a process name", ExitStatus.GENERIC);
                    return;
                }
                stop(session, args);
                Upcheck.supervisor(session);
                start(session, args);
            }
            case SIGNAL -> signal(session, args);
            case CLEAR -> clear(session, args);
        }
    }

    private void start(Session session, List<String> names) throws SupvisorsClientException {
        if (names.isEmpty()) {
            usage(session, "Error: start requires a process name", ExitStatus.INVALID_ARGS);
            return;
        }
        SupervisorApi supervisor = session.client().supervisor();
        if (names.contains("all")) {
            for (ProcessResult result : supervisor.startAllProcesses(true)) {
                session.output(startResult(makeNamespec(result.group(), result.name()), result.status(),
                        result.description(), session));
                statusFromFault(session, result.status(), FaultCode.ALREADY_STARTED);
            }
            return;
        }
        for (String name : names) {
            String[] split = splitNamespec(name);
            if (split[1] == null) {
                try {
                    for (ProcessResult result : supervisor.startProcessGroup(split[0], true)) {
                        session.output(startResult(makeNamespec(result.group(), result.name()), result.status(),
                                result.description(), session));
                        statusFromFault(session, result.status(), FaultCode.ALREADY_STARTED);
                    }
                } catch (XmlRpcFault fault) {
                    if (!fault.is(FaultCode.BAD_NAME)) {
                        throw fault;
                    }
                    session.problem(split[0] + ": ERROR (no such group)");
                    session.exitStatus(ExitStatus.INVALID_ARGS);
                }
            } else {
                String namespec = makeNamespec(split[0], split[1]);
                try {
                    supervisor.startProcess(name, true);
                    session.output(namespec + ": started");
                } catch (XmlRpcFault fault) {
                    session.output(startResult(namespec, fault.code(), fault.faultString(), session));
                    statusFromFault(session, fault.code(), FaultCode.ALREADY_STARTED);
                }
            }
        }
    }

    /** supervisorctl's {@code _startresult}, with 0.19's {@code DISABLED} case. */
    private static String startResult(String name, int code, String description, Session session) {
        FaultCode fault = FaultCode.fromCode(code).orElse(null);
        if (fault == null) {
            session.exitStatus(ExitStatus.GENERIC);
            return name + ": ERROR (" + description + ")";
        }
        return switch (fault) {
            case DISABLED -> name + ": ERROR disabled";
            case BAD_NAME -> name + ": ERROR (no such process)";
            case NO_FILE -> name + ": ERROR (no such file)";
            case NOT_EXECUTABLE -> name + ": ERROR (file is not executable)";
            case ALREADY_STARTED -> name + ": ERROR (already started)";
            case SPAWN_ERROR -> name + ": ERROR (spawn error)";
            case ABNORMAL_TERMINATION -> name + ": ERROR (abnormal termination)";
            case SUCCESS -> name + ": started";
            default -> name + ": ERROR (" + description + ")";
        };
    }

    private void stop(Session session, List<String> names) throws SupvisorsClientException {
        if (names.isEmpty()) {
            usage(session, "Error: stop requires a process name", ExitStatus.GENERIC);
            return;
        }
        SupervisorApi supervisor = session.client().supervisor();
        if (names.contains("all")) {
            for (ProcessResult result : supervisor.stopAllProcesses(true)) {
                session.output(signalResult(result, "stopped"));
                statusFromFault(session, result.status(), FaultCode.NOT_RUNNING);
            }
            return;
        }
        for (String name : names) {
            String[] split = splitNamespec(name);
            if (split[1] == null) {
                try {
                    for (ProcessResult result : supervisor.stopProcessGroup(split[0], true)) {
                        session.output(signalResult(result, "stopped"));
                        statusFromFault(session, result.status(), FaultCode.NOT_RUNNING);
                    }
                } catch (XmlRpcFault fault) {
                    session.exitStatus(ExitStatus.GENERIC);
                    if (!fault.is(FaultCode.BAD_NAME)) {
                        throw fault;
                    }
                    session.problem(split[0] + ": ERROR (no such group)");
                }
            } else {
                String namespec = makeNamespec(split[0], split[1]);
                try {
                    supervisor.stopProcess(name, true);
                    session.output(namespec + ": stopped");
                } catch (XmlRpcFault fault) {
                    session.output(signalResult(namespec, fault.code(), fault.faultString(), "stopped"));
                    statusFromFault(session, fault.code(), FaultCode.NOT_RUNNING);
                }
            }
        }
    }

    private void signal(Session session, List<String> args) throws SupvisorsClientException {
        if (args.size() < 2) {
            usage(session, "Error: signal requires a signal name and a process name", ExitStatus.GENERIC);
            return;
        }
        String signal = args.get(0);
        List<String> names = args.subList(1, args.size());
        SupervisorApi supervisor = session.client().supervisor();
        if (names.contains("all")) {
            for (ProcessResult result : supervisor.signalAllProcesses(signal)) {
                session.output(signalResult(result, "signalled"));
                statusFromFault(session, result.status(), null);
            }
            return;
        }
        for (String name : names) {
            String[] split = splitNamespec(name);
            if (split[1] == null) {
                try {
                    for (ProcessResult result : supervisor.signalProcessGroup(split[0], signal)) {
                        session.output(signalResult(result, "signalled"));
                        statusFromFault(session, result.status(), null);
                    }
                } catch (XmlRpcFault fault) {
                    if (!fault.is(FaultCode.BAD_NAME)) {
                        throw fault;
                    }
                    session.problem(split[0] + ": ERROR (no such group)");
                    session.exitStatus(ExitStatus.GENERIC);
                }
            } else {
                String namespec = makeNamespec(split[0], split[1]);
                try {
                    supervisor.signalProcess(name, signal);
                    session.output(namespec + ": signalled");
                } catch (XmlRpcFault fault) {
                    session.output(signalResult(namespec, fault.code(), fault.faultString(), "signalled"));
                    statusFromFault(session, fault.code(), null);
                }
            }
        }
    }

    private static String signalResult(ProcessResult result, String success) {
        return signalResult(makeNamespec(result.group(), result.name()), result.status(), result.description(),
                success);
    }

    /** supervisorctl's {@code _signalresult}. */
    private static String signalResult(String name, int code, String description, String success) {
        if (code == FaultCode.BAD_NAME.code()) {
            return name + ": ERROR (no such process)";
        }
        if (code == FaultCode.BAD_SIGNAL.code()) {
            return name + ": ERROR (bad signal name)";
        }
        if (code == FaultCode.NOT_RUNNING.code()) {
            return name + ": ERROR (not running)";
        }
        if (code == FaultCode.SUCCESS.code()) {
            return name + ": " + success;
        }
        if (code == FaultCode.FAILED.code()) {
            return description;
        }
        return name + ": ERROR (" + description + ")";
    }

    private void clear(Session session, List<String> names) throws SupvisorsClientException {
        if (names.isEmpty()) {
            usage(session, "Error: clear requires a process name", ExitStatus.GENERIC);
            return;
        }
        SupervisorApi supervisor = session.client().supervisor();
        if (names.contains("all")) {
            for (ProcessResult result : supervisor.clearAllProcessLogs()) {
                session.output(clearResult(makeNamespec(result.group(), result.name()), result.status(),
                        result.description()));
                statusFromFault(session, result.status(), null);
            }
            return;
        }
        for (String name : names) {
            String[] split = splitNamespec(name);
            String namespec = split[1] == null ? split[0] + ":None" : makeNamespec(split[0], split[1]);
            try {
                supervisor.clearProcessLogs(name);
                session.output(namespec + ": cleared");
            } catch (XmlRpcFault fault) {
                session.output(clearResult(namespec, fault.code(), fault.faultString()));
                statusFromFault(session, fault.code(), null);
            }
        }
    }

    /** supervisorctl's {@code _clearresult}. */
    private static String clearResult(String name, int code, String description) {
        if (code == FaultCode.BAD_NAME.code()) {
            return name + ": ERROR (no such process)";
        }
        if (code == FaultCode.FAILED.code()) {
            return name + ": ERROR (failed)";
        }
        if (code == FaultCode.SUCCESS.code()) {
            return name + ": cleared";
        }
        return name + ": ERROR (" + description + ")";
    }
}
