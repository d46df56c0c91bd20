package org.supvisors.core.process;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.supvisors.core.api.WireEnum;

/** Supervisor's process states with their codes, plus the pseudo-state DELETED that Supvisors publishes. */
public enum ProcessState implements WireEnum {
    /** Published when a process disappears from an instance (numprocs decrease, group removed). */
    DELETED(-1),
    STOPPED(0),
    STARTING(10),
    RUNNING(20),
    BACKOFF(30),
    STOPPING(40),
    EXITED(100),
    FATAL(200),
    UNKNOWN(1000);

    /** RUNNING, BACKOFF, STARTING, in this priority order. */
    public static final List<ProcessState> RUNNING_STATES = List.of(RUNNING, BACKOFF, STARTING);
    /** STOPPED, EXITED, FATAL, UNKNOWN. */
    public static final Set<ProcessState> STOPPED_STATES = EnumSet.of(STOPPED, EXITED, FATAL, UNKNOWN);

    private final int code;

    ProcessState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public boolean isRunning() {
        return this == RUNNING || this == BACKOFF || this == STARTING;
    }

    public boolean isStopped() {
        return STOPPED_STATES.contains(this);
    }

    /** The state with this Supervisor code (e.g. 20), rejecting unknown codes with a message. */
    public static ProcessState fromCode(int code) {
        return WireEnum.fromCode(ProcessState.class, code);
    }
}
