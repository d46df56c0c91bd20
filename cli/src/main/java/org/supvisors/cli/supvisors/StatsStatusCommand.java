package org.supvisors.cli.supvisors;

import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Session;
import org.supvisors.cli.output.PythonText;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;

/** {@code stats_status}: whether statistics are collected, and how often. */
final class StatsStatusCommand extends SupvisorsCommand {

    StatsStatusCommand() {
        super("stats_status", "stats_status\t\t\tGet the Supvisors statistics collection status.");
    }

    @Override
    public boolean hasJson() {
        return true;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        Map<String, Object> status;
        try {
            status = session.client().supvisors().getStatisticsStatus().raw();
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
            return;
        }
        if (session.json()) {
            session.outputJson(status);
            return;
        }
        session.output("Collecting Host statistics:    " + PythonText.str(status.get("host_stats")));
        session.output("Collecting Process statistics: " + PythonText.str(status.get("process_stats")));
        session.output("Collecting statistics period:  " + PythonText.str(status.get("collecting_period")));
    }
}
