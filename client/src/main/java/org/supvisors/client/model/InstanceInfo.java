package org.supvisors.client.model;

import java.util.Map;

/**
 * A Supvisors instance as the instance called sees it ({@code get_all_instances_info}, {@code get_instance_info}).
 *
 * @param identifier the identifier, {@code host:http_port}
 * @param nickIdentifier the nickname
 * @param nodeName the host part as declared
 * @param port the supervisord HTTP port
 * @param state the instance state ({@code statecode})
 * @param loading the sum of the expected loadings of the processes running there (%)
 * @param processFailure whether some process configured there has crashed (RUNNING instances only)
 * @param remoteSequenceCounter the tick counter of the instance at its last tick
 * @param remoteTime the POSIX time carried by its last tick (its clock, seconds)
 * @param remoteMtime the monotonic time carried by its last tick (its clock, seconds)
 * @param localSequenceCounter the local tick counter when that tick arrived
 * @param localTime the local POSIX time when that tick arrived (seconds)
 * @param localMtime the local monotonic time when that tick arrived (seconds)
 * @param raw the whole struct as received, unknown keys included
 */
public record InstanceInfo(String identifier, String nickIdentifier, String nodeName, int port, InstanceState state,
                           int loading, boolean processFailure, long remoteSequenceCounter, long remoteTime,
                           double remoteMtime, long localSequenceCounter, long localTime, double localMtime,
                           Map<String, Object> raw) {

    /** Copies {@code raw} into a read-only map. */
    public InstanceInfo {
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static InstanceInfo fromMap(Map<String, ?> map) {
        Struct s = Struct.of("InstanceInfo", map);
        return new InstanceInfo(s.string("identifier"), s.string("nick_identifier"), s.string("node_name"),
                s.integer("port"), s.code("statecode", InstanceState::fromCode), s.integer("loading"),
                s.bool("process_failure"), s.longInteger("remote_sequence_counter"), s.longInteger("remote_time"),
                s.number("remote_mtime"), s.longInteger("local_sequence_counter"), s.longInteger("local_time"),
                s.number("local_mtime"), s.raw());
    }
}
