package org.supvisors.core.process;

import java.util.Objects;
import java.util.Optional;

/**
 * A change of a process on one instance, in the form shared between instances: what the instance's supervisord
 * said, stamped with that instance's clocks.
 *
 * @param group Supervisor group
 * @param name Supervisor process name
 * @param state the new state
 * @param expected whether an exit was expected (EXITED); false for FATAL; true otherwise
 * @param now POSIX time of the change, on the instance
 * @param nowMonotonic monotonic time of the change, on the instance
 * @param pid the pid, 0 when not running
 * @param spawnerr the spawn error, empty if none
 * @param extraArgs the extra arguments of the process, empty when unknown
 */
public record ProcessEvent(String group, String name, ProcessState state, boolean expected, long now,
                           double nowMonotonic, int pid, String spawnerr, String extraArgs) {

    public ProcessEvent {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(spawnerr, "spawnerr");
        Objects.requireNonNull(extraArgs, "extraArgs");
    }

    /** {@code group:name}, or {@code name} when both are equal. */
    public String namespec() {
        return Namespec.of(group, name);
    }

    /** This event with another spawn error (fetched after a BACKOFF or FATAL). */
    public ProcessEvent withSpawnerr(String newSpawnerr) {
        return new ProcessEvent(group, name, state, expected, now, nowMonotonic, pid, newSpawnerr, extraArgs);
    }

    /** The state, if it is one of Supervisor's (DELETED is not). */
    public Optional<ProcessState> supervisorState() {
        return state == ProcessState.DELETED ? Optional.empty() : Optional.of(state);
    }
}
