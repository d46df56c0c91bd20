package org.supvisors.transport.supervisord;

import org.supvisors.core.api.WireEnum;

/** supervisord's own state, as {@code supervisor.getState} answers it. */
public enum SupervisordState implements WireEnum {
    /** supervisord hit an unrecoverable error. */
    FATAL(2),
    /** supervisord works normally. */
    RUNNING(1),
    /** supervisord is restarting ({@code supervisor.restart}). */
    RESTARTING(0),
    /** supervisord is stopping. */
    SHUTDOWN(-1);

    private final int code;

    SupervisordState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The state with this code, rejecting unknown codes with a message. */
    public static SupervisordState fromCode(int code) {
        return WireEnum.fromCode(SupervisordState.class, code);
    }
}
