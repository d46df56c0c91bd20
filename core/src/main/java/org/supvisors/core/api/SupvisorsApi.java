package org.supvisors.core.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.supvisors.core.Supvisors;
import org.supvisors.core.application.ApplicationStatus;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.config.SynchronizationOption;
import org.supvisors.core.fsm.SupvisorsState;
import org.supvisors.core.instance.StateModes;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.process.InstanceProcessInfo;
import org.supvisors.core.process.Namespec;
import org.supvisors.core.process.ProcessStatus;

/**
 * The {@code supvisors.*} queries of xmlrpc-api.md, answering wire structures ({@code Map}, {@code List},
 * {@code String}, {@code Integer}, {@code Double}, {@code Boolean}) with the exact keys, and refusing with the
 * exact faults. Called on the core's thread; every answer is a fresh structure that the caller may encode on
 * another thread.
 */
public final class SupvisorsApi {

    /** The API version 0.19's clients check. */
    public static final String API_VERSION = "0.19";

    /** DISTRIBUTION, OPERATION, CONCILIATION, RESTARTING, SHUTTING_DOWN. */
    public static final Set<SupvisorsState> FROM_DISTRIBUTION = EnumSet.of(SupvisorsState.DISTRIBUTION,
            SupvisorsState.OPERATION, SupvisorsState.CONCILIATION, SupvisorsState.RESTARTING,
            SupvisorsState.SHUTTING_DOWN);

    private final Supvisors supvisors;

    public SupvisorsApi(Supvisors supvisors) {
        this.supvisors = supvisors;
    }

    public String getApiVersion() {
        return API_VERSION;
    }

    /** The local state & modes, with the identifiers of the instances having starting / stopping jobs. */
    public Map<String, Object> getSupvisorsState() {
        List<String> starting = new ArrayList<>();
        List<String> stopping = new ArrayList<>();
        for (SupvisorsInstance instance : supvisors.context().instances().all()) {
            StateModes modes = stateModesOf(instance);
            if (modes.startingJobs()) {
                starting.add(instance.identifier());
            }
            if (modes.stoppingJobs()) {
                stopping.add(instance.identifier());
            }
        }
        return supvisors.fsm().localStateModes().toMap(now(), starting, stopping);
    }

    public List<Object> getAllInstancesStateModes() {
        List<Object> result = new ArrayList<>();
        for (SupvisorsInstance instance : supvisors.context().instances().sorted()) {
            result.add(stateModesOf(instance).toMap(now()));
        }
        return result;
    }

    public List<Object> getInstanceStateModes(String identifier) {
        return resolve(identifier).stream().map(i -> (Object) stateModesOf(i).toMap(now()))
                .collect(Collectors.toList());
    }

    public Map<String, Object> getMasterIdentifier() {
        Map<String, Object> result = new LinkedHashMap<>();
        String master = supvisors.fsm().masterIdentifier();
        if (!master.isEmpty()) {
            supvisors.context().instances().get(master).ifPresent(instance -> {
                result.put("identifier", instance.identifier());
                result.put("nick_identifier", instance.nickIdentifier());
            });
        }
        return result;
    }

    public Map<String, Object> getStrategies() {
        SupvisorsOptions options = supvisors.options();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("auto-fencing", options.autoFence());
        result.put("starting", options.startingStrategy().name());
        result.put("conciliation", options.conciliationStrategy().name());
        result.put("supvisors_failure", options.supvisorsFailureStrategy().name());
        return result;
    }

    /** The statistics status: each flag true only when enabled and a collector exists. */
    public Map<String, Object> getStatisticsStatus() {
        return supvisors.statistics().status();
    }

