package org.supvisors.core.strategy;

import org.supvisors.core.api.WireEnum;

/** What the Master does when a running process crashes or is lost with its instance. */
public enum RunningFailureStrategy implements WireEnum {
    /** Nothing. */
    CONTINUE(0),
    /** Restart the process. */
    RESTART_PROCESS(1),
    /** Stop the whole application. */
    STOP_APPLICATION(2),
    /** Restart the whole application. */
    RESTART_APPLICATION(3),
    /** Shut Supvisors down. */
    SHUTDOWN(4),
    /** Restart Supvisors. */
    RESTART(5);

    private final int code;

    RunningFailureStrategy(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
