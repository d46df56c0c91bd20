package org.supvisors.core.peer;

/**
 * Sent every second to every non-ISOLATED instance: the sender is alive. Its tick counter moves every 5 s, the
 * unit of the tick-based options and of the counters that {@code get_instance_info} shows.
 *
 * @param sequenceCounter the sender's tick counter
 * @param when the sender's POSIX time at its last tick
 * @param whenMonotonic the sender's monotonic time at its last tick
 */
public record Heartbeat(long sequenceCounter, long when, double whenMonotonic) implements PeerMessage {

    @Override
    public Kind kind() {
        return Kind.HEARTBEAT;
    }
}
