package org.supvisors.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.supvisors.client.model.ApplicationInfo;
import org.supvisors.client.model.ApplicationRules;
import org.supvisors.client.model.ConciliationStrategy;
import org.supvisors.client.model.InnerProcessInfo;
import org.supvisors.client.model.InstanceIdentity;
import org.supvisors.client.model.InstanceInfo;
import org.supvisors.client.model.InstanceStateModes;
import org.supvisors.client.model.LocalProcessInfo;
import org.supvisors.client.model.LogLevel;
import org.supvisors.client.model.NetworkInfo;
import org.supvisors.client.model.ProcessInfo;
import org.supvisors.client.model.ProcessRules;
import org.supvisors.client.model.StartPrediction;
import org.supvisors.client.model.StartingStrategy;
import org.supvisors.client.model.StatisticsStatus;
import org.supvisors.client.model.Strategies;
import org.supvisors.client.model.SupvisorsStateModes;

/** {@link SupvisorsApi} over XML-RPC; strategies and levels are sent as their codes, as 0.19's own client does. */
final class SupvisorsCalls implements SupvisorsApi {

    private final Invoker rpc;

    SupvisorsCalls(Invoker rpc) {
        this.rpc = rpc;
    }

    @Override
    public String getApiVersion() throws XmlRpcFault, CommunicationException {
        return rpc.string("supvisors.get_api_version");
    }

    @Override
    public SupvisorsStateModes getSupvisorsState() throws XmlRpcFault, CommunicationException {
        return rpc.struct(SupvisorsStateModes::fromMap, "supvisors.get_supvisors_state");
    }

    @Override
    public List<InstanceStateModes> getAllInstancesStateModes() throws XmlRpcFault, CommunicationException {
        return rpc.structs(InstanceStateModes::fromMap, "supvisors.get_all_instances_state_modes");
    }

    @Override
    public List<InstanceStateModes> getInstanceStateModes(String identifier)
            throws XmlRpcFault, CommunicationException {
        return rpc.structs(InstanceStateModes::fromMap, "supvisors.get_instance_state_modes", identifier);
    }

    @Override
    public Optional<InstanceIdentity> getMasterIdentifier() throws XmlRpcFault, CommunicationException {
        String method = "supvisors.get_master_identifier";
        Map<String, ?> struct = rpc.map(method, rpc.answer(false, method));
        return struct.isEmpty() ? Optional.empty() : Optional.of(rpc.decode(method, struct, InstanceIdentity::fromMap));
    }

    @Override
    public Strategies getStrategies() throws XmlRpcFault, CommunicationException {
        return rpc.struct(Strategies::fromMap, "supvisors.get_strategies");
    }

    @Override
    public StatisticsStatus getStatisticsStatus() throws XmlRpcFault, CommunicationException {
        return rpc.struct(StatisticsStatus::fromMap, "supvisors.get_statistics_status");
    }

    @Override
    public NetworkInfo getNetworkInfo(String identifier) throws XmlRpcFault, CommunicationException {
        return rpc.struct(NetworkInfo::fromMap, "supvisors.get_network_info", identifier);
    }

    @Override
    public List<InstanceInfo> getAllInstancesInfo() throws XmlRpcFault, CommunicationException {
        return rpc.structs(InstanceInfo::fromMap, "supvisors.get_all_instances_info");
    }

    @Override
    public List<InstanceInfo> getInstanceInfo(String identifier) throws XmlRpcFault, CommunicationException {
        return rpc.structs(InstanceInfo::fromMap, "supvisors.get_instance_info", identifier);
    }

    @Override
    public List<ApplicationInfo> getAllApplicationsInfo() throws XmlRpcFault, CommunicationException {
        return rpc.structs(ApplicationInfo::fromMap, "supvisors.get_all_applications_info");
    }

    @Override
    public ApplicationInfo getApplicationInfo(String applicationName) throws XmlRpcFault, CommunicationException {
        return rpc.struct(ApplicationInfo::fromMap, "supvisors.get_application_info", applicationName);
    }

    @Override
    public ApplicationRules getApplicationRules(String applicationName) throws XmlRpcFault, CommunicationException {
        return rpc.struct(ApplicationRules::fromMap, "supvisors.get_application_rules", applicationName);
    }

    @Override
    public List<ProcessInfo> getAllProcessInfo() throws XmlRpcFault, CommunicationException {
        return rpc.structs(ProcessInfo::fromMap, "supvisors.get_all_process_info");
    }

    @Override
    public List<ProcessInfo> getProcessInfo(String namespec) throws XmlRpcFault, CommunicationException {
        return rpc.structs(ProcessInfo::fromMap, "supvisors.get_process_info", namespec);
    }

    @Override
    public List<LocalProcessInfo> getAllLocalProcessInfo() throws XmlRpcFault, CommunicationException {
        return rpc.structs(LocalProcessInfo::fromMap, "supvisors.get_all_local_process_info");
    }

    @Override
    public LocalProcessInfo getLocalProcessInfo(String namespec) throws XmlRpcFault, CommunicationException {
        return rpc.struct(LocalProcessInfo::fromMap, "supvisors.get_local_process_info", namespec);
    }

