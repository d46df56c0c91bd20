package org.supvisors.cli.supvisors;

import java.util.List;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsApi;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;

/**
 * The commands on a program of the local instance: {@code update_numprocs <program> <numprocs>},
 * {@code lazy_update_numprocs <program> <numprocs>}, {@code enable <program>}, {@code disable <program>}. A fault is
 * printed in the global form; words after the first one or two are ignored.
 */
final class ProgramCommand extends SupvisorsCommand {

    /** The four commands. */
    enum Kind {
        UPDATE_NUMPROCS("update_numprocs", "update_numprocs program_name numprocs\t\tUpdate the program numprocs."),
        LAZY_UPDATE_NUMPROCS("lazy_update_numprocs",
                "lazy_update_numprocs program_name numprocs\t\tUpdate the program numprocs (lazy mode)."),
        ENABLE("enable", "enable program_name\t\t\tEnable the program."),
        DISABLE("disable", "disable program_name\t\t\tDisable the program.");

        final String command;
        final String help;

        Kind(String command, String help) {
            this.command = command;
            this.help = help;
        }

        boolean numprocs() {
            return this == UPDATE_NUMPROCS || this == LAZY_UPDATE_NUMPROCS;
        }
    }

    private final Kind kind;

    ProgramCommand(Kind kind) {
        super(kind.command, kind.help);
        this.kind = kind;
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return index == 0 ? Completion.PROGRAMS : Completion.NONE;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        if (args.size() < (kind.numprocs() ? 2 : 1)) {
            session.argumentError(this, kind.numprocs()
                    ? "ERROR: " + kind.command + " requires a program name and a numprocs values"
                    : "ERROR: " + kind.command + " requires a program name");
            return;
        }
        String program = args.get(0);
        int numprocs = 0;
        if (kind.numprocs()) {
            numprocs = positiveInteger(args.get(1));
            if (numprocs <= 0) {
                session.argumentError(this, "ERROR: numprocs must be a strictly positive integer");
                return;
            }
        }
        SupvisorsApi supvisors = session.client().supvisors();
        try {
            boolean result = switch (kind) {
                case UPDATE_NUMPROCS -> supvisors.updateNumprocs(program, numprocs);
                case LAZY_UPDATE_NUMPROCS -> supvisors.updateNumprocs(program, numprocs, true, true);
                case ENABLE -> supvisors.enable(program);
                case DISABLE -> supvisors.disable(program);
            };
            String done = kind.numprocs() ? "numprocs updated" : kind == Kind.ENABLE ? "enabled" : "disabled";
            session.output(program + " " + done + ": " + (result ? "True" : "False"));
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
        }
    }

    /** Python's {@code int(text)} when it is above 0, else 0. */
    private static int positiveInteger(String text) {
        try {
            int value = Integer.parseInt(text.replace("_", ""));
            return Math.max(value, 0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
