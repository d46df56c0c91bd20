package org.supvisors.core.instance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.supvisors.core.fsm.SupvisorsState;

/**
 * The state and modes an instance publishes: its FSM state, flags, its Master choice and its view of every
 * instance. The local instance computes its own; the others are as last received.
 *
 * @param identity who publishes them
 * @param state the publisher's FSM state
 * @param degradedMode synchronization conditions not all met
 * @param discoveryMode multicast discovery configured
 * @param masterIdentifier the publisher's Master choice, empty if none
 * @param startingJobs its Starter has work
 * @param stoppingJobs its Stopper has work
 * @param instanceStates its view: identifier → instance state, in instance order
 */
public record StateModes(InstanceIdentity identity, SupvisorsState state, boolean degradedMode,
                         boolean discoveryMode, String masterIdentifier, boolean startingJobs,
                         boolean stoppingJobs, Map<String, InstanceState> instanceStates) {

    public StateModes {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(masterIdentifier, "masterIdentifier");
        instanceStates = Collections.unmodifiableMap(new LinkedHashMap<>(instanceStates));
    }

    /** What is shown for an instance that published nothing (STOPPED or ISOLATED). */
    public static StateModes defaults(InstanceIdentity identity) {
        return new StateModes(identity, SupvisorsState.OFF, false, false, "", false, false, Map.of());
    }

    /**
     * The instances this view sees RUNNING if it sees none in a transitional state (CHECKING, CHECKED, FAILED),
     * otherwise the empty set: the publisher's contribution to the stability evaluation.
     */
    public Set<String> stableRunningIdentifiers() {
        Set<String> running = new LinkedHashSet<>();
        for (Map.Entry<String, InstanceState> entry : instanceStates.entrySet()) {
            if (entry.getValue().isTransitional()) {
                return Set.of();
            }
            if (entry.getValue() == InstanceState.RUNNING) {
                running.add(entry.getKey());
            }
        }
        return running;
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
}
