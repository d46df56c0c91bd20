package org.supvisors.client.model;

import java.util.List;
import java.util.Map;

/**
 * The state and modes of the instance called ({@code get_supvisors_state}), with the identifiers of every instance
 * having starting or stopping jobs.
 *
 * @param identifier the identifier of the instance described
 * @param nickIdentifier its nickname
 * @param nowMonotonic its monotonic time when the answer was built (seconds)
 * @param state the state of its state machine ({@code fsm_statecode})
 * @param degradedMode whether the synchronisation conditions were not all met
 * @param discoveryMode whether multicast discovery is configured
 * @param masterIdentifier the Master it chose, {@code ""} if none
 * @param startingJobs the identifiers of the instances having starting jobs
 * @param stoppingJobs the identifiers of the instances having stopping jobs
 * @param instanceStates its view of every instance: identifier → state
 * @param raw the whole struct as received, unknown keys included
 */
public record SupvisorsStateModes(String identifier, String nickIdentifier, double nowMonotonic, SupvisorsState state,
                                  boolean degradedMode, boolean discoveryMode, String masterIdentifier,
                                  List<String> startingJobs, List<String> stoppingJobs,
                                  Map<String, InstanceState> instanceStates, Map<String, Object> raw) {

    /** Copies the collections into read-only ones. */
    public SupvisorsStateModes {
        startingJobs = List.copyOf(startingJobs);
        stoppingJobs = List.copyOf(stoppingJobs);
        instanceStates = Struct.frozenMap(instanceStates);
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static SupvisorsStateModes fromMap(Map<String, ?> map) {
        Struct s = Struct.of("SupvisorsStateModes", map);
        return new SupvisorsStateModes(s.string("identifier"), s.string("nick_identifier"), s.number("now_monotonic"),
                s.code("fsm_statecode", SupvisorsState::fromCode), s.bool("degraded_mode"), s.bool("discovery_mode"),
                s.string("master_identifier"), s.strings("starting_jobs"), s.strings("stopping_jobs"),
                InstanceStateModes.instanceStates(s), s.raw());
    }
}
