package org.supvisors.core.strategy;

import org.supvisors.core.api.WireEnum;

/** What to do when the synchronization conditions stop holding after SYNCHRONIZATION. */
public enum SupvisorsFailureStrategy implements WireEnum {
    /** Keep working, in degraded mode. */
    CONTINUE(0),
    /** Go back to SYNCHRONIZATION. */
    RESYNC(1),
    /** Shut Supvisors down. */
    SHUTDOWN(2);

    private final int code;

    SupvisorsFailureStrategy(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