    /** Accepts any name designating exactly one instance (0.19 fails on nicknames). */
    public Map<String, Object> getNetworkInfo(String identifier) {
        List<SupvisorsInstance> found = resolve(identifier);
        if (found.size() > 1) {
            throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "identifier=" + identifier
                    + " designates several Supvisors instances " + PythonRepr.list(identifiers(found)));
        }
        return found.get(0).toNetworkMap();
    }

    public List<Object> getAllInstancesInfo() {
        List<Object> result = new ArrayList<>();
        for (SupvisorsInstance instance : supvisors.context().instances().sorted()) {
            result.add(instance.toMap());
        }
        return result;
    }

    public List<Object> getInstanceInfo(String identifier) {
        return resolve(identifier).stream().map(i -> (Object) i.toMap()).collect(Collectors.toList());
    }

    public List<Object> getAllApplicationsInfo() {
        checkReadable();
        double now = now();
        List<Object> result = new ArrayList<>();
        for (ApplicationStatus application : supvisors.context().applications()) {
            result.add(application.toMap(now));
        }
        return result;
    }

    public Map<String, Object> getApplicationInfo(String applicationName) {
        checkReadable();
        return application(applicationName).toMap(now());
    }

    public Map<String, Object> getApplicationRules(String applicationName) {
        checkReadable();
        return application(applicationName).rules().toMap(applicationName);
    }

    public List<Object> getAllProcessInfo() {
        checkReadable();
        double now = now();
        List<Object> result = new ArrayList<>();
        for (ApplicationStatus application : supvisors.context().applications()) {
            for (ProcessStatus process : application.processes()) {
                result.add(process.toMap(now));
            }
        }
        return result;
    }

    public List<Object> getProcessInfo(String namespec) {
        checkReadable();
        double now = now();
        return processes(namespec).stream().map(p -> (Object) p.toMap(now)).collect(Collectors.toList());
    }

    /** What the local supervisord has, as used in the handshake; available in every state. */
    public List<Object> getAllLocalProcessInfo() {
        SupvisorsInstance local = supvisors.context().instances().local();
        List<Object> result = new ArrayList<>();
        for (ProcessStatus process : local.processes()) {
            process.info(local.identifier()).ifPresent(info -> result.add(localInfo(info)));
        }
        return result;
    }

    public Map<String, Object> getLocalProcessInfo(String namespec) {
        SupvisorsInstance local = supvisors.context().instances().local();
        return local.process(namespec)
                .flatMap(process -> process.info(local.identifier()))
                .map(this::localInfo)
                .orElseThrow(() -> new SupvisorsFault(Fault.BAD_NAME, namespec));
    }

    public List<Object> getAllInnerProcessInfo(String identifier) {
        List<Object> result = new ArrayList<>();
        for (SupvisorsInstance instance : resolve(identifier)) {
            for (ProcessStatus process : instance.processes()) {
                process.info(instance.identifier()).ifPresent(info -> result.add(info.toMap()));
            }
        }
        return result;
    }

    public List<Object> getInnerProcessInfo(String identifier, String namespec) {
        List<SupvisorsInstance> instances = resolve(identifier);
        List<ProcessStatus> processes = processes(namespec);
        List<Object> result = new ArrayList<>();
        for (SupvisorsInstance instance : instances) {
            for (ProcessStatus process : processes) {
                InstanceProcessInfo info = process.info(instance.identifier()).orElse(null);
                if (info == null) {
                    if (!Namespec.parse(namespec).isGroup()) {
                        throw new SupvisorsFault(Fault.FAILED, namespec + " unknown on " + identifier);
                    }
                    continue;
                }
                result.add(info.toMap());
            }
        }
        return result;
    }

    public List<Object> getProcessRules(String namespec) {
        checkReadable();
        List<Object> result = new ArrayList<>();
        for (ProcessStatus process : processes(namespec)) {
            Map<String, Object> rules = new LinkedHashMap<>();
            rules.put("application_name", process.applicationName());
            rules.put("process_name", process.processName());
            rules.putAll(process.rules().toMap(process.assignedIdentifier()));
            result.add(rules);
        }
        return result;
    }

    public List<Object> getConflicts() {
        checkReadable();
        double now = now();
        return supvisors.context().conflicts().stream().map(p -> (Object) p.toMap(now)).collect(Collectors.toList());
    }

    // ---- Supvisors control

    /** Restarts every supervisord after stopping all applications, driven by the Master. */
    public boolean restart() {
        return closing(true);
    }

    /** Shuts every supervisord down after stopping all applications, driven by the Master. */
    public boolean shutdown() {
        return closing(false);
    }

    private boolean closing(boolean restart) {
        checkState(FROM_DISTRIBUTION);
        if (!supvisors.requestClosing(restart)) {
            throw new SupvisorsFault(Fault.FAILED, "no Supvisors Master to drive the " + (restart ? "restart"
                    : "shutdown"));
        }
        return true;
    }

    /**
     * Ends the synchronization phase ({@code USER} in {@code synchro_options}), with {@code master} as Master, or
     * with the one the election picks when it is empty.
     */
    public boolean endSync(String master) {
        checkState(EnumSet.of(SupvisorsState.SYNCHRONIZATION));
        if (!supvisors.fsm().masterIdentifier().isEmpty()) {
            throw new SupvisorsFault(Fault.BAD_SUPVISORS_STATE, "Supvisors synchronization ending");
        }
        if (!supvisors.options().hasSynchroOption(SynchronizationOption.USER)) {
            throw new SupvisorsFault(Fault.NOT_APPLICABLE, "USER expected in synchro_options");
        }
        String identifier = "";
        if (!master.isEmpty()) {
            List<SupvisorsInstance> found = supvisors.context().instances().resolve(master);
            if (found.isEmpty()) {
                throw new SupvisorsFault(Fault.BAD_NAME, "unknown Supvisors identifier=" + master);
            }
            if (found.size() > 1) {
                throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "multiple identifiers="
                        + PythonRepr.list(identifiers(found)) + " found for Supvisors master=" + master);
            }
            SupvisorsInstance chosen = found.get(0);
            if (!chosen.isRunning()) {
                throw new SupvisorsFault(Fault.NOT_RUNNING, "Supvisors instance=" + chosen.identifier()
                        + " is not RUNNING (" + chosen.state() + ")");
            }
            identifier = chosen.identifier();
        }
        supvisors.endSync(identifier);
        return true;
    }

    // ---- checks shared by the methods

    /**
     * Refuses a read-only query before the model is established: 0.19 allows them from DISTRIBUTION on; here,
     * once DISTRIBUTION has been reached, they keep answering from the last known model while a new Master is
     * elected, instead of failing with {@code BAD_SUPVISORS_STATE} for the duration of the election.
     */
    public void checkReadable() {
        if (!supvisors.fsm().isEstablished() || supvisors.fsm().state() == SupvisorsState.OFF) {
            checkState(FROM_DISTRIBUTION);
        }
    }

    /**
     * Refuses the call unless the local state machine is in one of {@code allowed}.
     *
     * @throws SupvisorsFault {@code BAD_SUPVISORS_STATE} naming the state and the expected ones
     */
    public void checkState(Set<SupvisorsState> allowed) {
        SupvisorsState state = supvisors.fsm().state();
        if (!allowed.contains(state)) {
            List<String> names = new ArrayList<>();
            for (SupvisorsState candidate : SupvisorsState.values()) {
                if (allowed.contains(candidate)) {
                    names.add(candidate.name());
                }
            }
            throw new SupvisorsFault(Fault.BAD_SUPVISORS_STATE, "invalid Supvisors state=" + state.name()
                    + " - state expected in " + PythonRepr.list(names));
        }
    }

    /** The instances a name designates; {@code BAD_NAME} when none. */
    public List<SupvisorsInstance> resolve(String identifier) {
        List<SupvisorsInstance> found = supvisors.context().instances().resolve(identifier);
        if (found.isEmpty()) {
            throw new SupvisorsFault(Fault.BAD_NAME, "identifier=" + identifier + " is unknown to Supvisors");
        }
        return found;
    }

    /** The application with this name; {@code BAD_NAME} when unknown. */
    public ApplicationStatus application(String applicationName) {
        return supvisors.context().application(applicationName).orElseThrow(() ->
                new SupvisorsFault(Fault.BAD_NAME, "application=" + applicationName + " unknown to Supvisors"));
    }

    /** The process a namespec designates, or every process of the group for {@code group:*}. */
    public List<ProcessStatus> processes(String namespec) {
        Namespec parsed = Namespec.parse(namespec);
        ApplicationStatus application = application(parsed.group());
        if (parsed.isGroup()) {
            return new ArrayList<>(application.processes());
        }
        return List.of(application.process(parsed.process()).orElseThrow(() ->
                new SupvisorsFault(Fault.BAD_NAME, "process=" + parsed.process() + " unknown in application="
                        + application.name())));
    }

    private StateModes stateModesOf(SupvisorsInstance instance) {
        return instance.isLocal() ? supvisors.fsm().localStateModes() : instance.stateModes();
    }

    /** The local view as supervisord would give it now: current times and description. */
    private Map<String, Object> localInfo(InstanceProcessInfo info) {
        return info.snapshotAt((long) supvisors.clock().epochTime(), now(), supvisors.clock().zone()).toMap();
    }

    private static List<String> identifiers(List<SupvisorsInstance> instances) {
        return instances.stream().map(SupvisorsInstance::identifier).collect(Collectors.toList());
    }

    private double now() {
        return supvisors.clock().monotonic();
    }
}
