package org.supvisors.cli.supervisor;

import java.util.List;
import java.util.Locale;

import org.supvisors.cli.command.Abort;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.command.Upcheck;
import org.supvisors.client.CommunicationException;
import org.supvisors.client.FaultCode;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;

/** The commands on supervisord itself: {@code reload}, {@code shutdown}, {@code version}, {@code open}. */
final class SupervisordCommand extends SupervisorCommand {

    /** The four commands. */
    enum Kind { RELOAD, SHUTDOWN, VERSION, OPEN }

    private final Kind kind;

    SupervisordCommand(Kind kind) {
        super(kind.name().toLowerCase(Locale.ROOT), help(kind));
        this.kind = kind;
    }

    private static String[] help(Kind kind) {
        return switch (kind) {
            case RELOAD -> new String[] {"reload \t\tRestart the remote supervisord."};
            case SHUTDOWN -> new String[] {"shutdown \tShut the remote supervisord down."};
            case VERSION -> new String[] {"version\t\t\tShow the version of the remote supervisord process"};
            case OPEN -> new String[] {
                "open <url>\tConnect to a remote supervisord process.",
                "\t\t(for UNIX domain socket, use unix:///socket/path)"};
        };
    }

    @Override
    public void run(Session session, List<String> args) throws SupvisorsClientException {
        switch (kind) {
            case RELOAD -> reload(session, args);
            case SHUTDOWN -> shutdown(session, args);
            case VERSION -> version(session, args);
            case OPEN -> open(session, args);
        }
    }

    private boolean confirmed(Session session, String question) {
        if (!session.interactive()) {
            return true;
        }
        String answer = session.prompter().readLine(question);
        return answer != null && answer.toLowerCase(Locale.ROOT).startsWith("y");
    }

    private void reload(Session session, List<String> args) throws SupvisorsClientException {
        if (!args.isEmpty()) {
            usage(session, "Error: reload accepts no arguments", ExitStatus.GENERIC);
            return;
        }
        if (!confirmed(session, "Really restart the remote supervisord process y/N? ")) {
            return;
        }
        try {
            session.client().supervisor().restart();
            session.output("Restarted supervisord");
        } catch (XmlRpcFault fault) {
            session.exitStatus(ExitStatus.GENERIC);
            if (!fault.is(FaultCode.SHUTDOWN_STATE)) {
                throw fault;
            }
            session.problem("ERROR: already shutting down");
        }
    }

    private void shutdown(Session session, List<String> args) throws SupvisorsClientException {
        if (!args.isEmpty()) {
            usage(session, "Error: shutdown accepts no arguments", ExitStatus.GENERIC);
            return;
        }
        if (!confirmed(session, "Really shut the remote supervisord process down y/N? ")) {
            return;
        }
        try {
            session.client().supervisor().shutdown();
            session.output("Shut down");
        } catch (XmlRpcFault fault) {
            if (!fault.is(FaultCode.SHUTDOWN_STATE)) {
                session.exitStatus(ExitStatus.GENERIC);
                throw fault;
            }
            session.problem("ERROR: already shutting down");
        } catch (CommunicationException e) {
            if (e.reason() != CommunicationException.Reason.CONNECTION_REFUSED) {
                throw e;
            }
            throw new Abort("ERROR: " + session.connection().serverUrl() + " refused connection (already shut"
                    + " down?)", ExitStatus.GENERIC);
        }
    }

    private void version(Session session, List<String> args) throws SupvisorsClientException {
        if (!args.isEmpty()) {
            usage(session, "Error: version accepts no arguments", ExitStatus.GENERIC);
            return;
        }
        Upcheck.supervisor(session);
        session.output(session.client().supervisor().getSupervisorVersion());
    }

    private void open(Session session, List<String> args) throws SupvisorsClientException {
        String url = String.join(" ", args).strip();
        int colon = url.indexOf(':');
        String scheme = colon < 0 ? "" : url.substring(0, colon);
        if (!scheme.equals("unix") && !scheme.equals("http")) {
            session.problem("ERROR: url must be http:// or unix://");
            session.exitStatus(ExitStatus.GENERIC);
            return;
        }
        session.connection().open(url);
        int status = session.exitStatus();
        try {
            new StatusCommand().run(session, List.of());
        } catch (Abort abort) {
            session.problem(abort.getMessage());
        } finally {
            session.exitStatus(status);
        }
    }
}
