package org.supvisors.client.model;

/**
 * The states of a process: Supervisor's codes, plus the pseudo-state {@link #DELETED} of the event interface.
 */
public enum ProcessState {
    /** Pseudo-state of the event interface: the process disappeared everywhere. */
    DELETED(-1),
    /** Stopped, or never started. */
    STOPPED(0),
    /** Being started. */
    STARTING(10),
    /** Started (for {@code startsecs} at least). */
    RUNNING(20),
    /** Exited too quickly while starting; supervisord retries. */
    BACKOFF(30),
    /** Being stopped. */
    STOPPING(40),
    /** Exited by itself after RUNNING (expected or not). */
    EXITED(100),
    /** Could not be started. */
    FATAL(200),
    /** Unknown state (supervisord's programming error). */
    UNKNOWN(1000);

    private final int code;

    ProcessState(int code) {
        this.code = code;
    }

    /** Whether this state is one of Supervisor's RUNNING_STATES: {@code STARTING}, {@code RUNNING}, {@code BACKOFF}. */
    public boolean isRunning() {
        return this == STARTING || this == RUNNING || this == BACKOFF;
    }

    /**
     * Whether this state is one of Supervisor's STOPPED_STATES: {@code STOPPED}, {@code EXITED}, {@code FATAL},
     * {@code UNKNOWN} ({@code STOPPING} is in neither group).
     */
    public boolean isStopped() {
        return this == STOPPED || this == EXITED || this == FATAL || this == UNKNOWN;
    }

    /** The numeric value of the wire (0.19's). */
    public int code() {
        return code;
    }

    /**
     * The constant with this wire code.
     *
     * @throws IllegalArgumentException naming the value and the expected codes
     */
    public static ProcessState fromCode(int code) {
        return WireCodes.byCode(ProcessState.class, ProcessState::code, code);
    }

    /**
     * The constant with this wire name, exactly (case-sensitive, as 0.19 compares them).
     *
     * @throws IllegalArgumentException naming the value and the expected names
     */
    public static ProcessState fromName(String name) {
        return WireCodes.byName(ProcessState.class, name);
    }
}
