package org.supvisors.core.instance;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.supvisors.core.fsm.SupvisorsState;

/**
 * The state and modes an instance publishes: its FSM state, flags, its Master choice and its view of every
 * instance. The local instance computes its own; the others are as last received. Immutable.
 */
public final class StateModes {

    private final InstanceIdentity identity;
    private final SupvisorsState state;
    private final boolean degradedMode;
    private final boolean discoveryMode;
    private final String masterIdentifier;
    private final boolean startingJobs;
    private final boolean stoppingJobs;
    private final Map<String, InstanceState> instanceStates;
    private StableView stableView;

    /**
     * @param identity who publishes them
     * @param state the publisher's FSM state
     * @param degradedMode synchronization conditions not all met
     * @param discoveryMode multicast discovery configured
     * @param masterIdentifier the publisher's Master choice, empty if none
     * @param startingJobs its Starter has work
     * @param stoppingJobs its Stopper has work
     * @param instanceStates its view: identifier → instance state, in instance order
     */
    public StateModes(InstanceIdentity identity, SupvisorsState state, boolean degradedMode, boolean discoveryMode,
                      String masterIdentifier, boolean startingJobs, boolean stoppingJobs,
                      Map<String, InstanceState> instanceStates) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.state = Objects.requireNonNull(state, "state");
        this.degradedMode = degradedMode;
        this.discoveryMode = discoveryMode;
        this.masterIdentifier = Objects.requireNonNull(masterIdentifier, "masterIdentifier");
        this.startingJobs = startingJobs;
        this.stoppingJobs = stoppingJobs;
        this.instanceStates = Collections.unmodifiableMap(new LinkedHashMap<>(instanceStates));
    }

    /** What is shown for an instance that published nothing (STOPPED or ISOLATED). */
    public static StateModes defaults(InstanceIdentity identity) {
        return new StateModes(identity, SupvisorsState.OFF, false, false, "", false, false, Map.of());
    }

    public InstanceIdentity identity() { return identity; }
    public SupvisorsState state() { return state; }
    public boolean degradedMode() { return degradedMode; }
    public boolean discoveryMode() { return discoveryMode; }
    public String masterIdentifier() { return masterIdentifier; }
    public boolean startingJobs() { return startingJobs; }
    public boolean stoppingJobs() { return stoppingJobs; }
    public Map<String, InstanceState> instanceStates() { return instanceStates; }

    /**
     * The instances this view sees RUNNING if it sees none in a transitional state (CHECKING, CHECKED, FAILED),
     * otherwise the empty set: the publisher's contribution to the stability evaluation.
     */
    public Set<String> stableRunningIdentifiers() {
        return stableView().identifiers();
    }

    /** The contribution to the stability evaluation, computed once, with a fingerprint for cheap comparisons. */
    public StableView stableView() {
        if (stableView == null) {
            stableView = StableView.of(instanceStates);
        }
        return stableView;
    }

    /**
     * A set of RUNNING identifiers and its fingerprint: two views with the same size and fingerprint hold the same
     * identifiers (a 64-bit hash per identifier, summed: equal sets give equal fingerprints; different sets of
     * real identifiers giving equal ones is as unlikely as a 64-bit collision). Comparing fingerprints keeps the
     * stability evaluation linear in the number of instances.
     */
    public record StableView(Set<String> identifiers, long fingerprint) {

        static StableView of(Map<String, InstanceState> view) {
            Set<String> running = new LinkedHashSet<>();
            long fingerprint = 0;
            for (Map.Entry<String, InstanceState> entry : view.entrySet()) {
                if (entry.getValue().isTransitional()) {
                    return new StableView(Set.of(), 0);
                }
                if (entry.getValue() == InstanceState.RUNNING) {
                    running.add(entry.getKey());
                    fingerprint += hash64(entry.getKey());
                }
            }
            return new StableView(Collections.unmodifiableSet(running), fingerprint);
        }

        /** Same identifiers (by size and fingerprint). */
        public boolean sameAs(StableView other) {
            return identifiers.size() == other.identifiers.size() && fingerprint == other.fingerprint;
        }

        /** FNV-1a 64 of the UTF-8 bytes, then a final avalanche. */
        static long hash64(String text) {
            long hash = 0xcbf29ce484222325L;
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                hash ^= b & 0xff;
                hash *= 0x100000001b3L;
            }
            hash ^= hash >>> 33;
            hash *= 0xff51afd7ed558ccdL;
            hash ^= hash >>> 33;
            return hash;
        }
    }

    /** The state & modes structure; the jobs values are booleans or lists depending on the method. */
    public Map<String, Object> toMap(double nowMonotonic, Object startingJobsValue, Object stoppingJobsValue) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("identifier", identity.identifier());
        map.put("nick_identifier", identity.nickIdentifier());
        map.put("now_monotonic", nowMonotonic);
        map.put("fsm_statecode", state.code());
        map.put("fsm_statename", state.name());
        map.put("degraded_mode", degradedMode);
        map.put("discovery_mode", discoveryMode);
        map.put("master_identifier", masterIdentifier);
        map.put("starting_jobs", startingJobsValue);
        map.put("stopping_jobs", stoppingJobsValue);
        Map<String, Object> states = new LinkedHashMap<>();
        instanceStates.forEach((id, s) -> states.put(id, s.name()));
        map.put("instance_states", states);
        return map;
    }

    /** The structure with the jobs flags as booleans ({@code get_all_instances_state_modes}). */
    public Map<String, Object> toMap(double nowMonotonic) {
        return toMap(nowMonotonic, startingJobs, stoppingJobs);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StateModes)) {
            return false;
        }
        StateModes other = (StateModes) o;
        return degradedMode == other.degradedMode && discoveryMode == other.discoveryMode
                && startingJobs == other.startingJobs && stoppingJobs == other.stoppingJobs
                && identity.equals(other.identity) && state == other.state
                && masterIdentifier.equals(other.masterIdentifier) && instanceStates.equals(other.instanceStates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity, state, degradedMode, discoveryMode, masterIdentifier, startingJobs,
                stoppingJobs, instanceStates);
    }

    @Override
    public String toString() {
        return "StateModes[" + identity + " " + state + " master=" + masterIdentifier + " degraded=" + degradedMode
                + " jobs=" + startingJobs + "/" + stoppingJobs + " view=" + instanceStates + "]";
    }
}
