package org.supvisors.client.event;

import java.util.Optional;

/** The topics of the event interface, with their wire names. No wire name is a prefix of another. */
public enum Topic {
    /** Supvisors state &amp; modes: {@link SupvisorsStatus}. */
    SUPVISORS("supvisors"),
    /** The status of one Supvisors instance: {@link InstanceStatus}. */
    INSTANCE("instance"),
    /** The status of one application: {@link ApplicationStatus}. */
    APPLICATION("application"),
    /** One process event: {@link ProcessEvent}. */
    EVENT("event"),
    /** The synthetic status of one process: {@link ProcessStatus}. */
    PROCESS("process"),
    /** Host statistics of one instance for one period: {@link HostStatistics}. */
    HSTATS("hstats"),
    /** Statistics of one process for one period: {@link ProcessStatistics}. */
    PSTATS("pstats");

    private final String wireName;

    Topic(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire: a ZeroMQ header, a WebSocket path segment, the first element of a WebSocket message. */
    public String wireName() {
        return wireName;
    }

    /** The topic of a wire name, if it is one. */
    public static Optional<Topic> fromWireName(String wireName) {
        for (Topic topic : values()) {
            if (topic.wireName.equals(wireName)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
