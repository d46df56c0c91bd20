package org.supvisors.cli.supvisors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.output.Table;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.ApplicationInfo;

/** {@code application_rules [<application>...]}: the rules of applications. */
final class ApplicationRulesCommand extends SupvisorsCommand {

    ApplicationRulesCommand() {
        super("application_rules",
                "application_rules <appli>\t\t\tGet the rules of the application named appli.",
                "application_rules <appli> <appli>\t\tGet the rules for multiple named applications",
                "application_rules\t\t\t\tGet the rules of all applications.");
    }

    @Override
    public boolean hasJson() {
        return true;
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return Completion.APPLICATIONS;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        List<String> applications = new ArrayList<>(args);
        if (all(args)) {
            applications.clear();
            try {
                for (ApplicationInfo info : session.client().supvisors().getAllApplicationsInfo()) {
                    applications.add(info.applicationName());
                }
            } catch (XmlRpcFault fault) {
                session.globalFault(fault);
            }
        }
        List<Map<String, Object>> rulesList = new ArrayList<>();
        for (String application : applications) {
            try {
                rulesList.add(session.client().supvisors().getApplicationRules(application).raw());
            } catch (XmlRpcFault fault) {
                session.itemFault(application, fault);
            }
        }
        if (session.json()) {
            session.outputJson(rulesList);
            return;
        }
        if (rulesList.isEmpty()) {
            return;
        }
        Table table = new Table().variable("Application").fixed("Managed", 9).fixed("Distribution", 17)
                .variable("Supervisor").fixed("Start", 7).fixed("Stop", 7).fixed("Starting", 18)
                .fixed("Starting_Failure", 18).unpadded("Running_Failure");
        for (Map<String, Object> rules : rulesList) {
            if (Boolean.TRUE.equals(rules.get("managed"))) {
                table.row(rules.get("application_name"), true, rules.get("distribution"),
                        rules.containsKey("identifiers") ? rules.get("identifiers") : "n/a",
                        rules.get("start_sequence"), rules.get("stop_sequence"), rules.get("starting_strategy"),
                        rules.get("starting_failure_strategy"), rules.get("running_failure_strategy"));
            } else {
                table.row(rules.get("application_name"), false, "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a");
            }
        }
        session.output(table.lines());
    }
}
