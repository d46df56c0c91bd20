package org.supvisors.core.supervisor;

/**
 * {@code SUPERVISOR_STATE_CHANGE_RUNNING} / {@code SUPERVISOR_STATE_CHANGE_STOPPING}.
 *
 * @param running true for RUNNING, false for STOPPING
 */
public record SupervisorStateEvent(boolean running) implements SupervisordEvent {
}
