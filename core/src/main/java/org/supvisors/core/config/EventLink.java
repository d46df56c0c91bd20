package org.supvisors.core.config;

import org.supvisors.core.api.WireEnum;

/** The external event interface (option {@code event_link}). */
public enum EventLink implements WireEnum {
    /** No event publisher. */
    NONE(0),
    /** A ZeroMQ PUB socket. */
    ZMQ(1),
    /** A websocket server. */
    WS(2);

    private final int code;

    EventLink(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
