package org.supvisors.cli.supvisors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.supvisors.cli.command.Completion;
import org.supvisors.cli.command.ExitStatus;
import org.supvisors.cli.command.Session;
import org.supvisors.client.CommunicationException;
import org.supvisors.client.SupvisorsClient;
import org.supvisors.client.SupvisorsClientException;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.InstanceInfo;
import org.supvisors.client.model.InstanceState;

/**
 * {@code all_start <namespec>} and {@code all_start_args <namespec> <arg>...}: the same start sent to every CHECKED or
 * RUNNING instance, each through its own agent ({@code http://<node_name>:<port + agent_port_offset>}).
 */
final class AllStartCommand extends SupvisorsCommand {

    private final boolean withArgs;

    AllStartCommand(boolean withArgs) {
        super(withArgs ? "all_start_args" : "all_start", withArgs
                ? "all_start_args <proc> <arg_list>\t\tStart the process named proc on all RUNNING Supvisors instances"
                        + " with additional arguments arg_list."
                : "all_start <proc>\t\t\tStart the process named proc on all RUNNING Supvisors instances.");
        this.withArgs = withArgs;
    }

    @Override
    public Completion completion(int index, List<String> previous) {
        return index == 0 ? Completion.PROCESSES : Completion.NONE;
    }

    @Override
    void execute(Session session, List<String> args) throws SupvisorsClientException {
        if (args.size() < (withArgs ? 2 : 1)) {
            session.argumentError(this, withArgs ? "ERROR: all_start_args requires a process name and extra arguments"
                    : "ERROR: all_start requires a process name");
            return;
        }
        String namespec = args.get(0);
        String extraArgs = String.join(" ", args.subList(1, args.size()));
        Map<String, String> urls = runningInstances(session);
        if (urls.isEmpty()) {
            session.problem("ERROR: no running Supvisors instance");
            return;
        }
        for (Map.Entry<String, String> instance : urls.entrySet()) {
            try (SupvisorsClient client = session.connection().clientFor(instance.getValue())) {
                boolean result = withArgs ? client.supvisors().startArgs(namespec, extraArgs, false)
                        : client.supervisor().startProcess(namespec, false);
                session.output(namespec + " started on " + instance.getKey() + ": " + (result ? "True" : "False"));
            } catch (XmlRpcFault fault) {
                session.itemFault(namespec, fault);
            } catch (CommunicationException e) {
                session.problem(namespec + ": ERROR (" + e.getMessage() + ")");
                session.exitStatus(ExitStatus.GENERIC);
            }
        }
    }

    /** The agent URL of every CHECKED or RUNNING instance, by identifier. */
    private static Map<String, String> runningInstances(Session session) throws CommunicationException {
        Map<String, String> urls = new LinkedHashMap<>();
        try {
            for (InstanceInfo info : session.client().supvisors().getAllInstancesInfo()) {
                if (info.state() == InstanceState.CHECKED || info.state() == InstanceState.RUNNING) {
                    urls.put(info.identifier(), "http://" + info.nodeName() + ":"
                            + (info.port() + session.connection().agentPortOffset()));
                }
            }
        } catch (XmlRpcFault fault) {
            session.globalFault(fault);
        }
        return urls;
    }
}
