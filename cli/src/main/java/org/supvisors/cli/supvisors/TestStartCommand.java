package org.supvisors.cli.supvisors;

import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;
import org.supvisors.cli.output.Table;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.ApplicationInfo;
import org.supvisors.client.model.StartPrediction;
import org.supvisors.client.model.StartingStrategy;

/** {@code test_start_application <strategy> <app>} and {@code test_start_process <strategy> <namespec>}. */
final class TestStartCommand extends SupvisorsCommand {

    private final boolean application;

    TestStartCommand(boolean application) {
        super(application ? "test_start_application" : "test_start_process", application
                ? new String[] {
                    "test_start_application <strategy> <appli>\t\tTest the starting of the managed application named"
                            + " appli with strategy.",
                    "test_start_application <strategy>\t\t\tTest the starting of all managed applications with"
                            + " strategy."}
                : new String[] {
                    "test_start_process <strategy> <proc>\t\t\tStart the process named proc with strategy.",
                    "test_start_process <strategy>\t\t\tStart all processes with strategy."});
        this.application = application;
    }

    @Override
    public boolean hasJson() {
        return true;
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        if (index == 0) {
            return Completion.STARTING_STRATEGIES;
        }
        return index == 1 ? (application ? Completion.APPLICATIONS : Completion.PROCESSES) : Completion.NONE;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        if (args.size() != 2) {
            session.argumentError(this, application
                    ? "ERROR: test_start_application requires one strategy and one application name"
                    : "ERROR: test_start_process requires one strategy and one namespec");
            return;
        }
        StartingStrategy strategy = startingStrategy(args.get(0));
        if (strategy == null) {
            session.argumentError(this, "ERROR: unknown strategy for " + name() + ". use one of "
                    + startingStrategyNames());
            return;
        }
        String name = args.get(1);
        List<StartPrediction> predictions;
        if (application) {
            ApplicationInfo info;
            try {
                info = session.client().supvisors().getApplicationInfo(name);
            } catch (XmlRpcFault fault) {
                session.problem("ERROR: unknown application \"" + name + "\"");
                session.exitStatus(ExitStatus.INVALID_ARGS);
                return;
            }
            if (!info.managed()) {
                // 0.19 leaves the exit status unchanged here
                session.problem("ERROR: " + name + " unmanaged");
                session.help(this);
                return;
            }
        }
        try {
            predictions = application ? session.client().supvisors().testStartApplication(strategy, name)
                    : session.client().supvisors().testStartProcess(strategy, name);
        } catch (XmlRpcFault fault) {
            session.itemFault(name, fault);
            return;
        }
        if (printedAsJson(session, predictions, StartPrediction::raw)) {
            return;
        }
        Table table = new Table().variable("Application").variable("Process").fixed("State", 12)
                .variable("Supervisor").unpadded("Reason");
        for (StartPrediction prediction : predictions) {
            Map<String, Object> raw = prediction.raw();
            table.row(raw.get("application_name"), raw.get("process_name"), raw.get("state"),
                    raw.get("running_identifiers"), raw.get("forced_reason"));
        }
        session.output(table.lines());
    }
}
