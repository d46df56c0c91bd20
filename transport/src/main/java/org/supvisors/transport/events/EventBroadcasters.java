package org.supvisors.transport.events;

import org.supvisors.core.config.EventLink;

import io.netty.channel.EventLoopGroup;

/** The publisher that {@code event_link} asks for. */
public final class EventBroadcasters {

    private EventBroadcasters() {
    }

    /**
     * Opens and starts the publisher of {@code link}: {@link EventBroadcaster#NONE} (nothing started),
     * a {@link WebSocketBroadcaster} on {@code eventLoops}, or a {@link ZmqBroadcaster} with its thread.
     */
    public static EventBroadcaster open(EventLink link, EventSettings settings, EventLoopGroup eventLoops) {
        switch (link) {
            case NONE:
                return EventBroadcaster.NONE;
            case WS:
                return new WebSocketBroadcaster(settings).start(eventLoops);
            case ZMQ:
                return new ZmqBroadcaster(settings).start();
            default:
                throw new IllegalArgumentException("event_link: " + link + " (expected: NONE, WS or ZMQ)");
        }
    }
}
