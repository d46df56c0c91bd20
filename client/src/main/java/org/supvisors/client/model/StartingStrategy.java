package org.supvisors.client.model;

/**
 * Where a process is started (0.19's {@code StartingStrategies}); sent as its code.
 */
public enum StartingStrategy {
    /** The first instance of the rules' list that can take the load. */
    CONFIG(0),
    /** The instance with the lowest load that can take it. */
    LESS_LOADED(1),
    /** The instance with the highest load that can still take it. */
    MOST_LOADED(2),
    /** The instance that receives the request, if it can take the load. */
    LOCAL(3),
    /** An instance of the node with the lowest load. */
    LESS_LOADED_NODE(4),
    /** An instance of the node with the highest load that can still take it. */
    MOST_LOADED_NODE(5);

    private final int code;

    StartingStrategy(int code) {
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
    public static StartingStrategy fromCode(int code) {
        return WireCodes.byCode(StartingStrategy.class, StartingStrategy::code, code);
    }

    /**
     * The constant with this wire name, exactly (case-sensitive, as 0.19 compares them).
     *
     * @throws IllegalArgumentException naming the value and the expected names
     */
    public static StartingStrategy fromName(String name) {
        return WireCodes.byName(StartingStrategy.class, name);
    }
}
