package org.supvisors.core.supervisor;

import java.util.Objects;

import org.supvisors.core.process.ProcessState;

/**
 * {@code PROCESS_STATE_<state>}: a process of the local supervisord changed state.
 *
 * @param group {@code groupname}
 * @param name {@code processname}
 * @param state the new state (from the event name)
 * @param fromState {@code from_state}
 * @param pid {@code pid}, 0 when the event has none (STARTING, BACKOFF, FATAL)
 * @param expected {@code expected} of an EXITED event; true for every other event
 * @param tries {@code tries} of STARTING and BACKOFF events, 0 otherwise
 */
public record ProcessStateEvent(String group, String name, ProcessState state, ProcessState fromState, int pid,
                                boolean expected, int tries) implements SupervisordEvent {

    public ProcessStateEvent {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(fromState, "fromState");
    }

    /** {@code group:name}, or {@code name} when both are equal. */
    public String namespec() {
        return group.equals(name) ? name : group + ":" + name;
    }
}
