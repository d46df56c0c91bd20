package org.supvisors.client.event;

import java.util.List;
import java.util.Map;

/**
 * Topic {@code supvisors}: the state &amp; modes of Supvisors seen by the publishing instance (the structure of
 * {@code get_supvisors_state}).
 *
 * @param fsmStatecode 0 OFF ... 8 SHUTDOWN
 * @param masterIdentifier {@code ""} when there is no Master
 * @param instanceStates identifier to instance state name, as the publishing instance sees them
 */
public record SupvisorsStatus(String identifier, String nickIdentifier, double nowMonotonic, int fsmStatecode,
                              String fsmStatename, boolean degradedMode, boolean discoveryMode,
                              String masterIdentifier, List<String> startingJobs, List<String> stoppingJobs,
                              Map<String, String> instanceStates, Map<String, Object> body)
        implements SupvisorsEvent {

    static SupvisorsStatus of(Map<String, Object> body) {
        return new SupvisorsStatus(Body.string(body, "identifier"), Body.string(body, "nick_identifier"),
                Body.number(body, "now_monotonic"), Body.integer(body, "fsm_statecode"),
                Body.string(body, "fsm_statename"), Body.bool(body, "degraded_mode"),
                Body.bool(body, "discovery_mode"), Body.string(body, "master_identifier"),
                Body.strings(body, "starting_jobs"), Body.strings(body, "stopping_jobs"),
                Body.stringMap(body, "instance_states"), body);
    }

    @Override
    public Topic topic() {
        return Topic.SUPVISORS;
    }
}
