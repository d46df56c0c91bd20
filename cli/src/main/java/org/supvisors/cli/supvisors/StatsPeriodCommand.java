package org.supvisors.cli.supvisors;

import java.util.List;
import java.util.Locale;

import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;

/** {@code stats_period <period>}: the statistics collecting period of the local agent, in seconds. */
final class StatsPeriodCommand extends SupvisorsCommand {

    StatsPeriodCommand() {
        super("stats_period", "stats_period period\t\tUpdate the host and process statistics collection period");
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        if (args.isEmpty()) {
            session.argumentError(this, "ERROR: stats_period requires a period");
            return;
        }
        double period = pythonFloat(args.get(0));
        if (!(period > 0)) {
            // 0.19 crashes on a non-positive float: the same message as for a word that is not a float
            session.argumentError(this, "ERROR: stats_period requires a strictly positive period");
            return;
        }
        try {
            boolean result = session.client().supvisors().updateCollectingPeriod(period);
            session.output("Statistics period updated: " + (result ? "True" : "False"));
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
        }
    }

    /** Python's {@code float(text)}, NaN when it raises. */
    static double pythonFloat(String text) {
        String word = text.strip().replace("_", "").toLowerCase(Locale.ROOT);
        String unsigned = word.startsWith("+") || word.startsWith("-") ? word.substring(1) : word;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return word.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!unsigned.matches("(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            return Double.NaN;
        }
        return Double.parseDouble(word);
    }
}
