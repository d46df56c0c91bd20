package org.supvisors.core.strategy;

import org.supvisors.core.api.WireEnum;

/** What an application start does when a required process fails to start. */
public enum StartingFailureStrategy implements WireEnum {
    /** Drop the planned commands of the application. */
    ABORT(0),
    /** Drop the planned commands, then stop the application. */
    STOP(1),
    /** Carry on with the sequence. */
    CONTINUE(2);

    private final int code;

    StartingFailureStrategy(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
