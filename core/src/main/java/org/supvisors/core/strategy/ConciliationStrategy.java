package org.supvisors.core.strategy;

import org.supvisors.core.api.WireEnum;

/** How the Master resolves a process running on several instances. */
public enum ConciliationStrategy implements WireEnum {
    /** Keep the youngest process, stop the others. */
    SENICIDE(0),
    /** Keep the oldest process, stop the others. */
    INFANTICIDE(1),
    /** Do nothing: the user resolves the conflict. */
    USER(2),
    /** Stop the process everywhere. */
    STOP(3),
    /** Stop the process everywhere, then start it once. */
    RESTART(4),
    /** Stop the process everywhere and apply its running failure strategy. */
    RUNNING_FAILURE(5);

    private final int code;

    ConciliationStrategy(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
