package org.supvisors.client.event;

import java.util.Map;

/**
 * One message of the event interface, typed by its topic. Each type reads the keys the event interface documents
 * and tolerates missing or extra keys (a missing key reads as {@code ""}, 0, {@code false} or empty); the whole
 * body, as received, is {@link #body()}.
 */
public sealed interface SupvisorsEvent permits SupvisorsStatus, InstanceStatus, ApplicationStatus, ProcessEvent,
        ProcessStatus, HostStatistics, ProcessStatistics {

    /** The topic of the message. */
    Topic topic();

    /** The body as received (unmodifiable; JSON values: String, Integer, Long, Double, Boolean, null, List, Map). */
    Map<String, Object> body();

    /** Whether the body has {@code key}: how to tell a missing value from a default one. */
    default boolean has(String key) {
        return body().containsKey(key);
    }

    /** The typed event of a body received on {@code topic}. */
    static SupvisorsEvent of(Topic topic, Map<String, Object> body) {
        switch (topic) {
            case SUPVISORS:
                return SupvisorsStatus.of(body);
            case INSTANCE:
                return InstanceStatus.of(body);
            case APPLICATION:
                return ApplicationStatus.of(body);
            case EVENT:
                return ProcessEvent.of(body);
            case PROCESS:
                return ProcessStatus.of(body);
            case HSTATS:
                return HostStatistics.of(body);
            case PSTATS:
                return ProcessStatistics.of(body);
            default:
                throw new IllegalArgumentException("topic: " + topic + " (expected: a topic of the event interface)");
        }
    }
}
