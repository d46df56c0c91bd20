package org.supvisors.cli.supvisors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.output.Table;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.ProcessRules;

/** {@code process_rules [<namespec>...]}: the rules of processes. */
final class ProcessRulesCommand extends SupvisorsCommand {

    ProcessRulesCommand() {
        super("process_rules",
                "process_rules <proc>\t\t\tGet the rules of the process named proc.",
                "process_rules <appli>:*\t\t\tGet the rules of all processes in the application named appli.",
                "process_rules <proc> <proc>\t\tGet the rules for multiple named processes",
                "process_rules\t\t\t\tGet the rules of all processes.");
    }

    @Override
    public boolean hasJson() {
        return true;
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return Completion.PROCESSES;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        List<String> namespecs = namespecs(session, args, info -> true);
        List<Map<String, Object>> rulesList = new ArrayList<>();
        for (String namespec : namespecs) {
            try {
                for (ProcessRules rules : session.client().supvisors().getProcessRules(namespec)) {
                    rulesList.add(rules.raw());
                }
            } catch (XmlRpcFault fault) {
                session.itemFault(namespec, fault);
            }
        }
        if (session.json()) {
            session.outputJson(rulesList);
            return;
        }
        if (rulesList.isEmpty()) {
            return;
        }
        Table table = new Table().variable("Application").variable("Process").fixed("Start", 7).fixed("Stop", 7)
                .fixed("Required", 12).fixed("WaitExit", 12).fixed("Loading", 12).fixed("Strategy", 22)
                .unpadded("Supervisor");
        for (Map<String, Object> rules : rulesList) {
            table.row(rules.get("application_name"), rules.get("process_name"), rules.get("start_sequence"),
                    rules.get("stop_sequence"), rules.get("required"), rules.get("wait_exit"),
                    rules.get("expected_loading") + "%", rules.get("running_failure_strategy"),
                    rules.get("identifiers"));
        }
        session.output(table.lines());
    }
}
