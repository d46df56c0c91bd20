package org.supvisors.client.model;

/**
 * The states of a Supvisors instance as seen by another (0.19's {@code SupvisorsInstanceStates}).
 */
public enum InstanceState {
    /** Not heard of, or lost and forgotten. */
    STOPPED(0),
    /** Handshake in progress. */
    CHECKING(1),
    /** Handshake done, waiting to be activated by the state machine. */
    CHECKED(2),
    /** Active member of Supvisors. */
    RUNNING(3),
    /** Lost (silence or transport failure). */
    FAILED(4),
    /** Fenced off until its supervisord restarts. */
    ISOLATED(5);

    private final int code;

    InstanceState(int code) {
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
    public static InstanceState fromCode(int code) {
        return WireCodes.byCode(InstanceState.class, InstanceState::code, code);
    }

    /**
     * The constant with this wire name, exactly (case-sensitive, as 0.19 compares them).
     *
     * @throws IllegalArgumentException naming the value and the expected names
     */
    public static InstanceState fromName(String name) {
        return WireCodes.byName(InstanceState.class, name);
    }
}
