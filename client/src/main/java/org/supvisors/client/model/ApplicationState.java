package org.supvisors.client.model;

/**
 * The states of an application (0.19's {@code ApplicationStates}).
 */
public enum ApplicationState {
    /** No process running. */
    STOPPED(0),
    /** Being started. */
    STARTING(1),
    /** Started. */
    RUNNING(2),
    /** Being stopped. */
    STOPPING(3),
    /** Gone: its group was removed everywhere (events only). */
    DELETED(4);

    private final int code;

    ApplicationState(int code) {
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
    public static ApplicationState fromCode(int code) {
        return WireCodes.byCode(ApplicationState.class, ApplicationState::code, code);
    }

    /**
     * The constant with this wire name, exactly (case-sensitive, as 0.19 compares them).
     *
     * @throws IllegalArgumentException naming the value and the expected names
     */
    public static ApplicationState fromName(String name) {
        return WireCodes.byName(ApplicationState.class, name);
    }
}
