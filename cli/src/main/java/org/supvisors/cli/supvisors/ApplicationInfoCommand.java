package org.supvisors.cli.supvisors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.output.Table;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.model.ApplicationInfo;

/** {@code application_info [<application>...]}: the state of applications. */
final class ApplicationInfoCommand extends SupvisorsCommand {

    ApplicationInfoCommand() {
        super("application_info",
                "application_info <appli>\t\tGet the status of application named appli.",
                "application_info <appli> <appli>\tGet the status for multiple named application",
                "application_info\t\t\tGet the status of all applications.");
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
    void execute(Session session, List<String> applications) throws SupvisorsClientException {
        List<ApplicationInfo> infos = global(session, () -> session.client().supvisors().getAllApplicationsInfo());
        if (infos == null) {
            return;
        }
        boolean all = all(applications);
        List<Map<String, Object>> selected = new ArrayList<>();
        Table table = new Table().variable("Application").fixed("State", 10).fixed("Major", 7).fixed("Minor", 7);
        for (ApplicationInfo info : infos) {
            Map<String, Object> raw = info.raw();
            Object[] row = {raw.get("application_name"), raw.get("statename"), raw.get("major_failure"),
                raw.get("minor_failure")};
            table.measure(row);
            if (all || applications.contains(info.applicationName())) {
                table.row(row);
                selected.add(raw);
            }
        }
        print(session, selected, table);
    }
}
