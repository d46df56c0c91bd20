package org.supvisors.cli.supvisors;

import java.util.List;
import java.util.Locale;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;

/** {@code enable_stats [host] [process] [all]} and {@code disable_stats [host] [process] [all]}. */
final class StatisticsCommand extends SupvisorsCommand {

    private final boolean enable;

    StatisticsCommand(boolean enable) {
        super(enable ? "enable_stats" : "disable_stats", help(enable ? "enable_stats" : "disable_stats",
                enable ? "Enable" : "Disable"));
        this.enable = enable;
    }

    private static String[] help(String command, String verb) {
        return new String[] {
            command + "\t\t\t" + verb + " host and process statistics collection",
            command + " all\t\t" + verb + " host and process statistics collection",
            command + " host\t\t" + verb + " host statistics collection",
            command + " process\t\t" + verb + " process statistics collection",
            command + " host process\t" + verb + " host and process statistics collection"};
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return Completion.STATISTICS_TYPES;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        boolean host = true;
        boolean process = true;
        if (!args.isEmpty()) {
            host = false;
            process = false;
            boolean error = false;
            for (String word : args) {
                String type = word.toLowerCase(Locale.ROOT);
                switch (type) {
                    case "host" -> host = true;
                    case "process" -> process = true;
                    case "all" -> {
                        host = true;
                        process = true;
                    }
                    default -> {
                        session.problem("ERROR: invalid statistics type " + type);
                        error = true;
                    }
                }
            }
            if (error) {
                session.exitStatus(ExitStatus.INVALID_ARGS);
                session.help(this);
                return;
            }
        }
        String done = enable ? "enabled: " : "disabled: ";
        if (host) {
            try {
                boolean result = session.client().supvisors().enableHostStatistics(enable);
                session.output("Host statistics " + done + (result ? "True" : "False"));
            } catch (XmlRpcFault fault) {
                session.globalFault(fault);
            }
        }
        if (process) {
            try {
                boolean result = session.client().supvisors().enableProcessStatistics(enable);
                session.output("Process statistics " + done + (result ? "True" : "False"));
            } catch (XmlRpcFault fault) {
                session.globalFault(fault);
            }
        }
    }
}
