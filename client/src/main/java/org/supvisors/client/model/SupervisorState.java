package org.supvisors.client.model;

/**
 * The states of supervisord itself, as {@code supervisor.getState} answers them.
 */
public enum SupervisorState {
    /** supervisord is shutting down. */
    SHUTDOWN(-1),
    /** supervisord is restarting. */
    RESTARTING(0),
    /** supervisord is running. */
    RUNNING(1),
    /** supervisord hit an unrecoverable error. */
    FATAL(2);

    private final int code;

    SupervisorState(int code) {
        this.code = code;
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
    public static SupervisorState fromCode(int code) {
        return WireCodes.byCode(SupervisorState.class, SupervisorState::code, code);
    }

    /**
     * The constant with this wire name, exactly (case-sensitive, as 0.19 compares them).
     *
     * @throws IllegalArgumentException naming the value and the expected names
     */
    public static SupervisorState fromName(String name) {
        return WireCodes.byName(SupervisorState.class, name);
    }
}
