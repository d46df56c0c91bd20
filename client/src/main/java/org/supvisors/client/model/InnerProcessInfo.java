package org.supvisors.client.model;

import java.util.Map;
import java.util.Optional;

/**
 * The record Supvisors keeps of a process on one instance ({@code get_all_inner_process_info},
 * {@code get_inner_process_info}; for debugging): the local process info last received from that instance, updated
 * by its events.
 *
 * @param identifier the instance, once an event of it has been received
 * @param nickIdentifier its nickname, likewise
 * @param local the local process info keys
 * @param localMtime the local monotonic time of the last update (seconds)
 * @param eventTime the time of the last event (seconds)
 * @param uptime how long it has been running (seconds)
 * @param hasCrashed whether it crashed (FATAL, or EXITED unexpectedly)
 * @param raw the whole struct as received, unknown keys included
 */
public record InnerProcessInfo(Optional<String> identifier, Optional<String> nickIdentifier, LocalProcessInfo local,
                               double localMtime, double eventTime, double uptime, boolean hasCrashed,
                               Map<String, Object> raw) {

    /** Copies {@code raw} into a read-only map. */
    public InnerProcessInfo {
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static InnerProcessInfo fromMap(Map<String, ?> map) {
        Struct s = Struct.of("InnerProcessInfo", map);
        return new InnerProcessInfo(s.optionalString("identifier"), s.optionalString("nick_identifier"),
                LocalProcessInfo.of(s), s.number("local_mtime"), s.number("event_time"), s.number("uptime"),
                s.bool("has_crashed"), s.raw());
    }
}
