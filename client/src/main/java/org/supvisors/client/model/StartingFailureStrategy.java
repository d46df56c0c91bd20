package org.supvisors.client.model;

/**
 * What to do when a process of an application fails to start (0.19's {@code StartingFailureStrategies}).
 */
public enum StartingFailureStrategy {
    /** Abort the start of the application. */
    ABORT(0),
    /** Stop the application. */
    STOP(1),
    /** Go on with the rest of the start sequence. */
    CONTINUE(2);

    private final int code;

    StartingFailureStrategy(int code) {
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
    public static StartingFailureStrategy fromCode(int code) {
        return WireCodes.byCode(StartingFailureStrategy.class, StartingFailureStrategy::code, code);
    }

    /**
     * The constant with this wire name, exactly (case-sensitive, as 0.19 compares them).
     *
     * @throws IllegalArgumentException naming the value and the expected names
     */
    public static StartingFailureStrategy fromName(String name) {
        return WireCodes.byName(StartingFailureStrategy.class, name);
    }
}
