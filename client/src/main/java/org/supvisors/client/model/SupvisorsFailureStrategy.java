package org.supvisors.client.model;

/**
 * What to do when the core instances are lost (0.19's {@code SupvisorsFailureStrategies}).
 */
public enum SupvisorsFailureStrategy {
    /** Go on. */
    CONTINUE(0),
    /** Synchronise again. */
    RESYNC(1),
    /** Shut down. */
    SHUTDOWN(2);

    private final int code;

    SupvisorsFailureStrategy(int code) {
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
    public static SupvisorsFailureStrategy fromCode(int code) {
        return WireCodes.byCode(SupvisorsFailureStrategy.class, SupvisorsFailureStrategy::code, code);
    }

    /**
     * The constant with this wire name, exactly (case-sensitive, as 0.19 compares them).
     *
     * @throws IllegalArgumentException naming the value and the expected names
     */
    public static SupvisorsFailureStrategy fromName(String name) {
        return WireCodes.byName(SupvisorsFailureStrategy.class, name);
    }
}
