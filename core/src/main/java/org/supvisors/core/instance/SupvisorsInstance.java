package org.supvisors.core.instance;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.supvisors.core.api.WireTime;
import org.supvisors.core.process.ProcessStatus;

/**
 * A Supvisors instance as the local one sees it: its state, its last tick, what it published, and the processes
 * configured on it.
 */
public final class SupvisorsInstance {

    private final InstanceIdentity identity;
    private final boolean local;
    private InstanceState state = InstanceState.STOPPED;
    private double checkingTime;
    private List<String> stereotypes = List.of();
    private NetworkInfo network;
    private long remoteSequenceCounter;
    private long remoteTime;
    private double remoteMtime;
    private long localSequenceCounter;
    private long localTime;
    private double localMtime;
    private StateModes stateModes;
    private final Map<String, ProcessStatus> processes = new LinkedHashMap<>();
    private java.util.function.Consumer<SupvisorsInstance> listener = instance -> { };

    public SupvisorsInstance(InstanceIdentity identity, boolean local) {
        this.identity = identity;
        this.local = local;
        this.stateModes = StateModes.defaults(identity);
    }

    public InstanceIdentity identity() { return identity; }
    public String identifier() { return identity.identifier(); }
    public String nickIdentifier() { return identity.nickIdentifier(); }
    public boolean isLocal() { return local; }
    public InstanceState state() { return state; }
    public boolean isRunning() { return state == InstanceState.RUNNING; }
    /** The local monotonic time of the last entry in CHECKING (stale handshake answers are older). */
    public double checkingTime() { return checkingTime; }
    public List<String> stereotypes() { return stereotypes; }
    public Optional<NetworkInfo> network() { return Optional.ofNullable(network); }
    public StateModes stateModes() { return stateModes; }
    public long remoteSequenceCounter() { return remoteSequenceCounter; }
    public long localSequenceCounter() { return localSequenceCounter; }
    public double localMtime() { return localMtime; }

    void setListener(java.util.function.Consumer<SupvisorsInstance> listener) {
        this.listener = listener;
    }

    /**
     * Moves to another state along the transition table.
     *
     * @throws IllegalStateException for a transition the table refuses (a programming error)
     */
    public void setState(InstanceState next, double nowMonotonic) {
        if (next == state) {
            return;
        }
        if (!state.canGoTo(next)) {
            throw new IllegalStateException("instance " + identity + ": transition refused from " + state
                    + " to " + next);
        }
        state = next;
        if (next == InstanceState.CHECKING) {
            checkingTime = nowMonotonic;
        }
        if (next == InstanceState.STOPPED || next == InstanceState.ISOLATED) {
            stateModes = StateModes.defaults(identity);
        }
        listener.accept(this);
    }

    /** Keeps the first non-empty set of stereotypes received (0.19's rule). */
    public void setStereotypes(List<String> received) {
        if (stereotypes.isEmpty() && !received.isEmpty()) {
            stereotypes = List.copyOf(received);
        }
    }

    public void setNetwork(NetworkInfo network) {
        this.network = network;
    }

    public void setStateModes(StateModes stateModes) {
        this.stateModes = stateModes;
    }

    /** Records a tick of this instance, with the local counter and clocks at reception. */
    public void recordTick(long sequenceCounter, long when, double whenMonotonic, long localCounter, long localNow,
                           double localNowMonotonic) {
        remoteSequenceCounter = sequenceCounter;
        remoteTime = when;
        remoteMtime = whenMonotonic;
        localSequenceCounter = localCounter;
        localTime = localNow;
        localMtime = localNowMonotonic;
        listener.accept(this);
    }

    /** Zeroes the recorded local counter, so that the instance is found inactive at the next check. */
    public void resetLocalSequenceCounter() {
        localSequenceCounter = 0;
    }

    /** The processes configured on this instance, by namespec. */
    public Collection<ProcessStatus> processes() { return Collections.unmodifiableCollection(processes.values()); }
    public Optional<ProcessStatus> process(String namespec) { return Optional.ofNullable(processes.get(namespec)); }

    public void addProcess(ProcessStatus process) {
        processes.put(process.namespec(), process);
    }

    public void removeProcess(String namespec) {
        processes.remove(namespec);
    }

    /** Sum of the expected loading of the processes running here. */
    public int loading() {
        int load = 0;
        for (ProcessStatus process : processes.values()) {
            if (process.isRunningOn(identifier())) {
                load += process.rules().expectedLoading();
            }
        }
        return load;
    }

    /** RUNNING and at least one process configured here is crashed here. */
    public boolean hasProcessFailure() {
        if (state != InstanceState.RUNNING) {
            return false;
        }
        for (ProcessStatus process : processes.values()) {
            if (process.info(identifier()).map(info -> info.isCrashed()).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The structure of {@code get_instance_info} and of the {@code instance} event. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("identifier", identity.identifier());
        map.put("nick_identifier", identity.nickIdentifier());
        map.put("node_name", identity.hostId());
        map.put("port", identity.httpPort());
        map.put("statecode", state.code());
        map.put("statename", state.name());
        map.put("loading", loading());
        map.put("process_failure", hasProcessFailure());
        map.put("remote_sequence_counter", (int) remoteSequenceCounter);
        map.put("remote_time", WireTime.capped(remoteTime));
        map.put("remote_mtime", remoteMtime);
        map.put("local_sequence_counter", (int) localSequenceCounter);
        map.put("local_time", WireTime.capped(localTime));
        map.put("local_mtime", localMtime);
        return map;
    }

    /** The structure of {@code get_network_info}. */
    public Map<String, Object> toNetworkMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("identifier", identity.identifier());
        map.put("nick_identifier", identity.nickIdentifier());
        map.put("host_id", identity.hostId());
        map.put("http_port", identity.httpPort());
        map.put("stereotypes", stereotypes);
        if (network != null) {
            map.put("network", network.toMap());
        }
        return map;
    }

    @Override
    public String toString() {
        return identity + " " + state;
    }
}
