package org.supvisors.client.event;

import java.util.Map;

/**
 * Topic {@code instance}: the status of one Supvisors instance (one {@code get_instance_info} entry).
 *
 * @param statecode 0 STOPPED, 1 CHECKING, 2 CHECKED, 3 RUNNING, 4 FAILED, 5 ISOLATED
 */
public record InstanceStatus(String identifier, String nickIdentifier, String nodeName, int port, int statecode,
                             String statename, int loading, boolean processFailure, long remoteSequenceCounter,
                             long remoteTime, double remoteMtime, long localSequenceCounter, long localTime,
                             double localMtime, Map<String, Object> body) implements SupvisorsEvent {

    static InstanceStatus of(Map<String, Object> body) {
        return new InstanceStatus(Body.string(body, "identifier"), Body.string(body, "nick_identifier"),
                Body.string(body, "node_name"), Body.integer(body, "port"), Body.integer(body, "statecode"),
                Body.string(body, "statename"), Body.integer(body, "loading"), Body.bool(body, "process_failure"),
                Body.longInteger(body, "remote_sequence_counter"), Body.longInteger(body, "remote_time"),
                Body.number(body, "remote_mtime"), Body.longInteger(body, "local_sequence_counter"),
                Body.longInteger(body, "local_time"), Body.number(body, "local_mtime"), body);
    }

    @Override
    public Topic topic() {
        return Topic.INSTANCE;
    }
}
