package org.supvisors.client.model;

/**
 * What to do when a running process crashes (0.19's {@code RunningFailureStrategies}).
 */
public enum RunningFailureStrategy {
    /** Nothing. */
    CONTINUE(0),
    /** Restart the process. */
    RESTART_PROCESS(1),
    /** Stop its application. */
    STOP_APPLICATION(2),
    /** Restart its application. */
    RESTART_APPLICATION(3),
    /** Shut Supvisors down. */
    SHUTDOWN(4),
    /** Restart Supvisors. */
    RESTART(5);

    private final int code;

    RunningFailureStrategy(int code) {
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
    public static RunningFailureStrategy fromCode(int code) {
        return WireCodes.byCode(RunningFailureStrategy.class, RunningFailureStrategy::code, code);
    }

    /**
     * The constant with this wire name, exactly (case-sensitive, as 0.19 compares them).
     *
     * @throws IllegalArgumentException naming the value and the expected names
     */
    public static RunningFailureStrategy fromName(String name) {
        return WireCodes.byName(RunningFailureStrategy.class, name);
    }
}
