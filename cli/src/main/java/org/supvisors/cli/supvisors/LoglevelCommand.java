package org.supvisors.cli.supvisors;

import java.util.List;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.LogLevel;

/** {@code loglevel <level>}: the level of the local agent's logger, named as Supervisor names levels. */
final class LoglevelCommand extends SupvisorsCommand {

    LoglevelCommand() {
        super("loglevel",
                "loglevel lvl\t\t\t\tChange the level of local Supvisors' logger to lvl.",
                "\t\t\t\t\tApplicable values are: dict_values(['critical', 'error', 'warn', 'info', 'debug', 'trace',"
                        + " 'blather']).");
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return index == 0 ? Completion.LOG_LEVELS : Completion.NONE;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        if (args.isEmpty()) {
            session.argumentError(this, "ERROR: loglevel requires a level");
            return;
        }
        LogLevel level = null;
        for (LogLevel candidate : LogLevel.values()) {
            if (candidate.description().equals(args.get(0))) {
                level = candidate;
            }
        }
        if (level == null) {
            session.argumentError(this, "ERROR: unknown level for Logger");
            return;
        }
        try {
            boolean result = session.client().supvisors().changeLogLevel(level);
            session.output("Logger level changed: " + (result ? "True" : "False"));
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
        }
    }
}
