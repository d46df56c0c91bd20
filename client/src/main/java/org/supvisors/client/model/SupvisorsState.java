package org.supvisors.client.model;

/**
 * The states of the Supvisors state machine (0.19's {@code SupvisorsStates}), as {@code fsm_statecode} and
 * {@code fsm_statename} carry them.
 */
public enum SupvisorsState {
    /** Initial state: the local instance is being checked. */
    OFF(0),
    /** Waiting for the other instances, as {@code synchro_options} say. */
    SYNCHRONIZATION(1),
    /** Electing the Master among the running instances. */
    ELECTION(2),
    /** The Master starts the applications of the start sequence. */
    DISTRIBUTION(3),
    /** Normal operation: the control methods are available. */
    OPERATION(4),
    /** Conflicts found: some process runs on several instances. */
    CONCILIATION(5),
    /** Stopping every application before restarting every supervisord. */
    RESTARTING(6),
    /** Stopping every application before shutting every supervisord down. */
    SHUTTING_DOWN(7),
    /** Final state: supervisord is restarting or shutting down. */
    FINAL(8);

    private final int code;

    SupvisorsState(int code) {
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
    public static SupvisorsState fromCode(int code) {
        return WireCodes.byCode(SupvisorsState.class, SupvisorsState::code, code);
    }

    /**
     * The constant with this wire name, exactly (case-sensitive, as 0.19 compares them).
     *
     * @throws IllegalArgumentException naming the value and the expected names
     */
    public static SupvisorsState fromName(String name) {
        return WireCodes.byName(SupvisorsState.class, name);
    }
}
