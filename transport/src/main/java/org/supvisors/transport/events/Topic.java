package org.supvisors.transport.events;

import java.util.Optional;

/**
 * The topics of the event interface (event-interface.md), each with its wire name: the header of a ZeroMQ message,
 * the first element of a WebSocket message, a segment of a WebSocket subscription path. No wire name is a prefix of
 * another, so ZeroMQ's prefix filters select exactly one topic each.
 */
public enum Topic {
    /** Supvisors state &amp; modes (the structure of {@code get_supvisors_state}). */
    SUPVISORS("supvisors"),
    /** The status of one Supvisors instance (one {@code get_instance_info} entry). */
    INSTANCE("instance"),
    /** The status of one application. */
    APPLICATION("application"),
    /** One process event, as the instance where it happened told it. */
    EVENT("event"),
    /** The synthetic status of one process (one {@code get_process_info} entry). */
    PROCESS("process"),
    /** Integrated host statistics of one instance for one period. */
    HSTATS("hstats"),
    /** Integrated statistics of one process on one instance for one period. */
    PSTATS("pstats");

    /** The WebSocket path segment that subscribes to every topic. */
    public static final String ALL = "all";

    private static final Topic[] VALUES = values();

    private final String wireName;

    Topic(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The bit of this topic in a set of topics held as an {@code int}. */
    int bit() {
        return 1 << ordinal();
    }

    /** The topic named {@code wireName} exactly (case matters), if any. */
    public static Optional<Topic> fromWireName(String wireName) {
        for (Topic topic : VALUES) {
            if (topic.wireName.equals(wireName)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