    @Override
    public List<InnerProcessInfo> getAllInnerProcessInfo(String identifier) throws XmlRpcFault, CommunicationException {
        return rpc.structs(InnerProcessInfo::fromMap, "supvisors.get_all_inner_process_info", identifier);
    }

    @Override
    public List<InnerProcessInfo> getInnerProcessInfo(String identifier, String namespec)
            throws XmlRpcFault, CommunicationException {
        return rpc.structs(InnerProcessInfo::fromMap, "supvisors.get_inner_process_info", identifier, namespec);
    }

    @Override
    public List<ProcessRules> getProcessRules(String namespec) throws XmlRpcFault, CommunicationException {
        return rpc.structs(ProcessRules::fromMap, "supvisors.get_process_rules", namespec);
    }

    @Override
    public List<ProcessInfo> getConflicts() throws XmlRpcFault, CommunicationException {
        return rpc.structs(ProcessInfo::fromMap, "supvisors.get_conflicts");
    }

    @Override
    public boolean startApplication(StartingStrategy strategy, String applicationName, boolean wait)
            throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supvisors.start_application", strategy.code(), applicationName, wait);
    }

    @Override
    public List<StartPrediction> testStartApplication(StartingStrategy strategy, String applicationName)
            throws XmlRpcFault, CommunicationException {
        return rpc.structs(StartPrediction::fromMap, "supvisors.test_start_application",
                strategy.code(), applicationName);
    }

    @Override
    public boolean stopApplication(String applicationName, boolean wait) throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supvisors.stop_application", applicationName, wait);
    }

    @Override
    public boolean restartApplication(StartingStrategy strategy, String applicationName, boolean wait)
            throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supvisors.restart_application", strategy.code(), applicationName, wait);
    }

    @Override
    public boolean startArgs(String namespec, String extraArgs, boolean wait)
            throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supvisors.start_args", namespec, extraArgs, wait);
    }

    @Override
    public boolean startProcess(StartingStrategy strategy, String namespec, String extraArgs, boolean wait)
            throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supvisors.start_process", strategy.code(), namespec, extraArgs, wait);
    }

    @Override
    public List<StartPrediction> testStartProcess(StartingStrategy strategy, String namespec)
            throws XmlRpcFault, CommunicationException {
        return rpc.structs(StartPrediction::fromMap, "supvisors.test_start_process", strategy.code(), namespec);
    }

    @Override
    public String startAnyProcess(StartingStrategy strategy, String regex, String extraArgs, boolean wait)
            throws XmlRpcFault, CommunicationException {
        String method = "supvisors.start_any_process";
        Object namespec = rpc.answer(wait, method, strategy.code(), regex, extraArgs, wait);
        if (!(namespec instanceof String text)) {
            throw rpc.unexpected(method, namespec + " (expected: string)");
        }
        return text;
    }

    @Override
    public boolean stopProcess(String namespec, boolean wait) throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supvisors.stop_process", namespec, wait);
    }

    @Override
    public boolean restartProcess(StartingStrategy strategy, String namespec, String extraArgs, boolean wait)
            throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supvisors.restart_process", strategy.code(), namespec, extraArgs, wait);
    }

    @Override
    public boolean updateNumprocs(String programName, int numprocs, boolean wait, boolean lazy)
            throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supvisors.update_numprocs", programName, numprocs, wait, lazy);
    }

    @Override
    public boolean enable(String programName, boolean wait) throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supvisors.enable", programName, wait);
    }

    @Override
    public boolean disable(String programName, boolean wait) throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supvisors.disable", programName, wait);
    }

    @Override
    public boolean conciliate(ConciliationStrategy strategy) throws XmlRpcFault, CommunicationException {
        return rpc.bool("supvisors.conciliate", strategy.code());
    }

    @Override
    public boolean restartSequence(boolean wait) throws XmlRpcFault, CommunicationException {
        return rpc.waitingBool(wait, "supvisors.restart_sequence", wait);
    }

    @Override
    public boolean restart() throws XmlRpcFault, CommunicationException {
        return rpc.bool("supvisors.restart");
    }

    @Override
    public boolean shutdown() throws XmlRpcFault, CommunicationException {
        return rpc.bool("supvisors.shutdown");
    }

    @Override
    public boolean endSync(String master) throws XmlRpcFault, CommunicationException {
        return rpc.bool("supvisors.end_sync", master);
    }

    @Override
    public boolean changeLogLevel(LogLevel level) throws XmlRpcFault, CommunicationException {
        return rpc.bool("supvisors.change_log_level", level.code());
    }

    @Override
    public boolean enableHostStatistics(boolean enable) throws XmlRpcFault, CommunicationException {
        return rpc.bool("supvisors.enable_host_statistics", enable);
    }

    @Override
    public boolean enableProcessStatistics(boolean enable) throws XmlRpcFault, CommunicationException {
        return rpc.bool("supvisors.enable_process_statistics", enable);
    }

    @Override
    public boolean updateCollectingPeriod(double collectingPeriod) throws XmlRpcFault, CommunicationException {
        return rpc.bool("supvisors.update_collecting_period", collectingPeriod);
    }
}
