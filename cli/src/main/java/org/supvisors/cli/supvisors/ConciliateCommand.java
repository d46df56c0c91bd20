package org.supvisors.cli.supvisors;

import java.util.List;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.ConciliationStrategy;

/** {@code conciliate <strategy>}: resolves the conflicts with a conciliation strategy. */
final class ConciliateCommand extends SupvisorsCommand {

    ConciliateCommand() {
        super("conciliate", "conciliate <strategy>\t\t\tConciliate process conflicts using strategy");
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return index == 0 ? Completion.CONCILIATION_STRATEGIES : Completion.NONE;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        if (args.isEmpty()) {
            session.argumentError(this, "ERROR: conciliate requires a strategy");
            return;
        }
        ConciliationStrategy strategy = conciliationStrategy(args.get(0));
        if (strategy == null) {
            session.argumentError(this, "ERROR: unknown strategy for conciliate. use one of "
                    + conciliationStrategyNames());
            return;
        }
        try {
            boolean result = session.client().supvisors().conciliate(strategy);
            session.output("Conciliated: " + (result ? "True" : "False"));
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
        }
    }
}
