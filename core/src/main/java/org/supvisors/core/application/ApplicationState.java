package org.supvisors.core.application;

import org.supvisors.core.api.WireEnum;

/** The state of an application, computed from the displayed states of its processes. */
public enum ApplicationState implements WireEnum {
    STOPPED(0),
    STARTING(1),
    RUNNING(2),
    STOPPING(3),
    /** The last process of the application was removed; the application is then forgotten. */
    DELETED(4);

    private final int code;

    ApplicationState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
