package org.supvisors.core.supervisor;

/**
 * {@code TICK_5}: supervisord's 5-second tick.
 *
 * @param when the POSIX time of the tick (a multiple of 5)
 */
public record Tick5Event(long when) implements SupervisordEvent {
}
