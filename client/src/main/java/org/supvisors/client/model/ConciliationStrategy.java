package org.supvisors.client.model;

/**
 * How conflicts are resolved (0.19's {@code ConciliationStrategies}); sent as its code.
 */
public enum ConciliationStrategy {
    /** Keep the youngest process, stop the older ones. */
    SENICIDE(0),
    /** Keep the oldest process, stop the younger ones. */
    INFANTICIDE(1),
    /** Do nothing: the user resolves. */
    USER(2),
    /** Stop every conflicting process. */
    STOP(3),
    /** Stop every conflicting process, then start it again once. */
    RESTART(4),
    /** Stop every conflicting process, then apply its running failure strategy. */
    RUNNING_FAILURE(5);

    private final int code;

    ConciliationStrategy(int code) {
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
    public static ConciliationStrategy fromCode(int code) {
        return WireCodes.byCode(ConciliationStrategy.class, ConciliationStrategy::code, code);
    }

    /**
     * The constant with this wire name, exactly (case-sensitive, as 0.19 compares them).
     *
     * @throws IllegalArgumentException naming the value and the expected names
     */
    public static ConciliationStrategy fromName(String name) {
        return WireCodes.byName(ConciliationStrategy.class, name);
    }
}
