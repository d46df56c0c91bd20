package org.supvisors.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state and modes an instance published, as the instance called knows them
 * ({@code get_all_instances_state_modes}, {@code get_instance_state_modes}). A STOPPED or ISOLATED instance shows
 * the defaults ({@code OFF}, no Master, no instance states).
 *
 * @param identifier the identifier of the instance described
 * @param nickIdentifier its nickname
 * @param nowMonotonic the monotonic time of the instance called when the answer was built (seconds)
 * @param state the state of its state machine ({@code fsm_statecode})
 * @param degradedMode whether the synchronisation conditions were not all met
 * @param discoveryMode whether multicast discovery is configured
 * @param masterIdentifier the Master it chose, {@code ""} if none
 * @param startingJobs whether it has starting jobs
 * @param stoppingJobs whether it has stopping jobs
 * @param instanceStates its view of every instance: identifier → state
 * @param raw the whole struct as received, unknown keys included
 */
public record InstanceStateModes(String identifier, String nickIdentifier, double nowMonotonic, SupvisorsState state,
                                 boolean degradedMode, boolean discoveryMode, String masterIdentifier,
                                 boolean startingJobs, boolean stoppingJobs,
                                 Map<String, InstanceState> instanceStates, Map<String, Object> raw) {

    /** Copies the collections into read-only ones. */
    public InstanceStateModes {
        instanceStates = Struct.frozenMap(instanceStates);
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static InstanceStateModes fromMap(Map<String, ?> map) {
        Struct s = Struct.of("InstanceStateModes", map);
        return new InstanceStateModes(s.string("identifier"), s.string("nick_identifier"), s.number("now_monotonic"),
                s.code("fsm_statecode", SupvisorsState::fromCode), s.bool("degraded_mode"), s.bool("discovery_mode"),
                s.string("master_identifier"), s.bool("starting_jobs"), s.bool("stopping_jobs"), instanceStates(s),
                s.raw());
    }

    /** The {@code instance_states} struct: identifier → instance state name. */
    static Map<String, InstanceState> instanceStates(Struct s) {
        Map<String, InstanceState> states = new LinkedHashMap<>();
        s.stringMap("instance_states").forEach((identifier, name) -> {
            try {
                states.put(identifier, InstanceState.fromName(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("instance_states." + identifier + ": " + e.getMessage(), e);
            }
        });
        return Collections.unmodifiableMap(states);
    }
}
