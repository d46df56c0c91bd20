package org.supvisors.core.strategy;

import org.supvisors.core.api.WireEnum;

/** How a Supvisors instance is chosen to start a process (option {@code starting_strategy}, rules, XML-RPC). */
public enum StartingStrategy implements WireEnum {
    /** The first valid candidate in the order of the rules. */
    CONFIG(0),
    /** The candidate with the lowest instance load, then node load. */
    LESS_LOADED(1),
    /** The candidate with the highest instance load that can still take the process. */
    MOST_LOADED(2),
    /** The local instance only. */
    LOCAL(3),
    /** The candidate with the lowest node load, then instance load. */
    LESS_LOADED_NODE(4),
    /** The candidate with the highest node load that can still take the process. */
    MOST_LOADED_NODE(5);

    private final int code;

    StartingStrategy(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
