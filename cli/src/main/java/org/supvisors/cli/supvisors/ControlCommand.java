package org.supvisors.cli.supvisors;

import java.util.List;

import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsApi;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;

/**
 * The commands without argument on the whole of Supvisors: {@code restart_sequence}, {@code sreload},
 * {@code sshutdown}.
 */
final class ControlCommand extends SupvisorsCommand {

    /** The three commands. */
    enum Kind {
        RESTART_SEQUENCE("restart_sequence", "restart_sequence\t\t\t\t\tTrigger the whole start sequence",
                "Start sequence completed: "),
        SRELOAD("sreload", "sreload\t\t\t\t\tRestart Supvisors on all instances", "Restarted: "),
        SSHUTDOWN("sshutdown", "sshutdown\t\t\t\tShutdown Supvisors on all instances", "Shut down: ");

        final String command;
        final String help;
        final String done;

        Kind(String command, String help, String done) {
            this.command = command;
            this.help = help;
            this.done = done;
        }
    }

    private final Kind kind;

    ControlCommand(Kind kind) {
        super(kind.command, kind.help);
        this.kind = kind;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        SupvisorsApi supvisors = session.client().supvisors();
        try {
            boolean result = switch (kind) {
                case RESTART_SEQUENCE -> supvisors.restartSequence();
                case SRELOAD -> supvisors.restart();
                case SSHUTDOWN -> supvisors.shutdown();
            };
            session.output(kind.done + (result ? "True" : "False"));
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
        }
    }
}
